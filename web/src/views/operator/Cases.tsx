import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, statusTone, useLoad } from '../../ui.tsx';
import type { CaseSummary } from './case-types.ts';

const PRIORITY_TONE = { urgent: 'bad', high: 'warn', normal: 'info', low: 'neutral' } as const;

export function PriorityBadge({ priority }: { priority: CaseSummary['priority'] }) {
  return <Badge tone={PRIORITY_TONE[priority] ?? 'neutral'}>{priority}</Badge>;
}

/** The case queue, most urgent first: reports become cases about an organization, worked to a resolution. */
export function Cases() {
  const [status, setStatus] = useState<'open' | 'resolved' | 'all'>('open');
  const [mine, setMine] = useState(false);
  const cases = useLoad(() => api.GET('/v1/operator/cases', { params: { query: { status, ...(mine ? { assignee: 'me' } : {}) } } }), [status, mine]);

  return (
    <Card title="Cases">
      <div className="row toolbar">
        <label htmlFor="case-status">Status</label>
        <select id="case-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="all">All</option>
        </select>
        <label className="choice"><input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} /> Assigned to me</label>
      </div>
      <Loaded result={cases} lines={6}>
        {(page) => (page.data.length === 0 ? (
          <EmptyState title={status === 'open' ? 'No open case: the queue is clear.' : 'No case here.'}>Reports filed at <a href="/report">/report</a> or through the API open cases.</EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="stack-table">
              <caption className="visually-hidden">Cases, most urgent first</caption>
              <thead><tr><th scope="col">Priority</th><th scope="col">Case</th><th scope="col">Organization</th><th scope="col">Reports</th><th scope="col">Assignee</th><th scope="col">Opened</th></tr></thead>
              <tbody>
                {page.data.map((c) => (
                  <tr key={c.id} data-testid="case-row">
                    <td data-label="Priority"><PriorityBadge priority={c.priority} /></td>
                    <td data-label="Case"><Link to={`/operator/cases/${c.id}`}>{c.category} (AUP {c.clause})</Link>{c.status === 'resolved' ? <div className="hint">resolved {formatDateTime(c.resolved_at)}</div> : null}</td>
                    <td data-label="Organization">
                      {c.organization ? <><Link to={`/operator/organizations/${c.organization.id}`}>{c.organization.name}</Link> <Badge tone={statusTone(c.organization.standing ?? '')}>{c.organization.standing}</Badge></> : <span className="muted">Not a platform customer</span>}
                    </td>
                    <td data-label="Reports">{c.report_ids.length}</td>
                    <td data-label="Assignee">{c.assignee ? <code>{c.assignee}</code> : <span className="muted">Unassigned</span>}</td>
                    <td data-label="Opened">{formatDateTime(c.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </Loaded>
    </Card>
  );
}
