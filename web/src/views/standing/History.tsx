import { useState, type FormEvent } from 'react';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { formatDateTime } from '../../format.ts';
import { Badge, EmptyState, statusTone } from '../../ui.tsx';

type Standing = paths['/v1/account/standing']['get']['responses'][200]['content']['application/json'];
type Change = NonNullable<Standing['history']>[number];
type Appeal = NonNullable<Standing['appeals']>[number];

const LADDER = ['good', 'warned', 'restricted', 'suspended', 'terminated'];
const APPEAL: Record<string, { label: string; tone: 'warn' | 'good' | 'neutral' }> = {
  pending: { label: 'Appeal waiting for a decision', tone: 'warn' },
  overturned: { label: 'Appeal granted: the step was overturned', tone: 'good' },
  upheld: { label: 'Appeal refused: the step stands', tone: 'neutral' },
};

/** Who moved the standing, named for a reader: the platform's evaluation, an operator, the organization itself. */
export function actorLabel(actor: string | undefined): string {
  if (!actor) return '—';
  if (actor.startsWith('operator:')) return 'Xpecto trust & safety';
  if (actor.startsWith('system')) return 'Automatic evaluation';
  return actor;
}

/** Every enforcement step, newest first, each with its appeals and, for a step up the ladder, a way to appeal it. */
export function History({ history, appeals, onAppealed }: { history: Change[]; appeals: Appeal[]; onAppealed: () => void }) {
  if (history.length === 0) return <EmptyState title="No enforcement steps.">Your organization has always been in good standing.</EmptyState>;
  return (
    <ol className="history">
      {history.map((c) => {
        const mine = appeals.filter((a) => a.change_id === c.id);
        const settled = mine.some((a) => a.status === 'pending' || a.status === 'overturned');
        const upward = LADDER.indexOf(c.to ?? '') > LADDER.indexOf(c.from ?? '');
        return (
          <li key={c.id} className="history-item" data-testid="history-step">
            <div className="history-head">
              <Badge tone={statusTone(c.from ?? '')}>{c.from}</Badge> <span aria-hidden="true">→</span><span className="visually-hidden">to</span> <Badge tone={statusTone(c.to ?? '')}>{c.to}</Badge>
              <span className="hint">{formatDateTime(c.at)} · AUP {c.clause} · {actorLabel(c.actor)}</span>
            </div>
            <p className="history-reason">{c.reason}</p>
            {c.until ? <p className="hint">Until {formatDateTime(c.until)}</p> : null}
            {mine.map((a) => (
              <div key={a.id} className="appeal" data-testid="appeal">
                <Badge tone={APPEAL[a.status ?? 'pending']?.tone ?? 'neutral'}>{APPEAL[a.status ?? 'pending']?.label ?? a.status}</Badge>
                <span className="hint"> filed {formatDateTime(a.created_at)}{a.decided_at ? `, decided ${formatDateTime(a.decided_at)}` : ''}</span>
                <blockquote className="appeal-message">{a.message}</blockquote>
                {a.decision_reason ? <p><strong>Decision:</strong> {a.decision_reason}</p> : null}
              </div>
            ))}
            {upward && !settled && c.to !== 'terminated' ? <AppealForm changeId={c.id!} onAppealed={onAppealed} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

function AppealForm({ changeId, onAppealed }: { changeId: string; onAppealed: () => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const message = String(new FormData(event.currentTarget).get('message') ?? '').trim();
    if (!message) return setError('Write what happened and what you changed: an operator reads it.');
    setBusy(true);
    const { error: failure } = await api.POST('/v1/account/appeals', { body: { message, change_id: changeId } });
    setBusy(false);
    if (failure) return setError(errorMessage(failure));
    setOpen(false);
    onAppealed();
  };
  if (!open) return <button type="button" className="secondary" onClick={() => setOpen(true)}>Appeal this step</button>;
  const id = `appeal-${changeId}`;
  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)}>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor={id}>Your appeal</label>
        <textarea id={id} name="message" rows={4} maxLength={5000} required aria-describedby={`${id}-hint`} />
        <span id={`${id}-hint`} className="hint">Say why the step is wrong, or what you have changed since; Xpecto&apos;s trust &amp; safety team decides and the answer shows here.</span>
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send appeal'}</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
