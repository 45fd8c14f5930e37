import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Standard Webhooks v1 (https://www.standardwebhooks.com): HMAC-SHA256 over "{id}.{timestamp}.{body}",
// keyed by the base64-decoded part of a `whsec_` secret, sent as "v1,<base64>"; several signatures are
// separated by spaces (both secrets sign during a rotation's overlap).

const PREFIX = 'whsec_';

/** A new endpoint secret: `whsec_` + base64 of 32 random bytes (the spec allows 24–64). */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
}

export function sign(secret: string, id: string, timestampSeconds: number, body: string): string {
  return 'v1,' + createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
}

/** The `webhook-signature` header value: one signature per secret. */
export function signatureHeader(secrets: string[], id: string, timestampSeconds: number, body: string): string {
  return secrets.map((s) => sign(s, id, timestampSeconds, body)).join(' ');
}

export type Verification = { ok: true } | { ok: false; reason: 'missing_headers' | 'timestamp_out_of_tolerance' | 'no_matching_signature' };

/**
 * What a receiver does (the README shows the same in a few lines): recompute the signature with its
 * secret, compare in constant time against every `v1` entry, and refuse stale or future timestamps.
 */
export function verifyWebhook(
  secret: string,
  headers: { 'webhook-id'?: string; 'webhook-timestamp'?: string; 'webhook-signature'?: string },
  body: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): Verification {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing_headers' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const ts = Number(timestamp);
  if (!Number.isInteger(ts) || Math.abs(now - ts) > (options.toleranceSeconds ?? 300)) return { ok: false, reason: 'timestamp_out_of_tolerance' };
  const expected = Buffer.from(sign(secret, id, ts, body).slice(3), 'base64');
  for (const entry of signatures.split(' ')) {
    const [version, value] = entry.split(',');
    if (version !== 'v1' || !value) continue;
    const given = Buffer.from(value, 'base64');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no_matching_signature' };
}
