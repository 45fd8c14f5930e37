import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../format.ts';
import { useSignedIn } from '../../session.tsx';
import { Badge, Card, Loaded, Page, statusTone, useLoad } from '../../ui.tsx';
import type { CaseDetail, CaseEvent } from './case-types.ts';
import { PriorityBadge } from './Cases.tsx';
import { StandingActionForm } from './StandingActionForm.tsx';

/** One case: its reports, its timeline, notes, the enforcement step taken from it, and its resolution. */
export function CasePage() {
  const { id = '' } = useParams();
  const me = useSignedIn().user.id;
  const found = useLoad(() => api.GET('/v1/operator/cases/{id}', { params: { path: { id } } }), [id]);
  const [failure, setFailure] = useState<string | null>(null);

  const assignToMe = async () => {
    const { error } = await api.POST('/v1/operator/cases/{id}/assign', { params: { path: { id } }, body: { assignee: 'me' } });
    setFailure(error ? errorMessage(error) : null);
    void found.reload();
  };

  return (
    <Loaded result={found} lines={10}>
      {(c) => (
        <Page title={`Case: ${c.category} (AUP ${c.clause})`} actions={<Link className="button secondary" to="/operator/cases">All cases</Link>}>
          <Card>
            <div className="row">
              <PriorityBadge priority={c.priority} />
              <Badge tone={c.status === 'open' ? 'warn' : 'good'}>{c.status}</Badge>
              {c.organization ? <span><Link to={`/operator/organizations/${c.organization.id}`}>{c.organization.name}</Link> <Badge tone={statusTone(c.organization.standing ?? '')}>{c.organization.standing}</Badge></span> : <span className="muted">The reported business is not a platform customer.</span>}
            </div>
            <dl className="facts">
              <div><dt>Opened</dt><dd>{formatDateTime(c.created_at)}</dd></div>
              <div><dt>Reports</dt><dd>{c.report_ids.length}</dd></div>
              <div><dt>Assignee</dt><dd>{c.assignee === me ? 'You' : c.assignee ? <code>{c.assignee}</code> : 'Nobody'}</dd></div>
              {c.outcome ? <div><dt>Outcome</dt><dd>{c.outcome} {c.confirmed ? <Badge tone="bad">confirmed violation</Badge> : <Badge tone="neutral">not confirmed</Badge>}</dd></div> : null}
            </dl>
            {failure ? <p className="form-error" role="alert">{failure}</p> : null}
            <div className="row actions-row">
              {c.status === 'open' && c.assignee !== me ? <button type="button" className="secondary" onClick={() => void assignToMe()}>Assign to me</button> : null}
              <a className="button secondary" href={`/v1/operator/cases/${c.id}/evidence`} download>Download the evidence bundle</a>
            </div>
          </Card>
          <div className="two-columns">
            <Card title="Timeline">
              <ol className="timeline">{c.events.map((e) => <TimelineEvent key={e.id} event={e} />)}</ol>
              <NoteForm caseId={c.id} onAdded={() => void found.reload()} />
            </Card>
            <div>
              {c.status === 'open' && c.organization ? (
                <Card title="Take an enforcement step">
                  <StandingActionForm
                    current={c.organization.standing ?? 'good'} clauses={[c.clause]} initialClause={c.clause} idPrefix="case-action"
                    onSubmit={async (action) => {
                      const { error } = await api.POST('/v1/operator/cases/{id}/actions', { params: { path: { id } }, body: action });
                      if (!error) void found.reload();
                      return error ?? null;
                    }}
                  />
                </Card>
              ) : null}
              {c.status === 'open' ? <ResolveForm caseId={c.id} onResolved={() => void found.reload()} /> : null}
            </div>
          </div>
        </Page>
      )}
    </Loaded>
  );
}

const EVENT_LABEL: Record<string, string> = {
  opened: 'Opened', report_added: 'Report added', assigned: 'Assigned', note: 'Note', action: 'Enforcement step',
  resolved: 'Resolved', evidence_exported: 'Evidence exported',
};

function TimelineEvent({ event }: { event: CaseEvent }) {
  const d = event.detail;
  const text = typeof d['body'] === 'string' ? d['body']
    : event.kind === 'action' ? `${String(d['from'] ?? '')} → ${String(d['to'] ?? '')} (AUP ${String(d['clause'] ?? '')}): ${String(d['reason'] ?? '')}`
    : typeof d['outcome'] === 'string' ? d['outcome'] : null;
  return (
    <li className="timeline-item">
      <span className="timeline-kind">{EVENT_LABEL[event.kind] ?? event.kind}</span> <span className="hint">{formatDateTime(event.created_at)} · {event.actor}</span>
      {text ? <p className="timeline-text">{text}</p> : null}
    </li>
  );
}

function NoteForm({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const body = String(new FormData(formEl).get('body') ?? '').trim();
    if (!body) return setError('Write the note first.');
    const { error: failure } = await api.POST('/v1/operator/cases/{id}/notes', { params: { path: { id: caseId } }, body: { body } });
    if (failure) return setError(errorMessage(failure));
    setError(null);
    formEl.reset();
    onAdded();
  };
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="case-note">Add a note</label>
        <textarea id="case-note" name="body" rows={3} maxLength={10000} aria-describedby="case-note-hint" />
        <span id="case-note-hint" className="hint">Operators only: the organization never reads notes.</span>
      </div>
      <button type="submit" className="secondary">Add note</button>
    </form>
  );
}

function ResolveForm({ caseId, onResolved }: { caseId: string; onResolved: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = String(form.get('outcome') ?? '').trim();
    if (!outcome) return setError('Write the outcome: the reporters receive it.');
    const { error: failure } = await api.POST('/v1/operator/cases/{id}/resolve', { params: { path: { id: caseId } }, body: { outcome, confirmed: form.get('confirmed') === 'on' } });
    if (failure) return setError(errorMessage(failure));
    onResolved();
  };
  return (
    <Card title="Resolve the case">
      <form onSubmit={(e) => void submit(e)}>
        {error ? <p className="form-error" role="alert">{error}</p> : null}
        <div className="field">
          <label htmlFor="case-outcome">Outcome</label>
          <textarea id="case-outcome" name="outcome" rows={3} maxLength={2000} aria-describedby="case-outcome-hint" />
          <span id="case-outcome-hint" className="hint">Sent to every reporter of the case.</span>
        </div>
        <label className="choice"><input type="checkbox" name="confirmed" /> The violation is confirmed (it counts in the organization&apos;s standing)</label>
        <div><button type="submit">Resolve</button></div>
      </form>
    </Card>
  );
}
