import { api } from '../api/client.ts';
import { bySeverity, SignalRow } from '../components/SignalBar.tsx';
import { formatDateTime, formatNumber } from '../format.ts';
import { Badge, Card, Loaded, Page, statusTone, useLoad } from '../ui.tsx';
import { History } from './standing/History.tsx';
import { PolicyCard } from './standing/PolicyCard.tsx';

const STATE: Record<string, string> = {
  good: 'Good standing: nothing limits your sending.',
  warned: 'Warned: some signals are close to the level where sending is limited.',
  restricted: 'Restricted: marketing messages are paused and request limits are lower until the signals improve.',
  suspended: 'Suspended: no messages can be sent. You can read this page and appeal.',
  terminated: 'Terminated: the account is closed and its keys are revoked.',
};

/**
 * Account standing (issue 9 item 7, AUP 4): where the organization stands, the signals it is judged by with their
 * thresholds, every enforcement step and its appeals, and the policy. Readable while suspended.
 */
export function Standing() {
  const standing = useLoad(() => api.GET('/v1/account/standing'), []);
  return (
    <Page title="Account standing">
      <Loaded result={standing} lines={8}>
        {(s) => {
          const hours = Math.round((s.window?.seconds ?? 0) / 3600);
          return (
            <>
              <Card className="standing-summary">
                <div className="standing-state">
                  <Badge tone={statusTone(s.state ?? 'good')}>{s.state}</Badge>
                  <p data-testid="standing-state">{STATE[s.state ?? 'good']}</p>
                </div>
                <dl className="facts">
                  <div><dt>Since</dt><dd>{formatDateTime(s.since)}</dd></div>
                  {s.until ? <div><dt>Until</dt><dd>{formatDateTime(s.until)}</dd></div> : null}
                  {s.clause ? <div><dt>Policy clause</dt><dd><a href="/legal/aup">AUP {s.clause}</a></dd></div> : null}
                  <div>
                    <dt>Risk score</dt>
                    <dd>{formatNumber(s.risk_score)} <span className="hint">of 100 (warned from {formatNumber(Math.round(s.score_bands?.warned ?? 0))}, restricted from {formatNumber(s.score_bands?.restricted)}, suspended at {formatNumber(s.score_bands?.suspended)})</span></dd>
                  </div>
                </dl>
                <h3>What to do</h3>
                <ul className="what-to-do">{(s.what_to_do ?? []).map((w) => <li key={w}>{w}</li>)}</ul>
              </Card>
              <Card title="Signals">
                <p className="muted">
                  Measured over the last {formatNumber(hours)} hours{s.window?.since ? ` (since ${formatDateTime(s.window.since)})` : ''}. Each bar shows the value, the warn mark and the action mark; rates count from {formatNumber(s.window?.min_volume)} messages.
                </p>
                <ul className="signals">
                  {[...(s.signals ?? [])].sort(bySeverity).map((signal) => <SignalRow key={signal.id} signal={signal} />)}
                </ul>
              </Card>
              <Card title="Enforcement history and appeals">
                <History history={s.history ?? []} appeals={s.appeals ?? []} onAppealed={() => void standing.reload()} />
              </Card>
              {/* After the standing, not beside its skeleton: arriving first, it would be pushed down (a layout shift). */}
              <PolicyCard />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
