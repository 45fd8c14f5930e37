import { Link } from 'react-router';
import { api, type paths } from '../api/client.ts';
import { DayChart } from '../components/DayChart.tsx';
import { formatCalendarDay, formatDateTime, formatNumber, formatPercent } from '../format.ts';
import { Badge, Card, ErrorState, Loaded, Page, statusTone, useInterval, useLoad } from '../ui.tsx';

type Stats = paths['/v1/stats/overview']['get']['responses'][200]['content']['application/json'];
type Standing = paths['/v1/account/standing']['get']['responses'][200]['content']['application/json'];
type NumberHealth = Stats['phone_numbers'][number];

// The browser's zone, so "today" is the user's today.
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const COUNTS = [
  { key: 'sent', label: 'Sent', hint: 'reached WhatsApp' },
  { key: 'delivered', label: 'Delivered', hint: 'on the customer\'s phone' },
  { key: 'read', label: 'Read', hint: 'opened by the customer' },
  { key: 'failed', label: 'Failed', hint: 'not delivered' },
  { key: 'replied', label: 'Replied', hint: 'messages from customers' },
] as const;

const SERIES = [
  { key: 'sent', label: 'Sent', className: 'bar-sent' },
  { key: 'read', label: 'Read', className: 'bar-read' },
  { key: 'failed', label: 'Failed', className: 'bar-failed' },
  { key: 'replied', label: 'Replied', className: 'bar-replied' },
];

export function Overview() {
  const stats = useLoad(() => api.GET('/v1/stats/overview', { params: { query: { days: 14, tz: TIME_ZONE } } }), []);
  const standing = useLoad(() => api.GET('/v1/account/standing'), []);
  useInterval(() => void stats.reload(), 30_000);

  return (
    <Page title="Overview">
      <section aria-labelledby="today-title" className="overview-today">
        <h2 id="today-title">Today{stats.data ? <span className="muted"> · {formatCalendarDay(stats.data.today.date, 'long')}</span> : null}</h2>
        {stats.error && !stats.data ? <ErrorState message={stats.error} onRetry={stats.reload} /> : (
          <dl className="stats">
            {COUNTS.map((c) => (
              <div className={`stat stat-${c.key}`} key={c.key}>
                <dt className="stat-label">{c.label} <span className="visually-hidden">({c.hint})</span></dt>
                <dd className="stat-value" data-testid={`today-${c.key}`}>{stats.data ? formatNumber(stats.data.today[c.key]) : <span className="skeleton-value" aria-hidden="true" />}</dd>
                <dd className="stat-hint muted">{c.key === 'read' && stats.data ? readRate(stats.data.today) : c.hint}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <Card title="Last 14 days" className="overview-chart">
        <Loaded result={stats} lines={11}>
          {(s) => s.series.some((d) => d.sent + d.failed + d.replied > 0)
            ? <DayChart id="days" title="Messages per day, last 14 days" days={s.series} series={SERIES} />
            : <EmptyChart />}
        </Loaded>
      </Card>

      <div className="grid overview-health">
        <Card title="Account standing">
          <Loaded result={standing} lines={4}>{(s) => <StandingSummary standing={s} />}</Loaded>
        </Card>
        <Card title="Phone numbers">
          <Loaded result={stats} lines={4}>{(s) => <NumbersHealth numbers={s.phone_numbers} />}</Loaded>
        </Card>
      </div>
    </Page>
  );
}

function readRate(today: Stats['today']): string {
  return today.delivered > 0 ? `${formatPercent(today.read / today.delivered)} of delivered` : 'opened by the customer';
}

function EmptyChart() {
  return (
    <div className="chart-empty">
      <p className="empty-title">No messages in the last 14 days.</p>
      <p className="muted">Send a template to an opted-in contact from the <Link to="/inbox">Inbox</Link>, or with <code>POST /v1/messages</code>; the counts appear here as WhatsApp reports them.</p>
    </div>
  );
}

const STANDING_TEXT: Record<string, string> = {
  good: 'In good standing: nothing limits your sending.',
  warned: 'Warned: a signal is close to the level where sending is limited.',
  restricted: 'Restricted: marketing messages are paused and limits are lower.',
  suspended: 'Suspended: messages cannot be sent.',
  terminated: 'Terminated: messages cannot be sent.',
};

function StandingSummary({ standing }: { standing: Standing }) {
  const state = standing.state ?? 'good';
  const worst = (standing.signals ?? []).filter((s) => s.level !== 'ok').sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  return (
    <div className="stack standing-summary" data-testid="standing-summary">
      <p className="row"><Badge tone={statusTone(state)}>{state[0]!.toUpperCase() + state.slice(1)}</Badge> <span>{STANDING_TEXT[state]}</span></p>
      <p className="muted">
        Risk score {formatNumber(Math.round(standing.risk_score ?? 0))}
        {standing.score_bands?.warned !== undefined ? <> (a warning from {formatNumber(Math.ceil(standing.score_bands.warned))})</> : null}
        {standing.until ? <>, until {formatDateTime(standing.until)}</> : null}
      </p>
      {worst ? <p>{worst.description}{worst.what_to_do ? <> — {worst.what_to_do}</> : null}</p> : null}
      <p><Link to="/standing">Signals, history and appeals</Link></p>
    </div>
  );
}

const QUALITY: Record<string, { label: string; tone: 'good' | 'warn' | 'bad' | 'neutral' }> = {
  GREEN: { label: 'High quality', tone: 'good' },
  YELLOW: { label: 'Medium quality', tone: 'warn' },
  RED: { label: 'Low quality', tone: 'bad' },
};

/** "TIER_2K" → "2K customers a day"; Meta's unlimited tier says so. */
function tierText(tier: string | null | undefined): string {
  if (!tier) return 'Not reported yet';
  const m = /^TIER_(\w+)$/.exec(tier);
  if (!m) return tier;
  if (m[1] === 'UNLIMITED') return 'Unlimited customers a day';
  return `${m[1]} new customers a day`;
}

function NumbersHealth({ numbers }: { numbers: NumberHealth[] }) {
  if (numbers.length === 0) {
    return <p className="muted">No WhatsApp number is connected. Connect one with <code>POST /v1/phone-numbers</code> (see <a href="/docs">the API docs</a>).</p>;
  }
  return (
    <ul className="number-list">
      {numbers.map((n) => {
        const quality = QUALITY[n.quality_rating ?? ''] ?? { label: 'Quality not rated yet', tone: 'neutral' as const };
        return (
          <li key={n.id} className="number-item" data-testid="phone-number">
            <p className="number-title"><strong>{n.display_phone_number}</strong>{n.verified_name ? <span className="muted"> · {n.verified_name}</span> : null}</p>
            <dl className="number-facts">
              <div><dt>Quality</dt><dd><Badge tone={quality.tone}>{quality.label}</Badge></dd></div>
              <div><dt>Messaging limit</dt><dd>{tierText(n.messaging_limit_tier)}</dd></div>
              <div><dt>Throughput</dt><dd>{formatNumber(n.send_rate_mps)} messages a second{n.throughput_level ? ` (${n.throughput_level.toLowerCase()})` : ''}</dd></div>
              {n.paused_at ? <div><dt>Sending</dt><dd><Badge tone="bad">Paused since {formatDateTime(n.paused_at)}</Badge></dd></div> : null}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
