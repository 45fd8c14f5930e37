import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDb } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createQueue } from '../../src/queue/queue.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { buildWebIfStale } from '../../src/http/build-web.ts';

export const TEMPLATE_DATABASE = 'xpecto_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
  }
}

/**
 * Migrates one template database (and creates the job queue's schema in it) before any test runs;
 * each test file then starts from a copy instead of paying for initdb and migrations again.
 */
export default async function setup(project: TestProject) {
  // The browser journeys (test/web/) drive the dashboard as built from the current source.
  await buildWebIfStale();
  const databaseUrl = process.env['DATABASE_URL'];
  const log = createLogger('warn');
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = withDatabase(databaseUrl, TEMPLATE_DATABASE);
    const db = await connectDb({ databaseUrl: url });
    await migrate(db);
    const queue = createQueue(db, url, log);
    await queue.boss.start();
    await queue.boss.stop({ graceful: false, close: true });
    await db.close();
    project.provide('pgliteTemplateDir', '');
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'xpecto-template-'));
  const db = await connectDb({ dataDir: join(dir, 'pglite') });
  await migrate(db);
  const queue = createQueue(db, undefined, log);
  await queue.boss.start();
  await queue.boss.stop({ graceful: false, close: false });
  await db.close();
  project.provide('pgliteTemplateDir', join(dir, 'pglite'));
  return async () => rm(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
