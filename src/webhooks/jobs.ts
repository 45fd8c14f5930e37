import type { Deps } from '../deps.ts';
import type { JobDefinition } from '../queue/queue.ts';
import { purgeEventsUnscoped } from './delivery-store.ts';

export const WEBHOOKS_RETENTION_JOB = 'webhooks-retention';

/** Events (and their deliveries and attempts) are kept for the replay window, then removed in slices. */
export async function purgeExpiredEvents(deps: Deps): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await purgeEventsUnscoped(deps.db, deps.config.webhooks.retentionDays, 5000);
    total += removed;
    if (removed < 5000) return total;
  }
}

export const webhookJobs: JobDefinition<Deps, any>[] = [
  {
    name: WEBHOOKS_RETENTION_JOB,
    cron: '23 * * * *',
    retryLimit: 3,
    retryDelaySeconds: 300,
    retryBackoff: true,
    handle: async (deps) => { await purgeExpiredEvents(deps); },
  },
];
