import { api, type ApiError, type paths } from '../../api/client.ts';
import { formatDate, formatDateTime } from '../../format.ts';
import { Badge, Card, ErrorState, Loading, useLoad } from '../../ui.tsx';

type Policy = paths['/v1/policy']['get']['responses'][200]['content']['application/json'];
type PolicyState = ({ suspended: false } & Policy) | { suspended: true };

/** The Acceptable Use Policy in force, this organization's acceptance of it, and versions announced for later. */
export function PolicyCard() {
  const policy = useLoad<PolicyState>(async () => {
    const { data, error } = await api.GET('/v1/policy');
    // GET /v1/policy is not among the routes a suspended organization may call: say so instead of an error.
    if ((error as ApiError | undefined)?.error?.code === 'account_suspended') return { data: { suspended: true as const } };
    return { data: data ? { suspended: false as const, ...data } : undefined, error };
  }, []);
  if (policy.data?.suspended) {
    return (
      <Card title="Acceptable Use Policy">
        <p>While the organization is suspended, the policy&apos;s acceptance records are not shown here. The policy itself is always at <a href="/legal/aup">/legal/aup</a>.</p>
      </Card>
    );
  }
  if (!policy.data || policy.data.suspended) {
    return (
      <Card title="Acceptable Use Policy">
        {policy.error ? (
          <>
            <ErrorState message={policy.error} onRetry={() => void policy.reload()} />
            <p>The policy itself is always readable at <a href="/legal/aup">/legal/aup</a>.</p>
          </>
        ) : <Loading lines={4} />}
      </Card>
    );
  }
  const { in_force: current, upcoming = [], acceptances = [] } = policy.data;
  const accepted = acceptances.find((a) => a.version === current?.version);
  return (
    <Card title="Acceptable Use Policy">
      {current ? (
        <>
          <p><strong>Version {current.version}</strong>{current.title ? ` — ${current.title}` : ''}, in force since {formatDate(current.effective_at)}.</p>
          {current.summary ? <p className="muted">{current.summary}</p> : null}
          <p data-testid="policy-acceptance">
            {accepted
              ? <><Badge tone="good">Accepted</Badge> {accepted.method === 'explicit' ? 'explicitly' : 'by continued use'} on {formatDateTime(accepted.accepted_at)}</>
              : <><Badge tone="warn">Not accepted yet</Badge> Using the API under this version accepts it.</>}
          </p>
        </>
      ) : null}
      {upcoming.length > 0 ? (
        <div className="upcoming">
          <h3>Coming</h3>
          <ul>
            {upcoming.map((v) => (
              <li key={v.version}>
                Version {v.version} takes effect {formatDate(v.effective_at)}{v.summary ? `: ${v.summary}` : ''} (<a href={v.url ?? `/legal/aup/v${v.version}`}>read it</a>)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p><a href={current?.url ?? '/legal/aup'}>Read the policy</a> · <a href="/legal/aup">every version</a></p>
    </Card>
  );
}
