import type { Deps } from '../deps.ts';
import { messagingJobs } from '../messaging/jobs.ts';
import type { JobDefinition } from './queue.ts';

/** Every background job of the platform, in one list. */
export const allJobs: JobDefinition<Deps, any>[] = [...messagingJobs];
