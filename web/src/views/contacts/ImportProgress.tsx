import { Link, useParams } from 'react-router';
import { api, type paths } from '../../api/client.ts';
import { formatDateTime, formatNumber } from '../../format.ts';
import { Badge, Card, Loaded, Page, useInterval, useLoad } from '../../ui.tsx';

export type ContactImport = paths['/v1/contacts/imports/{id}']['get']['responses'][200]['content']['application/json'];

const STATUS: Record<string, { label: string; tone: 'neutral' | 'info' | 'good' | 'bad' }> = {
  queued: { label: 'Waiting to start', tone: 'neutral' },
  processing: { label: 'Importing', tone: 'info' },
  completed: { label: 'Finished', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

export function ImportStatus({ status }: { status: string | undefined }) {
  const s = STATUS[status ?? ''] ?? { label: status ?? '—', tone: 'neutral' as const };
  return <Badge tone={s.tone}>{s.label}</Badge>;
}

/** One import, followed while the workers read it: a progress bar, the counts, and the rejected rows at the end. */
export function ImportProgress() {
  const { id = '' } = useParams();
  const found = useLoad(() => api.GET('/v1/contacts/imports/{id}', { params: { path: { id } } }), [id]);
  const running = !found.data || found.data.status === 'queued' || found.data.status === 'processing';
  useInterval(() => void found.reload(), running && !found.error ? 1_000 : null);
  return (
    <Page title="Contact import" actions={<><Link to="/contacts/import">Import another file</Link><Link to="/contacts">All contacts</Link></>}>
      <Loaded result={found} lines={6}>
        {(imp) => <ImportSummary imp={imp} />}
      </Loaded>
    </Page>
  );
}

function ImportSummary({ imp }: { imp: ContactImport }) {
  const p = imp.progress ?? {};
  const done = imp.status === 'completed';
  const rejected = p.rejected ?? 0;
  return (
    <Card>
      <div className="row">
        <strong>{imp.filename ?? 'CSV file'}</strong>
        <ImportStatus status={imp.status} />
        <span className="muted small-text">Started {formatDateTime(imp.started_at ?? imp.created_at)}{imp.finished_at ? `, finished ${formatDateTime(imp.finished_at)}` : ''}</span>
      </div>
      <div className="progress-wrap">
        <label htmlFor="import-progress">Progress</label>
        <progress id="import-progress" max={100} value={p.percent ?? 0} data-status={imp.status} aria-valuetext={`${formatNumber(p.percent ?? 0)} %`}>{formatNumber(p.percent ?? 0)} %</progress>
        <span className="progress-value" aria-hidden="true">{formatNumber(p.percent ?? 0)} %</span>
      </div>
      <p className="visually-hidden" role="status">{done ? 'The import has finished.' : imp.status === 'failed' ? 'The import failed.' : ''}</p>
      <dl className="import-counts">
        <div><dt>Rows read</dt><dd data-testid="rows-read">{formatNumber(p.rows_read)}</dd></div>
        <div><dt>Contacts created</dt><dd data-testid="created">{formatNumber(p.created)}</dd></div>
        <div><dt>Contacts updated</dt><dd>{formatNumber(p.updated)}</dd></div>
        <div><dt>Duplicate rows</dt><dd>{formatNumber(p.duplicates)}</dd></div>
        <div><dt>Consents recorded</dt><dd>{formatNumber(p.consents_recorded)}</dd></div>
        <div><dt>Rows rejected</dt><dd data-testid="rejected">{formatNumber(rejected)}</dd></div>
      </dl>
      {imp.status === 'failed' ? (
        <p className="form-error" role="alert">
          The import stopped{imp.error?.row ? ` at row ${formatNumber(imp.error.row)}` : ''}: {imp.error?.message ?? 'an unexpected error'}. Fix the file and import it again: rows already imported are updated, not duplicated.
        </p>
      ) : null}
      {done ? (
        rejected > 0 ? (
          <p className="notice">
            {formatNumber(rejected)} {rejected === 1 ? 'row was' : 'rows were'} not imported.{' '}
            <a href={imp.rejections_url} download data-testid="rejections-link">Download the rejected rows (CSV)</a>: each row with the reason, to fix and import again.
          </p>
        ) : <p className="ok-text">Every row was imported.</p>
      ) : null}
      {done ? <p><Link to="/contacts">See the contacts</Link></p> : null}
    </Card>
  );
}
