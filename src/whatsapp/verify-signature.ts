// Webhook authenticity (§3.1, §3.2): HMAC-SHA256 of the exact raw body bytes under the app secret.
// Never hash a re-serialised body: Meta escapes non-ASCII, so JSON.stringify would not match.

import { createHmac, timingSafeEqual } from 'node:crypto';

const SIGNATURE_PREFIX = 'sha256=';
const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/** The `X-Hub-Signature-256` header value for a body: `sha256=<hex>`. */
export function signPayload(rawBody: Buffer | string, appSecret: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** True only when `header` is a well-formed signature of exactly these bytes. */
export function verifySignature(rawBody: Buffer, header: string | undefined, appSecret: string): boolean {
  if (typeof header !== 'string') return false;
  const trimmed = header.trim();
  if (trimmed.slice(0, SIGNATURE_PREFIX.length).toLowerCase() !== SIGNATURE_PREFIX) return false;
  const hex = trimmed.slice(SIGNATURE_PREFIX.length);
  if (!HEX_SHA256.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

export type ChallengeQuery = Record<string, unknown>;

/**
 * The GET subscription handshake: returns the challenge to echo back (200, text/plain),
 * or null when the request must be refused (403).
 */
export function verifyChallenge(query: ChallengeQuery, verifyToken: string): string | null {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe' || typeof token !== 'string' || typeof challenge !== 'string') return null;
  return constantTimeEquals(token, verifyToken) ? challenge : null;
}

/** Compares digests so neither the length nor the content of the secret leaks through timing. */
function constantTimeEquals(a: string, b: string): boolean {
  const digestA = createHmac('sha256', 'xpecto-compare').update(a).digest();
  const digestB = createHmac('sha256', 'xpecto-compare').update(b).digest();
  return timingSafeEqual(digestA, digestB);
}
