import type { Redis } from 'ioredis';
import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

/**
 * Send slots at a fixed rate, shared by every worker (GCRA: each key keeps the theoretical arrival time of
 * its next free slot). `reserve` books `count` consecutive slots and says how long until the first; the
 * caller sends item i at delay + i / rate. Workers get disjoint slots, so together they never exceed the
 * rate in any interval, and no burst is ever granted.
 */
export type RateLimiter = {
  reserve(key: string, count: number, ratePerSecond: number): Promise<{ delayMs: number }>;
};

export function createDbRateLimiter(db: Db): RateLimiter {
  return {
    async reserve(key, count, ratePerSecond) {
      const span = count / ratePerSecond;
      const row = await one<{ delay_ms: number }>(db, sql`
        INSERT INTO rate_slots AS s (key, tat) VALUES (${key}, clock_timestamp() + make_interval(secs => ${span}))
        ON CONFLICT (key) DO UPDATE SET tat = greatest(s.tat, clock_timestamp()) + make_interval(secs => ${span})
        RETURNING greatest(0, extract(epoch FROM (s.tat - make_interval(secs => ${span}) - clock_timestamp())) * 1000)::float8 AS delay_ms`);
      return { delayMs: row!.delay_ms };
    },
  };
}

// Redis's own clock, so workers on different hosts agree; the key expires once it is idle.
const RESERVE_SCRIPT = `
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) * 1000 + tonumber(now_parts[2]) / 1000
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local delay = tat - now
tat = tat + tonumber(ARGV[1]) * 1000 / tonumber(ARGV[2])
redis.call('SET', KEYS[1], tostring(tat), 'PX', math.ceil(tat - now) + 60000)
return tostring(delay)`;

export function createRedisRateLimiter(redis: Redis): RateLimiter {
  redis.defineCommand('xpReserveSlots', { numberOfKeys: 1, lua: RESERVE_SCRIPT });
  const reserve = (redis as unknown as { xpReserveSlots(key: string, count: number, rate: number): Promise<string> }).xpReserveSlots.bind(redis);
  return {
    async reserve(key, count, ratePerSecond) {
      return { delayMs: Number(await reserve(`xpecto:slots:${key}`, count, ratePerSecond)) };
    },
  };
}
