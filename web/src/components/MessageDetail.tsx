import { Link } from 'react-router';
import { api, type paths } from '../api/client.ts';
import { formatDateTime, formatNumber } from '../format.ts';
import { Badge, Card, Loaded, StatusTicks, statusTone, useInterval, useLoad } from '../ui.tsx';
import { PolicyClause, summaryOf } from './MessageText.tsx';

type Detail = paths['/v1/messages/{id}']['get']['responses'][200]['content']['application/json'];
type Policy = NonNullable<Detail['policy']>;

const SETTLED = new Set(['read', 'failed', 'deleted', 'received', 'played']);

// Who recorded each step (message_status_events.source).
const SOURCES: Record<string, string> = {
  api: 'Recorded by Xpecto when the send was accepted', dispatch: 'Recorded by Xpecto\'s dispatch to the Cloud API',
  webhook: 'Reported by WhatsApp', review: 'Decided by a reviewer',
};

/** One message: what it said, every status it went through, and why the platform let it go (or did not). */
export function MessageDetail({ id }: { id: string }) {
  const detail = useLoad(() => api.GET('/v1/messages/{id}', { params: { path: { id } } }), [id]);
  const settled = detail.data ? SETTLED.has(detail.data.status ?? '') : false;
  useInterval(() => void detail.reload(), detail.data && !settled ? 2_000 : null);
  return <Loaded result={detail} lines={12}>{(m) => <DetailBody m={m} />}</Loaded>;
}

function DetailBody({ m }: { m: Detail }) {
  const outbound = m.direction === 'outbound';
  return (
    <div className="message-detail" data-testid="message-detail">
      <Card className="detail-summary">
        <div className={`bubble ${outbound ? 'bubble-out' : 'bubble-in'} detail-bubble`}>
          <p className="bubble-text">{summaryOf(m)}</p>
          <p className="bubble-meta">{formatDateTime(m.created_at)} {outbound ? <StatusTicks status={m.status ?? ''} /> : null}</p>
        </div>
        {m.failure_reason ? <p className="form-error" data-testid="failure">Not delivered: {m.failure_reason}</p> : null}
        <dl className="facts">
          <div><dt>Status</dt><dd><Badge tone={statusTone(m.status ?? '')}>{m.status}</Badge></dd></div>
          <div><dt>{outbound ? 'To' : 'From'}</dt><dd>{m.contact_id ? <Link to={`/inbox/${m.contact_id}`}>{outbound ? m.to : m.from}</Link> : (outbound ? m.to : m.from)}</dd></div>
          <div><dt>Type</dt><dd>{m.template_name ? <>Template <strong>{m.template_name}</strong></> : m.type}{m.category ? ` (${m.category})` : null}</dd></div>
          {m.pricing ? <div><dt>Pricing</dt><dd>{pricingText(m.pricing)}</dd></div> : null}
          <div><dt>Message id</dt><dd><code>{m.id}</code></dd></div>
          {m.wamid ? <div><dt>WhatsApp id</dt><dd><code className="wrap-anywhere">{m.wamid}</code></dd></div> : null}
        </dl>
      </Card>
      <div className="grid detail-grid">
        <Card title="Status history">
          <History history={m.history ?? []} />
        </Card>
        <Card title="Policy decision">
          {m.policy ? <PolicyDecision policy={m.policy} contactId={m.contact_id} /> : <p className="muted">A customer&apos;s message: no sending policy applies to it.</p>}
        </Card>
      </div>
    </div>
  );
}

function pricingText(pricing: Record<string, unknown>): string {
  const billable = pricing['billable'] === false ? 'free' : 'billable';
  const category = typeof pricing['category'] === 'string' ? pricing['category'] : null;
  return [category, billable].filter(Boolean).join(', ');
}

function History({ history }: { history: NonNullable<Detail['history']> }) {
  if (history.length === 0) return <p className="muted">No status recorded yet.</p>;
  return (
    <ol className="status-history" data-testid="status-history">
      {history.map((h, i) => {
        // A failure's detail is the error WhatsApp (or the dispatch) reported.
        const error = h.status === 'failed' && typeof h.detail?.['code'] === 'number' ? h.detail as { code: number; title?: string } : null;
        return (
          <li key={`${h.status}-${i}`} className="history-step">
            <span className="history-status"><StatusTicks status={h.status ?? ''} /> <strong>{h.status}</strong></span>
            <time dateTime={h.at}>{formatDateTime(h.at)}</time>
            <span className="muted history-source">{SOURCES[h.source ?? ''] ?? h.source}</span>
            {error ? <span className="history-error">{error.code === 0 ? error.title : `WhatsApp error ${error.code}${error.title ? `: ${error.title}` : ''}`}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

const DECISION: Record<string, { label: string; tone: 'good' | 'warn' | 'bad' }> = {
  allowed: { label: 'Allowed', tone: 'good' },
  held: { label: 'Held for review', tone: 'warn' },
  refused: { label: 'Refused', tone: 'bad' },
};

const BASIS: Record<string, string> = {
  consent: 'The contact\'s recorded opt-in',
  customer_service_window: 'A reply inside the 24-hour customer-service window',
  consent_exemption: 'The double opt-in confirmation (it asks for consent)',
};

function PolicyDecision({ policy, contactId }: { policy: Policy; contactId: string | undefined }) {
  const decision = DECISION[policy.decision ?? 'allowed'] ?? DECISION['allowed']!;
  const screening = policy.screening;
  return (
    <div className="stack policy-decision" data-testid="policy-decision">
      <p className="row"><Badge tone={decision.tone}>{decision.label}</Badge> <span>{policy.explanation}</span></p>
      <dl className="facts">
        <div><dt>Basis</dt><dd>{BASIS[policy.basis ?? ''] ?? policy.basis}{policy.category ? ` · ${policy.category}` : ''}</dd></div>
        {policy.consent ? (
          <div>
            <dt>Consent record</dt>
            <dd>
              {policy.consent.state === 'opted_in' ? 'Opted in' : policy.consent.state} to {policy.consent.purpose === 'all' ? 'all messages' : `${policy.consent.purpose} messages`}
              {' '}via {(policy.consent.source ?? '').replace(/_/g, ' ')} on {formatDateTime(policy.consent.recorded_at)}
              <br /><code className="wrap-anywhere">{policy.consent.record_id}</code>
              {contactId ? <> · <Link to={`/contacts/${contactId}`}>The contact&apos;s consent history and proof</Link></> : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Content screening</dt>
          <dd>
            {screening?.decision === 'allow' || !screening ? 'Nothing of concern found' : screening.decision === 'hold' ? 'Held for a reviewer' : 'Blocked'}
            {screening && (screening.rules ?? []).length > 0 ? <> (score {formatNumber(screening.score)})</> : null}
            {(screening?.rules ?? []).length > 0 ? (
              <ul className="rules">
                {screening!.rules!.map((r) => <li key={r.id}><code>{r.id}</code>{r.evidence ? <> — “{r.evidence}”</> : null}{r.clause ? <> · <PolicyClause clause={r.clause} /></> : null}</li>)}
              </ul>
            ) : null}
          </dd>
        </div>
        {policy.review ? (
          <div><dt>Review</dt><dd>{policy.review.outcome === 'released' ? 'Released' : 'Rejected'}{policy.review.by ? ` by ${policy.review.by}` : ''} on {formatDateTime(policy.review.at)}{policy.review.note ? ` — ${policy.review.note}` : ''}</dd></div>
        ) : null}
        {policy.clause ? <div><dt>Clause</dt><dd><PolicyClause clause={policy.clause} /></dd></div> : null}
      </dl>
    </div>
  );
}
