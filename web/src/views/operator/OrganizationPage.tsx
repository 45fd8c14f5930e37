import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import { bySeverity, SignalRow } from '../../components/SignalBar.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, Page, statusTone, useLoad } from '../../ui.tsx';
import { actorLabel } from '../standing/History.tsx';
import { AppealDecision } from './AppealDecision.tsx';
import { RiskScore } from './Organizations.tsx';
import { StandingActionForm } from './StandingActionForm.tsx';

/** One organization for an operator: standing and risk, every signal, the ladder's steps with reasons, appeals, cases. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const org = useLoad(() => api.GET('/v1/operator/organizations/{id}', { params: { path: { id } } }), [id]);
  return (
    <Loaded result={org} lines={10}>
      {(o) => {
        // What was observed comes first (a flagged signal's clause, the standing's), and is filled in; every signal's clause is suggested.
        const observed = [...new Set([...o.signals.map((s) => s.clause), ...(o.standing.clause ? [o.standing.clause] : [])])];
        const clauses = [...new Set([...observed, ...o.all_signals.map((s) => s.clause)])];
        return (
          <Page title={o.name} actions={<Link className="button secondary" to="/operator">All organizations</Link>}>
            <Card className="standing-summary">
              <div className="standing-state">
                <Badge tone={statusTone(o.standing.state)}>{o.standing.state}</Badge>
                <span data-testid="operator-org-standing">{o.standing.state === 'suspended' && o.standing.until ? `Suspended until ${formatDateTime(o.standing.until)}` : `In ${o.standing.state} standing`}</span>
              </div>
              <dl className="facts">
                <div><dt>Risk score</dt><dd><RiskScore score={o.risk_score} /></dd></div>
                <div><dt>Since</dt><dd>{formatDateTime(o.standing.since)}</dd></div>
                {o.standing.clause ? <div><dt>Clause</dt><dd>AUP {o.standing.clause}</dd></div> : null}
                <div><dt>Plan</dt><dd>{o.plan}</dd></div>
                <div><dt>Slug</dt><dd><code>{o.slug}</code></dd></div>
                <div><dt>Id</dt><dd><code>{o.id}</code></dd></div>
                <div><dt>Created</dt><dd>{formatDateTime(o.created_at)}</dd></div>
              </dl>
            </Card>
            <div className="two-columns">
              <Card title="Take an enforcement step">
                {o.standing.state === 'terminated' ? <p>This organization is terminated: that is final.</p> : (
                  <StandingActionForm
                    current={o.standing.state} clauses={clauses} initialClause={observed[0]} idPrefix="org-action"
                    onSubmit={async (action) => {
                      const { error } = await api.POST('/v1/operator/organizations/{id}/standing', { params: { path: { id } }, body: action });
                      if (!error) void org.reload();
                      return error ?? null;
                    }}
                  />
                )}
              </Card>
              <Card title="Pending appeals">
                {o.pending_appeals.length === 0 ? <EmptyState title="No appeal is waiting." /> : (
                  <ul className="plain-list">
                    {o.pending_appeals.map((a) => {
                      const step = o.history.find((h) => h.id === a.change_id);
                      return (
                        <li key={a.id} className="appeal">
                          <p className="hint">Filed {formatDateTime(a.created_at)}{step ? ` against ${step.from} → ${step.to} of ${formatDateTime(step.at)}` : ''}</p>
                          <blockquote className="appeal-message">{a.message}</blockquote>
                          <AppealDecision orgId={o.id} appealId={a.id} onDecided={() => void org.reload()} />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </Card>
            </div>
            <Card title="Signals">
              <p className="muted">Over the last {formatNumber(Math.round((o.window.seconds ?? 0) / 3600))} hours; rates count from {formatNumber(o.window.min_volume)} messages.</p>
              <ul className="signals">{[...o.all_signals].sort(bySeverity).map((s) => <SignalRow key={s.id} signal={s} />)}</ul>
            </Card>
            <Card title="Enforcement history">
              {o.history.length === 0 ? <EmptyState title="No enforcement steps yet." /> : (
                <ol className="history">
                  {o.history.map((c) => (
                    <li key={c.id} className="history-item" data-testid="history-step">
                      <div className="history-head">
                        <Badge tone={statusTone(c.from)}>{c.from}</Badge> <span aria-hidden="true">→</span><span className="visually-hidden">to</span> <Badge tone={statusTone(c.to)}>{c.to}</Badge>
                        <span className="hint">{formatDateTime(c.at)} · AUP {c.clause} · <span title={actorLabel(c.actor)}>{c.actor}</span>{c.risk_score !== null && c.risk_score !== undefined ? ` · risk ${formatNumber(c.risk_score)}` : ''}</span>
                      </div>
                      <p className="history-reason">{c.reason}</p>
                      {c.until ? <p className="hint">Until {formatDateTime(c.until)}</p> : null}
                    </li>
                  ))}
                </ol>
              )}
            </Card>
            <div className="two-columns">
              <Card title="Open cases">
                {o.open_case_list.length === 0 ? <EmptyState title="No open case." /> : (
                  <ul className="plain-list">
                    {o.open_case_list.map((c) => (
                      <li key={c.id}><Link to={`/operator/cases/${c.id}`}>{c.category} (AUP {c.clause})</Link> <span className="hint">opened {formatDateTime(c.created_at)}{c.assignee ? '' : ', unassigned'}</span></li>
                    ))}
                  </ul>
                )}
              </Card>
              <Card title="Phone numbers">
                {o.phone_numbers.length === 0 ? <EmptyState title="No phone number connected." /> : (
                  <ul className="plain-list">
                    {o.phone_numbers.map((p) => (
                      <li key={p.id}>
                        <strong>{p.display_phone_number}</strong> {p.verified_name ? `(${p.verified_name})` : ''}
                        <div className="hint">quality {p.quality_rating ?? '—'} · tier {p.messaging_limit_tier ?? '—'} · {p.status ?? '—'}{p.paused_at ? ` · paused ${formatDateTime(p.paused_at)}` : ''}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </Page>
        );
      }}
    </Loaded>
  );
}
