import { recordAudit, type AuditBy } from '../audit/record-audit.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { newId } from '../lib/ids.ts';
import { randomToken, sha256Hex } from '../lib/secrets.ts';
import { DEFAULT_SCOPES, isScope, type Scope, SCOPES } from './scopes.ts';
import { announceKeyChange } from './key-changes.ts';
import { insertApiKey, revokeApiKey as revokeApiKeyRow } from './store.ts';

export const API_KEY_PATTERN = /^xp_(live|test)_[0-9A-Za-z]{43}$/;

/**
 * Who a scoped request acts as: an API key (`keyId`), or a member's dashboard session (`userId`, decision 0026).
 * `actor` names either for audit entries and records (`api_key:<id>` or `user:<id>`). `plan` is the organization's
 * (AUP 3.6 budgets, src/throttling/plans.ts); `standing` its step on the enforcement ladder (decision 0022): a
 * restricted organization sends no marketing.
 */
export type AuthContext = {
  orgId: string;
  keyId: string | null;
  userId: string | null;
  actor: string;
  mode: 'live' | 'test';
  scopes: Scope[];
  defaultCountry: string;
  plan: string;
  standing: string;
};

/**
 * Creates a key and returns its secret once. Only its SHA-256 is stored: the key has ~190 bits of
 * entropy, so a slow hash would add latency to every request without adding safety.
 */
export async function createApiKey(db: Db, orgId: string, input: {
  name: string; mode: 'live' | 'test'; scopes?: string[]; createdBy?: string | null; by?: AuditBy;
}) {
  const scopes = input.scopes ?? [...DEFAULT_SCOPES];
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', { message: `Unknown scopes: ${unknown.join(', ')}`, details: { allowed: SCOPES } });
  }
  const secret = `xp_${input.mode}_${randomToken(32)}`;
  const by = input.by ?? { actor: input.createdBy ? `user:${input.createdBy}` : 'system:unattributed' };
  const row = await db.transaction(async (tx) => {
    const key = (await insertApiKey(tx, orgId, {
      id: newId('apiKey'),
      name: input.name,
      mode: input.mode,
      keyHash: sha256Hex(secret),
      hint: `xp_${input.mode}_…${secret.slice(-4)}`,
      scopes: scopes as Scope[],
      createdBy: input.createdBy ?? null,
    }))!;
    // Never the key or its hash: the hint is what the dashboard shows anyway.
    await recordAudit(tx, { orgId, action: 'api_key.created', actor: by.actor, requestId: by.requestId, subject: key.id, detail: { name: key.name, mode: key.mode, scopes: key.scopes, hint: key.hint } });
    return key;
  });
  return { key: row, secret };
}

export async function revokeApiKey(db: Db, orgId: string, keyId: string, by: AuditBy = { actor: 'system:unattributed' }) {
  return db.transaction(async (tx) => {
    const row = await revokeApiKeyRow(tx, orgId, keyId);
    if (!row) throw new AppError('not_found', { message: 'No such API key.' });
    await recordAudit(tx, { orgId, action: 'api_key.revoked', actor: by.actor, requestId: by.requestId, subject: keyId, detail: { name: row.name, revoked_at: row.revoked_at?.toISOString() } });
    // This process's key caches learn of it at commit; others from the database's notification (decision 0024).
    tx.afterCommit(() => announceKeyChange({ org: orgId, key: keyId }));
    return row;
  });
}
