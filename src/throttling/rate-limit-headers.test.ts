import { describe, expect, it } from 'vitest';
import { clientAddressKey, keyPrefix } from './client-address.ts';
import { DEFAULT_PLAN_LIMITS, planLimitsWith } from './plans.ts';
import { formatHeaders, readBudgets } from './rate-limit-headers.ts';

describe('RateLimit fields', () => {
  const policies = [{ name: 'ip', key: 'ip:x', quota: 10 }, { name: 'key:send', key: 'key:k:send', quota: 3 }];
  const buckets = [{ key: 'ip:x', intervalMs: 1_000, windowMs: 10_000 }, { key: 'key:k:send', intervalMs: 10_000 / 3, windowMs: 10_000 }];

  it('an allowed request counts itself: what is left, and when each budget is whole again', () => {
    const budgets = readBudgets(policies, buckets, [0, 20_000 / 3], true);
    expect(budgets.map((b) => [b.remaining, b.retryAfterMs])).toEqual([[9, 0], [0, 0]]);
    expect(formatHeaders(budgets)).toEqual({
      'ratelimit-policy': '"ip";q=10;w=10, "key:send";q=3;w=10',
      ratelimit: '"ip";r=9;t=1, "key:send";r=0;t=10',
    });
  });

  it('a refused request says how long until one more fits', () => {
    const [, send] = readBudgets(policies, buckets, [0, 10_000], false);
    expect(send!.remaining).toBe(0);
    expect(send!.retryAfterMs).toBeCloseTo(10_000 / 3);
  });
});

describe('plans', () => {
  it('RATE_LIMIT_PLANS changes the numbers it names and keeps the rest', () => {
    const limits = planLimitsWith({ sandbox: { send: { key: 3 } } });
    expect(limits.sandbox.send).toEqual({ key: 3, org: DEFAULT_PLAN_LIMITS.sandbox.send.org });
    expect(limits.growth).toEqual(DEFAULT_PLAN_LIMITS.growth);
  });

  it('refuses what it does not understand', () => {
    expect(() => planLimitsWith({ gold: {} })).toThrow(/not a plan/);
    expect(() => planLimitsWith({ sandbox: { sends: {} } })).toThrow(/only "send" and "api"/);
    expect(() => planLimitsWith({ sandbox: { send: { key: 0 } } })).toThrow(/positive integer/);
  });
});

describe('client addresses', () => {
  it('IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:2:bbbb::9')).toBe('2001:db8:1:2::/64');
  });

  it('a key is counted by its first 12 characters, and a short token by none', () => {
    expect(keyPrefix('xp_live_AbCdEfGhIjKlMnOp')).toBe('xp_live_AbCd');
    expect(keyPrefix('short')).toBeNull();
  });
});
