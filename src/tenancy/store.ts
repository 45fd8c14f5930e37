import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';
import type { Role, Scope } from './scopes.ts';

export type Organization = { id: string; name: string; slug: string; status: string; default_country: string; created_at: Date };
export type ApiKeyRow = {
  org_id: string; id: string; name: string; mode: 'live' | 'test'; hint: string; scopes: Scope[];
  created_at: Date; revoked_at: Date | null; last_used_at: Date | null; last_used_ip: string | null;
};

export function insertOrganization(db: Db, org: { id: string; name: string; slug: string; defaultCountry: string }) {
  return one<Organization>(db, sql`
    INSERT INTO organizations (id, name, slug, default_country)
    VALUES (${org.id}, ${org.name}, ${org.slug}, ${org.defaultCountry}) RETURNING *`);
}

export function findOrganization(db: Db, orgId: string) {
  return one<Organization>(db, sql`SELECT * FROM organizations WHERE id = ${orgId}`);
}

/** Unscoped: the CLI and operator tools address organizations by slug before any tenant context exists. */
export function findOrganizationBySlugUnscoped(db: Db, slug: string) {
  return one<Organization>(db, sql`SELECT * FROM organizations WHERE slug = ${slug}`);
}

export function insertUser(db: Db, user: { id: string; email: string; name: string; passwordHash: string; isOperator: boolean }) {
  return one<{ id: string; email: string }>(db, sql`
    INSERT INTO users (id, email, name, password_hash, is_operator)
    VALUES (${user.id}, ${user.email}, ${user.name}, ${user.passwordHash}, ${user.isOperator})
    RETURNING id, email`);
}

export function findUserByEmailUnscoped(db: Db, email: string) {
  return one<{ id: string; email: string; name: string; password_hash: string; is_operator: boolean }>(db, sql`
    SELECT id, email, name, password_hash, is_operator FROM users WHERE lower(email) = lower(${email})`);
}

export type Membership = { org_id: string; name: string; slug: string; status: string; role: Role };

/**
 * Unscoped: the organizations a user belongs to, oldest membership first — what a dashboard session may act for.
 * A terminated organization is no longer one of them.
 */
export function membershipsOfUserUnscoped(db: Db, userId: string) {
  return db.query<Membership>(sql`
    SELECT m.org_id, o.name, o.slug, o.status, m.role
    FROM memberships m JOIN organizations o ON o.id = m.org_id
    WHERE m.user_id = ${userId} AND o.status <> 'terminated'
    ORDER BY m.created_at, m.org_id`);
}

export function insertMembership(db: Db, orgId: string, userId: string, role: Role) {
  return db.query(sql`INSERT INTO memberships (org_id, user_id, role) VALUES (${orgId}, ${userId}, ${role})`);
}

export function insertApiKey(db: Db, orgId: string, key: {
  id: string; name: string; mode: 'live' | 'test'; keyHash: string; hint: string; scopes: Scope[]; createdBy: string | null;
}) {
  return one<ApiKeyRow>(db, sql`
    INSERT INTO api_keys (org_id, id, name, mode, key_hash, hint, scopes, created_by)
    VALUES (${orgId}, ${key.id}, ${key.name}, ${key.mode}, ${key.keyHash}, ${key.hint}, ${key.scopes}, ${key.createdBy})
    RETURNING org_id, id, name, mode, hint, scopes, created_at, revoked_at, last_used_at, last_used_ip`);
}

export function listApiKeys(db: Db, orgId: string) {
  return db.query<ApiKeyRow>(sql`
    SELECT org_id, id, name, mode, hint, scopes, created_at, revoked_at, last_used_at, last_used_ip
    FROM api_keys WHERE org_id = ${orgId} ORDER BY id DESC`);
}

export function revokeApiKey(db: Db, orgId: string, keyId: string) {
  return one<ApiKeyRow>(db, sql`
    UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
    WHERE org_id = ${orgId} AND id = ${keyId}
    RETURNING org_id, id, name, mode, hint, scopes, created_at, revoked_at, last_used_at, last_used_ip`);
}

/**
 * Unscoped: a presented key is how the tenant becomes known. Revoked keys match too, with `revoked_at`, so a
 * revoked key's use is recognised (decision 0021); the caller refuses them.
 */
export function findKeyByHashUnscoped(db: Db, keyHash: string) {
  return one<{
    org_id: string; id: string; mode: 'live' | 'test'; scopes: Scope[]; last_used_at: Date | null; revoked_at: Date | null;
    allowed_cidrs: string[] | null; org_status: string; default_country: string; plan: string;
    standing: string; standing_until: Date | null; standing_clause: string | null;
  }>(db, sql`
    SELECT k.org_id, k.id, k.mode, k.scopes, k.last_used_at, k.revoked_at, k.allowed_cidrs, o.status AS org_status, o.default_country, o.plan,
      o.standing, o.standing_until, o.standing_clause
    FROM api_keys k JOIN organizations o ON o.id = k.org_id
    WHERE k.key_hash = ${keyHash}`);
}

export function touchApiKey(db: Db, orgId: string, keyId: string, ip: string) {
  return db.query(sql`UPDATE api_keys SET last_used_at = now(), last_used_ip = ${ip} WHERE org_id = ${orgId} AND id = ${keyId}`);
}

export function readPlatformSecret(db: Db, name: string) {
  return one<{ value_enc: string }>(db, sql`SELECT value_enc FROM platform_secrets WHERE name = ${name}`);
}

export function writePlatformSecret(db: Db, name: string, valueEnc: string) {
  return db.query(sql`
    INSERT INTO platform_secrets (name, value_enc) VALUES (${name}, ${valueEnc})
    ON CONFLICT (name) DO UPDATE SET value_enc = excluded.value_enc`);
}
