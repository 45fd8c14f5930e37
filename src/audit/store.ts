import type { Db } from '../db/db.ts';
import { join, sql, type Sql } from '../db/sql.ts';
import type { AuditRow } from './record-audit.ts';

export type AuditFilter = {
  /** An exact action (`api_key.created`) or a family (`template.*`). */
  action?: string | undefined;
  actor?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  /** The cursor: entries before this seq. */
  beforeSeq?: string | undefined;
};

/** A chain's entries, newest first. */
export function listAuditEntries(db: Db, chain: string, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const where: Sql[] = [sql`chain = ${chain}`];
  if (filter.action?.endsWith('.*')) where.push(sql`starts_with(action, ${filter.action.slice(0, -1)})`);
  else if (filter.action) where.push(sql`action = ${filter.action}`);
  if (filter.actor) where.push(sql`actor = ${filter.actor}`);
  if (filter.since) where.push(sql`recorded_at >= ${filter.since}`);
  if (filter.until) where.push(sql`recorded_at < ${filter.until}`);
  if (filter.beforeSeq) where.push(sql`seq < ${filter.beforeSeq}::bigint`);
  return db.query<AuditRow>(sql`
    SELECT chain, seq::text AS seq, org_id, action, actor, subject, detail, detail_digest, request_id, recorded_at, prev_hash, hash
    FROM audit_log WHERE ${join(where, ' AND ')} ORDER BY audit_log.seq DESC LIMIT ${limit}`);
}
