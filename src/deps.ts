import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './db/db.ts';
import type { Sealer } from './lib/secrets.ts';
import type { Queue } from './queue/queue.ts';
import type { CloudApiClient } from './whatsapp/client.ts';

/** Everything a use case may touch, built once by main.ts (or the test harness) and passed down. */
export type Deps = {
  config: Config;
  db: Db;
  log: Logger;
  sealer: Sealer;
  queue: Queue;
  cloudApi: CloudApiClient;
  clock: { now(): Date };
  /** Nudges the local dispatcher so a just-accepted message does not wait for the next poll. */
  wakeDispatcher(): void;
  /** Nudges the local webhook ingester after a delivery is stored. */
  wakeIngester(): void;
  /** Nudges the local contact importer after an upload is queued. */
  wakeImporter(): void;
};
