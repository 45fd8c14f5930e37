import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, statusTone, useLoad } from '../../ui.tsx';
import { AppealDecision } from './AppealDecision.tsx';

/** Appeals waiting for a decision across organizations, oldest first, each with the step it contests. */
export function Appeals() {
  const appeals = useLoad(() => api.GET('/v1/operator/appeals', { params: { query: { limit: 100 } } }), []);
  return (
    <Card title="Pending appeals">
      <Loaded result={appeals} lines={4}>
        {(page) => (page.data.length === 0 ? <EmptyState title="No appeal is waiting for a decision." /> : (
          <>
            {page.total > page.data.length ? <p className="hint">The oldest {formatNumber(page.data.length)} of {formatNumber(page.total)}.</p> : null}
            <ul className="plain-list appeal-queue">
              {page.data.map((a) => (
                <li key={a.id} className="appeal" data-testid="pending-appeal">
                  <div className="row">
                    {a.organization ? <Link to={`/operator/organizations/${a.org_id}`}><strong>{a.organization.name}</strong></Link> : <code>{a.org_id}</code>}
                    {a.organization?.standing ? <Badge tone={statusTone(a.organization.standing)}>{a.organization.standing}</Badge> : null}
                    <span className="hint">filed {formatDateTime(a.created_at)}</span>
                  </div>
                  {a.appealed_change ? (
                    <p className="hint">Against {a.appealed_change.from} → {a.appealed_change.to} (AUP {a.appealed_change.clause}) of {formatDateTime(a.appealed_change.at)}: {a.appealed_change.reason}</p>
                  ) : null}
                  <blockquote className="appeal-message">{a.message}</blockquote>
                  <AppealDecision orgId={a.org_id} appealId={a.id} onDecided={() => void appeals.reload()} />
                </li>
              ))}
            </ul>
          </>
        ))}
      </Loaded>
    </Card>
  );
}
