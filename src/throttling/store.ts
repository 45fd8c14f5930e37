import type { Redis } from 'ioredis';
import type { Db } from '../db/db.ts';
import { one } from '../db/db.ts';
import { sql } from '../db/sql.ts';

/**
 * Where request budgets and blocks live: Redis (shared by every node, one round trip), PostgreSQL (shared, one
 * statement: the functions of migration 0014), or this process (PGlite, which is one process by construction).
 * The three implement one algorithm, GCRA: a budget of q requests per window w keeps one instant, `until`, when
 * it will be full again; a request costs w/q and fits while `until` lies at most w ahead of now.
 */
export type Bucket = { key: string; intervalMs: number; windowMs: number };

/** A live block refuses everything; otherwise every bucket is charged, or none when any is spent. */
export type TakeResult =
  | { blockedMs: number }
  | { blockedMs: null; allowed: boolean; /** per bucket, how far its `until` lay ahead of now before this request */ backlogMs: number[] };

/**
 * A failure is counted in every bucket, unless a block is live; a bucket spent past its window starts its block
 * (blockKeys[i]). blocksMs[i]: how long block i lasts from now (0: none). backlogMs: each bucket's backlog after
 * this failure, or null when a live block meant nothing was counted.
 */
export type FailResult = { blocksMs: number[]; backlogMs: number[] | null };

export type ThrottleStore = {
  readonly kind: 'memory' | 'database' | 'redis';
  take(buckets: Bucket[], blockKeys: string[]): Promise<TakeResult>;
  fail(buckets: Bucket[], blockKeys: string[], blockMs: number): Promise<FailResult>;
  close(): void;
};

// The microsecond of slack absorbs float rounding: q requests at w/q each must all fit in w.
const SLACK_MS = 0.001;
const SWEEP_MS = 60_000;

export function createMemoryThrottleStore(now: () => number = Date.now): ThrottleStore {
  const until = new Map<string, number>();
  const remaining = (key: string, t: number) => Math.max(0, (until.get(key) ?? t) - t);
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, value] of until) if (value <= t) until.delete(key);
  }, SWEEP_MS);
  sweep.unref();
  const blocked = (keys: string[], t: number) => Math.max(0, ...keys.map((k) => remaining(k, t)));
  return {
    kind: 'memory',
    async take(buckets, blockKeys) {
      const t = now();
      const blockedMs = blocked(blockKeys, t);
      if (blockedMs > 0) return { blockedMs };
      const backlogMs = buckets.map((b) => remaining(b.key, t));
      const allowed = buckets.every((b, i) => backlogMs[i]! + b.intervalMs <= b.windowMs + SLACK_MS);
      if (allowed) buckets.forEach((b, i) => until.set(b.key, t + backlogMs[i]! + b.intervalMs));
      return { blockedMs: null, allowed, backlogMs };
    },
    async fail(buckets, blockKeys, blockMs) {
      const t = now();
      const live = blockKeys.map((k) => remaining(k, t));
      if (live.some((ms) => ms > 0)) return { blocksMs: live, backlogMs: null };
      const blocksMs = buckets.map(() => 0);
      const backlogMs = buckets.map((b, i) => {
        const after = remaining(b.key, t) + b.intervalMs;
        until.set(b.key, t + after);
        if (after > b.windowMs + SLACK_MS) {
          until.set(blockKeys[i]!, t + blockMs);
          blocksMs[i] = blockMs;
        }
        return after;
      });
      return { blocksMs, backlogMs };
    },
    close: () => clearInterval(sweep),
  };
}

export function createDbThrottleStore(db: Db, onSweepError: (e: unknown) => void): ThrottleStore {
  // Expired rows mean what no row means; they are kept a while so a row is never swept between being created
  // and being locked by the same call.
  const sweep = setInterval(() => {
    db.query(sql`DELETE FROM throttle_state WHERE until < clock_timestamp() - interval '5 minutes'`).catch(onSweepError);
  }, SWEEP_MS);
  sweep.unref();
  const columns = (buckets: Bucket[]) => ({
    keys: buckets.map((b) => b.key), steps: buckets.map((b) => b.intervalMs), windows: buckets.map((b) => b.windowMs),
  });
  return {
    kind: 'database',
    async take(buckets, blockKeys) {
      const { keys, steps, windows } = columns(buckets);
      const row = (await one<{ blocked_ms: number | null; allowed: boolean; backlog_ms: number[] | null }>(db, sql`
        SELECT * FROM throttle_take(${keys}::text[], ${steps}::float8[], ${windows}::float8[], ${blockKeys}::text[])`))!;
      if (row.blocked_ms !== null) return { blockedMs: row.blocked_ms };
      return { blockedMs: null, allowed: row.allowed, backlogMs: (row.backlog_ms ?? []).map((b) => b ?? 0) };
    },
    async fail(buckets, blockKeys, blockMs) {
      const { keys, steps, windows } = columns(buckets);
      const row = (await one<{ blocks_ms: number[]; backlog_ms: number[] | null }>(db, sql`
        SELECT * FROM throttle_fail(${keys}::text[], ${steps}::float8[], ${windows}::float8[], ${blockKeys}::text[], ${blockMs}::float8)`))!;
      return { blocksMs: row.blocks_ms, backlogMs: row.backlog_ms };
    },
    close: () => clearInterval(sweep),
  };
}

// Redis's own clock, so nodes on different hosts agree. KEYS: the block keys, then the buckets;
// ARGV: the number of block keys, then each bucket's interval and window (ms).
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local nb = tonumber(ARGV[1])
local blocked = 0
for i = 1, nb do
  local ttl = redis.call('PTTL', KEYS[i])
  if ttl > blocked then blocked = ttl end
end
if blocked > 0 then return {'blocked', tostring(blocked)} end
local n = #KEYS - nb
local backlog = {}
local ok = true
for i = 1, n do
  local b = tonumber(redis.call('GET', KEYS[nb + i]) or now) - now
  if b < 0 then b = 0 end
  backlog[i] = b
  if b + tonumber(ARGV[2 * i]) > tonumber(ARGV[2 * i + 1]) + ${SLACK_MS} then ok = false end
end
local out = {ok and 'allowed' or 'refused'}
for i = 1, n do
  if ok then
    local after = backlog[i] + tonumber(ARGV[2 * i])
    redis.call('SET', KEYS[nb + i], tostring(now + after), 'PX', math.ceil(after) + 1000)
  end
  out[i + 1] = tostring(backlog[i])
end
return out`;

// KEYS: the failure buckets, then their block keys in the same order; ARGV: the block's length, then each
// bucket's interval and window (ms). Returns the verdict, each block's remaining ms, then each bucket's backlog.
const FAIL_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local n = #KEYS / 2
local out = {'counted'}
for i = 1, n do
  local ttl = redis.call('PTTL', KEYS[n + i])
  if ttl > 0 then out[1] = 'blocked' else ttl = 0 end
  out[i + 1] = tostring(ttl)
end
if out[1] == 'blocked' then return out end
for i = 1, n do
  local b = tonumber(redis.call('GET', KEYS[i]) or now) - now
  if b < 0 then b = 0 end
  b = b + tonumber(ARGV[2 * i])
  redis.call('SET', KEYS[i], tostring(now + b), 'PX', math.ceil(b) + 1000)
  if b > tonumber(ARGV[2 * i + 1]) + ${SLACK_MS} then
    redis.call('SET', KEYS[n + i], '1', 'PX', math.ceil(tonumber(ARGV[1])))
    out[i + 1] = ARGV[1]
  end
  out[n + i + 1] = tostring(b)
end
return out`;

type ThrottleCommands = {
  xpThrottleTake(numKeys: number, ...args: (string | number)[]): Promise<string[]>;
  xpThrottleFail(numKeys: number, ...args: (string | number)[]): Promise<string[]>;
};

export function createRedisThrottleStore(redis: Redis, prefix: string): ThrottleStore {
  redis.defineCommand('xpThrottleTake', { lua: TAKE_SCRIPT });
  redis.defineCommand('xpThrottleFail', { lua: FAIL_SCRIPT });
  const commands = redis as unknown as ThrottleCommands;
  const args = (buckets: Bucket[]) => buckets.flatMap((b) => [b.intervalMs, b.windowMs]);
  return {
    kind: 'redis',
    async take(buckets, blockKeys) {
      const keys = [...blockKeys, ...buckets.map((b) => b.key)].map((k) => prefix + k);
      const [verdict, ...rest] = await commands.xpThrottleTake(keys.length, ...keys, blockKeys.length, ...args(buckets));
      if (verdict === 'blocked') return { blockedMs: Number(rest[0]) };
      return { blockedMs: null, allowed: verdict === 'allowed', backlogMs: rest.map(Number) };
    },
    async fail(buckets, blockKeys, blockMs) {
      const keys = [...buckets.map((b) => b.key), ...blockKeys].map((k) => prefix + k);
      const [verdict, ...rest] = await commands.xpThrottleFail(keys.length, ...keys, blockMs, ...args(buckets));
      const blocksMs = rest.slice(0, buckets.length).map(Number);
      return { blocksMs, backlogMs: verdict === 'blocked' ? null : rest.slice(buckets.length).map(Number) };
    },
    close: () => undefined,
  };
}
