import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDb } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/db.ts';
import { sql } from '../../src/db/sql.ts';
import { createSealer } from '../../src/lib/secrets.ts';
import { issueChallenge, POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { fileReport } from '../../src/reports/file-report.ts';
import { createOrganization } from '../../src/tenancy/create-organization.ts';
import { freshDatabase } from '../helpers/test-platform.ts';

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof freshDatabase>>;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  database = await freshDatabase();
  env = { PATH: process.env['PATH'], ...database.env, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn', PUBLIC_URL: 'https://xpecto.example' };
});
afterAll(async () => database?.drop());

// The real CLI, as an operator runs it. Each run opens and migrates the database: slow on PGlite.
async function xpecto(...args: string[]) {
  try {
    const { stdout, stderr } = await run('bin/xpecto', args, { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await connectDb(env['DATABASE_URL'] ? { databaseUrl: env['DATABASE_URL'] } : { dataDir: join(env['DATA_DIR']!, 'pglite') });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('xpecto reports', () => {
  it('lists reports, records an outcome once, queues the reporter\'s outcome email and the audit entry', async () => {
    const reference = await withDb(async (db) => {
      await createOrganization(db, { name: 'Someone Else Ltd' });
      const sealer = createSealer(env['MASTER_KEY']!);
      const { challenge } = issueChallenge(sealer, new Date());
      const filed = await fileReport({ db, sealer, clock: { now: () => new Date() } }, {
        fields: { reporter_email: 'jane@example.org', reported_business: 'Spammy Shop', category: 'spam', description: 'Daily offers, never asked.', pow_challenge: challenge, pow_counter: solveChallenge(challenge, POW_BITS) },
        files: [], ip: '203.0.113.9', source: 'api', statusUrl: (r) => `https://xpecto.example/report/${r}`,
      });
      return filed.reference;
    });

    const list = await xpecto('reports', 'list', '--status', 'received');
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(reference);
    expect(list.stdout).toContain('Spammy Shop');

    const decided = await xpecto('reports', 'outcome', '--ref', reference.toLowerCase(), '--outcome', 'We suspended the sender for sending without consent.');
    expect(decided.code, decided.stderr).toBe(0);
    expect(decided.stdout).toContain(`${reference}\tclosed\treporter emailed`);
    expect((await xpecto('reports', 'outcome', '--ref', reference, '--outcome', 'Again')).stderr).toContain('already has an outcome');
    expect((await xpecto('reports', 'outcome', '--ref', 'RPT-0000-0000-0000-0000', '--outcome', 'x')).code).toBe(1);

    await withDb(async (db) => {
      const [report] = await db.query<{ status: string; outcome: string; outcome_by: string }>(sql`SELECT status, outcome, outcome_by FROM violation_reports WHERE reference = ${reference}`);
      expect(report).toEqual({ status: 'closed', outcome: 'We suspended the sender for sending without consent.', outcome_by: 'cli' });
      const emails = await db.query<{ to_address: string; subject: string; body: string }>(sql`SELECT to_address, subject, body FROM email_outbox WHERE kind = 'report.outcome'`);
      expect(emails).toHaveLength(1);
      expect(emails[0]).toMatchObject({ to_address: 'jane@example.org', subject: `Outcome of your report ${reference}` });
      expect(emails[0]!.body).toContain('We suspended the sender for sending without consent.');
      expect(emails[0]!.body).toContain(`https://xpecto.example/report/${reference}`);
      const audit = await db.query<{ actor: string; detail: Record<string, unknown> }>(sql`SELECT actor, detail FROM audit_log WHERE org_id IS NULL AND action = 'report.outcome_recorded'`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'cli', detail: { outcome: 'We suspended the sender for sending without consent.', reporter_notified: true } });
    });
    const closed = await xpecto('reports', 'list', '--status', 'closed');
    expect(closed.stdout).toContain(`${reference}\t`);
    expect((await xpecto('audit', 'verify', '--operator')).code).toBe(0);
  });
});
