import { useState } from 'react';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Card, Loaded, useLoad } from '../../ui.tsx';
import { ConsentBadge } from './ConsentBadge.tsx';

type History = paths['/v1/contacts/{id}/consents']['get']['responses'][200]['content']['application/json'];
type ConsentRecord = NonNullable<History['history']>[number];

const SOURCES: Record<string, string> = {
  web_form: 'Web form', keyword: 'Keyword sent on WhatsApp', import: 'CSV import', api: 'API', click_to_whatsapp: 'Click-to-WhatsApp ad',
  agent: 'Agent', button: 'Button in a message', meta_error: 'WhatsApp reported the number cannot receive', user_preference: 'The customer\'s WhatsApp setting',
  double_opt_in: 'Confirmed by reply (double opt-in)', demo: 'Demo data', erasure: 'Erased on request',
};

/** The consent ledger for one contact, newest first: each record with its proof, as it was recorded. */
export function ConsentHistory({ contactId }: { contactId: string }) {
  const first = useLoad(() => api.GET('/v1/contacts/{id}/consents', { params: { path: { id: contactId }, query: { limit: 20 } } }), [contactId]);
  const [older, setOlder] = useState<{ records: ConsentRecord[]; next: string | null | undefined; error: string | null; busy: boolean }>({ records: [], next: undefined, error: null, busy: false });
  const next = older.next === undefined ? first.data?.next_before_seq : older.next;
  const more = async () => {
    if (!next) return;
    setOlder((o) => ({ ...o, busy: true }));
    const { data, error } = await api.GET('/v1/contacts/{id}/consents', { params: { path: { id: contactId }, query: { limit: 20, before_seq: next } } });
    setOlder((o) => (data ? { records: [...o.records, ...(data.history ?? [])], next: data.next_before_seq ?? null, error: null, busy: false } : { ...o, error: errorMessage(error), busy: false }));
  };
  return (
    <Card title="Consent history">
      <Loaded result={first} lines={4}>
        {(h) => {
          const records = [...(h.history ?? []), ...older.records];
          if (records.length === 0) return <p className="muted">No consent recorded. Record an opt-in with its proof (the text the customer agreed to) before sending templates.</p>;
          return (
            <>
              <ol className="ledger" aria-label="Consent records, newest first">
                {records.map((r) => <LedgerRecord key={r.id} r={r} />)}
              </ol>
              {older.error ? <p className="form-error" role="alert">{older.error}</p> : null}
              {next ? <button type="button" className="secondary" onClick={() => void more()} disabled={older.busy}>{older.busy ? 'Loading…' : 'Show older records'}</button> : null}
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

function LedgerRecord({ r }: { r: ConsentRecord }) {
  const proof = (r.proof ?? {}) as Record<string, unknown>;
  const text = typeof proof.text === 'string' ? proof.text : null;
  const url = typeof proof.url === 'string' ? proof.url : null;
  const str = (k: string) => (typeof proof[k] === 'string' || typeof proof[k] === 'number' ? String(proof[k]) : null);
  return (
    <li className="ledger-record" data-testid="consent-record">
      <div className="row">
        <ConsentBadge state={r.state} />
        <span className="strong">{r.purpose === 'all' ? 'All messages' : `${(r.purpose ?? '').charAt(0).toUpperCase()}${(r.purpose ?? '').slice(1)}`}</span>
        <time className="muted small-text" dateTime={r.recorded_at}>{formatDateTime(r.recorded_at)}</time>
      </div>
      <dl className="detail-list compact">
        <dt>Source</dt><dd>{SOURCES[r.source ?? ''] ?? r.source}{str('collected_via') ? ` (${str('collected_via')})` : ''}</dd>
        <dt>Recorded by</dt><dd className="wrap">{r.actor}</dd>
        {text ? <><dt>They agreed to</dt><dd><blockquote className="proof-text" data-testid="proof-text">{text}</blockquote></dd></> : null}
        {url ? <><dt>Page</dt><dd className="wrap">{/^https?:\/\//i.test(url) ? <a href={url} rel="noopener noreferrer nofollow" target="_blank">{url}</a> : url}</dd></> : null}
        {str('ip') ? <><dt>IP address</dt><dd>{str('ip')}</dd></> : null}
        {str('user_agent') ? <><dt>Browser</dt><dd className="wrap small-text">{str('user_agent')}</dd></> : null}
        {str('import_file') || str('import_row') ? <><dt>Import</dt><dd>{str('import_file') ?? 'file'}{str('import_row') ? `, row ${formatNumber(Number(str('import_row')))}` : ''}</dd></> : null}
        {str('wamid') ? <><dt>WhatsApp message</dt><dd className="wrap small-text">{str('wamid')}</dd></> : null}
        {str('note') ? <><dt>Note</dt><dd>{str('note')}</dd></> : null}
        <dt>Ledger hash</dt><dd><code className="wrap" title={r.hash}>{r.hash?.slice(0, 16)}…</code> <span className="muted small-text">#{r.seq}</span></dd>
      </dl>
    </li>
  );
}
