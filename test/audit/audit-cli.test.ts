import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { cliDatabase, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
beforeAll(async () => { cli = await cliDatabase(); });
afterAll(async () => cli?.drop());

// The real CLI, as an operator or an auditor's cron job runs it.
const xpecto = (...args: string[]) => cli.xpecto(...args);
const withDb: CliDatabase['withDb'] = (fn) => cli.withDb(fn);

describe('xpecto audit', () => {
  it('verifies an organization\'s chain, prints its head, and exits 3 once an entry was altered', async () => {
    const org = await xpecto('org', 'create', '--name', 'Audit Ltd', '--slug', 'audit-ltd');
    expect(org.code).toBe(0);
    const orgId = org.stdout.split('\t')[0]!;
    const created = await xpecto('keys', 'create', '--org', 'audit-ltd', '--name', 'backend');
    const keyId = created.stdout.split('\t')[0]!;
    expect((await xpecto('keys', 'revoke', '--org', 'audit-ltd', '--id', keyId)).code).toBe(0);

    const ok = await xpecto('audit', 'verify', '--org', 'audit-ltd');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, chain: orgId, entries: 4, head: { seq: '4' }, broken: null });

    const head = await xpecto('audit', 'head', '--org', orgId);
    expect(head.code).toBe(0);
    const [chain, seq, hash] = head.stdout.trim().split('\t');
    expect([chain, seq]).toEqual([orgId, '4']);
    expect(hash).toBe(JSON.parse(ok.stdout).head.hash);
    expect((await xpecto('audit', 'verify', '--org', 'audit-ltd', '--seq', seq!, '--hash', hash!)).code).toBe(0);

    const entries = await withDb((conn) => conn.query<{ action: string; actor: string; subject: string }>(sql`
      SELECT action, actor, subject FROM audit_log WHERE chain = ${orgId} ORDER BY audit_log.seq`));
    expect(entries).toEqual([
      { action: 'organization.created', actor: 'cli', subject: orgId },
      { action: 'policy.accepted', actor: 'cli', subject: 'policy:v1' },
      { action: 'api_key.created', actor: 'cli', subject: keyId },
      { action: 'api_key.revoked', actor: 'cli', subject: keyId },
    ]);

    await withDb((conn) => conn.transaction(async (tx) => {
      await tx.query(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await tx.query(sql`UPDATE audit_log SET subject = 'key_someone_else' WHERE chain = ${orgId} AND seq = 4`);
      await tx.query(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    }));
    const bad = await xpecto('audit', 'verify', '--org', 'audit-ltd');
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout).broken).toEqual({ seq: '4', reason: 'its content does not match its hash' });
    expect(bad.stderr).toContain('audit log broken at entry 4: its content does not match its hash');
  }, 180_000);

  it('verifies the operator chain, and refuses half an anchor', async () => {
    expect((await xpecto('admin', 'create', '--email', 'auditor@xpecto.test')).code).toBe(0);
    const ok = await xpecto('audit', 'verify', '--operator');
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, chain: 'operator', entries: 1 });
    const head = await xpecto('audit', 'head', '--operator');
    expect(head.stdout).toMatch(/^operator\t1\t[0-9a-f]{64}\n$/);

    await withDb((conn) => conn.transaction(async (tx) => {
      await tx.query(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await tx.query(sql`DELETE FROM audit_log WHERE chain = 'operator'`);
      await tx.query(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    }));
    const bad = await xpecto('audit', 'verify', '--operator');
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('audit log broken at entry 1: the chain ends at entry 0, before its recorded head');
    expect((await xpecto('audit', 'verify', '--operator', '--seq', '1')).code).toBe(1);
  }, 180_000);
});
