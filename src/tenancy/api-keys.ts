import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { randomToken, sha256Hex } from '../lib/secrets.ts';
import { SCOPES, isScope, type Scope } from './scopes.ts';
import { findActiveKeyByHashUnscoped, insertApiKey, revokeApiKey as revokeApiKeyRow, touchApiKey } from './store.ts';

export const API_KEY_PATTERN = /^xp_(live|test)_[0-9A-Za-z]{43}$/;

export type AuthContext = { orgId: string; keyId: string; mode: 'live' | 'test'; scopes: Scope[]; defaultCountry: string };

/**
 * Creates a key and returns its secret once. Only its SHA-256 is stored: the key has ~190 bits of
 * entropy, so a slow hash would add latency to every request without adding safety.
 */
export async function createApiKey(db: Db, orgId: string, input: {
  name: string; mode: 'live' | 'test'; scopes?: string[]; createdBy?: string | null;
}) {
  const scopes = input.scopes ?? [...SCOPES];
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', { message: `Unknown scopes: ${unknown.join(', ')}`, details: { allowed: SCOPES } });
  }
  const secret = `xp_${input.mode}_${randomToken(32)}`;
  const row = await insertApiKey(db, orgId, {
    id: newId('apiKey'),
    name: input.name,
    mode: input.mode,
    keyHash: sha256Hex(secret),
    hint: `xp_${input.mode}_…${secret.slice(-4)}`,
    scopes: scopes as Scope[],
    createdBy: input.createdBy ?? null,
  });
  return { key: row!, secret };
}

export async function revokeApiKey(db: Db, orgId: string, keyId: string) {
  const row = await revokeApiKeyRow(db, orgId, keyId);
  if (!row) throw new AppError('not_found', { message: 'No such API key.' });
  return row;
}

// last_used_at is written at most once a minute per key, so authentication does not become a write per request.
const TOUCH_INTERVAL_MS = 60_000;

export async function authenticateApiKey(db: Db, presented: string, ip: string, onTouchError: (e: unknown) => void): Promise<AuthContext | null> {
  if (!API_KEY_PATTERN.test(presented)) return null;
  const key = await findActiveKeyByHashUnscoped(db, sha256Hex(presented));
  if (!key) return null;
  if (!key.last_used_at || Date.now() - key.last_used_at.getTime() > TOUCH_INTERVAL_MS) {
    touchApiKey(db, key.org_id, key.id, ip).catch(onTouchError);
  }
  if (key.org_status !== 'active') throw new AppError('account_suspended');
  return { orgId: key.org_id, keyId: key.id, mode: key.mode, scopes: key.scopes, defaultCountry: key.default_country };
}
