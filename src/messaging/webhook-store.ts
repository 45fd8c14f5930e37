import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

// Meta's raw webhook deliveries. Platform-level (unscoped) by nature: the tenant is inside the body.

/** Stores a delivery once; a redelivery of the same bytes returns null. */
export function insertWebhookEventUnscoped(db: Db, e: { id: string; bodySha256: string; rawBody: string }) {
  return one<{ id: string }>(db, sql`
    INSERT INTO whatsapp_webhook_events (id, body_sha256, raw_body) VALUES (${e.id}, ${e.bodySha256}, ${e.rawBody})
    ON CONFLICT (body_sha256) DO NOTHING RETURNING id`);
}

export function findWebhookEventUnscoped(db: Db, id: string) {
  return one<{ id: string; raw_body: string; received_at: Date; processed_at: Date | null }>(db, sql`
    SELECT id, raw_body, received_at, processed_at FROM whatsapp_webhook_events WHERE id = ${id}`);
}

export function markWebhookEventProcessedUnscoped(db: Db, id: string) {
  return db.query(sql`UPDATE whatsapp_webhook_events SET processed_at = now(), last_error = NULL WHERE id = ${id}`);
}

export function recordWebhookEventErrorUnscoped(db: Db, id: string, error: string) {
  return db.query(sql`UPDATE whatsapp_webhook_events SET attempts = attempts + 1, last_error = ${error} WHERE id = ${id}`);
}
