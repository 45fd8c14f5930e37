import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbRateLimiter, createRedisRateLimiter, type RateLimiter } from '../../src/messaging/rate-limiter.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld, maxPerSecond, sendMany, setRate, simSends, statusCounts } from '../helpers/dispatch-helpers.ts';
import { Redis } from 'ioredis';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({
    env: { PAIR_RATE_INTERVAL_MS: '600' },
    // The simulator enforces Meta's limits: a send over them would come back 130429 or 131056.
    simulator: { pairRateLimit: { perSeconds: 0.5, burst: 1 }, throughput: { STANDARD: 40, HIGH: 1000 } },
  });
});
afterAll(async () => t?.close());

async function checkLimiter(limiter: RateLimiter) {
  // Two "workers" booking slots of one key at 200/s at the same time get disjoint, back-to-back slots.
  const key = `test-${Math.random()}`;
  const started = Date.now();
  const delays = await Promise.all(Array.from({ length: 20 }, () => limiter.reserve(key, 10, 200)));
  const elapsed = Date.now() - started;
  const sorted = delays.map((d) => d.delayMs).sort((a, b) => a - b);
  // 200 slots at 200/s: the last booking starts about 950 ms after the first, less the time the calls took.
  expect(sorted[0]!).toBeLessThan(elapsed + 5);
  expect(sorted[sorted.length - 1]!).toBeGreaterThanOrEqual(950 - elapsed - 5);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThan(-elapsed - 5);
}

describe('send slots', () => {
  it('are handed out back to back, never overlapping, by the database limiter', async () => {
    await checkLimiter(createDbRateLimiter(t.platform.deps.db));
  });

  it.runIf(process.env['REDIS_URL'])('and by the Redis limiter', async () => {
    const redis = new Redis(process.env['REDIS_URL']!);
    try {
      await checkLimiter(createRedisRateLimiter(redis));
    } finally {
      redis.disconnect();
    }
  });
});

describe('per-number pacing', () => {
  it('sends at the number\'s rate and never above it, with no throughput error from the Cloud API', async () => {
    const tenant = await t.createTenant('Paced');
    await setRate(t, tenant, 20);
    const ids = await sendMany(t, tenant, Array.from({ length: 60 }, (_, i) => helloWorld(customer(i))));
    await t.waitFor('all 60 at the Cloud API', async () => (await simSends(t, tenant)).length >= 60, 30_000);
    const sends = await simSends(t, tenant);
    expect(sends).toHaveLength(60);
    // On average exactly the rate: 60 sends at 20/s span at least 59 intervals of 50 ms.
    const span = Date.parse(sends[59]!.time) - Date.parse(sends[0]!.time);
    expect(span).toBeGreaterThanOrEqual(59 * 50 - 60);
    // In any one-second window at most the rate, with two of slack for timestamps taken in one event loop.
    expect(maxPerSecond(sends)).toBeLessThanOrEqual(22);
    await t.waitFor('all read', async () => (await statusCounts(t, tenant))['read'] === ids.length, 30_000);
  });

  it('spaces messages to one recipient by the pair interval instead of failing them', async () => {
    const tenant = await t.createTenant('Pair');
    const ids = await sendMany(t, tenant, Array.from({ length: 4 }, () => helloWorld(customer(42))));
    await t.waitFor('all four read', async () => (await statusCounts(t, tenant))['read'] === 4, 30_000);
    const times = (await simSends(t, tenant)).map((s) => Date.parse(s.time));
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(550);
    for (const id of ids) {
      const m = await t.api('GET', `/v1/messages/${id}`, { key: tenant.apiKey });
      expect(m.body.error).toBeNull();
    }
  });
});
