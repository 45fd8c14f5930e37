import { useState } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatDateTime } from '../../format.ts';
import { useSignedIn } from '../../session.tsx';
import { Card, EmptyState, Loaded, useLoad } from '../../ui.tsx';
import { EndpointForm } from './EndpointForm.tsx';
import { EndpointStatus, EventList } from './endpoint-parts.tsx';

export type Endpoint = NonNullable<paths['/v1/webhook-endpoints']['get']['responses'][200]['content']['application/json']['data']>[number];

/** Where the platform sends events about this organization, each with its delivery log. */
export function WebhookEndpoints() {
  const session = useSignedIn();
  const canWrite = session.organization?.scopes.includes('webhooks:write') ?? false;
  const endpoints = useLoad(() => api.GET('/v1/webhook-endpoints', { params: { query: { limit: 100 } } }), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);

  return (
    <Card title="Webhook endpoints">
      <p className="muted">Xpecto posts events (message statuses, inbound messages, template reviews, your standing) to these URLs, retries failed deliveries for up to 5 days, and keeps 30 days of delivery logs.</p>
      {created ? <SecretOnce label="The endpoint's signing secret" secret={created} onDone={() => setCreated(null)} /> : null}
      {canWrite && !creating && !created ? <button type="button" onClick={() => setCreating(true)}>Add an endpoint</button> : null}
      {creating ? (
        <EndpointForm
          title="New webhook endpoint" submitLabel="Add endpoint" onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const { data, error } = await api.POST('/v1/webhook-endpoints', { body: input.description ? input : { url: input.url, event_types: input.event_types } });
            if (error || !data) return errorMessage(error);
            setCreating(false);
            setCreated(data.secret ?? null);
            void endpoints.reload();
            return null;
          }}
        />
      ) : null}
      <Loaded result={endpoints} lines={3}>
        {(data) => (data.data?.length ? (
          <ul className="endpoint-list">
            {data.data.map((e) => (
              <li key={e.id} className="endpoint-item">
                <div className="endpoint-head">
                  <Link to={`/developers/webhooks/${e.id}`} className="endpoint-url">{e.url}</Link>
                  <EndpointStatus endpoint={e} />
                </div>
                {e.description ? <p className="muted">{e.description}</p> : null}
                <EventList events={e.event_types ?? []} />
                <p className="hint">Added {formatDateTime(e.created_at)} · <Link to={`/developers/webhooks/${e.id}`}>Deliveries and settings<span className="visually-hidden"> for {e.url}</span></Link></p>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No webhook endpoints yet.">Add one to receive message statuses and inbound messages in your systems as they happen.</EmptyState>
        ))}
      </Loaded>
    </Card>
  );
}
