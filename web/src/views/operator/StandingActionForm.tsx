import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/client.ts';

export type StandingState = 'good' | 'warned' | 'restricted' | 'suspended' | 'terminated';
export type StandingAction = { state: StandingState; reason: string; clause: string; until?: string };

const STEPS: { state: StandingState; label: string; hint: string }[] = [
  { state: 'warned', label: 'Warn', hint: 'Tells the organization; nothing is limited.' },
  { state: 'restricted', label: 'Restrict', hint: 'Pauses marketing and lowers request limits.' },
  { state: 'suspended', label: 'Suspend', hint: 'Refuses every call but the standing and appeals, until the end time.' },
  { state: 'terminated', label: 'Terminate', hint: 'Final: revokes every key. Cannot be undone.' },
  { state: 'good', label: 'Reinstate', hint: 'Back to good standing.' },
];

const defaultStep = (current: string): StandingState => (current === 'suspended' || current === 'terminated' ? 'good' : 'suspended');

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A step on the enforcement ladder with its reason (sent to the organization) and the policy clause it rests on.
 * `clauses` are suggested, `initialClause` (what was observed: a flagged signal's, the case's) filled in; the platform
 * accepts any section or clause of the policy in force.
 */
export function StandingActionForm({ current, clauses, initialClause, onSubmit, idPrefix = 'action' }: {
  current: string;
  clauses: string[];
  initialClause?: string | undefined;
  onSubmit: (action: StandingAction) => Promise<unknown>;
  idPrefix?: string;
}) {
  const [state, setState] = useState<StandingState>(defaultStep(current));
  // After a step the organization stands elsewhere: offer the next sensible one, not the rung it is on.
  useEffect(() => setState(defaultStep(current)), [current]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const step = STEPS.find((s) => s.state === state)!;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const untilRaw = String(form.get('until') ?? '');
    const action: StandingAction = {
      state, reason: String(form.get('reason') ?? '').trim(), clause: String(form.get('clause') ?? '').trim(),
      ...(state === 'suspended' && untilRaw ? { until: new Date(untilRaw).toISOString() } : {}),
    };
    if (state === 'terminated' && !window.confirm('Terminate this organization? Every key is revoked and this cannot be undone.')) return;
    setBusy(true);
    setDone(null);
    const failure = await onSubmit(action);
    setBusy(false);
    if (failure) return setError(errorMessage(failure));
    setError(null);
    setDone(`${step.label}: done. The organization is told with your reason.`);
    formEl.reset();
  };

  return (
    <form className="action-form" onSubmit={(e) => void submit(e)} aria-label="Change the standing">
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <fieldset className="field">
        <legend>Step</legend>
        <div className="step-choices">
          {STEPS.map((s) => (
            <label key={s.state} className={`choice step-${s.state}`}>
              <input type="radio" name="state" value={s.state} checked={state === s.state} disabled={s.state === current} onChange={() => setState(s.state)} /> {s.label}
            </label>
          ))}
        </div>
        <span className="hint">{step.hint}</span>
      </fieldset>
      {state === 'suspended' ? (
        <div className="field">
          <label htmlFor={`${idPrefix}-until`}>Suspended until</label>
          <input id={`${idPrefix}-until`} name="until" type="datetime-local" required defaultValue={localInput(new Date(Date.now() + 72 * 3_600_000))} />
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${idPrefix}-clause`}>Policy clause</label>
        <input id={`${idPrefix}-clause`} name="clause" required pattern="[0-9]+(\.[0-9]+)?" list={`${idPrefix}-clauses`} defaultValue={initialClause ?? ''} aria-describedby={`${idPrefix}-clause-hint`} />
        <datalist id={`${idPrefix}-clauses`}>{clauses.map((c) => <option key={c} value={c} />)}</datalist>
        <span id={`${idPrefix}-clause-hint`} className="hint">A section or clause of the <a href="/legal/aup">policy in force</a>, e.g. 3.2.</span>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-reason`}>Reason</label>
        <textarea id={`${idPrefix}-reason`} name="reason" rows={3} required maxLength={2000} aria-describedby={`${idPrefix}-reason-hint`} />
        <span id={`${idPrefix}-reason-hint`} className="hint">Sent to the organization with the notice: say what was found.</span>
      </div>
      <button type="submit" className={state === 'good' ? '' : 'danger'} disabled={busy}>{busy ? 'Working…' : step.label}</button>
      <p role="status" className="notice-line">{done ?? ''}</p>
    </form>
  );
}
