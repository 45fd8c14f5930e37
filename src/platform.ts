import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { connectDb } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import type { Deps } from './deps.ts';
import type { ReadinessCheck } from './http/health-routes.ts';
import { createSealer, generateMasterKey } from './lib/secrets.ts';
import { startDispatcher, type Dispatcher } from './messaging/dispatch.ts';
import { startStandingEvaluator } from './enforcement/evaluate-standing.ts';
import type { PollLoop } from './lib/poll-loop.ts';
import { startImporter, type Importer } from './contacts/import/importer.ts';
import { startIngester, type Ingester } from './messaging/ingest.ts';
import { createDbRateLimiter, createRedisRateLimiter } from './messaging/rate-limiter.ts';
import { allJobs } from './queue/jobs.ts';
import { createThrottleStore } from './throttling/create-throttle-store.ts';
import { createQueue, startQueue } from './queue/queue.ts';
import { startWebhookDeliverer, type WebhookDeliverer } from './webhooks/deliverer.ts';
import { createCloudApiClient } from './whatsapp/client.ts';

export type Roles = { api: boolean; worker: boolean };

export type Platform = {
  deps: Deps;
  app: FastifyInstance | null;
  /** Where the API listens, once started with the api role. */
  url: string | null;
  /** Stops taking work: the dispatcher finishes its send in flight and releases the rest; job workers drain. */
  stopWorkers(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * Builds the dependencies once and starts the requested roles. Stopping reverses it: the API stops
 * taking requests, in-flight work finishes (claimed messages are sent or released), then connections close.
 */
export async function startPlatform(config: Config, log: Logger, roles: Roles, graphBaseUrl: string): Promise<Platform> {
  const db = await connectDb(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') });
  await migrate(db);
  const queue = createQueue(db, config.databaseUrl, log);
  // Auto-pipelining: the commands issued in one turn of the event loop (each request's budget, say) go to Redis in
  // one write and come back in one read, instead of a round trip each (decision 0029).
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true }) : null;
  if (redis) await redis.connect();

  let dispatcher: Dispatcher | null = null;
  let ingester: Ingester | null = null;
  let deliverer: WebhookDeliverer | null = null;
  let importer: Importer | null = null;
  let standing: PollLoop | null = null;
  const deps: Deps = {
    config,
    db,
    log,
    sealer: createSealer(config.masterKey ?? (await devMasterKey(config, log))),
    queue,
    cloudApi: createCloudApiClient({ baseUrl: graphBaseUrl, apiVersion: config.graph.apiVersion, timeoutMs: config.graph.timeoutMs }),
    clock: { now: () => new Date() },
    wakeDispatcher: () => dispatcher?.wake(),
    wakeIngester: () => ingester?.wake(),
    wakeImporter: () => importer?.wake(),
  };

  await startQueue(queue, deps, allJobs, { work: roles.worker, log });
  if (roles.worker) {
    // Several workers share each number's rate: through Redis when there is one, else through the database.
    dispatcher = startDispatcher(deps, redis ? createRedisRateLimiter(redis) : createDbRateLimiter(db));
    ingester = startIngester(deps);
    deliverer = startWebhookDeliverer(deps);
    importer = startImporter(deps);
    // AUP 4: every organization's standing, evaluated every ENFORCEMENT_INTERVAL_MS (decision 0022).
    if (config.enforcement.enabled) standing = startStandingEvaluator(deps);
  }

  let app: FastifyInstance | null = null;
  let url: string | null = null;
  if (roles.api) {
    const readiness: ReadinessCheck[] = redis ? [{ name: 'redis', check: async () => { await redis.ping(); } }] : [];
    app = await buildApp(deps, { readiness, throttleStore: createThrottleStore(config, db, redis, log) });
    url = await app.listen({ port: config.port, host: config.host });
  }

  let workersStopped = false;
  const stopWorkers = async () => {
    if (workersStopped) return;
    workersStopped = true;
    await dispatcher?.stop();
    await ingester?.stop();
    await deliverer?.stop();
    await importer?.stop();
    await standing?.stop();
    if (roles.worker) for (const job of allJobs) await queue.boss.offWork(job.name, { wait: true });
  };
  return {
    deps,
    app,
    url,
    stopWorkers,
    async stop() {
      await app?.close();
      await stopWorkers();
      await queue.boss.stop({ graceful: true, timeout: 10_000, close: true });
      redis?.disconnect();
      await db.close();
    },
  };
}

/**
 * Without MASTER_KEY (development only; production refuses to start), a key is made once and kept
 * beside the data it protects. Losing it makes the stored WhatsApp credentials unreadable.
 */
async function devMasterKey(config: Config, log: Logger): Promise<string> {
  const file = join(config.dataDir, 'master.key');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    await mkdir(config.dataDir, { recursive: true });
    const key = generateMasterKey();
    await writeFile(file, key + '\n', { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    log.warn({ file }, 'MASTER_KEY not set: using a development master key kept in the data directory');
    return (await readFile(file, 'utf8')).trim();
  }
}
