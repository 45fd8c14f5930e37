import type { AuditEntry } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { newId } from '../lib/ids.ts';
import { insertCase, insertCaseEvent } from './store.ts';

const ACTOR = 'system:report_intake';

/**
 * AUP 5: every violation report opens a case for the operators, in the report's own transaction. Returns the audit
 * entries for the caller to append with its own (the audit log is written last in a transaction): the operator
 * chain always, the reported organization's chain when the report was linked to one.
 */
export async function openCaseForReport(tx: Db, report: { id: string; orgId: string | null; clause: string; category: string; at: Date; requestId?: string | undefined }) {
  const id = newId('case');
  await insertCase(tx, { id, orgId: report.orgId, clause: report.clause, category: report.category, reportId: report.id, at: report.at });
  await insertCaseEvent(tx, id, { kind: 'opened', actor: ACTOR, detail: { report_id: report.id }, at: report.at });
  const detail = { case_id: id, report_id: report.id, clause: report.clause, category: report.category };
  const audit: AuditEntry[] = [{ orgId: null, action: 'case.opened', actor: ACTOR, subject: id, requestId: report.requestId, at: report.at, detail: { ...detail, org_id: report.orgId } }];
  if (report.orgId) audit.push({ orgId: report.orgId, action: 'case.opened', actor: ACTOR, subject: id, requestId: report.requestId, at: report.at, detail });
  return { id, audit };
}
