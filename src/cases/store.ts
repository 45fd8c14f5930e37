import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { newId } from '../lib/ids.ts';

// Cases are the platform's records (org_id is whom they investigate, and may be unknown): unscoped by design,
// reached only from the operator API, the report intake and operator tools.

export type CaseRow = {
  id: string; org_id: string | null; clause: string; category: string; status: 'open' | 'resolved'; assignee: string | null;
  outcome: string | null; confirmed: boolean | null; resolved_by: string | null; resolved_at: Date | null; created_at: Date;
  org_name: string | null; org_standing: string | null; report_ids: string[];
};

const columns = sql`c.id, c.org_id, c.clause, c.category, c.status, c.assignee, c.outcome, c.confirmed, c.resolved_by, c.resolved_at, c.created_at,
  o.name AS org_name, o.standing AS org_standing,
  coalesce((SELECT array_agg(cr.report_id ORDER BY cr.report_id) FROM case_reports cr WHERE cr.case_id = c.id), '{}') AS report_ids`;

export async function insertCase(tx: Db, c: { id: string; orgId: string | null; clause: string; category: string; reportId: string; at: Date }) {
  await tx.query(sql`INSERT INTO cases (id, org_id, clause, category, created_at) VALUES (${c.id}, ${c.orgId}, ${c.clause}, ${c.category}, ${c.at})`);
  await tx.query(sql`INSERT INTO case_reports (case_id, report_id) VALUES (${c.id}, ${c.reportId})`);
}

/**
 * The open case about an organization, or about a number on no organization (through its reports), locked for the
 * report that joins it: a case being resolved meanwhile is seen resolved once it commits, and a new one is opened.
 */
export function findOpenCaseAbout(tx: Db, about: { orgId: string } | { phone: string }) {
  const which = 'orgId' in about
    ? sql`c.org_id = ${about.orgId}`
    : sql`c.org_id IS NULL AND EXISTS (
        SELECT 1 FROM case_reports cr JOIN violation_reports r ON r.id = cr.report_id WHERE cr.case_id = c.id AND r.reported_phone = ${about.phone})`;
  return one<{ id: string; clause: string; category: string }>(tx, sql`
    SELECT c.id, c.clause, c.category FROM cases c WHERE c.status = 'open' AND ${which}
    ORDER BY c.created_at DESC, c.id DESC LIMIT 1 FOR NO KEY UPDATE`);
}

export async function addReportToCase(tx: Db, caseId: string, reportId: string, c: { clause: string; category: string }) {
  await tx.query(sql`INSERT INTO case_reports (case_id, report_id) VALUES (${caseId}, ${reportId})`);
  await tx.query(sql`UPDATE cases SET clause = ${c.clause}, category = ${c.category} WHERE id = ${caseId}`);
}

export function findCase(db: Db, id: string, forUpdate = false) {
  return one<CaseRow>(db, sql`
    SELECT ${columns} FROM cases c LEFT JOIN organizations o ON o.id = c.org_id WHERE c.id = ${id}
    ${forUpdate ? sql`FOR NO KEY UPDATE OF c` : sql``}`);
}

/** The queue's candidates, oldest first; priority is computed by the caller (it depends on the standing now). */
export function listCases(db: Db, filter: { status: 'open' | 'resolved' | null; assignee: string | null | undefined; limit: number }) {
  const byAssignee = filter.assignee === undefined ? sql`` : filter.assignee === null ? sql`AND c.assignee IS NULL` : sql`AND c.assignee = ${filter.assignee}`;
  return db.query<CaseRow>(sql`
    SELECT ${columns} FROM cases c LEFT JOIN organizations o ON o.id = c.org_id
    WHERE (${filter.status}::text IS NULL OR c.status = ${filter.status}) ${byAssignee}
    ORDER BY c.created_at, c.id LIMIT ${filter.limit}`);
}

export function setAssignee(tx: Db, id: string, assignee: string) {
  return tx.query(sql`UPDATE cases SET assignee = ${assignee} WHERE id = ${id}`);
}

export function markResolved(tx: Db, id: string, r: { outcome: string; confirmed: boolean; by: string; at: Date }) {
  return tx.query(sql`
    UPDATE cases SET status = 'resolved', outcome = ${r.outcome}, confirmed = ${r.confirmed}, resolved_by = ${r.by}, resolved_at = ${r.at} WHERE id = ${id}`);
}

export type CaseEventKind = 'opened' | 'report_added' | 'assigned' | 'note' | 'action' | 'resolved' | 'evidence_exported';
export type CaseEventRow = { id: string; kind: CaseEventKind; actor: string; detail: Record<string, unknown>; created_at: Date };

export async function insertCaseEvent(tx: Db, caseId: string, e: { kind: CaseEventKind; actor: string; detail: Record<string, unknown>; at: Date }) {
  const id = newId('caseEvent');
  await tx.query(sql`
    INSERT INTO case_events (case_id, id, kind, actor, detail, created_at) VALUES (${caseId}, ${id}, ${e.kind}, ${e.actor}, ${JSON.stringify(e.detail)}::jsonb, ${e.at})`);
  return id;
}

export function listCaseEvents(db: Db, caseId: string) {
  return db.query<CaseEventRow>(sql`SELECT id, kind, actor, detail, created_at FROM case_events WHERE case_id = ${caseId} ORDER BY id`);
}

export function findOperator(db: Db, ref: string) {
  return one<{ id: string; email: string }>(db, sql`
    SELECT id, email FROM users WHERE is_operator AND (id = ${ref} OR lower(email) = lower(${ref}))`);
}
