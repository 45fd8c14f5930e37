import type { Deps } from '../deps.ts';
import type { Db } from '../db/db.ts';
import { startPollLoop, type PollLoop } from '../lib/poll-loop.ts';
import { changeStanding } from './change-standing.ts';
import { decideStanding, readSignals, type Reading } from './signals.ts';
import { findStanding, listEvaluableOrgsUnscoped, listStandingChanges, markEvaluated, measureSignals, type OrgStanding } from './store.ts';

export type EnforcementConfig = Deps['config']['enforcement'];

/** Where an organization's signals start counting: the window, or its last reset (a suspension's end) if later. */
export function signalsSince(org: Pick<OrgStanding, 'signals_since'>, now: Date, cfg: EnforcementConfig): Date {
  const windowStart = new Date(now.getTime() - cfg.windowSeconds * 1000);
  return org.signals_since && org.signals_since > windowStart ? org.signals_since : windowStart;
}

/** One organization's readings now: every signal with its value, volume, thresholds and level, and the risk score. */
export async function scoreOrganization(db: Db, org: Pick<OrgStanding, 'id' | 'signals_since'>, now: Date, cfg: EnforcementConfig) {
  const measured = await measureSignals(db, org.id, signalsSince(org, now, cfg), cfg.windowSeconds * 1000, cfg.minVolume);
  return readSignals(measured, cfg.minVolume);
}

export function evidenceOf(readings: Reading[]) {
  return readings.filter((r) => r.counts && r.value > 0).map((r) => ({ id: r.id, clause: r.clause, value: r.value, volume: r.volume, warn: r.warn, action: r.action, level: r.level }));
}

/**
 * Evaluates one organization and takes the automatic step, if any. The measurement runs outside the transaction;
 * the step re-reads the organization under its row lock and gives up if someone moved it meanwhile.
 */
export async function evaluateStanding(deps: Deps, orgId: string): Promise<boolean> {
  const cfg = deps.config.enforcement;
  const org = await findStanding(deps.db, orgId);
  if (!org || org.standing === 'terminated') return false;
  const now = deps.clock.now();
  const scored = await scoreOrganization(deps.db, org, now, cfg);
  const current = { state: org.standing, since: org.standing_since ?? org.created_at, until: org.standing_until };
  const [last] = await listStandingChanges(deps.db, orgId, 1);
  const previous = (last?.evidence as { signals?: Pick<Reading, 'id' | 'value' | 'action'>[] } | undefined)?.signals ?? [];
  const decision = decideStanding(current, scored, now, { suspendMs: cfg.suspendSeconds * 1000, windowMs: cfg.windowSeconds * 1000 }, previous);
  if (decision.kind === 'stay') {
    await markEvaluated(deps.db, orgId, now);
    return false;
  }
  const changed = await deps.db.transaction(async (tx) => {
    const locked = await findStanding(tx, orgId, true);
    if (!locked || locked.standing !== org.standing || locked.standing_since?.getTime() !== org.standing_since?.getTime()) return false;
    await changeStanding(tx, orgId, org.standing, {
      to: decision.to, clause: decision.clause, reason: decision.reason, actor: 'system:enforcement', until: decision.until,
      evidence: { score: Math.round(scored.score * 10) / 10, signals: evidenceOf(scored.readings) }, resetSignals: decision.resetSignals,
    }, now);
    deps.log.info({ orgId, from: org.standing, to: decision.to, clause: decision.clause }, 'standing changed');
    return true;
  });
  // Only once the step is taken (or found taken by another): a step that failed is tried again at the next round.
  await markEvaluated(deps.db, orgId, now);
  return changed;
}

/**
 * How often an organization with messages or signals still in its window is measured again without anything new:
 * its rates move as old volume leaves the window. A twenty-fourth of the window (an hour for the default day).
 */
export function recheckMs(cfg: EnforcementConfig): number {
  return (cfg.windowSeconds * 1000) / 24;
}

/**
 * The worker's evaluator, every `intervalMs`: the organizations with something new since their last evaluation, or
 * a step due (listEvaluableOrgsUnscoped), so a round costs what the active tenants do. One organization's failure
 * does not stop the round.
 */
export function startStandingEvaluator(deps: Deps): PollLoop {
  const cfg = deps.config.enforcement;
  return startPollLoop({
    idleMs: cfg.intervalMs,
    step: async () => {
      for (const { id } of await listEvaluableOrgsUnscoped(deps.db, deps.clock.now(), cfg.windowSeconds * 1000, recheckMs(cfg))) {
        await evaluateStanding(deps, id).catch((err) => deps.log.error({ err, orgId: id }, 'standing evaluation failed'));
      }
      return false;
    },
    onError: (err) => deps.log.error({ err }, 'standing evaluator failed'),
  });
}
