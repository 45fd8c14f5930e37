import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import { listen } from '../db/listen.ts';
import { AppError } from '../lib/app-error.ts';
import { sha256Hex } from '../lib/secrets.ts';
import type { KeyUsage } from '../credentials/key-usage.ts';
import { allowedBy, compileCidrs, type Cidr } from '../credentials/network.ts';
import { API_KEY_PATTERN, type AuthContext } from './api-keys.ts';
import { findKeyByHashUnscoped, touchApiKey } from './store.ts';
import { onKeyChange, type KeyChange } from './key-changes.ts';

/**
 * How long an authenticated key is trusted without reading the database again: the backstop only. A revoked key,
 * a changed one, or an organization whose status changed is forgotten as soon as the database's notification
 * arrives (migration 0009), normally within milliseconds of the commit, and at once when this process made the change
 * (key-changes.ts); while the notification connection is down nothing is cached at all.
 */
export const API_KEY_CACHE_TTL_MS = 10_000;
// last_used_at is written at most once a minute per key and process, so authentication is not a write per request.
const TOUCH_INTERVAL_MS = 60_000;
const MAX_ENTRIES = 10_000;

type KnownKey = NonNullable<Awaited<ReturnType<typeof findKeyByHashUnscoped>>>;
type ActiveKey = KnownKey & { allow: Cidr[] | null };

export type ApiKeyAuthenticator = {
  /**
   * The key's context; null for a malformed, unknown or revoked key; throws `account_suspended`, or
   * `ip_not_allowed` from outside the key's allow-list. Every use (and a revoked key's) is counted by network.
   */
  authenticate(presented: string, ip: string, onTouchError: (e: unknown) => void, options?: { allowSuspended?: boolean }): Promise<AuthContext | null>;
  stop(): Promise<void>;
};

/** API-key authentication with the keys seen recently kept in this process, invalidated by database notifications. */
export function createApiKeyAuthenticator(db: Db, log: Logger, usage?: KeyUsage): ApiKeyAuthenticator {
  const entries = new Map<string, { key: ActiveKey; expiresAt: number }>(); // by the key's SHA-256
  const touchedAt = new Map<string, number>(); // key id → when this process last wrote last_used_at
  let listening = false;
  // Bumped by every invalidation: a lookup that was in flight across one may have read the old row, so it is not kept.
  let generation = 0;

  const forget = (change: KeyChange) => {
    generation++;
    for (const [hash, entry] of entries) {
      if (entry.key.org_id === change.org && (change.key === undefined || entry.key.id === change.key)) entries.delete(hash);
    }
  };
  const unsubscribe = onKeyChange(forget);
  const listener = listen(db, 'api_key_changes', {
    onNotify(payload) {
      try {
        forget(JSON.parse(payload) as KeyChange);
      } catch (err) {
        // Not ours to read: forget everything rather than keep what it may have been about.
        log.warn({ err, payload }, 'unreadable api_key_changes notification: cache cleared');
        generation++;
        entries.clear();
      }
    },
    onListening(now) {
      listening = now;
      generation++;
      entries.clear();
    },
  }, log);

  const lookUp = async (hash: string): Promise<ActiveKey | KnownKey | undefined> => {
    const cached = entries.get(hash);
    if (cached && cached.expiresAt > Date.now()) return cached.key;
    const seen = generation;
    const found = await findKeyByHashUnscoped(db, hash);
    if (!found || found.revoked_at) {
      entries.delete(hash);
      return found;
    }
    const key = { ...found, allow: found.allowed_cidrs ? compileCidrs(found.allowed_cidrs) : null };
    if (listening && seen === generation) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(hash, { key, expiresAt: Date.now() + API_KEY_CACHE_TTL_MS });
    }
    return key;
  };

  return {
    async authenticate(presented, ip, onTouchError, options = {}) {
      if (!API_KEY_PATTERN.test(presented)) return null;
      const key = await lookUp(sha256Hex(presented));
      if (!key) return null;
      if (!('allow' in key)) {
        // Revoked: refused like an unknown key, but counted — someone still holds it (decision 0021).
        usage?.usedAfterRevocation(key.org_id, key.id, ip);
        return null;
      }
      usage?.used(key.org_id, key.id, ip);
      const now = Date.now();
      if (now - Math.max(touchedAt.get(key.id) ?? 0, key.last_used_at?.getTime() ?? 0) > TOUCH_INTERVAL_MS) {
        if (touchedAt.size >= MAX_ENTRIES) touchedAt.clear();
        touchedAt.set(key.id, now);
        touchApiKey(db, key.org_id, key.id, ip).catch(onTouchError);
      }
      // A suspended organization may still read its standing and appeal (routes that say so); a terminated one nothing.
      if (key.org_status !== 'active' && !(options.allowSuspended && key.org_status === 'suspended')) throw suspendedError(key);
      if (key.allow && !allowedBy(key.allow, ip)) throw new AppError('ip_not_allowed', { details: { address: ip } });
      return { orgId: key.org_id, keyId: key.id, userId: null, actor: `api_key:${key.id}`, mode: key.mode, scopes: key.scopes, defaultCountry: key.default_country, plan: key.plan, standing: key.standing };
    },
    stop: () => { unsubscribe(); return listener.stop(); },
  };
}

/** The refusal names the state, its end (a suspension lifts by itself then) and the clause (AUP 4, decision 0022). */
export function suspendedError(key: { org_status: string; standing_until: Date | null; standing_clause: string | null }): AppError {
  const until = key.standing_until?.toISOString() ?? null;
  const clause = key.standing_clause ?? '4';
  const message = key.org_status === 'terminated'
    ? `This organization was terminated under clause ${clause} of the Acceptable Use Policy.`
    : `This organization is suspended under clause ${clause} of the Acceptable Use Policy${until ? ` until ${until}` : ''}.`;
  return new AppError('account_suspended', { message, details: { state: key.org_status, until, clause }, policyClause: clause });
}
