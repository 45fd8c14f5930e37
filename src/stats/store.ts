import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { LocalDay } from './local-days.ts';

export type DayCounts = { date: string; sent: number; delivered: number; read: number; failed: number; replied: number };

/**
 * The organization's messages created on each day, one index range per day (messages_created, migration 0023).
 * Outbound counts are cumulative, as a funnel: a read message was also sent and delivered. Days without
 * messages come back as zeros.
 */
export function countMessagesPerDay(db: Db, orgId: string, days: LocalDay[]) {
  return db.query<DayCounts>(sql`
    SELECT d.date,
      count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('sent', 'delivered', 'read', 'played'))::int AS sent,
      count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('delivered', 'read', 'played'))::int AS delivered,
      count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('read', 'played'))::int AS read,
      count(*) FILTER (WHERE m.direction = 'outbound' AND m.status = 'failed')::int AS failed,
      count(*) FILTER (WHERE m.direction = 'inbound')::int AS replied
    FROM unnest(${days.map((d) => d.date)}::text[], ${days.map((d) => d.start.toISOString())}::timestamptz[],
      ${days.map((d) => d.end.toISOString())}::timestamptz[]) AS d(date, start_at, end_at)
    LEFT JOIN messages m ON m.org_id = ${orgId} AND m.created_at >= d.start_at AND m.created_at < d.end_at
    GROUP BY d.date
    ORDER BY d.date`);
}
