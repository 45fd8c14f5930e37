import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type EndpointRow = {
  org_id: string; id: string; url: string; description: string; event_types: string[]; secret_enc: string;
  previous_secret_enc: string | null; previous_secret_expires_at: Date | null; status: 'active' | 'disabled';
  disabled_reason: string | null; disabled_at: Date | null; failing_since: Date | null; created_at: Date; updated_at: Date;
};

export type DeliveryRow = {
  id: string; endpoint_id: string; event_id: string; event_type: string; status: string; attempts: number;
  next_attempt_at: Date; last_attempt_at: Date | null; last_status_code: number | null; last_duration_ms: number | null;
  last_error: string | null; replay_of: string | null; created_at: Date;
};

export type AttemptRow = { attempt: number; attempted_at: Date; status_code: number | null; duration_ms: number; error: string | null; response: string | null };

const endpointColumns = sql`org_id, id, url, description, event_types, secret_enc, previous_secret_enc, previous_secret_expires_at,
  status, disabled_reason, disabled_at, failing_since, created_at, updated_at`;

export function insertEndpoint(db: Db, orgId: string, e: { id: string; url: string; description: string; eventTypes: string[]; secretEnc: string }) {
  return one<EndpointRow>(db, sql`
    INSERT INTO webhook_endpoints (org_id, id, url, description, event_types, secret_enc)
    VALUES (${orgId}, ${e.id}, ${e.url}, ${e.description}, ${e.eventTypes}, ${e.secretEnc})
    RETURNING ${endpointColumns}`);
}

export function listEndpoints(db: Db, orgId: string, limit: number, before: string | undefined) {
  return db.query<EndpointRow>(sql`
    SELECT ${endpointColumns} FROM webhook_endpoints
    WHERE org_id = ${orgId} AND (${before ?? null}::text IS NULL OR id < ${before ?? null})
    ORDER BY id DESC LIMIT ${limit}`);
}

export function findEndpoint(db: Db, orgId: string, id: string) {
  return one<EndpointRow>(db, sql`SELECT ${endpointColumns} FROM webhook_endpoints WHERE org_id = ${orgId} AND id = ${id}`);
}

/** Changes what is given; re-enabling also forgets the failure run that disabled it. */
export function updateEndpoint(db: Db, orgId: string, id: string, patch: {
  url?: string; description?: string; eventTypes?: string[]; status?: 'active' | 'disabled';
}) {
  return one<EndpointRow>(db, sql`
    UPDATE webhook_endpoints SET
      url = coalesce(${patch.url ?? null}, url),
      description = coalesce(${patch.description ?? null}, description),
      event_types = coalesce(${patch.eventTypes ?? null}::text[], event_types),
      failing_since = CASE WHEN ${patch.status ?? null}::text = 'active' AND status = 'disabled' THEN NULL ELSE failing_since END,
      disabled_reason = CASE WHEN ${patch.status ?? null}::text IS NULL THEN disabled_reason
        WHEN ${patch.status ?? null}::text = 'active' THEN NULL ELSE coalesce(disabled_reason, 'manual') END,
      disabled_at = CASE WHEN ${patch.status ?? null}::text IS NULL THEN disabled_at
        WHEN ${patch.status ?? null}::text = 'active' THEN NULL ELSE coalesce(disabled_at, now()) END,
      status = coalesce(${patch.status ?? null}, status),
      updated_at = now()
    WHERE org_id = ${orgId} AND id = ${id}
    RETURNING ${endpointColumns}`);
}

export function deleteEndpoint(db: Db, orgId: string, id: string) {
  return one<{ id: string }>(db, sql`DELETE FROM webhook_endpoints WHERE org_id = ${orgId} AND id = ${id} RETURNING id`);
}

/** The new secret signs from now on; the old one keeps signing beside it until `overlapSeconds` pass. */
export function rotateEndpointSecret(db: Db, orgId: string, id: string, secretEnc: string, previousEnc: string, overlapSeconds: number) {
  return one<EndpointRow>(db, sql`
    UPDATE webhook_endpoints SET secret_enc = ${secretEnc},
      previous_secret_enc = CASE WHEN ${overlapSeconds} > 0 THEN ${previousEnc}::text END,
      previous_secret_expires_at = CASE WHEN ${overlapSeconds} > 0 THEN now() + make_interval(secs => ${overlapSeconds}) END,
      updated_at = now()
    WHERE org_id = ${orgId} AND id = ${id}
    RETURNING ${endpointColumns}`);
}

/** Disables an active endpoint and cancels what waits for it; false when it was not active. */
export async function disableEndpoint(db: Db, orgId: string, id: string, reason: string) {
  const disabled = await db.query(sql`
    UPDATE webhook_endpoints SET status = 'disabled', disabled_reason = ${reason}, disabled_at = now(), updated_at = now()
    WHERE org_id = ${orgId} AND id = ${id} AND status = 'active' RETURNING id`);
  if (disabled.length === 0) return false;
  await db.query(sql`
    UPDATE webhook_deliveries SET status = 'cancelled', last_error = coalesce(last_error || '; ', '') || 'endpoint disabled'
    WHERE org_id = ${orgId} AND endpoint_id = ${id} AND status = 'pending'`);
  return true;
}

export function insertAccountEvent(db: Db, orgId: string, e: { id: string; kind: string; subject: string; detail: object }) {
  return db.query(sql`
    INSERT INTO account_events (org_id, id, kind, subject, detail)
    VALUES (${orgId}, ${e.id}, ${e.kind}, ${e.subject}, ${JSON.stringify(e.detail)}::jsonb)`);
}

/** What decides whether an event is recorded and where it goes: small, read inside the emitting transaction. */
export function subscriptions(db: Db, orgId: string) {
  return db.query<{ id: string; event_types: string[]; status: string }>(sql`
    SELECT id, event_types, status FROM webhook_endpoints WHERE org_id = ${orgId}`);
}

/**
 * Records events and their deliveries in one statement. Each event about a subject (a message) gets the
 * next number of that subject's sequence; callers hold the subject's row lock, so numbers never repeat.
 */
export function insertEventsAndDeliveries(db: Db, orgId: string,
  events: { id: string; type: string; subject: string | null; payload: string }[],
  deliveries: { id: string; endpointId: string; eventId: string }[]) {
  return db.query(sql`
    WITH inserted AS (
      INSERT INTO events (org_id, id, type, subject, sequence, payload)
      SELECT ${orgId}, v.id, v.type, v.subject,
        CASE WHEN v.subject IS NOT NULL THEN
          coalesce((SELECT max(e.sequence) FROM events e WHERE e.org_id = ${orgId} AND e.subject = v.subject), 0)
          + row_number() OVER (PARTITION BY v.subject ORDER BY v.ord) END,
        v.payload::jsonb
      FROM unnest(${events.map((e) => e.id)}::text[], ${events.map((e) => e.type)}::text[],
        ${events.map((e) => e.subject)}::text[], ${events.map((e) => e.payload)}::text[]) WITH ORDINALITY AS v(id, type, subject, payload, ord)
      RETURNING id)
    INSERT INTO webhook_deliveries (org_id, id, endpoint_id, event_id)
    SELECT ${orgId}, d.id, d.endpoint_id, d.event_id
    FROM unnest(${deliveries.map((d) => d.id)}::text[], ${deliveries.map((d) => d.endpointId)}::text[], ${deliveries.map((d) => d.eventId)}::text[])
      AS d(id, endpoint_id, event_id)
    JOIN inserted ON inserted.id = d.event_id`);
}

export function listDeliveries(db: Db, orgId: string, endpointId: string, limit: number, before: string | undefined, status: string | undefined) {
  return db.query<DeliveryRow>(sql`
    SELECT d.id, d.endpoint_id, d.event_id, e.type AS event_type, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
      d.last_status_code, d.last_duration_ms, d.last_error, d.replay_of, d.created_at
    FROM webhook_deliveries d JOIN events e ON e.org_id = d.org_id AND e.id = d.event_id
    WHERE d.org_id = ${orgId} AND d.endpoint_id = ${endpointId}
      AND (${before ?? null}::text IS NULL OR d.id < ${before ?? null})
      AND (${status ?? null}::text IS NULL OR d.status = ${status ?? null})
    ORDER BY d.id DESC LIMIT ${limit}`);
}

export function findDelivery(db: Db, orgId: string, id: string) {
  return one<DeliveryRow & { event_created_at: Date }>(db, sql`
    SELECT d.id, d.endpoint_id, d.event_id, e.type AS event_type, d.status, d.attempts, d.next_attempt_at, d.last_attempt_at,
      d.last_status_code, d.last_duration_ms, d.last_error, d.replay_of, d.created_at, e.created_at AS event_created_at
    FROM webhook_deliveries d JOIN events e ON e.org_id = d.org_id AND e.id = d.event_id
    WHERE d.org_id = ${orgId} AND d.id = ${id}`);
}

export function listAttempts(db: Db, orgId: string, deliveryId: string) {
  return db.query<AttemptRow>(sql`
    SELECT attempt, attempted_at, status_code, duration_ms, error, response FROM webhook_attempts
    WHERE org_id = ${orgId} AND delivery_id = ${deliveryId} ORDER BY attempt`);
}

export function insertReplays(db: Db, orgId: string, replays: { id: string; endpointId: string; eventId: string; replayOf: string | null }[]) {
  if (replays.length === 0) return Promise.resolve([]);
  return db.query(sql`
    INSERT INTO webhook_deliveries (org_id, id, endpoint_id, event_id, replay_of)
    SELECT ${orgId}, v.id, v.endpoint_id, v.event_id, v.replay_of
    FROM unnest(${replays.map((r) => r.id)}::text[], ${replays.map((r) => r.endpointId)}::text[],
      ${replays.map((r) => r.eventId)}::text[], ${replays.map((r) => r.replayOf)}::text[]) AS v(id, endpoint_id, event_id, replay_of)`);
}

/**
 * Events of a time window an endpoint subscribes to, oldest first, after `afterId` (keyset pages);
 * `onlyUndelivered` skips events this endpoint already acknowledged.
 */
export function eventsInRange(db: Db, orgId: string, endpoint: { id: string; eventTypes: string[] },
  range: { since: Date; until: Date; onlyUndelivered: boolean }, afterId: string | null, limit: number) {
  return db.query<{ id: string }>(sql`
    SELECT e.id FROM events e
    WHERE e.org_id = ${orgId} AND e.created_at >= ${range.since} AND e.created_at < ${range.until}
      AND ('*' = ANY(${endpoint.eventTypes}::text[]) OR e.type = ANY(${endpoint.eventTypes}::text[]))
      AND (${afterId}::text IS NULL OR e.id > ${afterId})
      AND NOT (${range.onlyUndelivered} AND EXISTS (
        SELECT 1 FROM webhook_deliveries d
        WHERE d.org_id = e.org_id AND d.event_id = e.id AND d.endpoint_id = ${endpoint.id} AND d.status = 'succeeded'))
    ORDER BY e.id LIMIT ${limit}`);
}
