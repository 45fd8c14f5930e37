import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { sql } from '../../src/db/sql.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { startPlatform } from '../../src/platform.ts';
import { createUser } from '../../src/tenancy/create-organization.ts';
import { cliDatabase, type CliDatabase } from '../helpers/cli.ts';

let cli: CliDatabase;
beforeAll(async () => { cli = await cliDatabase(); });
afterAll(async () => cli?.drop());

// The real CLI, as an operator runs it, then the real API on the same database (decision 0023).
const xpecto = (...args: string[]) => cli.xpecto(...args);

/**
 * The operator queue as the API answers it with `key`. The API runs only between CLI runs: PGlite admits one
 * process at a time, and the CLI is one.
 */
async function casesWith(key: string) {
  const sink = new Writable({ write(_chunk, _enc, done) { done(); } });
  const config = readConfig({ ...cli.env, NODE_ENV: 'test', PORT: '0', ENFORCEMENT: 'off' });
  const platform = await startPlatform(config, createLogger('warn', sink), { api: true, worker: false }, 'http://127.0.0.1:9');
  try {
    const res = await fetch(`${platform.url}/v1/operator/cases`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: await res.json() as { data?: unknown[]; error?: { message: string } } };
  } finally {
    await platform.stop();
  }
}

describe('xpecto operator keys', () => {
  it('prints a new xp_op_ key once; it opens /v1/operator/cases until revoked', async () => {
    expect((await xpecto('admin', 'create', '--email', 'ops@xpecto.test')).code).toBe(0);

    const created = await xpecto('operator', 'keys', 'create', '--email', 'OPS@xpecto.test', '--name', 'laptop');
    expect(created.code, created.stderr).toBe(0);
    const secrets = created.stdout.match(/xp_op_[0-9A-Za-z]{43}/g) ?? [];
    expect(secrets).toHaveLength(1);
    const secret = secrets[0]!;
    expect(created.stdout).toContain(`Operator API key: ${secret}`);
    expect(created.stdout).toContain('not shown again');
    const [keyId, userId, hint] = created.stdout.split('\n')[0]!.split('\t');
    expect(keyId).toMatch(/^opk_[0-9a-z]{26}$/);
    expect(hint).toBe(`xp_op_…${secret.slice(-4)}`);

    // Only the hash is kept; the creation is in the operator chain, without the key.
    await cli.withDb(async (db) => {
      const [row] = await db.query<{ user_id: string; name: string; key_hash: string }>(sql`SELECT user_id, name, key_hash FROM operator_api_keys WHERE id = ${keyId}`);
      expect(row).toMatchObject({ user_id: userId, name: 'laptop' });
      expect(row!.key_hash).not.toContain(secret);
      const audit = await db.query<{ actor: string; subject: string; detail: Record<string, unknown> }>(sql`
        SELECT actor, subject, detail FROM audit_log WHERE chain = 'operator' AND action = 'api_key.created'`);
      expect(audit).toEqual([{ actor: 'cli', subject: keyId, detail: { kind: 'operator', operator_id: userId, name: 'laptop', hint } }]);
      expect(JSON.stringify(audit)).not.toContain(secret);
    });

    const open = await casesWith(secret);
    expect(open.status).toBe(200);
    expect(open.body.data).toEqual([]);

    const revoked = await xpecto('operator', 'keys', 'revoke', '--id', keyId!);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain(`${keyId} revoked`);
    expect((await casesWith(secret)).status).toBe(401);

    expect((await xpecto('audit', 'verify', '--operator')).code).toBe(0);
    await cli.withDb(async (db) => {
      const actions = await db.query<{ action: string; subject: string }>(sql`
        SELECT action, subject FROM audit_log WHERE chain = 'operator' AND action LIKE 'api_key.%' ORDER BY seq`);
      expect(actions).toEqual([{ action: 'api_key.created', subject: keyId }, { action: 'api_key.revoked', subject: keyId }]);
    });
  });

  it('refuses an unknown email, a user who is not an operator, a missing argument, an unknown subcommand or an unknown key, with a message', async () => {
    await cli.withDb((db) => createUser(db, { email: 'dev@tenant.test', password: 'correct horse battery' }));

    const unknown = await xpecto('operator', 'keys', 'create', '--email', 'nobody@xpecto.test');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No user "nobody@xpecto.test"');
    expect(unknown.stdout).not.toContain('xp_op_');

    const notOperator = await xpecto('operator', 'keys', 'create', '--email', 'dev@tenant.test');
    expect(notOperator.code).toBe(1);
    expect(notOperator.stderr).toContain('"dev@tenant.test" is not a platform operator');
    expect(notOperator.stdout).not.toContain('xp_op_');

    const missing = await xpecto('operator', 'keys', 'create');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--email is required');

    // An unknown subcommand, or none, exits 2 with the group's usage, not in silence.
    for (const args of [['operator', 'keys'], ['operator', 'keys', 'rotate', '--all']]) {
      const usage = await xpecto(...args);
      expect(usage.code, args.join(' ')).toBe(2);
      expect(usage.stderr.split('\n').filter(Boolean)).toEqual([
        'usage: xpecto <command>', expect.stringMatching(/^ {2}operator keys create --email/), expect.stringMatching(/^ {2}operator keys revoke --id/),
      ]);
    }

    const noSuchKey = await xpecto('operator', 'keys', 'revoke', '--id', 'opk_00000000000000000000000000');
    expect(noSuchKey.code).toBe(1);
    expect(noSuchKey.stderr).toContain('No such operator key');

    // Nothing was created by the refusals.
    await cli.withDb(async (db) => {
      expect(await db.query(sql`SELECT id FROM operator_api_keys WHERE user_id IN (SELECT id FROM users WHERE email = 'dev@tenant.test')`)).toEqual([]);
    });
  });
});
