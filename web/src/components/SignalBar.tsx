import { formatNumber, formatPercent } from '../format.ts';
import { Badge } from '../ui.tsx';

/** A standing signal as both the organization (GET /v1/account/standing) and the operators see it. */
export type Signal = {
  id?: string; clause?: string; unit?: 'rate' | 'ratio' | 'count'; value?: number; volume?: number; counts?: boolean;
  level?: 'ok' | 'warn' | 'action'; warn?: number; action?: number; score?: number; description?: string; what_to_do?: string;
};

const LABELS: Record<string, string> = {
  opt_out_rate: 'Opt-outs',
  quality_events: 'Blocks and reports',
  failure_131049: 'Refused to protect the ecosystem (131049)',
  failure_131026: 'Undeliverable numbers (131026)',
  failure_131050: 'Customer stopped marketing (131050)',
  consent_refusals: 'Sends without consent',
  screening: 'Content refused by screening',
  marketing_volume_spike: 'Marketing volume spike',
  throttling: 'Minutes over the request budget',
  credential_sharing: 'Shared API keys',
  violation_reports: 'Confirmed violation reports',
};

export function signalLabel(id: string | undefined): string {
  if (!id) return 'Signal';
  return LABELS[id] ?? id.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** A rate as a percentage, a ratio as "2.5×", a count as a number. */
export function formatSignal(unit: Signal['unit'], n: number | undefined): string {
  if (n === undefined) return '—';
  if (unit === 'rate') return formatPercent(n);
  if (unit === 'ratio') return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n)}×`;
  return formatNumber(n);
}

const plural = (n: number | undefined, one: string, many: string) => (n === 1 ? one : many);

const ORDER = { action: 0, warn: 1, ok: 2 } as const;
/** Raised signals first (action, then warn), then those that count, then those below their minimum volume. */
export function bySeverity(a: Signal, b: Signal): number {
  const rank = (s: Signal) => (s.counts === false ? 3 : ORDER[s.level ?? 'ok']);
  return rank(a) - rank(b);
}

const LEVEL: Record<string, { label: string; tone: 'good' | 'warn' | 'bad' }> = {
  ok: { label: 'OK', tone: 'good' },
  warn: { label: 'At warn level', tone: 'warn' },
  action: { label: 'At action level', tone: 'bad' },
};

/** The value against its warn and action levels, as a small bar with both marks. */
export function SignalMeter({ signal }: { signal: Signal }) {
  const value = signal.value ?? 0;
  const warn = signal.warn ?? 0;
  const action = signal.action ?? 0;
  const max = Math.max(action * 1.5, value * 1.1, Number.EPSILON);
  const pct = (n: number) => `${Math.min(100, (n / max) * 100)}%`;
  const text = `${formatSignal(signal.unit, value)}; warn at ${formatSignal(signal.unit, warn)}, action at ${formatSignal(signal.unit, action)}`;
  return (
    <div className={`meter meter-${signal.counts === false ? 'idle' : signal.level ?? 'ok'}`} role="img" aria-label={text}>
      <div className="meter-fill" style={{ width: pct(value) }} />
      <div className="meter-mark meter-mark-warn" style={{ left: pct(warn) }} />
      <div className="meter-mark meter-mark-action" style={{ left: pct(action) }} />
    </div>
  );
}

/** One signal: what it measures, its value over its volume, the bar, and what to do when it is raised. */
export function SignalRow({ signal }: { signal: Signal }) {
  const level = LEVEL[signal.level ?? 'ok'] ?? LEVEL['ok']!;
  return (
    <li className={`signal signal-${signal.level ?? 'ok'}`} data-testid="signal" data-signal={signal.id}>
      <div className="signal-head">
        <span className="signal-name">{signalLabel(signal.id)}</span>
        {signal.counts === false ? <Badge tone="neutral">Not counted yet</Badge> : <Badge tone={level.tone}>{level.label}</Badge>}
      </div>
      <div className="signal-numbers">
        <span className="signal-value">{formatSignal(signal.unit, signal.value)}</span>
        <span className="hint">
          {signal.unit === 'count' ? 'in the window' : `over ${formatNumber(signal.volume)} ${signal.unit === 'ratio' ? plural(signal.volume, 'marketing send', 'marketing sends') : plural(signal.volume, 'message', 'messages')}`}
          {' · '}warn {formatSignal(signal.unit, signal.warn)} · action {formatSignal(signal.unit, signal.action)} · AUP {signal.clause}
        </span>
      </div>
      <SignalMeter signal={signal} />
      {signal.description ? <details className="signal-about"><summary>What it measures</summary><p className="hint">{signal.description}</p></details> : null}
      {signal.level && signal.level !== 'ok' && signal.what_to_do ? <p className="signal-advice"><strong>What to do:</strong> {signal.what_to_do}</p> : null}
    </li>
  );
}
