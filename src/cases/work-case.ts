import { lockAuditChains, recordAudits, type AuditAction, type AuditEntry } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { setStanding } from '../enforcement/set-standing.ts';
import { findStanding } from '../enforcement/store.ts';
import { AppError } from '../lib/app-error.ts';
import { recordReportOutcome } from '../reports/record-outcome.ts';
import { sql } from '../db/sql.ts';
import { findCase, findOperator, insertCaseEvent, markResolved, setAssignee, type CaseEventKind, type CaseRow } from './store.ts';

export const MAX_NOTE = 10_000;

/** Who works the case: the operator's actor string and the request, for the audit entries. */
export type CaseActor = { actor: string; requestId?: string | undefined };

/**
 * One step on a case, in one transaction with the case row locked: the change, its timeline event, and the audit
 * entries — the operator chain with the detail, the investigated organization's chain with `orgDetail` (what it
 * may read about its own case: never a note's text). Lock order, as every writer keeps it (decision 0023): the
 * case row, the reports' rows, the organization's row, then the audit heads last — the operator chain's, then the
 * organization's.
 */
async function caseStep<T>(db: Db, caseId: string, by: CaseActor, now: Date, step: {
  kind: CaseEventKind; action: AuditAction; open?: boolean;
  apply(tx: Db, c: CaseRow): Promise<{ result: T; detail: Record<string, unknown>; orgDetail?: Record<string, unknown> }>;
}): Promise<T> {
  return db.transaction(async (tx) => {
    const c = await findCase(tx, caseId, true);
    if (!c) throw new AppError('not_found', { message: `No case ${caseId}.` });
    if (step.open !== false && c.status !== 'open') throw new AppError('conflict', { message: `Case ${caseId} is resolved.` });
    const { result, detail, orgDetail } = await step.apply(tx, c);
    await insertCaseEvent(tx, caseId, { kind: step.kind, actor: by.actor, detail, at: now });
    const entries: AuditEntry[] = [{ orgId: null, action: step.action, actor: by.actor, subject: caseId, requestId: by.requestId, at: now, detail: { case_id: caseId, ...detail } }];
    if (c.org_id) entries.push({ orgId: c.org_id, action: step.action, actor: by.actor, subject: caseId, requestId: by.requestId, at: now, detail: { case_id: caseId, ...(orgDetail ?? detail) } });
    await recordAudits(tx, entries);
    return result;
  });
}

/** Assigns the case to an operator (an id or an email), or takes it back from another. */
export function assignCase(db: Db, caseId: string, assigneeRef: string, by: CaseActor, now: Date) {
  return caseStep(db, caseId, by, now, {
    kind: 'assigned', action: 'case.assigned',
    async apply(tx, c) {
      const operator = await findOperator(tx, assigneeRef);
      if (!operator) throw new AppError('validation_failed', { message: `No operator account "${assigneeRef}".` });
      await setAssignee(tx, c.id, operator.id);
      return { result: { assignee: operator.id }, detail: { assignee: operator.id, previous: c.assignee } };
    },
  });
}

export function addNote(db: Db, caseId: string, body: string, by: CaseActor, now: Date) {
  const text = body.trim();
  if (!text || text.length > MAX_NOTE) throw new AppError('validation_failed', { message: `A note is 1 to ${MAX_NOTE} characters.` });
  // Notes stay open after resolution: what was learnt later belongs with the case.
  return caseStep(db, caseId, by, now, {
    kind: 'note', action: 'case.note_added', open: false,
    async apply() {
      return { result: { body: text }, detail: { body: text }, orgDetail: { length: text.length } };
    },
  });
}

/**
 * A step on the enforcement ladder taken from the case (any rung, decision 0022's `setStanding`): the transition,
 * with its notices and its own audit entry, commits together with the case's event and `case.action_taken`.
 */
export function takeAction(db: Db, caseId: string, input: { state: string; reason: string; clause: string; until?: Date | null }, by: CaseActor, now: Date) {
  return caseStep(db, caseId, by, now, {
    kind: 'action', action: 'case.action_taken',
    async apply(tx, c) {
      if (!c.org_id) throw new AppError('validation_failed', { message: 'This case names no organization of the platform: there is nobody to act on.' });
      // The transition appends to the organization's chain before this step appends to the operator's: take the
      // organization's row, then the operator chain's head, first — the order recordAudits and the console keep.
      await findStanding(tx, c.org_id, true);
      await lockAuditChains(tx, [null]);
      const change = await setStanding(tx, c.org_id, { ...input, actor: by.actor }, now);
      const detail = { change_id: change.id, from: change.from_state, to: change.to_state, clause: change.clause, reason: change.reason, until: change.until?.toISOString() ?? null };
      return { result: change, detail };
    },
  });
}

/**
 * Resolves the case with an outcome. Each of its reports still open gets the outcome too — closed, the reporter
 * written to, and, when `confirmed`, the violation counted in the organization's standing (decision 0022) — in the
 * same transaction.
 */
export function resolveCase(db: Db, caseId: string, input: { outcome: string; confirmed: boolean; publicUrl: string | undefined }, by: CaseActor, now: Date) {
  const outcome = input.outcome.trim();
  if (!outcome) throw new AppError('validation_failed', { message: 'An outcome is required.' });
  return caseStep(db, caseId, by, now, {
    kind: 'resolved', action: 'case.resolved',
    async apply(tx, c) {
      const notified: string[] = [];
      // Every report's row before any audit head: each outcome below appends to the chains, and a report decided
      // meanwhile by `xpecto reports outcome` (its row, then the heads) must not hold one of ours.
      const reports = await tx.query<{ reference: string; status: string }>(sql`
        SELECT reference, status FROM violation_reports WHERE id = ANY(${c.report_ids}::text[]) ORDER BY id FOR NO KEY UPDATE`);
      for (const report of reports) {
        if (report.status !== 'received') continue;
        const done = await recordReportOutcome(tx, { reference: report.reference, outcome, actor: by.actor, now, publicUrl: input.publicUrl, confirmed: input.confirmed });
        notified.push(done.id);
      }
      await markResolved(tx, c.id, { outcome, confirmed: input.confirmed, by: by.actor, at: now });
      return {
        result: { outcome, confirmed: input.confirmed, reports_closed: notified },
        detail: { outcome, confirmed: input.confirmed, reports_closed: notified },
        orgDetail: { confirmed: input.confirmed, reports_closed: notified },
      };
    },
  });
}
