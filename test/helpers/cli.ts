import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { connectDb } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/db.ts';
import { freshDatabase } from './test-platform.ts';

const run = promisify(execFile);

export type CliDatabase = {
  /** The real CLI, bin/xpecto on the project's Node 24, as an operator runs it against this database. */
  xpecto(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Direct access between CLI runs (PGlite admits one process at a time, so never during one). */
  withDb<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
  /** The environment the CLI runs with (its MASTER_KEY, its database). */
  env: NodeJS.ProcessEnv;
};

/** A fresh database and the CLI pointed at it. Each run opens and migrates the database: slow on PGlite. */
export async function cliDatabase(extraEnv: Record<string, string> = {}): Promise<CliDatabase> {
  const database = await freshDatabase();
  const env: NodeJS.ProcessEnv = { PATH: process.env['PATH'], ...database.env, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn', ...extraEnv };
  return {
    env,
    async xpecto(...args) {
      try {
        const { stdout, stderr } = await run('bin/xpecto', args, { env });
        return { code: 0, stdout, stderr };
      } catch (error) {
        const e = error as { code: number; stdout: string; stderr: string };
        return { code: e.code, stdout: e.stdout, stderr: e.stderr };
      }
    },
    async withDb(fn) {
      const db = await connectDb(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: join(env['DATA_DIR']!, 'pglite') });
      try {
        return await fn(db);
      } finally {
        await db.close();
      }
    },
    drop: () => database.drop(),
  };
}
