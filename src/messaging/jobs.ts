import type { Deps } from '../deps.ts';
import { sql } from '../db/sql.ts';
import type { JobDefinition } from '../queue/queue.ts';

export const MESSAGING_MAINTENANCE_JOB = 'messaging-maintenance';

// Processed deliveries from Meta are kept this long for investigation and replay, then removed.
const WEBHOOK_EVENT_RETENTION_DAYS = 30;

/** Housekeeping, every 10 minutes: expired pair-rate holds and old processed Meta deliveries. */
export async function messagingMaintenance(deps: Deps): Promise<void> {
  await deps.db.query(sql`DELETE FROM recipient_pacing WHERE next_allowed_at < now() - interval '1 hour'`);
  await deps.db.query(sql`
    DELETE FROM whatsapp_webhook_events
    WHERE processed_at IS NOT NULL AND processed_at < now() - make_interval(days => ${WEBHOOK_EVENT_RETENTION_DAYS})`);
}

export const messagingJobs: JobDefinition<Deps, any>[] = [
  {
    name: MESSAGING_MAINTENANCE_JOB,
    cron: '*/10 * * * *',
    retryLimit: 3,
    retryDelaySeconds: 60,
    retryBackoff: true,
    handle: (deps) => messagingMaintenance(deps),
  },
];
