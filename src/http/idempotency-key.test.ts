import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isFinalOutcome, MAX_KEY_LENGTH, parseIdempotencyKey, requestFingerprint } from './idempotency-key.ts';

// A JSON value as JSON.parse would produce it (no undefined, no -0 ambiguity, finite numbers).
const jsonValue = fc.jsonValue().map((v) => JSON.parse(JSON.stringify(v)) as unknown);

/** The same value with every object's keys in a shuffled order. */
function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  const order = keys.map((k, i) => ({ k, w: Math.sin(seed * 7919 + i * 104729) })).sort((a, b) => a.w - b.w);
  return Object.fromEntries(order.map(({ k }) => [k, shuffleKeys((value as Record<string, unknown>)[k], seed + 1)]));
}

describe('canonicalJson', () => {
  it('is JSON that parses back to the same value', () => {
    fc.assert(fc.property(jsonValue, (v) => {
      expect(JSON.parse(canonicalJson(v))).toEqual(v);
    }));
  });

  it('does not depend on key order or on how the client spaced its JSON', () => {
    fc.assert(fc.property(jsonValue, fc.integer(), (v, seed) => {
      const reordered = JSON.parse(JSON.stringify(shuffleKeys(v, seed), null, 2));
      expect(canonicalJson(reordered)).toBe(canonicalJson(v));
    }));
  });

  it('tells different values apart', () => {
    fc.assert(fc.property(jsonValue, jsonValue, (a, b) => {
      fc.pre(!isDeepStrictEqual(a, b));
      expect(canonicalJson(a)).not.toBe(canonicalJson(b));
    }));
    expect(canonicalJson({ a: 1, b: [1, '2'] })).toBe('{"a":1,"b":[1,"2"]}');
    expect(canonicalJson({ b: 1, a: 1 })).not.toBe(canonicalJson({ a: 1, b: 2 }));
    expect(canonicalJson(Buffer.from('hi'))).toBe('{"$bytes":"aGk="}');
  });
});

describe('requestFingerprint', () => {
  const body = { to: '+12025550100', type: 'text', text: { body: 'hi' } };

  it('is the same for the same request, whatever the key order', () => {
    const again = { text: { body: 'hi' }, type: 'text', to: '+12025550100' };
    expect(requestFingerprint('POST', '/v1/messages', again)).toBe(requestFingerprint('post', '/v1/messages', body));
    expect(requestFingerprint('POST', '/v1/messages', body)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with the method, the target or any part of the body', () => {
    const base = requestFingerprint('POST', '/v1/messages', body);
    expect(requestFingerprint('PUT', '/v1/messages', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/phone-numbers', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/messages?x=1', body)).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/messages', { ...body, text: { body: 'hi!' } })).not.toBe(base);
    expect(requestFingerprint('POST', '/v1/messages', undefined)).not.toBe(base);
  });

  it('cannot be confused by moving text between the target and the body', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (t1, s1, t2, s2) => {
      fc.pre(t1 !== t2 || s1 !== s2);
      expect(requestFingerprint('POST', `/v1/${encodeURIComponent(t1)}`, s1)).not.toBe(requestFingerprint('POST', `/v1/${encodeURIComponent(t2)}`, s2));
    }));
  });
});

describe('parseIdempotencyKey', () => {
  it('accepts bare and quoted (Structured Fields) keys alike', () => {
    expect(parseIdempotencyKey('8e03978e-40d5-43e8-bc93-6894a57f9324')).toEqual({ ok: true, key: '8e03978e-40d5-43e8-bc93-6894a57f9324' });
    expect(parseIdempotencyKey('"8e03978e-40d5"')).toEqual({ ok: true, key: '8e03978e-40d5' });
    expect(parseIdempotencyKey('"a \\"b\\" \\\\c"')).toEqual({ ok: true, key: 'a "b" \\c' });
    expect(parseIdempotencyKey('x'.repeat(MAX_KEY_LENGTH))).toMatchObject({ ok: true });
  });

  it('refuses empty, too long, unprintable and malformed keys', () => {
    for (const bad of ['', '""', 'x'.repeat(MAX_KEY_LENGTH + 1), 'naïve', 'tab\there', '"a"b"', '"a\\x"']) {
      expect(parseIdempotencyKey(bad), bad).toMatchObject({ ok: false, reason: expect.stringContaining('Idempotency-Key') });
    }
  });

  it('accepts exactly the 1–255 printable ASCII strings (bare)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (s) => {
      fc.pre(!(s.startsWith('"') && s.endsWith('"') && s.length >= 2));
      const printable = s.length >= 1 && s.length <= MAX_KEY_LENGTH && /^[\x20-\x7E]+$/.test(s);
      expect(parseIdempotencyKey(s).ok).toBe(printable);
    }));
  });
});

describe('isFinalOutcome', () => {
  it('keeps successes and client errors, not server errors or answers that invite a retry', () => {
    for (const s of [200, 201, 202, 204, 400, 403, 404, 422]) expect(isFinalOutcome(s), String(s)).toBe(true);
    for (const s of [301, 408, 409, 425, 429, 500, 502, 503, 504]) expect(isFinalOutcome(s), String(s)).toBe(false);
  });
});
