import { recordAudit, type AuditAction, type AuditBy } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { decideAppeal } from '../enforcement/appeals.ts';
import { setStanding } from '../enforcement/set-standing.ts';
import type { StandingState } from '../enforcement/signals.ts';
import { findStanding } from '../enforcement/store.ts';
import { AppError } from '../lib/app-error.ts';

const STEP_ACTION: Record<StandingState, AuditAction> = {
  good: 'enforcement.reinstated', warned: 'enforcement.warned', restricted: 'enforcement.restricted',
  suspended: 'enforcement.suspended', terminated: 'enforcement.terminated',
};

/**
 * An operator's step on the ladder from the console. `setStanding` records the step in the organization's chain;
 * the operator chain records who took it, in the same transaction. Lock order: the organization's row first (as
 * the evaluator and case actions take it, so those wait here rather than cross), then the operator chain's head
 * before the organization's (the order batched audit entries take them, as a report intake's do).
 */
export async function setStandingByOperator(db: Db, orgId: string, input: { state: StandingState; reason: string; clause: string; until: Date | null }, by: AuditBy, now: Date) {
  return db.transaction(async (tx) => {
    const org = await findStanding(tx, orgId, true);
    if (!org) throw new AppError('not_found', { message: `No organization ${orgId}.` });
    if (org.standing === 'terminated') throw new AppError('conflict', { message: 'The organization is terminated: termination is final.' });
    await recordAudit(tx, {
      orgId: null, action: STEP_ACTION[input.state], actor: by.actor, subject: orgId, requestId: by.requestId, at: now,
      detail: { org_id: orgId, from: org.standing, to: input.state, clause: input.clause, reason: input.reason, until: input.until?.toISOString() ?? null },
    });
    // The key caches hear of the step once this outer transaction commits (changeStanding's afterCommit).
    return setStanding(tx, orgId, { ...input, actor: by.actor }, now);
  });
}

/** An operator decides an appeal from the console: `decideAppeal`, and the operator chain's entry, in one transaction. */
export async function decideAppealByOperator(db: Db, orgId: string, appealId: string, input: { outcome: 'upheld' | 'overturned'; reason: string }, by: AuditBy, now: Date) {
  return db.transaction(async (tx) => {
    // The organization's row first: decideAppeal may move its standing (same lock order as above).
    if (!(await findStanding(tx, orgId, true))) throw new AppError('not_found', { message: 'No such appeal.' });
    await recordAudit(tx, {
      orgId: null, action: 'enforcement.appeal_decided', actor: by.actor, subject: appealId, requestId: by.requestId, at: now,
      detail: { org_id: orgId, appeal_id: appealId, outcome: input.outcome, reason: input.reason },
    });
    return decideAppeal(tx, orgId, appealId, { ...input, actor: by.actor }, now);
  });
}
