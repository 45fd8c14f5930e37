import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Role } from '../tenancy/scopes.ts';

/** A session with its user, and the organization it acts for as that organization is now (null columns: none). */
export type SessionRow = {
  id: string; user_id: string; org_id: string | null; created_at: Date; last_seen_at: Date; expires_at: Date; revoked_at: Date | null;
  email: string; user_name: string; is_operator: boolean;
  // Null when the session acts for no organization, or the membership was removed since.
  role: Role | null; org_name: string | null; org_status: string | null; default_country: string | null; plan: string | null;
  standing: string | null; standing_until: Date | null; standing_clause: string | null;
};

export function insertSession(db: Db, session: {
  id: string; tokenHash: string; userId: string; orgId: string | null; ip: string; userAgent: string | null; now: Date; expiresAt: Date;
}) {
  return db.query(sql`
    INSERT INTO sessions (id, token_hash, user_id, org_id, ip, user_agent, created_at, last_seen_at, expires_at)
    VALUES (${session.id}, ${session.tokenHash}, ${session.userId}, ${session.orgId}, ${session.ip}, ${session.userAgent},
      ${session.now}, ${session.now}, ${session.expiresAt})`);
}

/** Unscoped: the presented cookie is how the user, and so the organization, becomes known. */
export function findSessionByHashUnscoped(db: Db, tokenHash: string) {
  return one<SessionRow>(db, sql`
    SELECT s.id, s.user_id, s.org_id, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
      u.email, u.name AS user_name, u.is_operator,
      m.role, o.name AS org_name, o.status AS org_status, o.default_country, o.plan, o.standing, o.standing_until, o.standing_clause
    FROM sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id
    LEFT JOIN organizations o ON o.id = m.org_id
    WHERE s.token_hash = ${tokenHash}`);
}

export function touchSession(db: Db, sessionId: string, now: Date) {
  return db.query(sql`UPDATE sessions SET last_seen_at = ${now} WHERE id = ${sessionId} AND last_seen_at < ${now}`);
}

export function revokeSessionRow(db: Db, sessionId: string, now: Date) {
  return one<{ id: string; user_id: string; org_id: string | null }>(db, sql`
    UPDATE sessions SET revoked_at = coalesce(revoked_at, ${now}) WHERE id = ${sessionId} RETURNING id, user_id, org_id`);
}

export function setSessionOrganization(db: Db, sessionId: string, orgId: string) {
  return db.query(sql`UPDATE sessions SET org_id = ${orgId} WHERE id = ${sessionId}`);
}

/** A user's sessions that can no longer be used (revoked, past their end, or idle since `idleSince`): history is the audit log's. */
export function deleteEndedSessions(db: Db, userId: string, now: Date, idleSince: Date) {
  return db.query(sql`
    DELETE FROM sessions
    WHERE user_id = ${userId} AND (revoked_at IS NOT NULL OR expires_at <= ${now} OR last_seen_at < ${idleSince})`);
}

/** Whether the user belongs to an organization that was terminated (AUP 4): such members' sign-ins are refused. */
export async function memberOfTerminatedUnscoped(db: Db, userId: string): Promise<boolean> {
  const rows = await db.query(sql`
    SELECT 1 FROM memberships m JOIN organizations o ON o.id = m.org_id
    WHERE m.user_id = ${userId} AND o.status = 'terminated' LIMIT 1`);
  return rows.length > 0;
}
