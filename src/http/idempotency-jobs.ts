import type { Deps } from '../deps.ts';
import type { JobDefinition } from '../queue/queue.ts';
import { deleteExpiredKeysUnscoped } from './idempotency-store.ts';

export const IDEMPOTENCY_CLEANUP_JOB = 'idempotency-cleanup';

/** Removes expired Idempotency-Key rows. Expired rows are already ignored by replay; this only frees space. */
export async function cleanUpIdempotencyKeys(deps: Deps): Promise<void> {
  const deleted = await deleteExpiredKeysUnscoped(deps.db);
  if (deleted > 0) deps.log.info({ deleted }, 'expired idempotency keys removed');
}

export const idempotencyJobs: JobDefinition<Deps, any>[] = [
  {
    name: IDEMPOTENCY_CLEANUP_JOB,
    cron: '*/10 * * * *',
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: true,
    handle: (deps) => cleanUpIdempotencyKeys(deps),
  },
];
