import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { sha256Hex, type Sealer } from '../lib/secrets.ts';
import { findSessionByHashUnscoped, touchSession, type SessionRow } from './store.ts';

export type SessionDeps = { db: Db; sealer: Sealer; clock: { now(): Date }; config: Pick<Config, 'sessions'> };

/**
 * `unknown`: no session ever had this token (a guess, or a database since reset); `ended`: it was revoked, sat idle
 * too long, or reached its absolute end.
 */
export type SessionLookup = { state: 'active'; session: SessionRow } | { state: 'ended' } | { state: 'unknown' };

/** The session behind a cookie's token, read on every request: a sign-out or a removed membership counts at once. */
export async function authenticateSession(deps: SessionDeps, token: string): Promise<SessionLookup> {
  const session = await findSessionByHashUnscoped(deps.db, sha256Hex(token));
  if (!session) return { state: 'unknown' };
  const now = deps.clock.now();
  if (sessionEnded(session, now, deps.config.sessions.idleTimeoutMs)) return { state: 'ended' };
  // last_seen_at is written when it has aged a tenth of the idle timeout (at most a minute), not on every request.
  if (now.getTime() - session.last_seen_at.getTime() > Math.min(60_000, deps.config.sessions.idleTimeoutMs / 10)) {
    await touchSession(deps.db, session.id, now);
  }
  return { state: 'active', session };
}

export function sessionEnded(session: Pick<SessionRow, 'revoked_at' | 'expires_at' | 'last_seen_at'>, now: Date, idleTimeoutMs: number): boolean {
  if (session.revoked_at) return true;
  if (now.getTime() >= session.expires_at.getTime()) return true;
  return now.getTime() - session.last_seen_at.getTime() >= idleTimeoutMs;
}
