import { useState, type FormEvent } from 'react';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatDateTime, formatNumber } from '../../format.ts';
import { useSignedIn } from '../../session.tsx';
import { Badge, Card, EmptyState, Loaded, useLoad } from '../../ui.tsx';

type ApiKey = NonNullable<paths['/v1/api-keys']['get']['responses'][200]['content']['application/json']['data']>[number];
type NewKey = paths['/v1/api-keys']['post']['requestBody']['content']['application/json'];
type Scope = NonNullable<NewKey['scopes']>[number];

// Never given by default (src/tenancy/scopes.ts): a key that sends should not also review its own held messages or
// change keys. The form starts from the same defaults; the user can still tick them.
const NOT_BY_DEFAULT: readonly string[] = ['compliance:review', 'api_keys:write'];

/** The organization's API keys: who can call the API on its behalf, created with scopes, shown once, revoked. */
export function ApiKeys() {
  const session = useSignedIn();
  const held = (session.organization?.scopes ?? []) as Scope[];
  const canWrite = held.includes('api_keys:write');
  const keys = useLoad(() => api.GET('/v1/api-keys'), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  return (
    <Card title="API keys">
      <p className="muted">A key calls the API for this organization with the scopes it was given. Test keys (<code>xp_test_…</code>) and live keys (<code>xp_live_…</code>) act on the same data.</p>
      {created ? (
        <SecretOnce label={`Your new API key “${created.name}”`} secret={created.secret} onDone={() => setCreated(null)} />
      ) : null}
      {canWrite && !creating && !created ? <button type="button" onClick={() => setCreating(true)}>Create an API key</button> : null}
      {!canWrite ? <p className="hint">Your role can see keys but not create or revoke them; an owner or admin can.</p> : null}
      {creating ? (
        <CreateKeyForm held={held} onCancel={() => setCreating(false)} onCreated={(name, secret) => { setCreating(false); setCreated({ name, secret }); void keys.reload(); }} />
      ) : null}
      <Loaded result={keys} lines={4}>
        {(data) => (data.data?.length ? (
          <KeyTable keys={data.data} canWrite={canWrite} onRevoked={() => void keys.reload()} />
        ) : (
          <EmptyState title="No API keys yet.">Create one to call the API from your systems; the <a href="/docs">API reference</a> shows every call.</EmptyState>
        ))}
      </Loaded>
    </Card>
  );
}

function CreateKeyForm({ held, onCancel, onCreated }: { held: Scope[]; onCancel: () => void; onCreated: (name: string, secret: string) => void }) {
  const [scopes, setScopes] = useState<Set<Scope>>(() => new Set(held.filter((s) => !NOT_BY_DEFAULT.includes(s))));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    if (scopes.size === 0) return setError('Choose at least one scope: a key without scopes can do nothing.');
    setBusy(true);
    const { data, error: failure } = await api.POST('/v1/api-keys', {
      body: { name, mode: form.get('mode') === 'live' ? 'live' : 'test', scopes: held.filter((s) => scopes.has(s)) },
    });
    setBusy(false);
    if (failure || !data?.secret) return setError(errorMessage(failure));
    onCreated(data.name ?? name, data.secret);
  };
  const toggle = (scope: Scope, on: boolean) => setScopes((now) => {
    const next = new Set(now);
    if (on) next.add(scope); else next.delete(scope);
    return next;
  });

  return (
    <form className="inline-form" onSubmit={(e) => void submit(e)} aria-labelledby="new-key-title">
      <h3 id="new-key-title">New API key</h3>
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="key-name">Name</label>
        <input id="key-name" name="name" required maxLength={100} placeholder="CRM sync" aria-describedby="key-name-hint" />
        <span id="key-name-hint" className="hint">What the key is for, so you know which one to revoke.</span>
      </div>
      <fieldset className="field">
        <legend>Mode</legend>
        <label className="choice"><input type="radio" name="mode" value="test" defaultChecked /> Test (<code>xp_test_…</code>)</label>
        <label className="choice"><input type="radio" name="mode" value="live" /> Live (<code>xp_live_…</code>)</label>
      </fieldset>
      <fieldset className="field">
        <legend>Scopes</legend>
        <p className="hint">A key can only get scopes your role holds.</p>
        <div className="scope-grid">
          {held.map((scope) => (
            <label key={scope} className="choice">
              <input type="checkbox" checked={scopes.has(scope)} onChange={(e) => toggle(scope, e.target.checked)} /> <code>{scope}</code>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create key'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function KeyTable({ keys, canWrite, onRevoked }: { keys: ApiKey[]; canWrite: boolean; onRevoked: () => void }) {
  return (
    <div className="table-wrap">
      <table className="stack-table">
        <caption className="visually-hidden">API keys, newest first</caption>
        <thead>
          <tr><th scope="col">Name</th><th scope="col">Key</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Status</th>{canWrite ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}</tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} data-testid="api-key-row" data-key-id={k.id} className={k.revoked_at ? 'revoked-row' : undefined}>
              <td data-label="Name"><strong>{k.name}</strong></td>
              <td data-label="Key"><code className="key-hint">{k.hint}</code> <Badge tone={k.mode === 'live' ? 'info' : 'neutral'}>{k.mode}</Badge></td>
              <td data-label="Scopes"><ScopeList scopes={k.scopes ?? []} /></td>
              <td data-label="Created">{formatDateTime(k.created_at)}</td>
              <td data-label="Last used">{k.last_used_at ? formatDateTime(k.last_used_at) : 'Never'}</td>
              <td data-label="Status">{k.revoked_at ? <><Badge tone="bad">Revoked</Badge><div className="hint">{formatDateTime(k.revoked_at)}</div></> : <Badge tone="good">Active</Badge>}</td>
              {canWrite ? (
                <td data-label="Actions">
                  {k.revoked_at ? null : (
                    <ConfirmButton
                      label={<>Revoke<span className="visually-hidden"> {k.name}</span></>}
                      question={<>Revoke <strong>{k.name}</strong> (<code>{k.hint}</code>)? Every call with it is refused from now on; this cannot be undone.</>}
                      confirmLabel="Revoke key"
                      onConfirm={async () => {
                        const { error } = await api.DELETE('/v1/api-keys/{id}', { params: { path: { id: k.id! } } });
                        if (error) return errorMessage(error);
                        onRevoked();
                        return null;
                      }}
                    />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A few scopes in full; many behind a count, so each key stays one line. */
function ScopeList({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="muted">None</span>;
  const chips = (
    <ul className="chips" aria-label="Scopes">
      {scopes.map((s) => <li key={s}><code>{s}</code></li>)}
    </ul>
  );
  if (scopes.length <= 3) return chips;
  return (
    <details>
      <summary>{formatNumber(scopes.length)} scopes</summary>
      {chips}
    </details>
  );
}
