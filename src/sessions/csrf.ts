import type { FastifyRequest } from 'fastify';
import { AppError } from '../lib/app-error.ts';
import { constantTimeEqual, type Sealer } from '../lib/secrets.ts';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The session's CSRF token: HMAC-SHA256 of the session token under a key derived from the master key (decision
 * 0026). Nothing to store; it cannot be turned back into the session token; and it changes with every sign-in.
 */
export function csrfTokenOf(sealer: Sealer, sessionToken: string): string {
  return sealer.digest(sessionToken, 'sessions/csrf');
}

/**
 * A change made with a session cookie must carry the session's CSRF token in a header, which another site's page
 * cannot read or set: SameSite=Strict is the first guard, this the second (older browsers, same-site subdomains).
 */
export function requireCsrfToken(request: FastifyRequest, sealer: Sealer, sessionToken: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || !constantTimeEqual(presented, csrfTokenOf(sealer, sessionToken))) throw new AppError('csrf_failed');
}
