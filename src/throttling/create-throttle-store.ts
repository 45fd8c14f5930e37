import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { createDbThrottleStore, createMemoryThrottleStore, createRedisThrottleStore, type ThrottleStore } from './store.ts';

/**
 * Budgets live where every API process can see them: Redis when there is one, else PostgreSQL. PGlite is one
 * process by construction, so its budgets stay in that process and cost no statement on the request's path.
 */
export function createThrottleStore(config: Config, db: Db, redis: Redis | null, log: Logger): ThrottleStore {
  const wanted = config.throttling.store;
  if ((wanted === 'auto' || wanted === 'redis') && redis) return createRedisThrottleStore(redis, `${config.throttling.namespace}:throttle:`);
  if (wanted === 'database' || (wanted === 'auto' && db.kind === 'postgres')) {
    return createDbThrottleStore(db, (err) => log.warn({ err }, 'could not sweep expired throttle state'));
  }
  return createMemoryThrottleStore();
}
