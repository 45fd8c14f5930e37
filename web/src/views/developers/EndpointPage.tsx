import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { formatDateTime } from '../../format.ts';
import { useSignedIn } from '../../session.tsx';
import { Card, Loaded, Page, useLoad } from '../../ui.tsx';
import { DeliveryLog } from './DeliveryLog.tsx';
import { EndpointForm } from './EndpointForm.tsx';
import { EndpointStatus, EventList } from './endpoint-parts.tsx';
import { ReplayRange } from './ReplayRange.tsx';

/** One webhook endpoint: its settings, secret rotation, delivery log and replays. */
export function EndpointPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const canWrite = useSignedIn().organization?.scopes.includes('webhooks:write') ?? false;
  const endpoint = useLoad(() => api.GET('/v1/webhook-endpoints/{id}', { params: { path: { id } } }), [id]);
  const [editing, setEditing] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [logVersion, setLogVersion] = useState(0);

  const setStatus = async (status: 'active' | 'disabled') => {
    const { error } = await api.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id } }, body: { status } });
    setFailure(error ? errorMessage(error) : null);
    void endpoint.reload();
  };

  return (
    <Page title="Webhook endpoint" actions={<Link to="/developers" className="button secondary">Back to Developers</Link>}>
      <Loaded result={endpoint} lines={4}>
        {(e) => (
          <>
            <Card>
              <div className="endpoint-head">
                <h2 className="endpoint-url">{e.url}</h2>
                <EndpointStatus endpoint={e} />
              </div>
              {e.description ? <p className="muted">{e.description}</p> : null}
              <EventList events={e.event_types ?? []} />
              <dl className="facts">
                <div><dt>Added</dt><dd>{formatDateTime(e.created_at)}</dd></div>
                <div><dt>Changed</dt><dd>{formatDateTime(e.updated_at)}</dd></div>
                {e.previous_secret_expires_at ? <div><dt>Previous secret signs until</dt><dd>{formatDateTime(e.previous_secret_expires_at)}</dd></div> : null}
              </dl>
              {failure ? <p className="form-error" role="alert">{failure}</p> : null}
              {secret ? <SecretOnce label="The new signing secret" secret={secret} onDone={() => setSecret(null)} /> : null}
              {canWrite && !editing ? (
                <div className="row actions-row">
                  <button type="button" className="secondary" onClick={() => setEditing(true)}>Edit</button>
                  {e.status === 'disabled'
                    ? <button type="button" onClick={() => void setStatus('active')}>Enable</button>
                    : <button type="button" className="secondary" onClick={() => void setStatus('disabled')}>Disable</button>}
                  <ConfirmButton
                    label="Rotate secret" className="secondary" confirmLabel="Rotate now"
                    question="Make a new signing secret? Deliveries carry signatures with both secrets for 24 hours, so your receiver can switch over."
                    onConfirm={async () => {
                      const { data, error } = await api.POST('/v1/webhook-endpoints/{id}/rotate-secret', { params: { path: { id } }, body: {} });
                      if (error || !data?.secret) return errorMessage(error);
                      setSecret(data.secret);
                      void endpoint.reload();
                      return null;
                    }}
                  />
                  <ConfirmButton
                    label="Delete" confirmLabel="Delete endpoint"
                    question={<>Delete this endpoint and its delivery log? Events stop going to <strong>{e.url}</strong>.</>}
                    onConfirm={async () => {
                      const { error } = await api.DELETE('/v1/webhook-endpoints/{id}', { params: { path: { id } } });
                      if (error) return errorMessage(error);
                      void navigate('/developers');
                      return null;
                    }}
                  />
                </div>
              ) : null}
              {editing ? (
                <EndpointForm
                  title="Change the endpoint" initial={e} submitLabel="Save changes" onCancel={() => setEditing(false)}
                  onSubmit={async (input) => {
                    const { error } = await api.PATCH('/v1/webhook-endpoints/{id}', { params: { path: { id } }, body: input });
                    if (error) return errorMessage(error);
                    setEditing(false);
                    void endpoint.reload();
                    return null;
                  }}
                />
              ) : null}
            </Card>
            <DeliveryLog endpointId={id} canReplay={canWrite && e.status !== 'disabled'} version={logVersion} />
            {canWrite ? <ReplayRange endpointId={id} disabled={e.status === 'disabled'} onReplayed={() => setLogVersion((v) => v + 1)} /> : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
