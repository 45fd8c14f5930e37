import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { api, errorMessage } from '../../api/client.ts';
import { formatDateTime } from '../../format.ts';
import { Card, Loaded, Page, useInterval, useLoad } from '../../ui.tsx';
import { fromTemplate } from './definition.ts';
import { QualityBadge, StatusBadge, eventLabel, statusReason } from './TemplateBadges.tsx';
import { titleCase } from './TemplateLibrary.tsx';
import { TemplatePreview } from './TemplatePreview.tsx';

const EDITABLE = ['DRAFT', 'APPROVED', 'REJECTED', 'PAUSED'];

/** One template: its status (refreshed while Meta reviews it), why it was rejected, its preview and its history. */
export function TemplateDetail() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const template = useLoad(() => api.GET('/v1/templates/{id}', { params: { path: { id } } }), [id]);
  const [action, setAction] = useState<{ busy: boolean; error: string | null; note: string | null }>({
    busy: false, error: null, note: (location.state as { saved?: boolean } | null)?.saved ? 'Saved as a draft. Submit it when it is ready for review.' : null,
  });
  const status = template.data?.status;
  useInterval(() => void template.reload(), status === 'PENDING' || status === 'IN_APPEAL' || status === 'PENDING_DELETION' ? 1_500 : 20_000);

  const submit = async () => {
    setAction({ busy: true, error: null, note: null });
    const { error } = await api.POST('/v1/templates/{id}/submit', { params: { path: { id } } });
    setAction({ busy: false, error: error ? errorMessage(error) : null, note: error ? null : 'Sent to WhatsApp for review. The status changes here when the review ends.' });
    void template.reload();
  };
  const remove = async () => {
    if (!window.confirm('Delete this template? A submitted template is deleted at WhatsApp too.')) return;
    setAction({ busy: true, error: null, note: null });
    const { error } = await api.DELETE('/v1/templates/{id}', { params: { path: { id } } });
    if (error) setAction({ busy: false, error: errorMessage(error), note: null });
    else navigate('/templates');
  };

  return (
    <Page title={template.data?.name ?? 'Template'} actions={<Link to="/templates">← All templates</Link>}>
      <Loaded result={template} lines={10}>
        {(t) => {
          const why = statusReason(t);
          return (
            <div className="template-detail">
              <div className="detail-main">
                <Card>
                  <div className="row status-row" aria-live="polite">
                    <StatusBadge status={t.status} />
                    <QualityBadge quality={t.quality_score} />
                    {t.previous_category ? <span className="small-text muted">Moved by WhatsApp from {titleCase(t.previous_category)} to {titleCase(t.category)}</span> : null}
                  </div>
                  {why ? <p className="reason-box" data-testid="rejection-reason"><strong>{t.status === 'REJECTED' ? 'Why it was rejected: ' : t.status === 'PAUSED' ? 'Why it is paused: ' : 'Why it is disabled: '}</strong>{why}</p> : null}
                  {action.note && (t.status === 'DRAFT' || t.status === 'PENDING') ? <p className="notice" role="status">{action.note}</p> : null}
                  {action.error ? <p className="form-error" role="alert">{action.error}</p> : null}
                  <div className="row">
                    {t.status === 'DRAFT' ? <button type="button" onClick={() => void submit()} disabled={action.busy}>{action.busy ? 'Submitting…' : 'Submit for review'}</button> : null}
                    {EDITABLE.includes(t.status ?? '') ? <Link className="button secondary" to={`/templates/${id}/edit`}>Edit</Link> : null}
                    {t.status !== 'DISABLED' && t.status !== 'DELETED' ? <button type="button" className="link-button" onClick={() => void remove()} disabled={action.busy}>Delete</button> : null}
                  </div>
                  <dl className="detail-list">
                    <dt>Category</dt><dd>{titleCase(t.category)}</dd>
                    <dt>Language</dt><dd>{t.language}</dd>
                    <dt>Variables</dt><dd>{t.parameter_format === 'NAMED' ? 'Named' : 'Numbered'}</dd>
                    <dt>Submitted</dt><dd>{formatDateTime(t.submitted_at)}</dd>
                    <dt>Updated</dt><dd>{formatDateTime(t.updated_at)}</dd>
                  </dl>
                </Card>
                <Card title="History">
                  {(t.history ?? []).length === 0 ? <p className="muted">Nothing has happened to this template yet.</p> : (
                    <table className="card-rows">
                      <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead>
                      <tbody>
                        {(t.history ?? []).map((e, i) => (
                          <tr key={i}>
                            <td data-label="When">{formatDateTime(e.meta_time ?? e.recorded_at)}</td>
                            <td data-label="What">{titleCase(e.kind)}: {e.previous ? `${eventLabel(e.kind, e.previous)} → ` : ''}{eventLabel(e.kind, e.event)}</td>
                            <td data-label="Detail">{[e.reason === 'NONE' ? null : e.reason, e.source === 'api' ? 'by you' : e.source === 'webhook' ? 'from WhatsApp' : 'by sync', e.applied === false ? 'out of date, not applied' : null].filter(Boolean).join(' · ')}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </Card>
              </div>
              <aside className="builder-preview" aria-label="Preview">
                <h2>Preview</h2>
                <TemplatePreview draft={fromTemplate(t)} />
              </aside>
            </div>
          );
        }}
      </Loaded>
    </Page>
  );
}
