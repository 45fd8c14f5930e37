import { randomBytes, randomInt } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { startPlatform, type Platform } from '../../src/platform.ts';
import { createApiKey } from '../../src/tenancy/api-keys.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Budgets small enough to spend in a test, and a window of an hour so that nothing comes back while it runs:
// every assertion is a count of answers, never a time. Requests carry X-Forwarded-For (trusted from loopback)
// with addresses of their own, so the address budget binds only where a test means it to; the setup's own
// requests come from 127.0.0.1. A namespace of its own keeps this file's budgets apart in a shared Redis.
const PER_IP = 40;
const ENV = {
  TRUST_PROXY: 'loopback',
  RATE_LIMIT_WINDOW_SECONDS: '3600',
  // Above what the setup sends from 127.0.0.1 (three requests per tenant created).
  RATE_LIMIT_PER_IP: '40',
  RATE_LIMIT_PLANS: JSON.stringify({ sandbox: { send: { key: 3, org: 5 }, api: { key: 4, org: 6 } } }),
  RATE_LIMIT_SIGNAL_FLUSH_MS: '100',
  RATE_LIMIT_NAMESPACE: `test-${randomBytes(6).toString('hex')}`,
  // Without Redis, budgets go to the database (migration 0014's functions), even on PGlite.
  RATE_LIMIT_STORE: process.env['REDIS_URL'] ? 'auto' : 'database',
  AUTH_FAILURE_LIMIT: '4',
  AUTH_FAILURE_WINDOW_SECONDS: '3600',
  AUTH_FAILURE_BLOCK_SECONDS: '2',
  AUTH_FAILURE_SLOW_AFTER: '2',
  AUTH_FAILURE_DELAY_MS: '1',
  BODY_LIMIT_BYTES: '65536',
  REQUEST_TIMEOUT_MS: '45000',
  CONNECTION_TIMEOUT_MS: '50000',
};

let t: TestPlatform;
let tenant: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false, env: ENV });
  tenant = await t.createTenant('Throttled');
  await onPlan(tenant.orgId, 'sandbox');
});
afterAll(async () => t?.close());

const helloWorld = { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };
/** A documentation address of its own for each caller (TEST-NET-2), so no two tests share an address budget. */
let addressCounter = 0;
const uniqueAddress = () => `198.51.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;
const from = (address: string) => ({ 'x-forwarded-for': address });

async function onPlan(orgId: string, plan: string) {
  await t.platform.deps.db.query(sql`UPDATE organizations SET plan = ${plan} WHERE id = ${orgId}`);
}

async function newKey(orgId: string): Promise<string> {
  return (await createApiKey(t.platform.deps.db, orgId, { name: `throttle ${randomBytes(2).toString('hex')}`, mode: 'test' })).secret;
}

function send(key: string, address = uniqueAddress(), base?: string) {
  if (base) return rawApi(base, 'POST', '/v1/messages', key, address, helloWorld);
  return t.api('POST', '/v1/messages', { key, body: helloWorld, headers: from(address) });
}

async function rawApi(base: string, method: string, path: string, key: string | null, address: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { ...from(address), ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers, text };
}

async function throttledSignals(orgId: string) {
  return t.platform.deps.db.query<{ clause: string; detail: { key_id: string; count: number; limits: string[]; plan: string } }>(sql`
    SELECT clause, detail FROM compliance_signals WHERE org_id = ${orgId} AND kind = 'throttled' ORDER BY occurred_at`);
}

describe('AUP 3.6 — request budgets per API key, organization and address, by plan', () => {
  it('a key spends its own send budget: the plan\'s quota is answered, the next is 429 rate_limited with Retry-After and RateLimit fields', async () => {
    const key = await newKey(tenant.orgId);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send(key));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 429, 429]);

    // What is left counts down with each accepted send.
    const left = answers.slice(0, 3).map((a) => /"key:send";r=(\d+)/.exec(a.headers.get('ratelimit') ?? '')?.[1]);
    expect(left).toEqual(['2', '1', '0']);
    expect(answers[0]!.headers.get('ratelimit-policy')).toContain('"key:send";q=3;w=3600');
    expect(answers[0]!.headers.get('ratelimit-policy')).toContain('"org:send";q=5;w=3600');
    expect(answers[0]!.headers.get('ratelimit-policy')).toContain('"ip";q=40;w=3600');

    const refused = answers[3]!;
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', policy_clause: '3.6', details: { plan: 'sandbox', limits: [{ name: 'key:send', quota: 3, window_seconds: 3600 }] } });
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true);
    expect(refused.body.error.details.retry_after_seconds).toBe(retryAfter);
    expect(refused.headers.get('ratelimit')).toMatch(/"key:send";r=0;t=\d+/);

    // Sends and the rest of the API have separate budgets.
    const read = await t.api('GET', '/v1/messages', { key, headers: from(uniqueAddress()) });
    expect(read.status).toBe(200);
    expect(read.headers.get('ratelimit-policy')).toContain('"key:api";q=4;w=3600');
  });

  it('the organization\'s budget is shared by its keys: a fresh key is refused once the organization\'s is spent', async () => {
    const org = await t.createTenant('Org budget');
    await onPlan(org.orgId, 'sandbox');
    const first = await newKey(org.orgId);
    const second = await newKey(org.orgId);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(first)).status);
    for (let i = 0; i < 3; i++) statuses.push((await send(second)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const refused = await send(second);
    expect(refused.body.error.details.limits.map((l: { name: string }) => l.name)).toEqual(['org:send']);

    // Another organization on the same plan has its own budget.
    const other = await t.createTenant('Unaffected');
    await onPlan(other.orgId, 'sandbox');
    expect((await send(await newKey(other.orgId))).status).toBe(202);
  });

  it('a plan decides the budgets: moving the organization to growth lifts them at once', async () => {
    const org = await t.createTenant('Upgraded');
    await onPlan(org.orgId, 'sandbox');
    const key = await newKey(org.orgId);
    for (let i = 0; i < 3; i++) expect((await send(key)).status).toBe(202);
    expect((await send(key)).status).toBe(429);
    // The key cache hears of the plan change through the database's notification (migration 0014's trigger).
    await onPlan(org.orgId, 'growth');
    const accepted = await t.waitFor('the growth budget', async () => {
      const r = await send(key);
      return r.status === 202 ? r : null;
    });
    expect(accepted.headers.get('ratelimit-policy')).toContain('"key:send";q=2000;w=3600');
  });

  it('an address has one budget whatever the key, and unauthenticated requests spend it too; another address is unaffected', async () => {
    const address = uniqueAddress();
    const other = await t.createTenant('Same address');
    const keyA = await newKey(other.orgId);
    const keyB = await newKey(other.orgId);
    const statuses = [];
    for (let i = 0; i < PER_IP / 2; i++) statuses.push((await t.api('GET', '/v1/policy', { key: i % 2 ? keyA : keyB, headers: from(address) })).status);
    for (let i = 0; i < PER_IP / 2; i++) statuses.push((await t.api('GET', '/legal/aup', { headers: from(address) })).status);
    expect(statuses).toEqual(Array(PER_IP).fill(200));

    const refused = await t.api('GET', '/v1/policy', { key: keyB, headers: from(address) });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'rate_limited', policy_clause: '3.6', details: { limits: [{ name: 'ip', quota: PER_IP }] } });
    expect((await t.api('GET', '/legal/aup', { headers: from(address) })).status).toBe(429);
    // The refusal spent nothing of the key's own budgets: from elsewhere the same key is answered.
    expect((await t.api('GET', '/v1/policy', { key: keyB, headers: from(uniqueAddress()) })).status).toBe(200);
    // Meta's webhooks and the probes are never refused for volume.
    expect((await t.api('GET', '/healthz', { headers: from(address) })).status).toBe(200);
  });

  it('X-Forwarded-For is believed only from a trusted proxy: IPv6 clients share a /64', async () => {
    const key = await newKey((await t.createTenant('IPv6')).orgId);
    const prefix = `2001:db8:${randomInt(1, 0xffff).toString(16)}:1`;
    const statuses = [];
    for (let i = 0; i <= PER_IP; i++) statuses.push((await t.api('GET', '/v1/policy', { key, headers: from(`${prefix}::${(i + 1).toString(16)}`) })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(PER_IP);
    expect(statuses[PER_IP]).toBe(429);
  });

  it('refused requests become one compliance signal per key and minute, with the count (clause 3.6)', async () => {
    const org = await t.createTenant('Signals');
    await onPlan(org.orgId, 'sandbox');
    const key = await newKey(org.orgId);
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await send(key)).status);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);

    const rows = await t.waitFor('the throttled signals', async () => {
      const found = await throttledSignals(org.orgId);
      return found.reduce((n, r) => n + r.detail.count, 0) === 4 ? found : null;
    });
    // Normally one row; two when the refusals straddled a minute.
    expect(rows.length).toBeLessThanOrEqual(2);
    for (const row of rows) expect(row).toMatchObject({ clause: '3.6', detail: { plan: 'sandbox', limits: ['key:send'] } });
    expect(new Set(rows.map((r) => r.detail.key_id)).size).toBe(1);
  });

  it('caps request bodies (413 payload_too_large) and configures the request and idle-socket time limits', async () => {
    const key = await newKey((await t.createTenant('Body limit')).orgId);
    const big = { ...helloWorld, metadata: { padding: 'x'.repeat(70_000) } };
    const refused = await t.api('POST', '/v1/messages', { key, body: big, headers: from(uniqueAddress()) });
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('payload_too_large');
    // Node answers 408 and closes a request that takes longer than requestTimeout; an idle socket is closed.
    const server = t.platform.app!.server;
    expect(server.requestTimeout).toBe(45_000);
    expect(server.timeout).toBe(50_000);
  });
});

describe('AUP 3.6 — failed authentication is slowed, then blocked for a while', () => {
  let owner: Tenant;
  beforeAll(async () => {
    owner = await t.createTenant('Key owner');
  });
  const badKey = (prefix = `xp_test_${randomBytes(3).toString('hex')}`) => `${prefix}${'Z'.repeat(51 - prefix.length)}`;

  it('blocks an address after the failures allowed: its 401s become 429, a valid key from it is refused too, and the block ends', async () => {
    const address = uniqueAddress();
    const key = await newKey(owner.orgId);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.api('GET', '/v1/messages', { key: badKey(), headers: from(address) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);

    const valid = await t.api('GET', '/v1/messages', { key, headers: from(address) });
    expect(valid.status).toBe(429);
    expect(valid.body.error).toMatchObject({ code: 'too_many_failed_authentications', policy_clause: '3.6' });
    expect(Number(valid.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Even public pages: the block is on the address.
    expect((await t.api('GET', '/legal/aup', { headers: from(address) })).status).toBe(429);
    // Other addresses are not affected.
    expect((await t.api('GET', '/v1/messages', { key, headers: from(uniqueAddress()) })).status).toBe(200);

    // The block lasts AUTH_FAILURE_BLOCK_SECONDS (2 s here): then the valid key is answered again.
    await t.waitFor('the block to end', async () => (await t.api('GET', '/v1/messages', { key, headers: from(address) })).status === 200);
    // The failures are remembered for their window, so one more failure blocks again at once.
    expect((await t.api('GET', '/v1/messages', { key: badKey(), headers: from(address) })).status).toBe(429);
  });

  it('blocks a key prefix tried from many addresses, for failures only: the valid key with that prefix still works', async () => {
    const key = await newKey(owner.orgId);
    const prefix = key.slice(0, 12);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.api('GET', '/v1/messages', { key: badKey(prefix), headers: from(uniqueAddress()) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    // A guesser cannot lock the key's owner out by guessing its prefix.
    expect((await t.api('GET', '/v1/messages', { key, headers: from(uniqueAddress()) })).status).toBe(200);
    // Another prefix from a fresh address is an ordinary 401.
    expect((await t.api('GET', '/v1/messages', { key: badKey(), headers: from(uniqueAddress()) })).status).toBe(401);
  });

  it('a request without any key counts as a failure of its address', async () => {
    const address = uniqueAddress();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.api('GET', '/v1/messages', { headers: from(address) })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
  });
});

// Two API processes on one PostgreSQL (and one Redis, when set): the budgets and blocks are the same for both.
// PGlite is one process, so there is nothing to share there.
describe.skipIf(!process.env['DATABASE_URL'])('AUP 3.6 — budgets and blocks shared by every API process', () => {
  let second: Platform;

  beforeAll(async () => {
    const sink = new Writable({ write(_chunk, _enc, done) { done(); } });
    second = await startPlatform({ ...t.platform.deps.config, port: 0 }, createLogger('warn', sink), { api: true, worker: false }, t.simUrl);
  });
  afterAll(async () => second?.stop());

  it('a key\'s budget spent on one process is spent on the other', async () => {
    const org = await t.createTenant('Shared');
    await onPlan(org.orgId, 'sandbox');
    const key = await newKey(org.orgId);
    const statuses = [
      (await send(key)).status,
      (await send(key, uniqueAddress(), second.url!)).status,
      (await send(key)).status,
      (await send(key, uniqueAddress(), second.url!)).status,
      (await send(key)).status,
    ];
    expect(statuses).toEqual([202, 202, 202, 429, 429]);
  });

  it('an address blocked through one process is refused by the other', async () => {
    const address = uniqueAddress();
    const key = await newKey(tenant.orgId);
    for (let i = 0; i < 5; i++) await rawApi(i % 2 ? second.url! : t.url, 'GET', '/v1/messages', badKey(), address);
    const refused = await rawApi(second.url!, 'GET', '/v1/messages', key, address);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_failed_authentications');
  });

  function badKey() {
    return `xp_test_${randomBytes(20).toString('hex').slice(0, 43)}`;
  }
});

describe('AUP 3.6 — documented', () => {
  it('OpenAPI lists the 429 on throttled routes, not on Meta\'s webhooks', async () => {
    const doc = (await t.api('GET', '/docs/json')).body;
    expect(doc.paths['/v1/messages'].post.responses['429'].description).toContain('rate_limited');
    expect(doc.paths['/webhooks/whatsapp']?.post?.responses?.['429']).toBeUndefined();
  });
});
