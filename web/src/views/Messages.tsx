import { useId, useState, type FormEvent } from 'react';
import { Link, Route, Routes, useParams, useSearchParams } from 'react-router';
import { api, type paths } from '../api/client.ts';
import { MessageDetail } from '../components/MessageDetail.tsx';
import { summaryOf, type Message } from '../components/MessageText.tsx';
import { formatDateTime } from '../format.ts';
import { EmptyState, ErrorState, Loading, Page, StatusTicks, useLoad } from '../ui.tsx';

type ListQuery = NonNullable<paths['/v1/messages']['get']['parameters']['query']>;
type Status = NonNullable<ListQuery['status']>[number];

export const STATUS_LABELS: Record<Status, string> = {
  held: 'Held for review', accepted: 'Accepted', queued: 'Queued', sent: 'Sent', delivered: 'Delivered', read: 'Read',
  played: 'Played', failed: 'Failed', deleted: 'Deleted', received: 'Received',
};

export function Messages() {
  return (
    <Routes>
      <Route index element={<MessageLog />} />
      <Route path=":id" element={<DetailPage />} />
    </Routes>
  );
}

function DetailPage() {
  const { id } = useParams();
  return (
    <Page title="Message" actions={<Link to="/messages">← Message log</Link>}>
      <MessageDetail id={id!} />
    </Page>
  );
}

/** The filters live in the address, so a filtered log can be reloaded, bookmarked and shared. */
const FILTER_KEYS = ['status', 'template', 'number', 'from', 'to', 'contact_id'] as const;
type Filters = Partial<Record<(typeof FILTER_KEYS)[number], string>>;

/** A calendar day typed in the form ("YYYY-MM-DD") is the user's local day: its start, or the next day's start. */
function dayStart(ymd: string, plusDays = 0): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

function queryOf(filters: Filters, cursor: string | undefined): ListQuery {
  return {
    limit: 25,
    ...(cursor ? { cursor } : {}),
    ...(filters.status ? { status: [filters.status as Status] } : {}),
    ...(filters.template ? { template: filters.template } : {}),
    ...(filters.number ? { phone_number_id: filters.number } : {}),
    ...(filters.contact_id ? { contact_id: filters.contact_id } : {}),
    ...(filters.from ? { from: dayStart(filters.from) } : {}),
    // The form's "to" day is included: the API's `to` is exclusive, so it is the next day's start.
    ...(filters.to ? { to: dayStart(filters.to, 1) } : {}),
  };
}

function MessageLog() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const filterKey = FILTER_KEYS.map((k) => filters[k] ?? '').join('|');
  // Cursor pagination: the cursors of the pages seen so far, to go back to newer ones.
  const [pages, setPages] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  const cursors = pages.key === filterKey ? pages.cursors : [undefined];
  const cursor = cursors.at(-1);
  const log = useLoad(() => api.GET('/v1/messages', { params: { query: queryOf(filters, cursor) } }), [filterKey, cursor]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <Page title="Messages">
      <FilterForm filters={filters} onApply={(next) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)))} />
      <section aria-labelledby="log-title" className="card message-log">
        <h2 id="log-title" className="visually-hidden">Message log</h2>
        {log.data ? (
          (log.data.data ?? []).length === 0
            ? (
              <EmptyState title={filtered ? 'No message matches these filters.' : 'No messages yet.'}>
                {filtered ? <Link to="/messages">Clear the filters</Link> : <>Send one from the <Link to="/inbox">Inbox</Link> or with <code>POST /v1/messages</code>.</>}
              </EmptyState>
            )
            : <LogTable messages={log.data.data ?? []} busy={log.loading} />
        ) : log.error ? <ErrorState message={log.error} onRetry={log.reload} /> : <Loading lines={10} label="Loading messages" />}
        <nav className="pager row" aria-label="Pages">
          <button type="button" className="secondary" disabled={cursors.length < 2} onClick={() => setPages({ key: filterKey, cursors: cursors.slice(0, -1) })}>Newer</button>
          <span className="muted">Page {cursors.length}</span>
          <button type="button" className="secondary" disabled={!log.data?.next_cursor} onClick={() => setPages({ key: filterKey, cursors: [...cursors, log.data!.next_cursor!] })}>Older</button>
        </nav>
      </section>
    </Page>
  );
}

function FilterForm({ filters, onApply }: { filters: Filters; onApply: (f: Filters) => void }) {
  const id = useId();
  const templates = useLoad(() => api.GET('/v1/templates', { params: { query: { limit: 200 } } }), []);
  const numbers = useLoad(() => api.GET('/v1/phone-numbers'), []);
  const templateNames = [...new Set((templates.data?.data ?? []).map((t) => t.name ?? ''))].filter(Boolean).sort();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onApply({ ...Object.fromEntries(FILTER_KEYS.map((k) => [k, String(form.get(k) ?? '')])), ...(filters.contact_id ? { contact_id: filters.contact_id } : {}) });
  };

  return (
    <form className="card filters" onSubmit={submit} aria-label="Filter messages" key={JSON.stringify(filters)}>
      <div className="filter-grid">
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} name="status" defaultValue={filters.status ?? ''}>
            <option value="">Any status</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-template`}>Template</label>
          <select id={`${id}-template`} name="template" defaultValue={filters.template ?? ''}>
            <option value="">Any template</option>
            {templateNames.map((n) => <option key={n} value={n}>{n}</option>)}
            {filters.template && !templateNames.includes(filters.template) ? <option value={filters.template}>{filters.template}</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-number`}>Business number</label>
          <select id={`${id}-number`} name="number" defaultValue={filters.number ?? ''}>
            <option value="">Any number</option>
            {(numbers.data?.data ?? []).map((n) => <option key={n.id} value={n.id}>{n.display_phone_number}{n.verified_name ? ` · ${n.verified_name}` : ''}</option>)}
            {filters.number && !(numbers.data?.data ?? []).some((n) => n.id === filters.number) ? <option value={filters.number}>{filters.number}</option> : null}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>From day</label>
          <input id={`${id}-from`} name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To day (included)</label>
          <input id={`${id}-to`} name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
      </div>
      <div className="row">
        <button type="submit">Apply filters</button>
        {Object.keys(filters).length > 0 ? <Link to="/messages" className="button secondary">Clear</Link> : null}
        {filters.contact_id ? <span className="muted">Showing one contact&apos;s messages.</span> : null}
      </div>
    </form>
  );
}

function LogTable({ messages, busy }: { messages: Message[]; busy: boolean }) {
  return (
    <table className="log-table" aria-busy={busy}>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Customer</th>
          <th scope="col">Message</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id} data-testid="message-row" data-status={m.status}>
            <td data-label="When"><Link to={`/messages/${m.id}`}>{formatDateTime(m.created_at)}</Link></td>
            <td data-label="Customer">
              <span className="direction">{m.direction === 'outbound' ? 'To' : 'From'}</span> {m.direction === 'outbound' ? m.to : m.from}
            </td>
            <td data-label="Message" className="log-message">
              {m.template_name ? <span className="muted">Template {m.template_name} · </span> : null}
              {summaryOf(m)}
              {m.failure_reason ? <p className="log-failure">{m.failure_reason}</p> : null}
            </td>
            <td data-label="Status" className="log-status">
              <StatusTicks status={m.status ?? ''} /> <span>{STATUS_LABELS[m.status as Status] ?? m.status}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
