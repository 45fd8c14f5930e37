import { randomBytes } from 'node:crypto';
import type { Sealer } from '../../lib/secrets.ts';
import { constantTimeEqual } from '../../lib/secrets.ts';

/**
 * CSRF protection for the public opt-in form, which has no session: a signed double-submit token. The form
 * carries `issuedAt.nonce.signature` (HMAC under a key derived from the master key, bound to the
 * organization's slug); a SameSite=Strict, HttpOnly cookie carries the nonce. A POST must bring both,
 * matching, within TOKEN_TTL_MS: another site can make a browser post the form but can neither read the
 * token nor set the cookie.
 */
export const CSRF_COOKIE = 'xp_optin_csrf';
const TOKEN_TTL_MS = 2 * 60 * 60 * 1000;

export function issueCsrfToken(sealer: Sealer, slug: string, now: Date): { token: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64url');
  const issuedAt = String(Math.floor(now.getTime() / 1000));
  return { token: `${issuedAt}.${nonce}.${sign(sealer, slug, issuedAt, nonce)}`, nonce };
}

export function csrfTokenValid(sealer: Sealer, slug: string, token: unknown, cookieNonce: string | undefined, now: Date): boolean {
  if (typeof token !== 'string' || !cookieNonce) return false;
  const [issuedAt, nonce, signature, extra] = token.split('.');
  if (!issuedAt || !nonce || !signature || extra !== undefined || !/^\d{1,12}$/.test(issuedAt)) return false;
  const age = now.getTime() - Number(issuedAt) * 1000;
  if (age < -60_000 || age > TOKEN_TTL_MS) return false;
  return constantTimeEqual(signature, sign(sealer, slug, issuedAt, nonce)) && constantTimeEqual(nonce, cookieNonce);
}

function sign(sealer: Sealer, slug: string, issuedAt: string, nonce: string): string {
  return sealer.digest(`${slug}\n${issuedAt}\n${nonce}`, 'opt-in-form-csrf');
}

/** One cookie's value from a Cookie header (no cookie plugin for one cookie). */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
