import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createSealer } from '../../src/lib/secrets.ts';
import { issueChallenge, POW_BITS, solveChallenge } from '../../src/reports/challenge.ts';
import { fileReport } from '../../src/reports/file-report.ts';
import { createOrganization } from '../../src/tenancy/create-organization.ts';
import { cliDatabase, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
beforeAll(async () => { cli = await cliDatabase({ PUBLIC_URL: 'https://xpecto.example' }); });
afterAll(async () => cli?.drop());

// The real CLI, as an operator runs it.
const xpecto = (...args: string[]) => cli.xpecto(...args);
const withDb: CliDatabase['withDb'] = (fn) => cli.withDb(fn);

describe('xpecto reports', () => {
  it('lists reports, records an outcome once, queues the reporter\'s outcome email and the audit entry', async () => {
    const reference = await withDb(async (db) => {
      await createOrganization(db, { name: 'Someone Else Ltd' });
      const sealer = createSealer(cli.env['MASTER_KEY']!);
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
