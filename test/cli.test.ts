import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendConsents } from '../src/contacts/consent-ledger.ts';
import { sql } from '../src/db/sql.ts';
import { cliDatabase, type CliDatabase } from './helpers/cli.ts';

let cli: CliDatabase;
beforeAll(async () => { cli = await cliDatabase(); });
afterAll(async () => cli?.drop());

// The real CLI, as an operator runs it: bin/xpecto on the project's Node 24, against its own database.
const xpecto = (...args: string[]) => cli.xpecto(...args);
const withDb: CliDatabase['withDb'] = (fn) => cli.withDb(fn);

describe('xpecto CLI', () => {
  it('migrates, creates an organization and a key, lists it, revokes it', async () => {
    expect((await xpecto('migrate')).stdout).toContain('migrations applied');
    const org = await xpecto('org', 'create', '--name', 'Acme Ltd', '--slug', 'acme');
    expect(org.code).toBe(0);
    expect(org.stdout).toMatch(/^org_[0-9a-z]{26}\tacme\tAcme Ltd/);

    const created = await xpecto('keys', 'create', '--org', 'acme', '--name', 'backend', '--mode', 'live', '--scopes', 'messages:write,messages:read');
    expect(created.code).toBe(0);
    const secret = /API key: (xp_live_\S+)/.exec(created.stdout)?.[1];
    expect(secret).toMatch(/^xp_live_[0-9A-Za-z]{43}$/);
    const keyId = created.stdout.split('\t')[0]!;

    const listed = await xpecto('keys', 'list', '--org', 'acme');
    expect(listed.stdout).toContain(keyId);
    expect(listed.stdout).toContain('active');
    expect(listed.stdout).not.toContain(secret!); // shown once, never again

    expect((await xpecto('keys', 'revoke', '--org', 'acme', '--id', keyId)).code).toBe(0);
    expect((await xpecto('keys', 'list', '--org', 'acme')).stdout).toContain('revoked');
  });

  it('creates an operator and refuses bad input with a clear message', async () => {
    const admin = await xpecto('admin', 'create', '--email', 'ops@xpecto.test');
    expect(admin.stdout).toContain('operator');
    expect(admin.stdout).toMatch(/Password: \S{12,}/);
    expect((await xpecto('admin', 'create', '--email', 'ops@xpecto.test')).stderr).toContain('exists');
    expect((await xpecto('keys', 'create', '--org', 'nope', '--name', 'x')).stderr).toContain('No organization "nope"');
    const badScope = await xpecto('keys', 'create', '--org', 'acme', '--scopes', 'messages:explode');
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toContain('Unknown scopes: messages:explode');
    const unknown = await xpecto('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('  operator keys create');
    // A known group with an unknown subcommand: that group's usage only.
    const enforcement = await xpecto('enforcement', 'lift');
    expect(enforcement.code).toBe(2);
    expect(enforcement.stderr.trim().split('\n').slice(1).map((l) => l.trim().split(' ').slice(0, 2).join(' '))).toEqual(['enforcement set', 'enforcement appeals', 'enforcement decide-appeal']);
  });

  it('verifies an organization\'s consent ledger, and exits 3 once a record was altered', async () => {
    const org = await xpecto('org', 'create', '--name', 'Ledger Ltd', '--slug', 'ledger');
    const orgId = org.stdout.split('\t')[0]!;
    // The records are appended the way the platform appends them; PGlite admits one process at a time.
    await withDb(async (db) => {
      await db.query(sql`INSERT INTO contacts (org_id, id, phone_e164) VALUES (${orgId}, 'ct_cli', '+12025550100')`);
      await appendConsents(db, orgId, [
        { contactId: 'ct_cli', purpose: 'all', state: 'opted_in', source: 'web_form', proof: { text: 'Ledger Ltd may write to me on WhatsApp' }, actor: 'user:cli' },
        { contactId: 'ct_cli', purpose: 'marketing', state: 'opted_out', source: 'keyword', proof: { text: 'STOP' }, actor: 'customer' },
      ]);
    });
    const ok = await xpecto('consent', 'verify', '--org', 'ledger');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, records: 2 });

    await withDb((db) => db.query(sql`UPDATE consent_records SET actor = 'user:someone-else' WHERE org_id = ${orgId} AND seq = 1`));
    const bad = await xpecto('consent', 'verify', '--org', 'ledger');
    expect(bad.code).toBe(3);
    expect(JSON.parse(bad.stdout).broken).toMatchObject({ seq: '1' });
    expect(bad.stderr).toContain('consent ledger broken at record 1');
  });
});
