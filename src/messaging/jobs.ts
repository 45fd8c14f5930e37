import type { Deps } from '../deps.ts';
import type { JobDefinition } from '../queue/queue.ts';
import { processWebhookEvent } from './process-webhook.ts';

export const PROCESS_WEBHOOK_JOB = 'whatsapp-webhook-process';

export const messagingJobs: JobDefinition<Deps, any>[] = [
  {
    name: PROCESS_WEBHOOK_JOB,
    // A status can overtake the send response that tells us its wamid: retrying soon resolves that.
    retryLimit: 12,
    retryDelaySeconds: 1,
    retryBackoff: true,
    batchSize: 20,
    handle: (deps, data: { eventId: string }) => processWebhookEvent(deps, data.eventId),
  },
];
