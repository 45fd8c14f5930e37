import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

export type UsageRow = {
  orgId: string; keyId: string; network: string; country: string | null;
  firstAt: number; lastAt: number; requests: number; revokedRequests: number;
};

/** One statement for everything a flush brings; processes writing the same key and network add up. */
export function writeKeyUsage(db: Db, rows: UsageRow[]) {
  return db.query(sql`
    INSERT INTO api_key_networks AS n (org_id, key_id, network, country, first_seen_at, last_seen_at, requests, revoked_requests)
    SELECT v.org_id, v.key_id, v.network, v.country, v.first_at, v.last_at, v.requests, v.revoked
    FROM unnest(${rows.map((r) => r.orgId)}::text[], ${rows.map((r) => r.keyId)}::text[], ${rows.map((r) => r.network)}::text[],
      ${rows.map((r) => r.country)}::text[], ${rows.map((r) => new Date(r.firstAt).toISOString())}::timestamptz[],
      ${rows.map((r) => new Date(r.lastAt).toISOString())}::timestamptz[], ${rows.map((r) => r.requests)}::bigint[],
      ${rows.map((r) => r.revokedRequests)}::bigint[]) AS v (org_id, key_id, network, country, first_at, last_at, requests, revoked)
    ON CONFLICT (org_id, key_id, network) DO UPDATE SET
      country = coalesce(excluded.country, n.country),
      first_seen_at = least(n.first_seen_at, excluded.first_seen_at),
      last_seen_at = greatest(n.last_seen_at, excluded.last_seen_at),
      requests = n.requests + excluded.requests,
      revoked_requests = n.revoked_requests + excluded.revoked_requests`);
}

/** The stored networks of these keys with a valid use since `since` (read before a flush writes its own). */
export function recentKeyNetworks(db: Db, keys: { orgId: string; keyId: string }[], since: Date) {
  return db.query<{ org_id: string; key_id: string; network: string; country: string | null; first_seen_at: Date; last_seen_at: Date }>(sql`
    SELECT n.org_id, n.key_id, n.network, n.country, n.first_seen_at, n.last_seen_at
    FROM api_key_networks n
    JOIN unnest(${keys.map((k) => k.orgId)}::text[], ${keys.map((k) => k.keyId)}::text[]) AS v (org_id, key_id)
      ON n.org_id = v.org_id AND n.key_id = v.key_id
    WHERE n.last_seen_at > ${since} AND n.requests > 0`);
}

/**
 * Each key's creation, and whether it replaced another: a key of the organization revoked within `rotationMs`
 * of its creation, before or after (people create the new key first, deploy it, then revoke the old one).
 */
export function keyFacts(db: Db, keys: { orgId: string; keyId: string }[], rotationMs: number) {
  return db.query<{ org_id: string; id: string; name: string; hint: string; created_at: Date; replaced_another: boolean }>(sql`
    SELECT k.org_id, k.id, k.name, k.hint, k.created_at,
      EXISTS (SELECT 1 FROM api_keys o WHERE o.org_id = k.org_id AND o.id <> k.id AND o.revoked_at IS NOT NULL
        AND o.revoked_at BETWEEN k.created_at - ${rotationMs}::double precision * interval '1 millisecond' AND k.created_at + ${rotationMs}::double precision * interval '1 millisecond') AS replaced_another
    FROM api_keys k
    JOIN unnest(${keys.map((k) => k.orgId)}::text[], ${keys.map((k) => k.keyId)}::text[]) AS v (org_id, key_id)
      ON k.org_id = v.org_id AND k.id = v.key_id`);
}

/** Networks the organization's other keys were used from (within the retention the sweep keeps). */
export async function otherKeysNetworks(db: Db, orgId: string, keyId: string): Promise<Set<string>> {
  const rows = await db.query<{ network: string }>(sql`
    SELECT DISTINCT network FROM api_key_networks WHERE org_id = ${orgId} AND key_id <> ${keyId} AND requests > 0`);
  return new Set(rows.map((r) => r.network));
}

export function sweepKeyUsage(db: Db, before: Date) {
  return db.query(sql`DELETE FROM api_key_networks WHERE last_seen_at < ${before}`);
}

/**
 * Takes the right to alert about this key and kind: true once per window, whichever process asks first. The
 * upsert decides, so two processes that detect the same sharing at once send one alert.
 */
export async function claimKeyAlert(db: Db, orgId: string, keyId: string, kind: string, at: Date, windowMs: number): Promise<boolean> {
  const claimed = await one(db, sql`
    INSERT INTO api_key_alerts AS a (org_id, key_id, kind, alerted_at) VALUES (${orgId}, ${keyId}, ${kind}, ${at})
    ON CONFLICT (org_id, key_id, kind) DO UPDATE SET alerted_at = excluded.alerted_at
      WHERE a.alerted_at <= excluded.alerted_at - ${windowMs}::double precision * interval '1 millisecond'
    RETURNING 1 AS claimed`);
  return claimed !== undefined;
}

/** The owners' and admins' addresses, who hear of a key's misuse. */
export async function ownerEmails(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.query<{ email: string }>(sql`
    SELECT u.email FROM memberships m JOIN users u ON u.id = m.user_id
    WHERE m.org_id = ${orgId} AND m.role IN ('owner', 'admin') ORDER BY u.email`);
  return rows.map((r) => r.email);
}

export type KeyView = {
  id: string; name: string; mode: 'live' | 'test'; hint: string; scopes: string[]; created_at: Date; revoked_at: Date | null;
  last_used_at: Date | null; allowed_cidrs: string[] | null;
};

export function listKeysWithAllowList(db: Db, orgId: string) {
  return db.query<KeyView>(sql`
    SELECT id, name, mode, hint, scopes, created_at, revoked_at, last_used_at, allowed_cidrs
    FROM api_keys WHERE org_id = ${orgId} ORDER BY id DESC`);
}

export function setAllowedCidrsRow(db: Db, orgId: string, keyId: string, cidrs: string[] | null) {
  return one<KeyView>(db, sql`
    UPDATE api_keys SET allowed_cidrs = ${cidrs}::text[] WHERE org_id = ${orgId} AND id = ${keyId}
    RETURNING id, name, mode, hint, scopes, created_at, revoked_at, last_used_at, allowed_cidrs`);
}

/** A key's networks, most recent first: what its owner sees next to the key. */
export function keyNetworks(db: Db, orgId: string, keyId: string, limit: number) {
  return db.query<{ network: string; country: string | null; first_seen_at: Date; last_seen_at: Date; requests: string; revoked_requests: string }>(sql`
    SELECT network, country, first_seen_at, last_seen_at, requests, revoked_requests FROM api_key_networks
    WHERE org_id = ${orgId} AND key_id = ${keyId} ORDER BY last_seen_at DESC LIMIT ${limit}`);
}
