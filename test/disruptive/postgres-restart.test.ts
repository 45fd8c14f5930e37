import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';
import { customer, helloWorld } from '../helpers/dispatch-helpers.ts';

const run = promisify(execFile);
let t: TestPlatform | undefined;

// The machine's own PostgreSQL, stopped and started as its service scripts do.
async function postgres(action: 'stop' | 'start') {
  const [version] = await readdir('/etc/postgresql');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version!, 'main', action, ...(action === 'stop' ? ['-m', 'fast'] : [])]);
}

afterAll(async () => {
  await postgres('start').catch(() => undefined); // never leave the machine without its database
  await t?.close();
});

describe.runIf(process.env['DATABASE_URL'])('PostgreSQL restarted mid-run', () => {
  it('the API answers 503 meanwhile, recovers by itself, and nothing accepted is lost', async () => {
    t = await startTestPlatform();
    const platform = t;
    const tenant = await platform.createTenant('Restart');
    const accepted: string[] = [];
    const refusals: { status: number; code: string; retryAfter: string | null }[] = [];
    let running = true;
    let i = 0;
    const load = (async () => {
      while (running) {
        const r = await platform.api('POST', '/v1/messages', { key: tenant.apiKey, body: helloWorld(customer(i++)) });
        if (r.status === 202) accepted.push(r.body.id);
        else refusals.push({ status: r.status, code: r.body?.error?.code, retryAfter: r.headers.get('retry-after') });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    await platform.waitFor('sends accepted before the outage', async () => accepted.length >= 20);
    await postgres('stop');
    await platform.waitFor('the API refusing with 503', async () => refusals.length >= 5);
    expect((await platform.api('GET', '/readyz')).status).toBe(503);
    await postgres('start');
    const before = accepted.length;
    await platform.waitFor('the API accepting again by itself', async () => accepted.length >= before + 20, 60_000);
    running = false;
    await load;

    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r).toEqual({ status: 503, code: 'service_unavailable', retryAfter: '5' });
    await platform.waitFor('every accepted message read', async () => {
      const rows = await platform.platform.deps.db.query<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM messages WHERE org_id = ${tenant.orgId} AND status = 'read'`);
      return rows[0]!.n === accepted.length;
    }, 90_000);
    const stored = await platform.platform.deps.db.query<{ id: string }>(sql`SELECT id FROM messages WHERE org_id = ${tenant.orgId}`);
    expect(new Set(stored.map((r) => r.id))).toEqual(new Set(accepted));
  }, 180_000);
});
