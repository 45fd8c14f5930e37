import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, type ApiError, type paths } from '../../api/client.ts';
import { Pager, useCursorPages } from '../../components/Pager.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { EmptyState, Loading, Page, useLoad } from '../../ui.tsx';
import { ConsentBadge } from './ConsentBadge.tsx';
import { FilterBuilder, filterOf, type FilterState } from './FilterBuilder.tsx';

const PAGE_SIZE = 25;

function readFilter(raw: string | null): FilterState {
  try {
    const parsed = raw ? JSON.parse(raw) as FilterState : null;
    if (parsed && Array.isArray(parsed.conditions)) return parsed;
  } catch { /* a hand-edited address: start without conditions */ }
  return { match: 'all', conditions: [] };
}

/** Contacts, newest first: free-text search and conditions in the filter language, kept in the address to share. */
export function ContactList() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const applied = useMemo(() => readFilter(params.get('f')), [params]);
  const [text, setText] = useState(q);
  const [editing, setEditing] = useState<FilterState>(applied);
  const [open, setOpen] = useState(applied.conditions.length > 0);
  const pages = useCursorPages();
  const defs = useLoad(() => api.GET('/v1/contact-attributes'), []);
  const definitions = defs.data?.data ?? [];

  const filter = useMemo(() => ({ and: [...(q.trim() ? [{ q: q.trim() }] : []), ...filterOf(applied, definitions)] }), [q, applied, definitions]);
  const key = JSON.stringify(filter);
  useEffect(() => { pages.reset(); }, [key, pages.reset]);
  const list = useLoad(() => api.POST('/v1/contacts/search', {
    body: { filter, limit: PAGE_SIZE, ...(pages.cursor ? { cursor: pages.cursor } : {}) },
  }).then(withDetails), [key, pages.cursor]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (editing.conditions.length > 0) next.set('f', JSON.stringify(editing));
    setParams(next);
  };
  const clear = () => { setText(''); setEditing({ match: 'all', conditions: [] }); setParams(new URLSearchParams()); };
  const filtered = q !== '' || applied.conditions.length > 0;

  return (
    <Page title="Contacts" actions={<Link className="button" to="/contacts/import">Import CSV</Link>}>
      <form className="card search-form" role="search" aria-label="Search contacts" onSubmit={apply}>
        <div className="row contact-search-row">
          <label htmlFor="contact-q" className="visually-hidden">Name or phone number</label>
          <input id="contact-q" type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name or phone number" maxLength={100} />
          <button type="submit">Search</button>
          <button type="button" className="secondary" aria-expanded={open} aria-controls="contact-filters" onClick={() => setOpen((o) => !o)}>
            Filters{applied.conditions.length > 0 ? ` (${formatNumber(applied.conditions.length)})` : ''}
          </button>
          {filtered ? <button type="button" className="link-button" onClick={clear}>Clear</button> : null}
        </div>
        <div id="contact-filters" hidden={!open}>
          <FilterBuilder state={editing} onChange={setEditing} defs={definitions} />
          <button type="submit" className="secondary">Apply filters</button>
        </div>
      </form>
      <div className="card flush" aria-live="polite" aria-busy={list.loading}>
        {list.data ? <ContactTable rows={list.data.data ?? []} filtered={filtered} /> : list.error ? (
          <div className="error-state" role="alert">
            <p>{list.error}</p>
            <p>Change the search or the filters and try again.</p>
          </div>
        ) : <Loading lines={12} label="Loading contacts" />}
      </div>
      <Pager pages={pages} nextCursor={list.data?.next_cursor} label="Contact pages" />
    </Page>
  );
}

type Contact = NonNullable<paths['/v1/contacts/search']['post']['responses'][200]['content']['application/json']['data']>[number];

/** A refused filter names the condition at fault (`body.filter.and.1.or.0.tag`): the message says which and why. */
function withDetails<T extends { error?: unknown }>(answer: T): T {
  const body = answer.error as ApiError | undefined;
  const details = body?.error?.details;
  if (!body?.error || !Array.isArray(details) || details.length === 0) return answer;
  const why = details.map((d: { path?: string; message?: string }) => `${d.path?.replace(/^body\.filter\.?/, '') || 'filter'} ${d.message ?? ''}`.trim()).join('; ');
  return { ...answer, error: { error: { ...body.error, message: `${body.error.message} ${why}.` } } };
}

function ContactTable({ rows, filtered }: { rows: Contact[]; filtered: boolean }) {
  if (rows.length === 0) {
    return filtered
      ? <EmptyState title="No contact matches.">Try fewer conditions, or search by the number's first digits.</EmptyState>
      : <EmptyState title="No contacts yet."><p><Link to="/contacts/import">Import a CSV file</Link> or add contacts through the API (POST /v1/contacts).</p></EmptyState>;
  }
  return (
    <table className="card-rows contacts-table">
      <caption className="visually-hidden">Contacts</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Phone</th><th scope="col">Tags</th><th scope="col">Marketing</th><th scope="col">Last message</th><th scope="col">Added</th></tr></thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} data-testid="contact-row">
            <td data-label="Name"><Link to={`/contacts/${c.id}`} className="strong">{c.name || 'No name'}</Link></td>
            <td data-label="Phone" className="nowrap">{c.phone}</td>
            <td data-label="Tags">{(c.tags ?? []).length === 0 ? <span className="muted">—</span> : <span className="tags">{(c.tags ?? []).map((t) => <span key={t} className="tag">{t}</span>)}</span>}</td>
            <td data-label="Marketing"><ConsentBadge state={c.consent?.marketing?.state} /></td>
            <td data-label="Last message">{formatDateTime(c.last_inbound_at)}</td>
            <td data-label="Added">{formatDateTime(c.created_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
