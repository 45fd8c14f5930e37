import { createHash } from 'node:crypto';

// The pure rules of Idempotency-Key (draft-ietf-httpapi-idempotency-key-header; decision 0006):
// what a key may look like, what makes two requests "the same", and which outcomes are kept for replay.

export const MAX_KEY_LENGTH = 255;

export type ParsedKey = { ok: true; key: string } | { ok: false; reason: string };

/**
 * Reads the header. The draft makes the value a Structured Fields string (`"8e03…"`, quoted); Stripe and
 * most clients send it bare. Both are accepted; a quoted value is unescaped first, so `"abc"` and `abc` are
 * the same key. The key must be 1–255 printable ASCII characters (the characters an sf-string allows).
 */
export function parseIdempotencyKey(header: string): ParsedKey {
  let key = header;
  if (header.length >= 2 && header.startsWith('"') && header.endsWith('"')) {
    const unquoted = unquoteSfString(header.slice(1, -1));
    if (unquoted === null) return { ok: false, reason: 'Idempotency-Key is a malformed quoted string.' };
    key = unquoted;
  }
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) {
    return { ok: false, reason: `Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters long.` };
  }
  if (!/^[\x20-\x7E]+$/.test(key)) return { ok: false, reason: 'Idempotency-Key may contain only printable ASCII characters.' };
  return { ok: true, key };
}

// RFC 8941 §3.3.3: inside the quotes, only \" and \\ are escapes, and a bare quote ends the string.
function unquoteSfString(inner: string): string | null {
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (c === '"') return null;
    if (c === '\\') {
      const next = inner[i + 1];
      if (next !== '"' && next !== '\\') return null;
      out += next;
      i++;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * The request's fingerprint: SHA-256 over method, target and the canonical form of the parsed body.
 * Canonical (sorted keys, no whitespace) rather than raw bytes, so a client that re-serialises the same
 * parameters in another key order is recognised as retrying, as Stripe compares parameters, not bytes.
 */
export function requestFingerprint(method: string, target: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${target}\n`)
    .update(body === undefined ? '' : canonicalJson(body))
    .digest('hex');
}

/**
 * JSON with object keys in code-unit order and no whitespace: equal for equal values whatever the key
 * order. Otherwise it agrees with JSON.stringify (undefined members dropped, non-finite numbers as null);
 * bytes (a Buffer body) become {"$bytes": base64} so they are fingerprinted too.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (value instanceof Uint8Array) return `{"$bytes":${JSON.stringify(Buffer.from(value).toString('base64'))}}`;
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const members = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${members.join(',')}}`;
  }
  return 'null';
}

// Answers that tell the client to try again later: replaying them for a day would defeat the retry.
const RETRY_INVITING = new Set([408, 409, 425, 429]);

/**
 * Whether an outcome is final and kept for replay: 2xx, and 4xx except the retry-inviting ones. 5xx is
 * never kept, so a retry after our failure runs again (the reference goal; Stripe v1 keeps 500s, which
 * turns one outage into a day of replayed errors for that key).
 */
export function isFinalOutcome(status: number): boolean {
  if (status >= 200 && status < 300) return true;
  return status >= 400 && status < 500 && !RETRY_INVITING.has(status);
}
