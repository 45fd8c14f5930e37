/**
 * The abuse signals an organization's standing is judged by (AUP 4, issue 8 item 2), their published thresholds,
 * and the risk score (item 3): pure, so the rules are data a tenant can read and the tests can table.
 * Rates count only from a minimum volume, as email providers do; warn sits at a third of the action level.
 */

export type SignalId =
  | 'opt_out_rate' | 'quality_events' | 'failure_131049' | 'failure_131026' | 'failure_131050' | 'consent_refusals'
  | 'screening' | 'marketing_volume_spike' | 'throttling' | 'credential_sharing' | 'violation_reports';

export type SignalRule = {
  id: SignalId;
  clause: string;
  /** rate: a share of `volume`; ratio: volume against the organization's own baseline; count: occurrences. */
  unit: 'rate' | 'ratio' | 'count';
  warn: number;
  action: number;
  description: string;
  advice: string;
};

export const SIGNAL_RULES: SignalRule[] = [
  { id: 'opt_out_rate', clause: '3.1', unit: 'rate', warn: 0.01, action: 0.03, description: 'Customers who opted out, per message sent.', advice: 'Send only what each contact asked for, and less often; check where the list came from.' },
  { id: 'quality_events', clause: '3.3', unit: 'rate', warn: 0.001, action: 0.003, description: 'Blocks and reports as Meta shows them — phone-number quality downgrades, template pauses and red quality — per message sent.', advice: 'Pause the campaigns behind the paused or red templates; review audience, opt-in records and frequency.' },
  { id: 'failure_131049', clause: '3.3', unit: 'rate', warn: 0.02, action: 0.06, description: 'Messages Meta refused to protect the ecosystem (131049: too many marketing messages to that customer), per message sent.', advice: 'Send marketing to fewer, more engaged customers; space messages out.' },
  { id: 'failure_131026', clause: '3.3', unit: 'rate', warn: 0.05, action: 0.15, description: 'Messages undeliverable (131026: not on WhatsApp, old app, not accepted the terms), per message sent.', advice: 'Clean the list: remove numbers that are not on WhatsApp; do not buy or scrape numbers.' },
  { id: 'failure_131050', clause: '3.1', unit: 'rate', warn: 0.01, action: 0.03, description: 'Messages refused because the customer stopped marketing messages (131050), per message sent.', advice: 'Stop marketing to customers who turned it off; honour opt-outs everywhere they are given.' },
  { id: 'consent_refusals', clause: '3.1', unit: 'rate', warn: 0.02, action: 0.06, description: 'Sends refused for missing consent or an opt-out, per attempted send.', advice: 'Record each customer\'s opt-in (with its proof) before sending; remove opted-out contacts from campaigns.' },
  { id: 'screening', clause: '3.2', unit: 'rate', warn: 0.01, action: 0.03, description: 'Sends blocked or held by content screening, and media refused, per attempted send.', advice: 'Remove the links and wording the refusals name; send only content about your own business.' },
  { id: 'marketing_volume_spike', clause: '3.1', unit: 'ratio', warn: 2, action: 6, description: 'Marketing sends (stored or refused) against the organization\'s own average over the previous 7 days, at least the minimum volume. Transactional messages follow customers\' own activity and are not counted.', advice: 'Grow marketing volume gradually, to customers who opted in.' },
  { id: 'throttling', clause: '3.6', unit: 'count', warn: 10, action: 30, description: 'Minutes in which an API key went over its request budget.', advice: 'Honour Retry-After; spread requests; use the batch endpoint.' },
  { id: 'credential_sharing', clause: '3.6', unit: 'count', warn: 1, action: 3, description: 'API keys used from networks or countries that show they are shared.', advice: 'Give each system its own key; rotate shared keys; restrict keys to your addresses.' },
  { id: 'violation_reports', clause: '5', unit: 'count', warn: 1, action: 3, description: 'Violation reports that an operator confirmed.', advice: 'Answer the reports we forwarded; fix what they describe.' },
];

/** What was measured for one signal: `value` over `volume` (the denominator, or the count itself). */
export type Measurement = { id: SignalId; value: number; volume: number };

export type Reading = SignalRule & {
  value: number;
  volume: number;
  /** A rate below the minimum volume is shown but does not count. */
  counts: boolean;
  level: 'ok' | 'warn' | 'action';
  /** This signal's share of the risk score. */
  score: number;
};

/**
 * The risk score: 50 × Σ min(value / action level, 1) over the signals that count, at most 100. One signal at its
 * warn level (a third of action) scores about 17, one at its action level 50, two at their action levels 100.
 */
export const SCORE_BANDS = { warned: 50 / 3, restricted: 50, suspended: 100 } as const;

export function readSignals(measured: Measurement[], minVolume: number): { readings: Reading[]; score: number } {
  const readings = SIGNAL_RULES.map((rule): Reading => {
    const m = measured.find((x) => x.id === rule.id) ?? { value: 0, volume: 0 };
    const counts = rule.unit === 'count' || m.volume >= minVolume;
    const level = !counts ? 'ok' : m.value >= rule.action ? 'action' : m.value >= rule.warn ? 'warn' : 'ok';
    const score = counts ? 50 * Math.min(m.value / rule.action, 1) : 0;
    return { ...rule, value: m.value, volume: m.volume, counts, level, score };
  });
  return { readings, score: Math.min(100, readings.reduce((s, r) => s + r.score, 0)) };
}

export type StandingState = 'good' | 'warned' | 'restricted' | 'suspended' | 'terminated';
export const LADDER: StandingState[] = ['good', 'warned', 'restricted', 'suspended', 'terminated'];

export type Current = { state: StandingState; since: Date; until: Date | null };

export type Decision =
  | { kind: 'stay' }
  | { kind: 'move'; to: StandingState; clause: string; reason: string; until: Date | null; resetSignals: boolean };

/**
 * The automatic step for one evaluation. Up: to the band the score reached (never to termination, which only an
 * operator decides). Down: a suspension lifts at its end time to `warned`, with its signals counted afresh; a
 * warning or restriction steps down one rung once a whole window has passed in it with the score under the warn band.
 */
export function decideStanding(
  current: Current, scored: { readings: Reading[]; score: number }, now: Date, rules: { suspendMs: number; windowMs: number },
  /** The readings of the previous step, so the step names the clause of what changed since, not of what led to it. */
  previous: Pick<Reading, 'id' | 'value' | 'action'>[] = [],
): Decision {
  if (current.state === 'terminated') return { kind: 'stay' };
  if (current.state === 'suspended') {
    if (current.until && current.until <= now) {
      return { kind: 'move', to: 'warned', clause: '4', reason: 'The suspension ended; signals are counted again from now.', until: null, resetSignals: true };
    }
    return { kind: 'stay' };
  }
  // A signal exactly at its warn level scores 50 × (1/3) = 16.666…64 in floating point, a hair under 50 / 3: the
  // bands are compared with a tolerance far below any real difference, so "at the warn level" warns.
  const reached = (edge: number) => scored.score >= edge - 1e-9;
  const band: StandingState = reached(SCORE_BANDS.suspended) ? 'suspended' : reached(SCORE_BANDS.restricted) ? 'restricted' : reached(SCORE_BANDS.warned) ? 'warned' : 'good';
  const rank = (s: StandingState) => LADDER.indexOf(s);
  if (rank(band) > rank(current.state)) {
    const before = (r: Reading) => {
      const p = previous.find((x) => x.id === r.id);
      return p ? 50 * Math.min(p.value / p.action, 1) : 0;
    };
    const lead = [...scored.readings].sort((a, b) => (b.score - before(b)) - (a.score - before(a)) || b.score - a.score)[0]!;
    const named = scored.readings.filter((r) => r.level !== 'ok').map((r) => `${r.id} ${formatValue(r)} (${r.level} level ${formatThreshold(r, r.level === 'action' ? r.action : r.warn)}, AUP ${r.clause})`);
    return {
      kind: 'move', to: band, clause: lead.clause, resetSignals: false,
      reason: `Risk score ${Math.round(scored.score)} reached the ${band} band: ${named.join('; ')}.`,
      until: band === 'suspended' ? new Date(now.getTime() + rules.suspendMs) : null,
    };
  }
  if (band === 'good' && (current.state === 'warned' || current.state === 'restricted') && now.getTime() - current.since.getTime() >= rules.windowMs) {
    const to = current.state === 'restricted' ? 'warned' : 'good';
    return { kind: 'move', to, clause: '4', reason: `A whole window in ${current.state} with the risk score under the warn band.`, until: null, resetSignals: false };
  }
  return { kind: 'stay' };
}

export function formatValue(r: Pick<Reading, 'unit' | 'value'>): string {
  return formatThreshold(r, r.value);
}

function formatThreshold(r: Pick<Reading, 'unit'>, v: number): string {
  if (r.unit === 'rate') return `${+(v * 100).toFixed(2)} %`;
  if (r.unit === 'ratio') return `${+v.toFixed(2)}×`;
  return String(v);
}
