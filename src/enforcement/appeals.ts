import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { changeStanding } from './change-standing.ts';
import type { StandingState } from './signals.ts';
import { findStanding, findStandingChange } from './store.ts';

export type AppealRow = {
  id: string; change_id: string; message: string; status: 'pending' | 'upheld' | 'overturned'; actor: string;
  decided_by: string | null; decision_reason: string | null; created_at: Date; decided_at: Date | null;
};

/**
 * The organization appeals a step (by default its latest) with a message; an operator decides later. One
 * pending appeal per step: a second would only queue the same question twice.
 */
export async function fileAppeal(db: Db, orgId: string, input: { message: string; changeId?: string | undefined; actor: string }, now: Date): Promise<AppealRow> {
  return db.transaction(async (tx) => {
    const [change] = input.changeId
      ? [await findStandingChange(tx, orgId, input.changeId)]
      : await tx.query<{ id: string }>(sql`SELECT id FROM standing_changes WHERE org_id = ${orgId} ORDER BY created_at DESC, id DESC LIMIT 1`);
    if (!change) throw new AppError('not_found', { message: 'No enforcement step to appeal.' });
    const pending = await tx.query(sql`SELECT 1 FROM standing_appeals WHERE org_id = ${orgId} AND change_id = ${change.id} AND status = 'pending'`);
    if (pending.length > 0) throw new AppError('conflict', { message: 'An appeal of this step is already waiting for a decision.', details: { change_id: change.id } });
    const id = newId('appeal');
    const [row] = await tx.query<AppealRow>(sql`
      INSERT INTO standing_appeals (org_id, id, change_id, message, actor, created_at)
      VALUES (${orgId}, ${id}, ${change.id}, ${input.message}, ${input.actor}, ${now})
      RETURNING id, change_id, message, status, actor, decided_by, decision_reason, created_at, decided_at`);
    await recordAudit(tx, { orgId, action: 'enforcement.appealed', actor: input.actor, subject: id, detail: { change_id: change.id, message_length: input.message.length }, at: now });
    return row!;
  });
}

export function listAppeals(db: Db, orgId: string) {
  return db.query<AppealRow>(sql`
    SELECT id, change_id, message, status, actor, decided_by, decision_reason, created_at, decided_at
    FROM standing_appeals WHERE org_id = ${orgId} ORDER BY created_at DESC, id DESC`);
}

/** Unscoped: the operators' queue across organizations. */
export function listPendingAppealsUnscoped(db: Db) {
  return db.query<AppealRow & { org_id: string }>(sql`
    SELECT org_id, id, change_id, message, status, actor, decided_by, decision_reason, created_at, decided_at
    FROM standing_appeals WHERE status = 'pending' ORDER BY created_at`);
}

/**
 * An operator decides an appeal. Overturned: the organization goes back to the state before the appealed step
 * (with its signals counted afresh), as a transition of its own; upheld: nothing moves. Both are audited.
 */
export async function decideAppeal(db: Db, orgId: string, appealId: string, input: { outcome: 'upheld' | 'overturned'; reason: string; actor: string }, now: Date): Promise<AppealRow> {
  return db.transaction(async (tx) => {
    const [appeal] = await tx.query<AppealRow>(sql`
      SELECT id, change_id, message, status, actor, decided_by, decision_reason, created_at, decided_at
      FROM standing_appeals WHERE org_id = ${orgId} AND id = ${appealId} FOR UPDATE`);
    if (!appeal) throw new AppError('not_found');
    if (appeal.status !== 'pending') throw new AppError('conflict', { message: `The appeal was already ${appeal.status}.` });
    const [row] = await tx.query<AppealRow>(sql`
      UPDATE standing_appeals SET status = ${input.outcome}, decided_by = ${input.actor}, decision_reason = ${input.reason}, decided_at = ${now}
      WHERE org_id = ${orgId} AND id = ${appealId}
      RETURNING id, change_id, message, status, actor, decided_by, decision_reason, created_at, decided_at`);
    await recordAudit(tx, { orgId, action: 'enforcement.appeal_decided', actor: input.actor, subject: appealId, detail: { change_id: appeal.change_id, outcome: input.outcome, reason: input.reason }, at: now });
    if (input.outcome === 'overturned') {
      const change = (await findStandingChange(tx, orgId, appeal.change_id))!;
      const org = (await findStanding(tx, orgId, true))!;
      if (org.standing === change.to_state) {
        await changeStanding(tx, orgId, org.standing, {
          to: change.from_state as StandingState, clause: change.clause, actor: input.actor, until: null, resetSignals: true,
          reason: `Appeal ${appealId} overturned the step to ${change.to_state}: ${input.reason}`, evidence: { score: null, signals: [] },
        }, now);
      }
    }
    return row!;
  });
}
