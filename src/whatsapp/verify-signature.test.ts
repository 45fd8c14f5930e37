import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signPayload, verifyChallenge, verifySignature } from './verify-signature.ts';

const SECRET = 'app-secret';

describe('verifySignature', () => {
  it('accepts the signature of the exact bytes, in either hex case', () => {
    const body = Buffer.from('{"object":"whatsapp_business_account","entry":[]}');
    const header = signPayload(body, SECRET);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(body, header, SECRET)).toBe(true);
    expect(verifySignature(body, 'sha256=' + header.slice(7).toUpperCase(), SECRET)).toBe(true);
    expect(verifySignature(body, 'SHA256=' + header.slice(7), SECRET)).toBe(true);
  });

  it('rejects missing, garbled, truncated and wrong-secret headers', () => {
    const body = Buffer.from('{}');
    const header = signPayload(body, SECRET);
    for (const bad of [undefined, '', 'sha256=', 'sha1=' + header.slice(7), header.slice(7), header.slice(0, -2), header + '00', 'sha256=' + 'z'.repeat(64)]) {
      expect(verifySignature(body, bad, SECRET)).toBe(false);
    }
    expect(verifySignature(body, signPayload(body, 'other-secret'), SECRET)).toBe(false);
  });

  it('accepts exactly the signed bytes and rejects any single-byte change', () => {
    fc.assert(fc.property(
      fc.uint8Array({ minLength: 1, maxLength: 512 }), fc.nat(), fc.integer({ min: 1, max: 255 }),
      (bytes, position, delta) => {
        const body = Buffer.from(bytes);
        const header = signPayload(body, SECRET);
        expect(verifySignature(body, header, SECRET)).toBe(true);
        const changed = Buffer.from(body);
        const i = position % changed.length;
        changed[i] = (changed[i]! + delta) % 256;
        expect(verifySignature(changed, header, SECRET)).toBe(false);
      },
    ));
  });

  it('signs a string and its UTF-8 bytes identically', () => {
    fc.assert(fc.property(fc.string(), (text) => signPayload(text, SECRET) === signPayload(Buffer.from(text, 'utf8'), SECRET)));
  });
});

describe('verifyChallenge', () => {
  it('echoes the challenge only for subscribe with the right token', () => {
    const q = { 'hub.mode': 'subscribe', 'hub.verify_token': 'tok', 'hub.challenge': '1158201444' };
    expect(verifyChallenge(q, 'tok')).toBe('1158201444');
    expect(verifyChallenge({ ...q, 'hub.verify_token': 'tok2' }, 'tok')).toBeNull();
    expect(verifyChallenge({ ...q, 'hub.verify_token': 'to' }, 'tok')).toBeNull();
    expect(verifyChallenge({ ...q, 'hub.mode': 'unsubscribe' }, 'tok')).toBeNull();
    expect(verifyChallenge({ 'hub.mode': 'subscribe', 'hub.verify_token': 'tok' }, 'tok')).toBeNull();
    expect(verifyChallenge({ ...q, 'hub.verify_token': ['tok'] }, 'tok')).toBeNull();
  });
});
