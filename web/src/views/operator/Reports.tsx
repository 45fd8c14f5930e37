import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, useLoad } from '../../ui.tsx';

type Report = paths['/v1/operator/reports']['get']['responses'][200]['content']['application/json']['data'][number];

/** Violation reports, newest first, each with the case that investigates it. */
export function Reports() {
  const [status, setStatus] = useState<'received' | 'closed' | 'all'>('received');
  const reports = useLoad(() => api.GET('/v1/operator/reports', { params: { query: { status, limit: 50 } } }), [status]);
  const [more, setMore] = useState<{ rows: Report[]; cursor: string | null; after: string | null }>({ rows: [], cursor: null, after: null });
  const [notice, setNotice] = useState<string | null>(null);
  const firstCursor = reports.data?.next_cursor ?? null;
  const extra = more.after === firstCursor ? more : { rows: [], cursor: firstCursor, after: firstCursor };
  const loadMore = async () => {
    if (!extra.cursor) return;
    const { data, error } = await api.GET('/v1/operator/reports', { params: { query: { status, limit: 50, cursor: extra.cursor } } });
    if (error || !data) return setNotice(errorMessage(error));
    setMore({ rows: [...extra.rows, ...data.data], cursor: data.next_cursor, after: firstCursor });
  };

  return (
    <Card title="Reports">
      <div className="row toolbar">
        <label htmlFor="report-status">Status</label>
        <select id="report-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="received">Received</option>
          <option value="closed">Closed</option>
          <option value="all">All</option>
        </select>
      </div>
      {notice ? <p className="form-error" role="alert">{notice}</p> : null}
      <Loaded result={reports} lines={6}>
        {(page) => {
          const rows = [...page.data, ...extra.rows];
          if (rows.length === 0) return <EmptyState title="No report here.">The public files reports at <a href="/report">/report</a>.</EmptyState>;
          return (
            <>
              <ul className="plain-list report-list">
                {rows.map((r) => (
                  <li key={r.id} className="report-item">
                    <div className="row">
                      <Badge tone={r.status === 'received' ? 'warn' : 'neutral'}>{r.status}</Badge>
                      <strong>{r.category}</strong> <span className="hint">AUP {r.clause} · {r.source === 'form' ? 'web form' : 'API'} · {formatDateTime(r.created_at)} · {formatNumber(r.evidence_count)} evidence files</span>
                    </div>
                    <p className="hint">
                      About {r.organization ? <Link to={`/operator/organizations/${r.organization.id}`}>{r.organization.name}</Link> : (r.reported_business ?? 'an unknown business')}
                      {r.reported_phone ? ` (${r.reported_phone})` : ''}
                      {r.case ? <> · <Link to={`/operator/cases/${r.case.id}`}>case ({r.case.status})</Link></> : null}
                    </p>
                    <p className="report-description">{r.description}</p>
                    {r.outcome ? <p><strong>Outcome:</strong> {r.outcome}</p> : null}
                  </li>
                ))}
              </ul>
              {extra.cursor ? <button type="button" className="secondary" onClick={() => void loadMore()}>Show older reports</button> : null}
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}
