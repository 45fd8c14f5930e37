import { useState, type FormEvent } from 'react';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { formatDate, formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, useLoad } from '../../ui.tsx';

type Publish = paths['/v1/operator/policy']['post']['requestBody']['content']['application/json'];
type Version = paths['/v1/operator/policy']['get']['responses'][200]['content']['application/json']['data'][number];

const STATE_TONE = { in_force: 'good', upcoming: 'info', superseded: 'neutral' } as const;
const STATE_LABEL = { in_force: 'In force', upcoming: 'Upcoming', superseded: 'Superseded' } as const;

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Every version of the Acceptable Use Policy with its acceptances, and publishing the next one. */
export function PolicyVersions() {
  const versions = useLoad(() => api.GET('/v1/operator/policy'), []);
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<string | null>(null);
  return (
    <>
      <Card title="Policy versions">
        <Loaded result={versions} lines={4}>
          {(list) => (list.data.length === 0 ? <EmptyState title="No version published." /> : (
            <div className="table-wrap">
              <table className="stack-table">
                <caption className="visually-hidden">Policy versions, oldest first</caption>
                <thead><tr><th scope="col">Version</th><th scope="col">State</th><th scope="col">Effective</th><th scope="col">Published</th><th scope="col">Accepted by</th></tr></thead>
                <tbody>
                  {[...list.data].reverse().map((v) => (
                    <tr key={v.version}>
                      <td data-label="Version"><a href={v.url ?? `/legal/aup/v${v.version}`}>v{v.version}: {v.title}</a><div className="hint">{v.summary}</div></td>
                      <td data-label="State"><Badge tone={STATE_TONE[v.state]}>{STATE_LABEL[v.state]}</Badge></td>
                      <td data-label="Effective">{formatDateTime(v.effective_at)}</td>
                      <td data-label="Published">{formatDate(v.published_at)} <span className="hint">by {v.published_by}</span></td>
                      <td data-label="Accepted by">
                        {formatNumber(v.acceptances.total)} of {formatNumber(list.organizations)} organizations
                        <div className="hint">{formatNumber(v.acceptances.explicit)} explicitly, {formatNumber(v.acceptances.continued_use)} by continued use</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </Loaded>
      </Card>
      <Card title="Publish a new version">
        <p className="muted">Every organization is told at once (notice, <code>policy.updated</code> webhook, email). Continued use after the effective date is acceptance, so the date must leave time to read it: at least 7 days by default.</p>
        {published ? <p className="notice" role="status">{published}</p> : null}
        {publishing && versions.data ? (
          <PublishForm
            current={versions.data.data.find((v) => v.state === 'in_force')}
            onCancel={() => setPublishing(false)}
            onPublished={(v) => { setPublishing(false); setPublished(`Version ${v.version} is published; it takes effect ${formatDateTime(v.effective_at)}.`); void versions.reload(); }}
          />
        ) : <button type="button" onClick={() => { setPublished(null); setPublishing(true); }}>Write a new version</button>}
      </Card>
    </>
  );
}

function PublishForm({ current, onCancel, onPublished }: { current: Version | undefined; onCancel: () => void; onPublished: (v: { version: number; effective_at: string }) => void }) {
  // The list may carry the version's document (to start from it); without one the operator pastes the document.
  const start = (current as { document?: unknown } | undefined)?.document;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    let document: Publish['document'];
    try {
      document = JSON.parse(String(form.get('document') ?? '')) as Publish['document'];
    } catch (e) {
      return setError(`The document is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    setBusy(true);
    const { data, error: failure } = await api.POST('/v1/operator/policy', {
      body: { document, summary: String(form.get('summary') ?? '').trim(), effective_at: new Date(String(form.get('effective_at'))).toISOString() },
    });
    setBusy(false);
    if (failure || !data) return setError(publishError(failure));
    onPublished(data);
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Publish a new version">
      {error ? <p className="form-error" role="alert">{error}</p> : null}
      <div className="field">
        <label htmlFor="policy-summary">What changed</label>
        <textarea id="policy-summary" name="summary" rows={2} required aria-describedby="policy-summary-hint" />
        <span id="policy-summary-hint" className="hint">Told to every organization with the notice.</span>
      </div>
      <div className="field">
        <label htmlFor="policy-effective">Effective from</label>
        <input id="policy-effective" name="effective_at" type="datetime-local" required min={localInput(new Date())} defaultValue={localInput(new Date(Date.now() + 8 * 86_400_000))} />
      </div>
      <div className="field">
        <label htmlFor="policy-document">The policy document (JSON)</label>
        <textarea
          id="policy-document" name="document" rows={14} required spellCheck={false} className="code-input" aria-describedby="policy-document-hint"
          defaultValue={start ? JSON.stringify(start, null, 2) : ''}
          placeholder={'{\n  "title": "Acceptable Use Policy",\n  "sections": [{ "id": "1", "title": "…", "text": ["…"], "clauses": [{ "id": "1.1", "title": "…", "items": ["…"] }] }]\n}'}
        />
        <span id="policy-document-hint" className="hint">A title and its sections; each clause id starts with its section&apos;s id (3.2 in section 3). The same document <code>xpecto policy publish</code> takes.</span>
      </div>
      <div className="row">
        <button type="submit" disabled={busy}>{busy ? 'Publishing…' : 'Publish'}</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

/** The validation details name the field (`body.effective_at`, `body.document.sections[2].id`): show them. */
function publishError(error: unknown): string {
  const details = (error as { error?: { details?: unknown } } | undefined)?.error?.details;
  if (Array.isArray(details) && details.length > 0) {
    return `${errorMessage(error)} ${details.map((d: { path?: string; message?: string }) => `${d.path ?? ''} ${d.message ?? ''}`.trim()).join('; ')}`;
  }
  return errorMessage(error);
}
