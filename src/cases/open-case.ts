import type { AuditEntry } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';
import { clauseWeight } from './priority.ts';
import { addReportToCase, findOpenCaseAbout, insertCase, insertCaseEvent } from './store.ts';

const ACTOR = 'system:report_intake';

export type CaseReport = { id: string; orgId: string | null; reportedPhone: string | null; clause: string; category: string; at: Date; requestId?: string | undefined };

/**
 * AUP 5: every violation report reaches a case for the operators, in the report's own transaction — the open case
 * about the same organization (or, for a number on no organization, the same number) when there is one, a new case
 * otherwise (decision 0025). Returns the audit entries for the caller to append with its own (the audit log is
 * written last in a transaction): the operator chain always, the reported organization's chain when there is one.
 */
export async function openCaseForReport(tx: Db, report: CaseReport) {
  const about = report.orgId ? { orgId: report.orgId } : report.reportedPhone ? { phone: report.reportedPhone } : null;
  if (about) {
    // Two reports about the same subject at once: the second waits here, then finds the case the first opened.
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`case:${about.orgId ?? about.phone}`}, 0))`);
    const open = await findOpenCaseAbout(tx, about);
    if (open) return joinCase(tx, open, report);
  }
  return newCase(tx, report);
}

async function newCase(tx: Db, report: CaseReport) {
  const id = newId('case');
  await insertCase(tx, { id, orgId: report.orgId, clause: report.clause, category: report.category, reportId: report.id, at: report.at });
  await insertCaseEvent(tx, id, { kind: 'opened', actor: ACTOR, detail: { report_id: report.id }, at: report.at });
  return { id, merged: false, audit: entries(report, id, 'case.opened', { clause: report.clause, category: report.category }) };
}

/** The report joins the open case; the case takes the report's clause when it weighs more, so the queue ranks it by its worst report. */
async function joinCase(tx: Db, open: { id: string; clause: string; category: string }, report: CaseReport) {
  const raise = clauseWeight(report.clause) > clauseWeight(open.clause);
  const clause = raise ? report.clause : open.clause;
  const category = raise ? report.category : open.category;
  await addReportToCase(tx, open.id, report.id, { clause, category });
  const detail = { report_id: report.id, report_clause: report.clause, report_category: report.category, clause, category };
  await insertCaseEvent(tx, open.id, { kind: 'report_added', actor: ACTOR, detail, at: report.at });
  return { id: open.id, merged: true, audit: entries(report, open.id, 'case.report_added', detail) };
}

function entries(report: CaseReport, caseId: string, action: 'case.opened' | 'case.report_added', extra: Record<string, unknown>): AuditEntry[] {
  const detail = { case_id: caseId, report_id: report.id, ...extra };
  const audit: AuditEntry[] = [{ orgId: null, action, actor: ACTOR, subject: caseId, requestId: report.requestId, at: report.at, detail: { ...detail, org_id: report.orgId } }];
  if (report.orgId) audit.push({ orgId: report.orgId, action, actor: ACTOR, subject: caseId, requestId: report.requestId, at: report.at, detail });
  return audit;
}
