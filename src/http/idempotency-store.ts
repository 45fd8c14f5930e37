import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type IdempotencyKeyRow = {
  fingerprint: string;
  state: 'in_flight' | 'completed';
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
};

export type Reservation = {
  fingerprint: string;
  method: string;
  path: string;
  token: string;
  ttlHours: number;
  inFlightSeconds: number;
};

/**
 * Reserves the key for this request in one statement, so of two concurrent requests exactly one wins.
 * A row is taken over only when it has expired, or when it is an in-flight reservation whose holder died
 * (its lock lapsed) and this is the same request retried. Returns false when someone else holds the key.
 */
export async function reserveKey(db: Db, orgId: string, key: string, r: Reservation): Promise<boolean> {
  const rows = await db.query(sql`
    INSERT INTO idempotency_keys AS k (org_id, key, fingerprint, method, path, state, lock_token, locked_until, expires_at)
    VALUES (${orgId}, ${key}, ${r.fingerprint}, ${r.method}, ${r.path}, 'in_flight', ${r.token},
            now() + make_interval(secs => ${r.inFlightSeconds}), now() + make_interval(hours => ${r.ttlHours}))
    ON CONFLICT (org_id, key) DO UPDATE SET
      fingerprint = EXCLUDED.fingerprint, method = EXCLUDED.method, path = EXCLUDED.path, state = 'in_flight',
      lock_token = EXCLUDED.lock_token, locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
      response_status = NULL, response_headers = NULL, response_body = NULL, created_at = now(), completed_at = NULL
    WHERE k.expires_at <= now()
       OR (k.state = 'in_flight' AND k.locked_until <= now() AND k.fingerprint = EXCLUDED.fingerprint)
    RETURNING 1`);
  return rows.length === 1;
}

export async function findKey(db: Db, orgId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  return one<IdempotencyKeyRow>(db, sql`
    SELECT fingerprint, state, response_status, response_headers, response_body
    FROM idempotency_keys WHERE org_id = ${orgId} AND key = ${key}`);
}

/** Stores the final response. Only the reservation's holder may: a late writer whose lock lapsed is ignored. */
export async function completeKey(db: Db, orgId: string, key: string, token: string, response: {
  status: number; headers: Record<string, string>; sealedBody: string;
}): Promise<void> {
  await db.query(sql`
    UPDATE idempotency_keys
    SET state = 'completed', lock_token = NULL, locked_until = NULL, completed_at = now(),
        response_status = ${response.status}, response_headers = ${JSON.stringify(response.headers)}::jsonb,
        response_body = ${response.sealedBody}
    WHERE org_id = ${orgId} AND key = ${key} AND lock_token = ${token}`);
}

/** Frees the key after an outcome that is not kept (5xx, 429…), so the client's retry runs afresh. */
export async function releaseKey(db: Db, orgId: string, key: string, token: string): Promise<void> {
  await db.query(sql`DELETE FROM idempotency_keys WHERE org_id = ${orgId} AND key = ${key} AND lock_token = ${token}`);
}

const CLEANUP_BATCH = 5000;

/**
 * Removes expired keys of every organization (maintenance, hence unscoped), in batches so that a day's
 * worth of keys never holds one long transaction. Replay already ignores expired rows; this reclaims space.
 */
export async function deleteExpiredKeysUnscoped(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await db.query(sql`
      DELETE FROM idempotency_keys WHERE (org_id, key) IN (
        SELECT org_id, key FROM idempotency_keys WHERE expires_at <= now() LIMIT ${CLEANUP_BATCH})
      RETURNING 1`);
    total += deleted.length;
    if (deleted.length < CLEANUP_BATCH) return total;
  }
}
