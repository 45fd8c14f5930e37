import { PgBoss, fromPglite, type Db as IDatabase } from 'pg-boss';
import type { Logger } from 'pino';
import type { Db } from '../db/db.ts';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A job is data: a name, a payload of ids, a retry policy and an idempotent handler.
 * Capabilities declare their jobs next to their code; queue/jobs.ts lists them all.
 */
export type JobDefinition<Deps, Data extends object> = {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  batchSize?: number;
  /** Run on this schedule (cron, UTC) as well as whenever sent. */
  cron?: string;
  handle(deps: Deps, data: Data): Promise<void>;
};

export type Queue = {
  boss: PgBoss;
  /** Enqueues inside the caller's transaction, so the job exists exactly when the data it names does. */
  send(tx: Db, name: string, data: object, options?: { startAfterSeconds?: number }): Promise<void>;
};

export function createQueue(db: Db & { pglite?: PGlite }, databaseUrl: string | undefined, log: Logger): Queue {
  const boss = databaseUrl
    ? new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss' })
    : new PgBoss({ db: fromPglite(db.pglite as PGlite) as IDatabase, backend: 'pglite', schema: 'pgboss' });
  boss.on('error', (error: Error) => log.error({ err: error }, 'job queue error'));
  return {
    boss,
    async send(tx, name, data, options = {}) {
      // pg-boss's default connection cannot see (or, on PGlite, would wait behind) the open transaction.
      const inTx: IDatabase = { executeSql: async (text, values) => tx.queryRaw(text, values ?? []) };
      await boss.send(name, data, {
        db: inTx,
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
  };
}

export async function startQueue<Deps>(
  queue: Queue,
  deps: Deps,
  jobs: JobDefinition<Deps, any>[],
  options: { work: boolean; log: Logger },
): Promise<void> {
  await queue.boss.start();
  for (const job of jobs) {
    await queue.boss.createQueue(job.name, {
      retryLimit: job.retryLimit,
      retryDelay: job.retryDelaySeconds,
      retryBackoff: job.retryBackoff,
    });
    if (job.cron) await queue.boss.schedule(job.name, job.cron);
    if (!options.work) continue;
    await queue.boss.work(job.name, { batchSize: job.batchSize ?? 10, pollingIntervalSeconds: 0.5 }, async (batch) => {
      for (const item of batch) {
        try {
          await job.handle(deps, item.data as object);
        } catch (error) {
          options.log.warn({ err: error, job: job.name, jobId: item.id }, 'job failed; it will be retried');
          // pg-boss fails the whole batch on a throw; fail just this job so its siblings complete.
          await queue.boss.fail(job.name, item.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    });
  }
}
