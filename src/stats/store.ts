import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { LocalDay } from './local-days.ts';

export type DayCounts = { date: string; sent: number; delivered: number; read: number; failed: number; replied: number };

/**
 * The organization's messages created on each day: one range of messages_created (migration 0023, an index-only
 * scan), each message put in its day by width_bucket over the days' starts. Outbound counts are cumulative, as a
 * funnel: a read message was also sent and delivered. Days without messages come back as zeros.
 */
export function countMessagesPerDay(db: Db, orgId: string, days: LocalDay[]) {
  const starts = days.map((d) => d.start.toISOString());
  return db.query<DayCounts>(sql`
    WITH counts AS (
      SELECT width_bucket(m.created_at, ${starts}::timestamptz[]) AS day,
        count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('sent', 'delivered', 'read', 'played')) AS sent,
        count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('delivered', 'read', 'played')) AS delivered,
        count(*) FILTER (WHERE m.direction = 'outbound' AND m.status IN ('read', 'played')) AS read,
        count(*) FILTER (WHERE m.direction = 'outbound' AND m.status = 'failed') AS failed,
        count(*) FILTER (WHERE m.direction = 'inbound') AS replied
      FROM messages m
      WHERE m.org_id = ${orgId} AND m.created_at >= ${days[0]!.start} AND m.created_at < ${days.at(-1)!.end}
      GROUP BY 1)
    SELECT d.date, coalesce(c.sent, 0)::int AS sent, coalesce(c.delivered, 0)::int AS delivered, coalesce(c.read, 0)::int AS read,
      coalesce(c.failed, 0)::int AS failed, coalesce(c.replied, 0)::int AS replied
    FROM unnest(${days.map((d) => d.date)}::text[]) WITH ORDINALITY AS d(date, day)
    LEFT JOIN counts c ON c.day = d.day
    ORDER BY d.day`);
}
