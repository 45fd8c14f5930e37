import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.ts';

describe('normalizePhone', () => {
  it('reads the common ways of writing a number', () => {
    for (const input of ['+1 202 555 0100', '+1 (202) 555-0100', '12025550100', '(202) 555-0100', '202.555.0100', '+12025550100']) {
      expect(normalizePhone(input, 'US'), input).toEqual({ ok: true, e164: '+12025550100' });
    }
    expect(normalizePhone('030 1234567', 'DE')).toEqual({ ok: true, e164: '+49301234567' });
    expect(normalizePhone('+44 20 7946 0958', 'US')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('rejects what is not a number, with a reason', () => {
    for (const input of ['', 'hello', '+1 555', '+999 1234567890123456']) {
      const result = normalizePhone(input, 'US');
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(5);
    }
  });

  it('never throws, and what it accepts is E.164 that normalizes to itself', () => {
    fc.assert(fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('US', 'DE', 'IN', 'BR', undefined), (input, country) => {
      const result = normalizePhone(input, country);
      if (result.ok) {
        expect(result.e164).toMatch(/^\+[1-9]\d{6,14}$/);
        expect(normalizePhone(result.e164, undefined)).toEqual(result);
      }
    }));
  });
});

describe('normalizePhone with national numbers that look international', () => {
  it('keeps an 11-digit Chinese mobile number national', () => {
    expect(normalizePhone('13812345678', 'CN')).toEqual({ ok: true, e164: '+8613812345678' });
  });
});
