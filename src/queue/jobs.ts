import type { Deps } from '../deps.ts';
import { idempotencyJobs } from '../http/idempotency-jobs.ts';
import { messagingJobs } from '../messaging/jobs.ts';
import { webhookJobs } from '../webhooks/jobs.ts';
import type { JobDefinition } from './queue.ts';

/** Every background job of the platform, in one list. */
export const allJobs: JobDefinition<Deps, any>[] = [...messagingJobs, ...idempotencyJobs, ...webhookJobs];
