import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { changeStanding } from './change-standing.ts';
import { LADDER, type StandingState } from './signals.ts';
import { findStanding } from './store.ts';

/**
 * An operator's transition, any rung to any rung, with a reason and a clause (until the operator console exists,
 * through `xpecto enforcement set`). A suspension needs its end; termination is final here — the data stays, the
 * keys are revoked, and only a new organization could send again.
 */
export async function setStanding(db: Db, orgId: string, input: { state: string; reason: string; clause: string; actor: string; until?: Date | null }, now: Date) {
  if (!LADDER.includes(input.state as StandingState)) throw new AppError('validation_failed', { message: `state must be one of ${LADDER.join(', ')}` });
  const to = input.state as StandingState;
  if (!input.reason.trim()) throw new AppError('validation_failed', { message: 'A reason is required.' });
  if (to === 'suspended' && !(input.until && input.until > now)) throw new AppError('validation_failed', { message: 'A suspension needs an end time in the future.' });
  return db.transaction(async (tx) => {
    const org = await findStanding(tx, orgId, true);
    if (!org) throw new AppError('not_found');
    if (org.standing === 'terminated') throw new AppError('conflict', { message: 'The organization is terminated.' });
    return changeStanding(tx, orgId, org.standing, {
      to, clause: input.clause, reason: input.reason, actor: input.actor, until: to === 'suspended' ? input.until! : null,
      evidence: { score: null, signals: [] }, resetSignals: to === 'good',
    }, now);
  });
}
