import type { Db } from '../db/db.ts';
import { sql } from '../db/sql.ts';

// The delivery loop's SQL: claim due deliveries (each with its event and endpoint), record attempts, purge.

export type DueDelivery = {
  org_id: string; id: string; endpoint_id: string; event_id: string; attempts: number; created_at: Date;
  event_type: string; subject: string | null; sequence: number | null; payload: Record<string, unknown>; event_created_at: Date;
  url: string; secret_enc: string; previous_secret_enc: string | null; previous_secret_expires_at: Date | null; endpoint_status: string;
};

/**
 * Unscoped: the delivery loop serves every tenant. Claims the oldest due deliveries, at most `perEndpoint`
 * of any one endpoint and none of `busyEndpoints` (already at their limit in this process), so one slow
 * receiver cannot fill the batch. The claim is a lease: a worker that dies gives them back when it ends.
 */
export function claimDueDeliveriesUnscoped(db: Db, limit: number, perEndpoint: number, busyEndpoints: string[], leaseSeconds: number) {
  return db.query<DueDelivery>(sql`
    WITH candidates AS (
      SELECT org_id, id, endpoint_id, next_attempt_at FROM webhook_deliveries
      WHERE status = 'pending' AND next_attempt_at <= now() AND NOT (endpoint_id = ANY(${busyEndpoints}::text[]))
      ORDER BY next_attempt_at LIMIT ${limit * 10}),
    ranked AS (
      SELECT org_id, id, row_number() OVER (PARTITION BY org_id, endpoint_id ORDER BY next_attempt_at, id) AS rn FROM candidates),
    picked AS (
      SELECT d.org_id, d.id FROM webhook_deliveries d JOIN ranked r ON r.org_id = d.org_id AND r.id = d.id
      WHERE r.rn <= ${perEndpoint} AND d.status = 'pending' AND d.next_attempt_at <= now()
      ORDER BY d.next_attempt_at LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED),
    claimed AS (
      UPDATE webhook_deliveries d SET next_attempt_at = now() + make_interval(secs => ${leaseSeconds}), attempts = d.attempts + 1
      FROM picked WHERE d.org_id = picked.org_id AND d.id = picked.id
      RETURNING d.org_id, d.id, d.endpoint_id, d.event_id, d.attempts, d.created_at)
    SELECT c.org_id, c.id, c.endpoint_id, c.event_id, c.attempts, c.created_at,
      e.type AS event_type, e.subject, e.sequence, e.payload, e.created_at AS event_created_at,
      w.url, w.secret_enc, w.previous_secret_enc, w.previous_secret_expires_at, w.status AS endpoint_status
    FROM claimed c
    JOIN events e ON e.org_id = c.org_id AND e.id = c.event_id
    JOIN webhook_endpoints w ON w.org_id = c.org_id AND w.id = c.endpoint_id
    ORDER BY e.id`);
}

export type AttemptRecord = {
  attempt: number; statusCode: number | null; durationMs: number; error: string | null; response: string | null;
  /** What becomes of the delivery: done, given up, cancelled, or due again at `nextAttemptAt`. */
  status: 'succeeded' | 'failed' | 'cancelled' | 'pending';
  nextAttemptAt: Date | null;
  /** Whether this attempt reached the receiver successfully (clears the endpoint's failure run) or failed (starts one). */
  endpointOutcome: 'success' | 'failure' | 'none';
};

/**
 * Writes one attempt's outcome: the log row, the delivery, and the endpoint's failure run, in one
 * statement. Returns when the endpoint started failing (null when it is healthy).
 */
export async function recordAttempt(db: Db, orgId: string, deliveryId: string, endpointId: string, r: AttemptRecord) {
  const rows = await db.query<{ failing_since: Date | null }>(sql`
    WITH logged AS (
      -- From the delivery row, so an endpoint deleted while its request was in flight leaves nothing to log.
      INSERT INTO webhook_attempts (org_id, delivery_id, attempt, status_code, duration_ms, error, response)
      SELECT org_id, id, ${r.attempt}::integer, ${r.statusCode}::integer, ${r.durationMs}::integer, ${r.error}::text, ${r.response}::text
      FROM webhook_deliveries WHERE org_id = ${orgId} AND id = ${deliveryId}
      ON CONFLICT (org_id, delivery_id, attempt) DO NOTHING),
    delivery AS (
      UPDATE webhook_deliveries SET status = ${r.status}, next_attempt_at = coalesce(${r.nextAttemptAt}::timestamptz, next_attempt_at),
        last_attempt_at = now(), last_status_code = ${r.statusCode}, last_duration_ms = ${r.durationMs}, last_error = ${r.error}
      WHERE org_id = ${orgId} AND id = ${deliveryId}),
    healthy AS (
      UPDATE webhook_endpoints SET failing_since = NULL
      WHERE ${r.endpointOutcome} = 'success' AND org_id = ${orgId} AND id = ${endpointId} AND failing_since IS NOT NULL),
    failing AS (
      UPDATE webhook_endpoints SET failing_since = now()
      WHERE ${r.endpointOutcome} = 'failure' AND org_id = ${orgId} AND id = ${endpointId} AND failing_since IS NULL
      RETURNING failing_since)
    SELECT coalesce((SELECT failing_since FROM failing),
      (SELECT failing_since FROM webhook_endpoints WHERE org_id = ${orgId} AND id = ${endpointId} AND ${r.endpointOutcome} = 'failure')) AS failing_since`);
  return rows[0]?.failing_since ?? null;
}

/** Unscoped: retention applies to every tenant. Deletes a slice of events older than the window (their deliveries go with them). */
export async function purgeEventsUnscoped(db: Db, retentionDays: number, slice: number) {
  const rows = await db.query(sql`
    DELETE FROM events WHERE (org_id, id) IN (
      SELECT org_id, id FROM events WHERE created_at < now() - make_interval(days => ${retentionDays}) LIMIT ${slice})
    RETURNING id`);
  return rows.length;
}
