import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { Card, Loaded, Page, useLoad } from '../../ui.tsx';
import { ConsentBadge } from './ConsentBadge.tsx';
import { ConsentHistory } from './ConsentHistory.tsx';
import type { AttributeDef } from './FilterBuilder.tsx';

const PURPOSES = ['marketing', 'utility', 'authentication'] as const;

/** One contact: who they are, their tags and attributes, and their consent with the ledger's proof. */
export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useLoad(() => api.GET('/v1/contacts/{id}', { params: { path: { id } } }), [id]);
  const defs = useLoad(() => api.GET('/v1/contact-attributes'), []);
  const title = contact.data ? contact.data.name || contact.data.phone || 'Contact' : 'Contact';
  return (
    <Page title={title} actions={<Link to="/contacts">← All contacts</Link>}>
      <Loaded result={contact} lines={8}>
        {(c) => (
          <div className="contact-page">
            <div className="stack-col">
              <Card title="Details">
                <dl className="detail-list">
                  <dt>Phone</dt><dd data-testid="contact-phone">{c.phone}</dd>
                  <dt>WhatsApp id</dt><dd>{c.wa_id ?? <span className="muted">Not known until they write</span>}</dd>
                  <dt>Language</dt><dd>{c.language ?? '—'}</dd>
                  <dt>Time zone</dt><dd>{c.time_zone ?? '—'}</dd>
                  <dt>Last message from them</dt><dd>{formatDateTime(c.last_inbound_at)}</dd>
                  <dt>Added</dt><dd>{formatDateTime(c.created_at)}</dd>
                </dl>
              </Card>
              <Tags contactId={id} tags={c.tags ?? []} reload={contact.reload} />
              <Attributes contactId={id} values={c.attributes ?? {}} defs={defs.data?.data ?? []} reload={contact.reload} />
            </div>
            <div className="stack-col">
              <Card title="Consent now">
                <table className="consent-now">
                  <caption className="visually-hidden">Current consent per kind of message</caption>
                  <tbody>
                    {PURPOSES.map((p) => (
                      <tr key={p}>
                        <th scope="row">{p.charAt(0).toUpperCase() + p.slice(1)}</th>
                        <td><ConsentBadge state={c.consent?.[p]?.state} /></td>
                        <td className="muted small-text">{c.consent?.[p]?.recorded_at ? `since ${formatDateTime(c.consent[p].recorded_at)}` : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </Card>
              <ConsentHistory contactId={id} />
            </div>
          </div>
        )}
      </Loaded>
    </Page>
  );
}

function Tags({ contactId, tags, reload }: { contactId: string; tags: string[]; reload: () => Promise<void> }) {
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = async (change: { add?: string[]; remove?: string[] }) => {
    setBusy(true);
    setError(null);
    const { error: refused } = await api.POST('/v1/contacts/tags', { body: { contact_ids: [contactId], ...change } });
    if (refused) setError(errorMessage(refused));
    else { setTag(''); await reload(); }
    setBusy(false);
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const list = tag.split(',').map((t) => t.trim()).filter(Boolean);
    if (list.length > 0) void change({ add: list });
  };
  return (
    <Card title="Tags">
      {tags.length === 0 ? <p className="muted">No tags yet.</p> : (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((t) => (
            <li key={t} className="tag">
              {t}
              <button type="button" className="tag-remove" onClick={() => void change({ remove: [t] })} disabled={busy} aria-label={`Remove tag ${t}`}>×</button>
            </li>
          ))}
        </ul>
      )}
      <form className="row" onSubmit={add}>
        <label htmlFor="new-tag" className="visually-hidden">New tag</label>
        <input id="new-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="New tag" maxLength={200} />
        <button type="submit" className="secondary" disabled={busy || !tag.trim()}>Add tag</button>
      </form>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </Card>
  );
}

function Attributes({ contactId, values, defs, reload }: { contactId: string; values: Record<string, unknown>; defs: AttributeDef[]; reload: () => Promise<void> }) {
  const [editing, setEditing] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const keys = [...new Set([...defs.map((d) => d.key ?? ''), ...Object.keys(values)])].filter(Boolean);
  const start = () => setEditing(Object.fromEntries(defs.map((d) => [d.key!, values[d.key!] === undefined || values[d.key!] === null ? '' : String(values[d.key!])])));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    // An emptied field removes the value (null); the others are sent in their attribute's type.
    const attributes = Object.fromEntries(defs.map((d) => [d.key!, typedValue(editing[d.key!] ?? '', d.type)]));
    const body = { attributes };
    const { error: refused } = await api.PATCH('/v1/contacts/{id}', { params: { path: { id: contactId } }, body });
    if (refused) { setError(errorMessage(refused)); return; }
    setError(null);
    setEditing(null);
    await reload();
  };
  if (keys.length === 0) {
    return <Card title="Attributes"><p className="muted">Your organization has not defined contact attributes yet (POST /v1/contact-attributes): city, birthday, plan…</p></Card>;
  }
  if (editing) {
    return (
      <Card title="Attributes">
        <form onSubmit={(e) => void save(e)}>
          {defs.map((d) => (
            <div className="field" key={d.key}>
              <label htmlFor={`attr-${d.key}`}>{d.label || d.key}</label>
              <AttributeInput id={`attr-${d.key}`} def={d} value={editing[d.key!] ?? ''} onChange={(v) => setEditing((e) => ({ ...e, [d.key!]: v }))} />
            </div>
          ))}
          {error ? <p className="form-error" role="alert">{error}</p> : null}
          <div className="row">
            <button type="submit">Save attributes</button>
            <button type="button" className="link-button" onClick={() => { setEditing(null); setError(null); }}>Cancel</button>
          </div>
        </form>
      </Card>
    );
  }
  return (
    <Card title="Attributes">
      <dl className="detail-list">
        {keys.map((key) => {
          const def = defs.find((d) => d.key === key);
          return (
            <div key={key}>
              <dt>{def?.label || key}</dt>
              <dd>{showValue(values[key], def?.type)}</dd>
            </div>
          );
        })}
      </dl>
      {defs.length > 0 ? <p><button type="button" className="secondary small" onClick={start}>Edit attributes</button></p> : null}
    </Card>
  );
}

function AttributeInput({ id, def, value, onChange }: { id: string; def: AttributeDef; value: string; onChange: (v: string) => void }) {
  if (def.type === 'boolean' || def.type === 'enum') {
    const options: [string, string][] = def.type === 'boolean' ? [['true', 'Yes'], ['false', 'No']] : (def.options ?? []).map((o) => [o, o]);
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">— Not set —</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    );
  }
  return <input id={id} type={def.type === 'number' ? 'number' : def.type === 'date' ? 'date' : 'text'} value={value} onChange={(e) => onChange(e.target.value)} />;
}

function typedValue(raw: string, type: string | undefined): string | number | boolean | null {
  if (raw.trim() === '') return null;
  if (type === 'number') return Number(raw);
  if (type === 'boolean') return raw === 'true';
  return raw;
}

function showValue(value: unknown, type: string | undefined): string {
  if (value === undefined || value === null || value === '') return '—';
  if (type === 'number' && typeof value === 'number') return formatNumber(value);
  if (type === 'date' && typeof value === 'string') return formatDate(`${value}T00:00:00Z`);
  if (type === 'boolean') return value === true ? 'Yes' : 'No';
  return String(value);
}
