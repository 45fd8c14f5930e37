import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import { aloneOnFailure, perDatabase } from '../lib/coalesce.ts';

// Meta's raw webhook deliveries. Platform-level (unscoped) by nature: the tenant is inside the body.

type Delivery = { id: string; bodySha256: string; rawBody: string };
const deliveryWriter = perDatabase(aloneOnFailure(insertDeliveries), 200);

/**
 * Stores a delivery once; a redelivery of the same bytes returns undefined. Deliveries arriving together are
 * stored by one statement, one commit for all (decision 0029): Meta sends a status webhook per message and status.
 */
export function insertWebhookEventUnscoped(db: Db, e: Delivery) {
  return deliveryWriter(db).submit(e);
}

async function insertDeliveries(db: Db, es: Delivery[]): Promise<({ id: string } | undefined)[]> {
  // In one order of their digests, so two batches carrying the same redelivery wait for each other, never deadlock.
  const stored = new Set((await db.query<{ id: string }>(sql`
    INSERT INTO whatsapp_webhook_events (id, body_sha256, raw_body)
    SELECT id, sha, body FROM unnest(${es.map((e) => e.id)}::text[], ${es.map((e) => e.bodySha256)}::text[], ${es.map((e) => e.rawBody)}::text[]) AS v(id, sha, body)
    ORDER BY sha
    ON CONFLICT (body_sha256) DO NOTHING RETURNING id`)).map((r) => r.id));
  return es.map((e) => (stored.has(e.id) ? { id: e.id } : undefined));
}

export type PendingWebhookEvent = { id: string; raw_body: string; received_at: Date; attempts: number };

/** Claims stored deliveries for processing, oldest first, with a lease (like the outbox). */
export function claimWebhookEventsUnscoped(db: Db, limit: number, leaseSeconds: number) {
  return db.query<PendingWebhookEvent>(sql`
    UPDATE whatsapp_webhook_events SET claimed_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM whatsapp_webhook_events
      WHERE processed_at IS NULL AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY next_attempt_at, id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING id, raw_body, received_at, attempts`);
}

export function markWebhookEventsProcessedUnscoped(db: Db, ids: string[], error: string | null = null) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query(sql`
    UPDATE whatsapp_webhook_events SET processed_at = now(), claimed_until = NULL, last_error = ${error} WHERE id = ANY(${ids})`);
}

export function retryWebhookEventUnscoped(db: Db, id: string, delayMs: number, error: string) {
  return db.query(sql`
    UPDATE whatsapp_webhook_events SET claimed_until = NULL, last_error = ${error},
      next_attempt_at = now() + make_interval(secs => ${delayMs / 1000})
    WHERE id = ${id}`);
}

export function countPendingWebhookEventsUnscoped(db: Db) {
  return one<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM whatsapp_webhook_events WHERE processed_at IS NULL`);
}
