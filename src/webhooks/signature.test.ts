import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateSecret, sign, signatureHeader, verifyWebhook } from './signature.ts';

describe('Standard Webhooks signatures', () => {
  // The example of the Standard Webhooks specification's reference libraries.
  it('matches the reference test vector', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(sign(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies its own signatures, and refuses tampering, other secrets and stale timestamps', () => {
    const secret = generateSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const now = 1_700_000_000;
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': String(now), 'webhook-signature': signatureHeader([secret], 'evt_1', now, '{"a":1}') };
    expect(verifyWebhook(secret, headers, '{"a":1}', { nowSeconds: now })).toEqual({ ok: true });
    expect(verifyWebhook(secret, headers, '{"a":2}', { nowSeconds: now })).toMatchObject({ ok: false });
    expect(verifyWebhook(generateSecret(), headers, '{"a":1}', { nowSeconds: now })).toMatchObject({ ok: false });
    expect(verifyWebhook(secret, headers, '{"a":1}', { nowSeconds: now + 301 })).toMatchObject({ ok: false, reason: 'timestamp_out_of_tolerance' });
  });

  it('signs with every secret during a rotation, and either secret verifies', () => {
    const [oldSecret, newSecret] = [generateSecret(), generateSecret()];
    const header = signatureHeader([newSecret, oldSecret], 'evt_2', 10, 'x');
    expect(header.split(' ')).toHaveLength(2);
    for (const s of [oldSecret, newSecret]) {
      expect(verifyWebhook(s, { 'webhook-id': 'evt_2', 'webhook-timestamp': '10', 'webhook-signature': header }, 'x', { nowSeconds: 10 }).ok).toBe(true);
    }
    const independent = createHmac('sha256', Buffer.from(newSecret.slice(6), 'base64')).update('evt_2.10.x').digest('base64');
    expect(header.split(' ')[0]).toBe(`v1,${independent}`);
  });
});
