import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { join, sql, type Sql } from '../db/sql.ts';
import type { StandingState } from '../enforcement/signals.ts';
import { AppError } from '../lib/app-error.ts';

// The operator console's reads across organizations: unscoped by design (the operators are the platform's staff,
// reached only through `/v1/operator/*`). Read-only; every change goes through its capability's use case.

export type OrgRow = {
  id: string; name: string; slug: string; status: string; plan: string; created_at: Date;
  standing: StandingState; standing_since: Date | null; standing_until: Date | null; standing_clause: string | null;
  signals_since: Date | null; open_cases: number;
};

const orgColumns = sql`o.id, o.name, o.slug, o.status, o.plan, o.created_at, o.standing, o.standing_since, o.standing_until,
  o.standing_clause, o.signals_since,
  (SELECT count(*)::int FROM cases c WHERE c.org_id = o.id AND c.status = 'open') AS open_cases`;

/** A keyset cursor: the last id of the page, opaque to clients (`kind:id`, base64url). */
export function encodeCursor(kind: string, id: string): string {
  return Buffer.from(`${kind}:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(kind: string, cursor: string, body = '[0-9a-z_]{1,64}'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = new RegExp(`^${kind}:(${body})$`).exec(text);
  if (!match) throw new AppError('validation_failed', { details: [{ path: 'querystring.cursor', message: 'is not a cursor this API issued' }] });
  return match[1]!;
}

/** `q` is a substring of the name or slug, or an exact id; LIKE's wildcards in it match themselves. */
function searchOf(q: string): Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(o.name ILIKE ${pattern} OR o.slug ILIKE ${pattern} OR o.id = ${q})`;
}

/** Newest first (ids are time-ordered); one more row than the page, to know whether another follows. */
export function listOrganizationsPage(db: Db, filter: { standing?: StandingState | undefined; q?: string | undefined; beforeId?: string | undefined; limit: number }) {
  const where: Sql[] = [sql`true`];
  if (filter.standing) where.push(sql`o.standing = ${filter.standing}`);
  if (filter.q) where.push(searchOf(filter.q));
  if (filter.beforeId) where.push(sql`o.id < ${filter.beforeId}`);
  return db.query<OrgRow>(sql`
    SELECT ${orgColumns} FROM organizations o WHERE ${join(where, ' AND ')} ORDER BY o.id DESC LIMIT ${filter.limit + 1}`);
}

export function findOrganizationRow(db: Db, orgId: string) {
  return one<OrgRow>(db, sql`SELECT ${orgColumns} FROM organizations o WHERE o.id = ${orgId}`);
}

export function listOpenCasesOf(db: Db, orgId: string) {
  return db.query<{ id: string; clause: string; category: string; assignee: string | null; created_at: Date }>(sql`
    SELECT id, clause, category, assignee, created_at FROM cases WHERE org_id = ${orgId} AND status = 'open' ORDER BY created_at, id LIMIT 100`);
}

/** Names of organizations, and the steps appealed: what an operator needs beside each pending appeal. */
export async function appealContext(db: Db, appeals: { org_id: string; change_id: string }[]) {
  if (appeals.length === 0) return { orgs: new Map<string, { name: string; slug: string; standing: string }>(), changes: new Map<string, ChangeBrief>() };
  const orgIds = [...new Set(appeals.map((a) => a.org_id))];
  const orgs = await db.query<{ id: string; name: string; slug: string; standing: string }>(sql`
    SELECT id, name, slug, standing FROM organizations WHERE id = ANY(${orgIds}::text[])`);
  const changes = await db.query<ChangeBrief & { org_id: string }>(sql`
    SELECT s.org_id, s.id, s.from_state, s.to_state, s.clause, s.reason, s.actor, s.created_at
    FROM standing_changes s JOIN unnest(${appeals.map((a) => a.org_id)}::text[], ${appeals.map((a) => a.change_id)}::text[]) AS v(org_id, id)
      ON s.org_id = v.org_id AND s.id = v.id`);
  return {
    orgs: new Map(orgs.map((o) => [o.id, o])),
    changes: new Map(changes.map((c) => [`${c.org_id}/${c.id}`, c])),
  };
}

export type ChangeBrief = { id: string; from_state: string; to_state: string; clause: string; reason: string; actor: string; created_at: Date };

/** Acceptances per policy version, by how they were given, and how many organizations could accept (not terminated). */
export async function policyAcceptanceCounts(db: Db) {
  const counts = await db.query<{ version: number; explicit: number; continued_use: number }>(sql`
    SELECT version, count(*) FILTER (WHERE method = 'explicit')::int AS explicit, count(*) FILTER (WHERE method = 'continued_use')::int AS continued_use
    FROM policy_acceptances GROUP BY version`);
  const [orgs] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM organizations WHERE status <> 'terminated'`);
  return { byVersion: new Map(counts.map((c) => [c.version, c])), organizations: orgs?.n ?? 0 };
}

export type ReportQueueRow = {
  id: string; org_id: string | null; org_name: string | null; case_id: string | null; case_status: string | null;
  category: string; clause: string; reported_business: string | null; reported_phone: string | null; description: string;
  source: string; status: 'received' | 'closed'; outcome: string | null; outcome_by: string | null; outcome_at: Date | null;
  created_at: Date; evidence_count: number;
};

/**
 * The violation reports, newest first, each with the case that investigates it. Neither the reporter's contact nor
 * the reference (the key to the reporter's status page) is read: triage needs neither, and the case has the rest.
 */
export function listReportsPage(db: Db, filter: { status?: 'received' | 'closed' | undefined; beforeId?: string | undefined; limit: number }) {
  const where: Sql[] = [sql`true`];
  if (filter.status) where.push(sql`r.status = ${filter.status}`);
  if (filter.beforeId) where.push(sql`r.id < ${filter.beforeId}`);
  return db.query<ReportQueueRow>(sql`
    SELECT r.id, r.org_id, o.name AS org_name, cr.case_id, c.status AS case_status, r.category, r.clause, r.reported_business,
      r.reported_phone, r.description, r.source, r.status, r.outcome, r.outcome_by, r.outcome_at, r.created_at,
      (SELECT count(*)::int FROM violation_report_evidence e WHERE e.report_id = r.id) AS evidence_count
    FROM violation_reports r
      LEFT JOIN organizations o ON o.id = r.org_id
      LEFT JOIN case_reports cr ON cr.report_id = r.id
      LEFT JOIN cases c ON c.id = cr.case_id
    WHERE ${join(where, ' AND ')} ORDER BY r.id DESC LIMIT ${filter.limit + 1}`);
}
