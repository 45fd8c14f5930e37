import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client.ts';
import { formatNumber } from '../../format.ts';
import { Card } from '../../ui.tsx';

/** `datetime-local` in the browser's zone, for an input's value. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Sends a time range's events again, each with its original webhook-id, so a receiver that was down catches up. */
export function ReplayRange({ endpointId, disabled, onReplayed }: { endpointId: string; disabled: boolean; onReplayed: () => void }) {
  const [result, setResult] = useState<{ replayed: number; after: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [range, setRange] = useState<{ since: string; until: string; onlyUndelivered: boolean } | null>(null);

  const replay = async (r: { since: string; until: string; onlyUndelivered: boolean }, after?: string) => {
    setBusy(true);
    const { data, error: failure } = await api.POST('/v1/webhook-endpoints/{id}/replay', {
      params: { path: { id: endpointId } },
      body: { since: new Date(r.since).toISOString(), ...(r.until ? { until: new Date(r.until).toISOString() } : {}), only_undelivered: r.onlyUndelivered, ...(after ? { after_event: after } : {}) },
    });
    setBusy(false);
    if (failure || !data) { setError(errorMessage(failure)); return; }
    setError(null);
    setResult((before) => ({ replayed: (after ? before?.replayed ?? 0 : 0) + (data.replayed ?? 0), after: data.complete ? null : data.after_event ?? null }));
    onReplayed();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const r = { since: String(form.get('since')), until: String(form.get('until') ?? ''), onlyUndelivered: form.get('only_undelivered') === 'on' };
    setRange(r);
    void replay(r);
  };

  const now = new Date();
  return (
    <Card title="Replay a time range">
      <p className="muted">Each event of the range this endpoint subscribes to is delivered again with its original <code>webhook-id</code>, so your receiver can drop the ones it already has. Up to 30 days back.</p>
      {disabled ? <p className="notice">Enable the endpoint before replaying.</p> : null}
      <form className="replay-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="replay-since">From</label>
          <input id="replay-since" name="since" type="datetime-local" required defaultValue={localInput(new Date(now.getTime() - 3_600_000))} />
        </div>
        <div className="field">
          <label htmlFor="replay-until">Until (optional, now if empty)</label>
          <input id="replay-until" name="until" type="datetime-local" />
        </div>
        <label className="choice"><input type="checkbox" name="only_undelivered" defaultChecked /> Only events this endpoint did not acknowledge</label>
        <button type="submit" disabled={busy || disabled}>{busy ? 'Replaying…' : 'Replay range'}</button>
      </form>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <p role="status">
        {result ? `${formatNumber(result.replayed)} ${result.replayed === 1 ? 'event' : 'events'} queued for delivery again.` : ''}
      </p>
      {result?.after && range ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => void replay(range, result.after!)}>Continue: replay the rest of the range</button>
      ) : null}
    </Card>
  );
}
