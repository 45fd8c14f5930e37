import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { API_KEY_CACHE_TTL_MS } from '../../src/tenancy/api-key-cache.ts';
import { createApiKey, revokeApiKey } from '../../src/tenancy/api-keys.ts';
import { killAll, runXpecto, startXpecto } from '../helpers/processes.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// API processes cache authenticated keys (src/tenancy/api-key-cache.ts). A revocation or a suspension reaches every
// process through a database notification (migration 0009): within milliseconds, asynchronously on PostgreSQL. So
// the checks poll, but only for half the cache's TTL: a refusal inside that bound came from the notification, since
// each key was used (and so cached) just before the change and its cache entry had not yet expired.
const NOTIFIED_WITHIN_MS = API_KEY_CACHE_TTL_MS / 2;

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  tenant = await t.createTenant('Revocation');
});
afterAll(async () => {
  killAll();
  await t?.close();
});

async function statusOf(base: string, key: string): Promise<{ status: number; code?: string }> {
  const res = await fetch(`${base}/v1/messages`, { headers: { authorization: `Bearer ${key}` } });
  const body = (await res.json()) as { error?: { code: string } };
  return { status: res.status, ...(body.error ? { code: body.error.code } : {}) };
}

async function answersWithin(base: string, key: string, status: number): Promise<void> {
  await t.waitFor(`${status} from ${base}`, async () => (await statusOf(base, key)).status === status, NOTIFIED_WITHIN_MS);
}

describe('a cached API key, revoked or suspended', () => {
  it('is refused by the same platform once revoked (PGlite: at the next request)', async () => {
    const { key, secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'same platform', mode: 'test' });
    expect((await statusOf(t.url, secret)).status).toBe(200);
    expect((await statusOf(t.url, secret)).status).toBe(200); // served from the cache
    await revokeApiKey(t.platform.deps.db, tenant.orgId, key.id);
    // PGlite runs the notification's listener before the revoking statement returns: nothing to wait for.
    if (t.platform.deps.db.kind === 'pglite') expect((await statusOf(t.url, secret)).status).toBe(401);
    else await answersWithin(t.url, secret, 401);
  });

  // Several processes need a database they can all open: PostgreSQL.
  describe.runIf(process.env['DATABASE_URL'])('across processes', () => {
    let base: string;
    let env: NodeJS.ProcessEnv;

    beforeAll(async () => {
      env = { DATABASE_URL: t.platform.deps.config.databaseUrl!, DATA_DIR: t.platform.deps.config.dataDir, PORT: '0', MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'info' };
      const api = startXpecto(['api'], env);
      base = `http://127.0.0.1:${(await api.waitFor(/"url":"http:\/\/127\.0\.0\.1:(\d+)"[^\n]*xpecto started/))[1]}`;
    });

    it('a key revoked with the CLI (a third process) is refused by another api process', async () => {
      const { key, secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'cli revoke', mode: 'live' });
      expect((await statusOf(base, secret)).status).toBe(200);
      expect((await statusOf(t.url, secret)).status).toBe(200);
      expect(await runXpecto(['keys', 'revoke', '--org', tenant.orgId, '--id', key.id], env)).toContain('revoked');
      await answersWithin(base, secret, 401);
      await answersWithin(t.url, secret, 401);
    });

    it('every key of an organization suspended by an operator\'s SQL is refused, and accepted again once reinstated', async () => {
      const other = await t.createTenant('Suspended elsewhere');
      expect((await statusOf(base, other.apiKey)).status).toBe(200);
      await t.platform.deps.db.query(sql`UPDATE organizations SET status = 'suspended' WHERE id = ${other.orgId}`);
      await answersWithin(base, other.apiKey, 403);
      expect(await statusOf(base, other.apiKey)).toEqual({ status: 403, code: 'account_suspended' });
      await t.platform.deps.db.query(sql`UPDATE organizations SET status = 'active' WHERE id = ${other.orgId}`);
      await answersWithin(base, other.apiKey, 200);
    });

    it('after losing its notification connection, an api process listens again before it caches again', async () => {
      const listeners = () => t.platform.deps.db.query<{ pid: number }>(sql`
        SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN api_key_changes'`);
      const before = (await listeners()).map((r) => r.pid);
      expect(before.length).toBeGreaterThanOrEqual(2); // the test platform's and the api process's
      for (const pid of before) await t.platform.deps.db.query(sql`SELECT pg_terminate_backend(${pid})`);
      await t.waitFor('both listening again', async () => (await listeners()).filter((r) => !before.includes(r.pid)).length >= 2);
      const { key, secret } = await createApiKey(t.platform.deps.db, tenant.orgId, { name: 'after reconnect', mode: 'test' });
      expect((await statusOf(base, secret)).status).toBe(200);
      await revokeApiKey(t.platform.deps.db, tenant.orgId, key.id);
      await answersWithin(base, secret, 401);
    });
  });
});
