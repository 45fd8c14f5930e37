import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, type EventType } from './webhook-events.ts';

export type EndpointInput = { url: string; description: string; event_types: EventType[] };

/** The fields of a webhook endpoint, for creating one and for changing it. */
export function EndpointForm({ title, initial, submitLabel, onSubmit, onCancel }: {
  title: string;
  initial?: { url?: string; description?: string; event_types?: string[] };
  submitLabel: string;
  onSubmit: (input: EndpointInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [all, setAll] = useState(initial?.event_types?.includes('*') ?? false);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial?.event_types ?? ['message.status', 'message.inbound']));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = title.replace(/\W+/g, '-').toLowerCase();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const types = all ? ['*' as const] : WEBHOOK_EVENTS.map((e) => e.id).filter((e) => chosen.has(e));
    if (types.length === 0) return setError('Choose at least one event, or all events.');
    setBusy(true);
    const failure = await onSubmit({ url: String(form.get('url') ?? '').trim(), description: String(form.get('description') ?? '').trim(), event_types: types });
    setBusy(false);
    setError(failure);
  };

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor={`${id}-url`}>Endpoint URL</label>
        <input id={`${id}-url`} name="url" type="url" required defaultValue={initial?.url ?? ''} placeholder="https://example.com/webhooks/xpecto" aria-describedby={`${id}-url-hint`} />
        <span id={`${id}-url-hint`} className="hint">An https address on the public internet; deliveries are signed (Standard Webhooks).</span>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description (optional)</label>
        <input id={`${id}-description`} name="description" maxLength={500} defaultValue={initial?.description ?? ''} />
      </div>
      <fieldset className="field">
        <legend>Events</legend>
        <label className="choice"><input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> All events, including ones added later</label>
        <div className="scope-grid">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e.id} className="choice">
              <input
                type="checkbox" disabled={all} checked={all || chosen.has(e.id)}
                onChange={(ev) => setChosen((now) => { const next = new Set(now); if (ev.target.checked) next.add(e.id); else next.delete(e.id); return next; })}
              /> {e.label} <code>{e.id}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
