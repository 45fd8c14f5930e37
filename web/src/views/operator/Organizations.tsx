import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, errorMessage, type paths } from '../../api/client.ts';
import { signalLabel, formatSignal } from '../../components/SignalBar.tsx';
import { formatDate, formatNumber } from '../../format.ts';
import { Badge, Card, EmptyState, Loaded, statusTone, useLoad } from '../../ui.tsx';
import type { StandingState } from './StandingActionForm.tsx';

type List = paths['/v1/operator/organizations']['get']['responses'][200]['content']['application/json'];
type Org = List['data'][number];

/** Every organization with its standing and risk score; search by name, slug or id, filter by standing. */
export function Organizations() {
  const [filter, setFilter] = useState<{ q?: string; standing?: StandingState }>({});
  const list = useLoad(() => api.GET('/v1/operator/organizations', { params: { query: { limit: 50, ...filter } } }), [filter.q, filter.standing]);
  const [more, setMore] = useState<{ rows: Org[]; cursor: string | null; after: string | null }>({ rows: [], cursor: null, after: null });
  const [notice, setNotice] = useState<string | null>(null);
  const firstCursor = list.data?.next_cursor ?? null;
  const extra = more.after === firstCursor ? more : { rows: [], cursor: firstCursor, after: firstCursor };

  const search = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const q = String(form.get('q') ?? '').trim();
    const standing = String(form.get('standing') ?? '') as StandingState | '';
    setFilter({ ...(q ? { q } : {}), ...(standing ? { standing } : {}) });
  };
  const loadMore = async () => {
    if (!extra.cursor) return;
    const { data, error } = await api.GET('/v1/operator/organizations', { params: { query: { limit: 50, cursor: extra.cursor, ...filter } } });
    if (error || !data) return setNotice(errorMessage(error));
    setMore({ rows: [...extra.rows, ...data.data], cursor: data.next_cursor, after: firstCursor });
  };

  return (
    <Card title="Organizations">
      <form className="row toolbar" role="search" onSubmit={search}>
        <label htmlFor="org-q" className="visually-hidden">Name, slug or id</label>
        <input id="org-q" name="q" type="search" placeholder="Name, slug or id" maxLength={200} />
        <label htmlFor="org-standing">Standing</label>
        <select id="org-standing" name="standing" defaultValue="">
          <option value="">Any</option>
          {(['good', 'warned', 'restricted', 'suspended', 'terminated'] as const).map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
        <button type="submit">Search</button>
      </form>
      {notice ? <p className="form-error" role="alert">{notice}</p> : null}
      <Loaded result={list} lines={8}>
        {(page) => {
          const rows = [...page.data, ...extra.rows];
          if (rows.length === 0) return <EmptyState title="No organization matches.">Try part of the name, the slug, or the full id (org_…).</EmptyState>;
          return (
            <>
              <div className="table-wrap">
                <table className="stack-table">
                  <caption className="visually-hidden">Organizations, newest first</caption>
                  <thead>
                    <tr><th scope="col">Organization</th><th scope="col">Standing</th><th scope="col">Risk</th><th scope="col">Flagged signals</th><th scope="col">Open cases</th><th scope="col">Created</th></tr>
                  </thead>
                  <tbody>
                    {rows.map((o) => (
                      <tr key={o.id} data-testid="org-row">
                        <td data-label="Organization"><Link to={`/operator/organizations/${o.id}`}>{o.name}</Link><div className="hint">{o.slug} · {o.plan}</div></td>
                        <td data-label="Standing"><Badge tone={statusTone(o.standing.state)}>{o.standing.state}</Badge></td>
                        <td data-label="Risk"><RiskScore score={o.risk_score} /></td>
                        <td data-label="Flagged signals">
                          {o.signals.length === 0 ? <span className="muted">None</span> : (
                            <ul className="plain-list">
                              {o.signals.map((s) => <li key={s.id}><Badge tone={s.level === 'action' ? 'bad' : 'warn'}>{s.level}</Badge> {signalLabel(s.id)} {formatSignal(s.unit, s.value)}</li>)}
                            </ul>
                          )}
                        </td>
                        <td data-label="Open cases">{formatNumber(o.open_cases)}</td>
                        <td data-label="Created">{formatDate(o.created_at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {extra.cursor ? <button type="button" className="secondary" onClick={() => void loadMore()}>Show more organizations</button> : null}
            </>
          );
        }}
      </Loaded>
    </Card>
  );
}

/** 0–100, with a bar: warned from about 17, restricted from 50, suspended at 100. */
export function RiskScore({ score }: { score: number }) {
  const tone = score >= 50 ? 'bad' : score >= 50 / 3 ? 'warn' : 'ok';
  return (
    <span className="risk">
      <span className="risk-value">{formatNumber(score)}</span>
      <span className={`risk-bar risk-${tone}`} role="img" aria-label={`Risk score ${formatNumber(score)} of 100`}><span style={{ width: `${Math.min(100, score)}%` }} /></span>
    </span>
  );
}
