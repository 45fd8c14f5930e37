import { useState } from 'react';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, useInterval, useLoad } from '../../ui.tsx';

type Page = paths['/v1/webhook-endpoints/{id}/deliveries']['get']['responses'][200]['content']['application/json'];
type Delivery = NonNullable<Page['data']>[number];
type Status = NonNullable<Delivery['status']>;

const STATUS: Record<Status, { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' | 'info' }> = {
  succeeded: { label: 'Delivered', tone: 'good' },
  pending: { label: 'Pending', tone: 'info' },
  failed: { label: 'Failed', tone: 'bad' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

/** Pending is "Queued" before the first attempt and "Retrying" after a failed one. */
function statusOf(d: Delivery): { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' | 'info' } {
  const s = STATUS[d.status ?? 'pending'];
  if (d.status !== 'pending') return s;
  return (d.attempts ?? 0) > 0 ? { label: 'Retrying', tone: 'warn' } : { label: 'Queued', tone: 'info' };
}

/** The endpoint's deliveries, newest first (30 days): each attempt's status code and error, and replay of one. */
export function DeliveryLog({ endpointId, canReplay, version }: { endpointId: string; canReplay: boolean; version: number }) {
  const [status, setStatus] = useState<Status | ''>('');
  const first = useLoad(
    () => api.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 25, ...(status ? { status } : {}) } } }),
    [endpointId, status, version],
  );
  const [more, setMore] = useState<{ rows: Delivery[]; cursor: string | null; forCursor: string | null }>({ rows: [], cursor: null, forCursor: null });
  const [notice, setNotice] = useState<string | null>(null);
  // Later pages belong to the first page they followed: a new first page (filter, reload) drops them.
  const firstCursor = first.data?.next_cursor ?? null;
  const extra = more.forCursor === firstCursor ? more : { rows: [], cursor: firstCursor, forCursor: firstCursor };
  const retrying = first.data?.data?.some((d) => d.status === 'pending') ?? false;
  useInterval(() => void first.reload(), retrying ? 5_000 : null);

  const loadMore = async () => {
    if (!extra.cursor) return;
    const { data, error } = await api.GET('/v1/webhook-endpoints/{id}/deliveries', { params: { path: { id: endpointId }, query: { limit: 25, cursor: extra.cursor, ...(status ? { status } : {}) } } });
    if (error || !data) return setNotice(errorMessage(error));
    setMore({ rows: [...extra.rows, ...(data.data ?? [])], cursor: data.next_cursor ?? null, forCursor: firstCursor });
  };
  const replay = async (d: Delivery) => {
    const { error } = await api.POST('/v1/webhook-deliveries/{id}/replay', { params: { path: { id: d.id! } } });
    setNotice(error ? errorMessage(error) : `The ${d.event_type} event is queued for delivery again with the same webhook-id.`);
    if (!error) void first.reload();
  };

  return (
    <Card title="Delivery log">
      <div className="row toolbar">
        <label htmlFor="delivery-status">Status</label>
        <select id="delivery-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
          <option value="">All</option>
          {(Object.keys(STATUS) as Status[]).map((s) => <option key={s} value={s}>{STATUS[s].label}</option>)}
        </select>
        <button type="button" className="secondary" onClick={() => void first.reload()}>Refresh</button>
      </div>
      <p role="status" className="notice-line">{notice ?? ''}</p>
      <Loaded result={first} lines={6}>
        {(page) => {
          const rows = [...(page.data ?? []), ...extra.rows];
          if (rows.length === 0) {
            return <EmptyState title={status ? 'No deliveries with this status.' : 'No deliveries yet.'}>Deliveries appear here as events happen; send a message to see its status events arrive.</EmptyState>;
          }
          return (
            <>
              <div className="table-wrap">
                <table className="stack-table">
                  <caption className="visually-hidden">Deliveries, newest first</caption>
                  <thead>
                    <tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Response</th><th scope="col">Attempts</th><th scope="col">Created</th>{canReplay ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}</tr>
                  </thead>
                  <tbody>
                    {rows.map((d) => (
                      <tr key={d.id} data-testid="delivery-row">
                        <td data-label="Event"><code>{d.event_type}</code>{d.replay_of ? <span className="hint"> (replay)</span> : null}</td>
                        <td data-label="Status">
                          <Badge tone={statusOf(d).tone}>{statusOf(d).label}</Badge>
                          {d.status === 'pending' && d.next_attempt_at ? <div className="hint">next try {formatDateTime(d.next_attempt_at)}</div> : null}
                        </td>
                        <td data-label="Response">
                          {d.last_status_code ? <code>HTTP {d.last_status_code}</code> : d.last_error ? null : <span className="muted">—</span>}
                          {d.last_error ? <div className="delivery-error">{d.last_error}</div> : null}
                          {d.last_duration_ms !== null && d.last_duration_ms !== undefined ? <div className="hint">{formatNumber(d.last_duration_ms)} ms</div> : null}
                        </td>
                        <td data-label="Attempts"><Attempts delivery={d} /></td>
                        <td data-label="Created">{formatDateTime(d.created_at)}</td>
                        {canReplay ? <td data-label="Actions"><button type="button" className="secondary" onClick={() => void replay(d)}>Replay<span className="visually-hidden"> {d.event_type} of {formatDateTime(d.created_at)}</span></button></td> : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {extra.cursor ? <button type="button" className="secondary" onClick={() => void loadMore()}>Show older deliveries</button> : null}
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

/** The attempt count; opened, every attempt (the list leaves them out: they are read when asked for). */
function Attempts({ delivery }: { delivery: Delivery }) {
  const [log, setLog] = useState<Delivery['attempt_log'] | null>(delivery.attempt_log ?? null);
  const [error, setError] = useState<string | null>(null);
  const attempts = delivery.attempts ?? 0;
  if (attempts === 0) return <>{formatNumber(0)}</>;
  const open = async () => {
    if (log) return;
    const { data, error: failure } = await api.GET('/v1/webhook-deliveries/{id}', { params: { path: { id: delivery.id! } } });
    if (failure || !data) setError(errorMessage(failure));
    else setLog(data.attempt_log ?? []);
  };
  return (
    <details onToggle={(e) => { if (e.currentTarget.open) void open(); }}>
      <summary>{formatNumber(attempts)}<span className="visually-hidden"> attempts: show each</span></summary>
      {error ? <p className="delivery-error">{error}</p> : null}
      {log ? (
        <ol className="attempts">
          {log.map((a) => (
            <li key={a.attempt}>
              {formatDateTime(a.attempted_at)}: {a.status_code ? <code>HTTP {a.status_code}</code> : 'no answer'}
              {a.duration_ms !== undefined ? ` in ${formatNumber(a.duration_ms)} ms` : ''}
              {a.error ? <span className="delivery-error"> — {a.error}</span> : null}
            </li>
          ))}
        </ol>
      ) : error ? null : <p className="hint">Loading…</p>}
    </details>
  );
}
