import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { Pager, useCursorPages } from '../../components/Pager.tsx';
import { formatDateTime } from '../../format.ts';
import { EmptyState, Loaded, Page, useInterval, useLoad } from '../../ui.tsx';
import { QualityBadge, StatusBadge, statusReason } from './TemplateBadges.tsx';

type Query = NonNullable<paths['/v1/templates']['get']['parameters']['query']>;

/** The organization's templates with their status and quality; statuses under review refresh on their own. */
export function TemplateLibrary() {
  const pages = useCursorPages();
  const [filters, setFilters] = useState<{ name: string; status: Query['status'] | ''; category: Query['category'] | '' }>({ name: '', status: '', category: '' });
  const [syncNote, setSyncNote] = useState<string | null>(null);
  const list = useLoad(() => api.GET('/v1/templates', {
    params: { query: { limit: 25, ...(pages.cursor ? { cursor: pages.cursor } : {}), ...(filters.name.trim() ? { name: filters.name.trim() } : {}),
      ...(filters.status ? { status: filters.status } : {}), ...(filters.category ? { category: filters.category } : {}) } },
  }), [pages.cursor, filters.name, filters.status, filters.category]);
  // Meta's review answers by webhook: while a template is in review, look again often; otherwise now and then.
  const reviewing = list.data?.data?.some((t) => t.status === 'PENDING' || t.status === 'IN_APPEAL');
  useInterval(() => void list.reload(), reviewing ? 2_000 : 15_000);

  const filter = (patch: Partial<typeof filters>) => { setFilters((f) => ({ ...f, ...patch })); pages.reset(); };
  const sync = async () => {
    setSyncNote('Fetching templates from WhatsApp…');
    const { data, error } = await api.POST('/v1/templates/sync', { body: {} });
    setSyncNote(data ? `WhatsApp has ${data.total ?? 0} templates: ${data.created ?? 0} new, ${data.changed ?? 0} changed.` : errorMessage(error));
    void list.reload();
  };

  return (
    <Page title="Templates" actions={<><button type="button" className="secondary" onClick={() => void sync()}>Sync from WhatsApp</button><Link className="button" to="/templates/new">New template</Link></>}>
      {syncNote ? <p className="notice" role="status">{syncNote}</p> : null}
      <form className="template-filters" role="search" aria-label="Filter templates" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="tpl-filter-name">Name</label>
          <input id="tpl-filter-name" type="search" value={filters.name} onChange={(e) => filter({ name: e.target.value })} placeholder="order_update" />
        </div>
        <div className="field">
          <label htmlFor="tpl-filter-status">Status</label>
          <select id="tpl-filter-status" value={filters.status} onChange={(e) => filter({ status: e.target.value as Query['status'] })}>
            <option value="">Any</option>
            {['DRAFT', 'PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'].map((s) => <option key={s} value={s}>{s.charAt(0) + s.slice(1).toLowerCase()}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="tpl-filter-category">Category</label>
          <select id="tpl-filter-category" value={filters.category} onChange={(e) => filter({ category: e.target.value as Query['category'] })}>
            <option value="">Any</option>
            <option value="MARKETING">Marketing</option>
            <option value="UTILITY">Utility</option>
            <option value="AUTHENTICATION">Authentication</option>
          </select>
        </div>
      </form>
      <div className="card flush">
        <Loaded result={list} lines={8}>
          {(page) => (page.data ?? []).length === 0 ? (
            <EmptyState title={filters.name || filters.status || filters.category ? 'No template matches these filters.' : 'No templates yet.'}>
              {filters.name || filters.status || filters.category
                ? <p>Clear the filters to see every template.</p>
                : <p><Link to="/templates/new">Build your first template</Link>, or sync the ones already in WhatsApp Manager.</p>}
            </EmptyState>
          ) : (
            <table className="card-rows">
              <caption className="visually-hidden">Message templates</caption>
              <thead><tr><th scope="col">Name</th><th scope="col">Language</th><th scope="col">Category</th><th scope="col">Status</th><th scope="col">Quality</th><th scope="col">Updated</th></tr></thead>
              <tbody>
                {(page.data ?? []).map((t) => {
                  const why = statusReason(t);
                  return (
                    <tr key={t.id} data-testid="template-row" data-name={t.name}>
                      <td data-label="Name"><Link to={`/templates/${t.id}`} className="strong">{t.name}</Link></td>
                      <td data-label="Language">{t.language}</td>
                      <td data-label="Category">{titleCase(t.category)}</td>
                      <td data-label="Status"><StatusBadge status={t.status} />{why ? <p className="small-text reason">{why}</p> : null}</td>
                      <td data-label="Quality"><QualityBadge quality={t.quality_score} /></td>
                      <td data-label="Updated">{formatDateTime(t.updated_at)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </Loaded>
      </div>
      <Pager pages={pages} nextCursor={list.data?.next_cursor} label="Template pages" />
    </Page>
  );
}

export const titleCase = (s: string | undefined) => (s ? s.charAt(0) + s.slice(1).toLowerCase() : '—');
