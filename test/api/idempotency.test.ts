import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { cleanUpIdempotencyKeys } from '../../src/http/idempotency-jobs.ts';
import { SIM, startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let a: Tenant;
let b: Tenant;
// Registers extra numbers; kept apart so that a and b keep one number each and need no "from".
let numbers: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
  a = await t.createTenant('Idem A');
  b = await t.createTenant('Idem B');
  numbers = await t.createTenant('Idem Numbers');
});
afterAll(async () => t?.close());

const template = (to: string) => ({ to, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } });
const send = (tenant: Tenant, key: string | undefined, body: unknown) =>
  t.api('POST', '/v1/messages', { key: tenant.apiKey, body, ...(key === undefined ? {} : { headers: { 'idempotency-key': key } }) });

async function messageCount(orgId: string): Promise<number> {
  const [row] = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM messages WHERE org_id = ${orgId}`);
  return row!.n;
}

async function keyRow(orgId: string, key: string) {
  const [row] = await t.platform.deps.db.query<{ state: string; response_status: number | null; response_body: string | null }>(
    sql`SELECT state, response_status, response_body FROM idempotency_keys WHERE org_id = ${orgId} AND key = ${key}`);
  return row;
}

/** Registration of a fresh simulated number, the creating POST that calls the Cloud API synchronously. */
async function newNumberBody() {
  const number = await t.sim('POST', '/_sim/phone-numbers', {});
  return {
    id: number.id as string,
    body: { waba_id: number.waba_id, phone_number_id: number.id, access_token: SIM.accessToken, app_secret: SIM.appSecret, verify_token: SIM.verifyToken },
  };
}

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, and creates the message once', async () => {
    const key = randomUUID();
    const before = await messageCount(a.orgId);
    const first = await send(a, key, template('+12025550101'));
    expect(first.status).toBe(202);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    // The same parameters in another key order are the same request.
    const again = await send(a, key, { template: { language: { code: 'en_US' }, name: 'hello_world' }, type: 'template', to: '+12025550101' });
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));

    expect(await messageCount(a.orgId)).toBe(before + 1);
    const list = await t.api('GET', '/v1/messages?limit=100', { key: a.apiKey });
    expect(list.body.data.filter((m: { id: string }) => m.id === first.body.id)).toHaveLength(1);
  });

  it('accepts the draft\'s quoted form as the same key', async () => {
    const key = `quoted-${randomUUID()}`;
    const first = await send(a, key, template('+12025550102'));
    const quoted = await send(a, `"${key}"`, template('+12025550102'));
    expect(quoted.headers.get('idempotent-replayed')).toBe('true');
    expect(quoted.body.id).toBe(first.body.id);
  });

  it('422 when the key is reused with a different body', async () => {
    const key = randomUUID();
    expect((await send(a, key, template('+12025550103'))).status).toBe(202);
    const before = await messageCount(a.orgId);
    const other = await send(a, key, template('+12025550104'));
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    expect(await messageCount(a.orgId)).toBe(before);
  });

  it('409 with Retry-After while the first request is still running, then the replay', async () => {
    const number = await newNumberBody();
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: number.id }, latency_ms: 800, count: 1 });
    const key = randomUUID();
    const register = () => t.api('POST', '/v1/phone-numbers', { key: numbers.apiKey, body: number.body, headers: { 'idempotency-key': key } });

    const slow = register();
    await t.waitFor('the first request to reserve the key', async () => (await keyRow(numbers.orgId, key))?.state === 'in_flight');
    const concurrent = await register();
    expect(concurrent.status).toBe(409);
    expect(concurrent.body.error.code).toBe('idempotency_key_in_use');
    expect(concurrent.headers.get('retry-after')).toBe('1');

    const first = await slow;
    expect(first.status).toBe(201);
    const replay = await register();
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.text).toBe(first.text);
  });

  it('of many simultaneous requests with one key, exactly one runs', async () => {
    const key = randomUUID();
    const before = await messageCount(a.orgId);
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(a, key, template('+12025550116'))));
    const ran = answers.filter((r) => r.status === 202 && r.headers.get('idempotent-replayed') === null);
    expect(ran).toHaveLength(1);
    for (const r of answers) {
      if (r.status === 409) expect(r.body.error.code).toBe('idempotency_key_in_use');
      else expect(r.body.id).toBe(ran[0]!.body.id);
    }
    expect(await messageCount(a.orgId)).toBe(before + 1);
  });

  it('replays a 4xx outcome, but keeps nothing for a request that failed validation', async () => {
    const key = randomUUID();
    const missing = { to: '+12025550105', type: 'template', template: { name: 'no_such_template', language: { code: 'en_US' } } };
    const refused = await send(a, key, missing);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('template_not_approved');
    const replayed = await send(a, key, missing);
    expect(replayed.status).toBe(422);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.text).toBe(refused.text);

    // Validation runs before the key is reserved: the corrected request may use the same key.
    const invalidKey = randomUUID();
    expect((await send(a, invalidKey, { to: '+12025550106', type: 'carrier_pigeon' })).status).toBe(400);
    expect(await keyRow(a.orgId, invalidKey)).toBeUndefined();
    expect((await send(a, invalidKey, template('+12025550106'))).status).toBe(202);
  });

  it('keeps no 5xx: a retry after our failure runs again', async () => {
    const number = await newNumberBody();
    // The Cloud API never answers: the call times out (GRAPH_API_TIMEOUT_MS) and we answer 502.
    await t.sim('POST', '/_sim/faults', { match: { phone_number_id: number.id }, timeout: true, count: 1 });
    const key = randomUUID();
    const register = () => t.api('POST', '/v1/phone-numbers', { key: numbers.apiKey, body: number.body, headers: { 'idempotency-key': key } });
    const failed = await register();
    expect(failed.status).toBe(502);
    expect(await keyRow(numbers.orgId, key)).toBeUndefined();
    const retried = await register();
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('scopes keys to the organization: another tenant with the same key string gets its own result', async () => {
    const key = `shared-${randomUUID()}`;
    const fromA = await send(a, key, template('+12025550107'));
    const beforeB = await messageCount(b.orgId);
    const fromB = await send(b, key, template('+12025550107'));
    expect(fromB.status).toBe(202);
    expect(fromB.headers.get('idempotent-replayed')).toBeNull();
    expect(fromB.body.id).not.toBe(fromA.body.id);
    expect(await messageCount(b.orgId)).toBe(beforeB + 1);
    // And B's different body under the same string is not A's business either.
    expect((await send(b, key, template('+12025550108'))).status).toBe(422);
    expect((await send(a, key, template('+12025550107'))).body.id).toBe(fromA.body.id);
  });

  it('400 for an empty, too long or unprintable key, before anything is created', async () => {
    const before = await messageCount(a.orgId);
    for (const bad of ['x'.repeat(256), '""', 'naïve-key']) {
      const r = await send(a, bad, template('+12025550109'));
      expect(r.status, bad).toBe(400);
      expect(r.body.error.code).toBe('invalid_idempotency_key');
    }
    expect((await send(a, 'x'.repeat(255), template('+12025550109'))).status).toBe(202);
    expect(await messageCount(a.orgId)).toBe(before + 1);
  });

  it('lets a key be used anew once it has expired, and the cleanup job removes expired keys', async () => {
    const key = randomUUID();
    const first = await send(a, key, template('+12025550110'));
    await t.platform.deps.db.query(sql`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE org_id = ${a.orgId} AND key = ${key}`);
    const fresh = await send(a, key, template('+12025550111'));
    expect(fresh.status).toBe(202);
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(fresh.body.id).not.toBe(first.body.id);

    await t.platform.deps.db.query(sql`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE org_id = ${a.orgId} AND key = ${key}`);
    await cleanUpIdempotencyKeys(t.platform.deps);
    expect(await keyRow(a.orgId, key)).toBeUndefined();
  });

  it('a reservation left by a request that died lapses, and then the same request may run', async () => {
    const key = randomUUID();
    const body = template('+12025550112');
    await send(a, key, body);
    // As if the process died mid-request: reserved, never completed.
    await t.platform.deps.db.query(sql`
      UPDATE idempotency_keys SET state = 'in_flight', lock_token = 'dead', locked_until = now() + interval '60 seconds',
        response_status = NULL, response_headers = NULL, response_body = NULL
      WHERE org_id = ${a.orgId} AND key = ${key}`);
    expect((await send(a, key, body)).status).toBe(409);

    await t.platform.deps.db.query(sql`UPDATE idempotency_keys SET locked_until = now() - interval '1 second' WHERE org_id = ${a.orgId} AND key = ${key}`);
    expect((await send(a, key, template('+12025550113'))).status).toBe(422);
    const retried = await send(a, key, body);
    expect(retried.status).toBe(202);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect((await send(a, key, body)).headers.get('idempotent-replayed')).toBe('true');
  });

  it('stores the response sealed, and costs nothing when no key is sent', async () => {
    const key = randomUUID();
    const first = await send(a, key, template('+12025550114'));
    const row = await keyRow(a.orgId, key);
    expect(row).toMatchObject({ state: 'completed', response_status: 202 });
    expect(row!.response_body).toMatch(/^v1\./);
    expect(row!.response_body).not.toContain(first.body.id);

    const [{ n: keysBefore }] = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM idempotency_keys`) as [{ n: number }];
    const plain = await send(a, undefined, template('+12025550115'));
    expect(plain.status).toBe(202);
    const [{ n: keysAfter }] = await t.platform.deps.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM idempotency_keys`) as [{ n: number }];
    expect(keysAfter).toBe(keysBefore);
  });

  it('documents the header on the idempotent routes', async () => {
    const doc = (await t.api('GET', '/docs/json')).body;
    for (const path of ['/v1/messages', '/v1/phone-numbers']) {
      const op = doc.paths[path].post;
      expect(op.parameters.some((p: { in: string; name: string }) => p.in === 'header' && p.name === 'idempotency-key'), path).toBe(true);
      expect(op.description).toContain('idempotency_key_reused');
    }
    expect(doc.paths['/v1/messages'].get.parameters?.some((p: { name: string }) => p.name === 'idempotency-key') ?? false).toBe(false);
  });
});
