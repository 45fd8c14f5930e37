import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { Pager, useCursorPages } from '../../components/Pager.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Card, Loaded, useLoad } from '../../ui.tsx';
import { ImportStatus } from './ImportProgress.tsx';

/** The organization's earlier imports, each with its counts and its rejected-rows report. */
export function RecentImports() {
  const pages = useCursorPages();
  const list = useLoad(() => api.GET('/v1/contacts/imports', { params: { query: { limit: 10, ...(pages.cursor ? { cursor: pages.cursor } : {}) } } }), [pages.cursor]);
  return (
    <Card title="Earlier imports">
      <Loaded result={list} lines={3}>
        {(page) => (page.data ?? []).length === 0 ? <p className="muted">No file has been imported yet.</p> : (
          <table className="card-rows">
            <thead><tr><th scope="col">File</th><th scope="col">Status</th><th scope="col">Created</th><th scope="col">Rejected</th><th scope="col">When</th></tr></thead>
            <tbody>
              {(page.data ?? []).map((imp) => (
                <tr key={imp.id}>
                  <td data-label="File"><Link to={`/contacts/imports/${imp.id}`}>{imp.filename ?? 'CSV file'}</Link></td>
                  <td data-label="Status"><ImportStatus status={imp.status} /></td>
                  <td data-label="Created">{formatNumber(imp.progress?.created)}</td>
                  <td data-label="Rejected">
                    {formatNumber(imp.progress?.rejected)}
                    {(imp.progress?.rejected ?? 0) > 0 ? <> · <a href={imp.rejections_url} download>rejected rows (CSV)</a></> : null}
                  </td>
                  <td data-label="When">{formatDateTime(imp.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <Pager pages={pages} nextCursor={list.data?.next_cursor} label="Import pages" />
    </Card>
  );
}
