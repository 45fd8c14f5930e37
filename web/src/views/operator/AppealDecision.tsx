import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client.ts';

/** Decide an appeal: upheld (the step stands) or overturned (the organization goes back where the step found it). */
export function AppealDecision({ orgId, appealId, onDecided }: { orgId: string; appealId: string; onDecided: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const outcome = form.get('outcome') === 'overturned' ? 'overturned' : 'upheld';
    setBusy(true);
    const { error: failure } = await api.POST('/v1/operator/appeals/{org_id}/{id}/decision', {
      params: { path: { org_id: orgId, id: appealId } }, body: { outcome, reason: String(form.get('reason') ?? '').trim() },
    });
    setBusy(false);
    if (failure) return setError(errorMessage(failure));
    onDecided();
  };
  const id = `decide-${appealId}`;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-label="Decide the appeal">
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <fieldset className="field">
        <legend>Decision</legend>
        <label className="choice"><input type="radio" name="outcome" value="upheld" defaultChecked /> Uphold: the step stands</label>
        <label className="choice"><input type="radio" name="outcome" value="overturned" /> Overturn: restore the standing before the step</label>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason</label>
        <textarea id={`${id}-reason`} name="reason" rows={2} required maxLength={2000} aria-describedby={`${id}-hint`} />
        <span id={`${id}-hint`} className="hint">The organization reads it beside its appeal.</span>
      </div>
      <button type="submit" disabled={busy}>{busy ? 'Deciding…' : 'Decide'}</button>
    </form>
  );
}
