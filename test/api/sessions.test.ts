import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { newId } from '../../src/lib/ids.ts';
import { AUP_V1 } from '../../src/policy/aup-v1.ts';
import { publishPolicy } from '../../src/policy/publish-policy.ts';
import { setStanding } from '../../src/enforcement/set-standing.ts';
import { addMember, createOrganization, createUser } from '../../src/tenancy/create-organization.ts';
import type { Role } from '../../src/tenancy/scopes.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

// Dashboard sessions (decision 0026) over real HTTP. Each test signs in from an address of its own (X-Forwarded-For,
// trusted from loopback), so one test's deliberate failures never block another's sign-ins.
const FAILURE_LIMIT = 5;
let t: TestPlatform;
let tenant: Tenant;
let other: Tenant;

beforeAll(async () => {
  t = await startTestPlatform({
    workers: false,
    env: {
      TRUST_PROXY: 'loopback',
      AUTH_FAILURE_LIMIT: String(FAILURE_LIMIT),
      AUTH_FAILURE_WINDOW_SECONDS: '3600',
      AUTH_FAILURE_BLOCK_SECONDS: '900',
      AUTH_FAILURE_SLOW_AFTER: '100',
    },
  });
  tenant = await t.createTenant('Sessions', { optIn: false });
  other = await t.createTenant('Elsewhere', { optIn: false });
});
afterAll(async () => t?.close());

const db = () => t.platform.deps.db;
let addressCounter = 0;
const newAddress = () => `198.51.100.${++addressCounter}`;

type Member = { id: string; email: string; password: string };

async function member(orgId: string | null, role: Role, options: { operator?: boolean } = {}): Promise<Member> {
  const email = `${role}-${randomBytes(4).toString('hex')}@sessions.example`;
  const password = randomBytes(12).toString('base64url');
  const user = await createUser(db(), { email, password, name: `A ${role}`, isOperator: options.operator ?? false });
  if (orgId) await addMember(db(), orgId, user.id, role);
  return { id: user.id, email, password };
}

type Session = { cookie: string; csrf: string; address: string; body: any; setCookie: string };

async function signIn(who: { email: string; password: string }, address = newAddress()): Promise<Session> {
  const r = await t.api('POST', '/v1/session', { body: { email: who.email, password: who.password }, headers: { 'x-forwarded-for': address } });
  expect(r.status, r.text).toBe(200);
  const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('xp_session='))!;
  return { cookie: setCookie.split(';')[0]!, csrf: r.body.csrf_token, address, body: r.body, setCookie };
}

/** A request as the dashboard makes it: the cookie, and the CSRF token unless `csrf` is false. */
function call(s: Session, method: string, path: string, options: { body?: unknown; csrf?: boolean | string } = {}) {
  const headers: Record<string, string> = { cookie: s.cookie, 'x-forwarded-for': s.address };
  if (options.csrf !== false) headers['x-csrf-token'] = typeof options.csrf === 'string' ? options.csrf : s.csrf;
  return t.api(method, path, { headers, ...(options.body === undefined ? {} : { body: options.body }) });
}

describe('signing in', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict cookie and answers the user, organization, role and CSRF token', async () => {
    const owner = await member(tenant.orgId, 'owner');
    const s = await signIn(owner);
    const flags = s.setCookie.split(';').map((f) => f.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/']));
    expect(s.cookie).toMatch(/^xp_session=[0-9A-Za-z]{43}$/);
    expect(s.body).toMatchObject({
      user: { id: owner.id, email: owner.email, name: 'A owner' },
      organization: { id: tenant.orgId, role: 'owner', status: 'active' },
      organizations: [{ id: tenant.orgId, role: 'owner' }],
      operator: false,
    });
    expect(s.body.organization.scopes).toContain('compliance:review');
    expect(s.csrf).toMatch(/^[0-9a-f]{64}$/);

    const current = await call(s, 'GET', '/v1/session');
    expect(current.status).toBe(200);
    expect(current.body).toEqual(s.body);
    // Only the token's hash is stored, and the CSRF token is not stored at all.
    const rows = await db().query<Record<string, unknown>>(sql`SELECT * FROM sessions WHERE user_id = ${owner.id}`);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(s.cookie.slice('xp_session='.length));
    expect(JSON.stringify(rows)).not.toContain(s.csrf);
    const audited = await db().query<{ actor: string; subject: string }>(sql`
      SELECT actor, subject FROM audit_log WHERE chain = ${tenant.orgId} AND action = 'session.signed_in'`);
    expect(audited).toEqual([{ actor: `user:${owner.id}`, subject: rows[0]!['id'] }]);
  });

  it('answers a wrong password and an unknown email with the same 401, and records both', async () => {
    const owner = await member(tenant.orgId, 'owner');
    const address = newAddress();
    const wrong = await t.api('POST', '/v1/session', { body: { email: owner.email, password: 'not the password' }, headers: { 'x-forwarded-for': address } });
    const unknown = await t.api('POST', '/v1/session', { body: { email: 'nobody@sessions.example', password: owner.password }, headers: { 'x-forwarded-for': address } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(wrong.headers.getSetCookie()).toEqual([]);
    const failures = await db().query<{ subject: string | null; detail: Record<string, unknown> }>(sql`
      SELECT subject, detail FROM audit_log WHERE chain = 'operator' AND action = 'session.sign_in_failed' AND detail->>'address' = ${address} ORDER BY seq`);
    expect(failures).toEqual([
      { subject: owner.id, detail: { reason: 'wrong_password', address } },
      { subject: null, detail: { reason: 'unknown_email', address } },
    ]);
  });

  it('cannot be signed in by another site\'s form: a body that is not JSON is refused and sets no cookie', async () => {
    const owner = await member(tenant.orgId, 'owner');
    for (const [type, body] of [
      ['text/plain', JSON.stringify({ email: owner.email, password: owner.password })],
      ['application/x-www-form-urlencoded', new URLSearchParams({ email: owner.email, password: owner.password }).toString()],
    ] as const) {
      const r = await t.api('POST', '/v1/session', { body, headers: { 'content-type': type, 'x-forwarded-for': newAddress() } });
      expect([400, 415]).toContain(r.status);
      expect(r.headers.getSetCookie()).toEqual([]);
    }
  });

  it('GET /v1/session is 401 without a cookie, and with one no session has', async () => {
    expect((await t.api('GET', '/v1/session')).status).toBe(401);
    const r = await t.api('GET', '/v1/session', { headers: { cookie: `xp_session=${'A'.repeat(43)}` } });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
  });

  it('blocks an address after repeated failed sign-ins, the right password included', async () => {
    const owner = await member(tenant.orgId, 'owner');
    const address = newAddress();
    const codes: string[] = [];
    for (let i = 0; i < FAILURE_LIMIT + 1; i++) {
      const r = await t.api('POST', '/v1/session', { body: { email: owner.email, password: `guess ${i}` }, headers: { 'x-forwarded-for': address } });
      codes.push(r.body.error.code);
    }
    expect(codes.slice(0, FAILURE_LIMIT - 1)).toEqual(Array(FAILURE_LIMIT - 1).fill('invalid_credentials'));
    expect(codes.at(-1)).toBe('too_many_failed_authentications');
    const right = await t.api('POST', '/v1/session', { body: { email: owner.email, password: owner.password }, headers: { 'x-forwarded-for': address } });
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_failed_authentications');
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another address is not affected.
    await signIn(owner);
  });
});

describe('the cookie on the API', () => {
  it('reads with the session as with a key; a Bearer key is unaffected by a cookie beside it', async () => {
    const s = await signIn(await member(tenant.orgId, 'viewer'));
    const list = await call(s, 'GET', '/v1/messages');
    expect(list.status, list.text).toBe(200);
    const withKey = await t.api('GET', '/v1/contacts', { key: other.apiKey, headers: { cookie: s.cookie } });
    expect(withKey.status).toBe(200);
  });

  it('refuses a change without the CSRF token (403 csrf_failed, nothing written) and makes it with the token', async () => {
    const admin = await member(tenant.orgId, 'admin');
    const s = await signIn(admin);
    const contact = { phone: '+12025550150', name: 'Csrf Test' };
    for (const csrf of [false, 'f'.repeat(64)] as const) {
      const refused = await call(s, 'POST', '/v1/contacts', { body: contact, csrf });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('csrf_failed');
    }
    const count = async () => (await db().query(sql`SELECT 1 FROM contacts WHERE org_id = ${tenant.orgId} AND phone_e164 = ${contact.phone}`)).length;
    expect(await count()).toBe(0);
    const made = await call(s, 'POST', '/v1/contacts', { body: contact });
    expect(made.status, made.text).toBe(201);
    expect(await count()).toBe(1);
    // Erasure is audited: under the member who did it, not a key.
    const erased = await call(s, 'DELETE', `/v1/contacts/${made.body.id}`);
    expect(erased.status, erased.text).toBe(200);
    const [entry] = await db().query<{ actor: string }>(sql`
      SELECT actor FROM audit_log WHERE chain = ${tenant.orgId} AND action = 'contact.erased' AND subject = ${made.body.id}`);
    expect(entry?.actor).toBe(`user:${admin.id}`);
  });

  it("gives a member their role's scopes: a viewer cannot send", async () => {
    const s = await signIn(await member(tenant.orgId, 'viewer'));
    const r = await call(s, 'POST', '/v1/messages', { body: { to: '+12025550100', type: 'text', text: { body: 'hi' } } });
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({ code: 'insufficient_scope', details: { required: 'messages:write' } });
    expect(s.body.organization.scopes.every((scope: string) => scope.endsWith(':read'))).toBe(true);
  });

  it("does not reach another organization's resources", async () => {
    const s = await signIn(await member(tenant.orgId, 'owner'));
    const theirs = await t.api('POST', '/v1/contacts', { key: other.apiKey, body: { phone: '+12025550160' } });
    expect(theirs.status).toBe(201);
    expect((await call(s, 'GET', `/v1/contacts/${theirs.body.id}`)).status).toBe(404);
    const switched = await call(s, 'POST', '/v1/session/organization', { body: { org_id: other.orgId } });
    expect(switched.status).toBe(404);
    expect((await call(s, 'GET', `/v1/contacts/${theirs.body.id}`)).status).toBe(404);
  });

  it('switches between the organizations of a member of several', async () => {
    const user = await member(tenant.orgId, 'agent');
    const second = await createOrganization(db(), { name: `Second ${randomBytes(3).toString('hex')}` });
    await addMember(db(), second.id, user.id, 'developer');
    const s = await signIn(user);
    expect(s.body.organization).toMatchObject({ id: tenant.orgId, role: 'agent' });
    expect(s.body.organizations.map((o: { id: string }) => o.id)).toEqual([tenant.orgId, second.id]);
    expect((await call(s, 'POST', '/v1/session/organization', { body: { org_id: second.id }, csrf: false })).body.error.code).toBe('csrf_failed');
    const switched = await call(s, 'POST', '/v1/session/organization', { body: { org_id: second.id } });
    expect(switched.status, switched.text).toBe(200);
    expect(switched.body.organization).toMatchObject({ id: second.id, role: 'developer' });
    expect(switched.body.csrf_token).toBe(s.csrf);
    const keys = await call(s, 'GET', '/v1/api-keys');
    expect(keys.status).toBe(200);
    expect(keys.body.data).toEqual([]);
  });

  it('follows the organization: suspended reads its standing only; a removed membership is refused', async () => {
    const org = await createOrganization(db(), { name: `Suspended ${randomBytes(3).toString('hex')}` });
    const user = await member(org.id, 'owner');
    const s = await signIn(user);
    await db().query(sql`UPDATE organizations SET status = 'suspended' WHERE id = ${org.id}`);
    const refused = await call(s, 'GET', '/v1/messages');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('account_suspended');
    expect((await call(s, 'GET', '/v1/account/standing')).status).toBe(200);
    await db().query(sql`DELETE FROM memberships WHERE org_id = ${org.id} AND user_id = ${user.id}`);
    expect((await call(s, 'GET', '/v1/account/standing')).status).toBe(401);
    const current = await call(s, 'GET', '/v1/session');
    expect(current.body).toMatchObject({ organization: null, organizations: [] });
  });
});

describe('termination (AUP 4)', () => {
  it('refuses the sign-in of a member whose organization was terminated, and ends their open session', async () => {
    const org = await createOrganization(db(), { name: `Terminated ${randomBytes(3).toString('hex')}` });
    const user = await member(org.id, 'owner');
    const open = await signIn(user);
    await setStanding(db(), org.id, { state: 'terminated', reason: 'Phishing confirmed by an investigation.', clause: '3.4', actor: 'cli' }, new Date());
    expect((await call(open, 'GET', '/v1/messages')).status).toBe(403);
    const address = newAddress();
    const refused = await t.api('POST', '/v1/session', { body: { email: user.email, password: user.password }, headers: { 'x-forwarded-for': address } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'account_suspended', details: { state: 'terminated' } });
    expect(refused.headers.getSetCookie().some((c) => c.startsWith('xp_session='))).toBe(false);
    const sessions = await db().query<{ n: number }>(sql`SELECT count(*)::int AS n FROM sessions WHERE user_id = ${user.id}`);
    expect(sessions[0]!.n).toBe(1);
  });
});

describe('the end of a session', () => {
  it('signs out: the session is revoked, the cookie cleared and refused afterwards', async () => {
    const s = await signIn(await member(tenant.orgId, 'owner'));
    expect((await call(s, 'DELETE', '/v1/session', { csrf: false })).body.error.code).toBe('csrf_failed');
    const out = await call(s, 'DELETE', '/v1/session');
    expect(out.status).toBe(204);
    const cleared = out.headers.getSetCookie().find((c) => c.startsWith('xp_session='))!;
    expect(cleared).toMatch(/^xp_session=;.*Max-Age=0/);
    expect((await call(s, 'GET', '/v1/messages')).status).toBe(401);
    expect((await call(s, 'GET', '/v1/session')).status).toBe(401);
  });

  it('ends a session idle past the timeout, and any session at its absolute end', async () => {
    const idle = await signIn(await member(tenant.orgId, 'owner'));
    const ending = await signIn(await member(tenant.orgId, 'owner'));
    const idleMs = t.platform.deps.config.sessions.idleTimeoutMs;
    // As if the clock had moved on: the sessions' own times are set back, not the test's waited out.
    await db().query(sql`UPDATE sessions SET last_seen_at = last_seen_at - ${`${idleMs + 1000} milliseconds`}::interval
      WHERE user_id = ${idle.body.user.id}`);
    await db().query(sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = ${ending.body.user.id}`);
    for (const s of [idle, ending]) {
      const r = await call(s, 'GET', '/v1/messages');
      expect(r.status).toBe(401);
      expect(r.body.error.message).toContain('ended');
      expect((await call(s, 'GET', '/v1/session')).status).toBe(401);
    }
  });
});

describe('operators', () => {
  it("opens /v1/operator/* to an operator's session, not to a tenant member's", async () => {
    const operator = await member(null, 'owner', { operator: true });
    const op = await signIn(operator);
    expect(op.body).toMatchObject({ operator: true, organization: null, organizations: [] });
    const cases = await call(op, 'GET', '/v1/operator/cases');
    expect(cases.status, cases.text).toBe(200);
    // A change needs the CSRF token here too (then the unknown case is a 404).
    expect((await call(op, 'POST', `/v1/operator/cases/${newId('case')}/notes`, { body: { body: 'a note' }, csrf: false })).body.error.code).toBe('csrf_failed');
    expect((await call(op, 'POST', `/v1/operator/cases/${newId('case')}/notes`, { body: { body: 'a note' } })).status).toBe(404);
    // An operator without an organization has no tenant scopes.
    expect((await call(op, 'GET', '/v1/messages')).status).toBe(401);

    const owner = await signIn(await member(tenant.orgId, 'owner'));
    const refused = await call(owner, 'GET', '/v1/operator/cases');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('insufficient_scope');
  });
});

describe('policy acceptance by continued use (AUP 7)', () => {
  it("records the member whose session made the first request under a new version", async () => {
    const org = await createOrganization(db(), { name: `Accepting ${randomBytes(3).toString('hex')}` });
    const user = await member(org.id, 'viewer');
    const s = await signIn(user);
    const effectiveAt = new Date(Date.now() + 500);
    const v2 = structuredClone(AUP_V1);
    v2.sections.push({ id: '8', title: 'Contact', items: ['Questions about this AUP: legal@xpecto.example'] });
    await publishPolicy({ db: db(), now: new Date(), minNoticeMs: 0 }, { document: v2, summary: 'A contact section.', effectiveAt, publishedBy: 'user:operator' });
    await t.waitFor('the new version in force', async () => (await call(s, 'GET', '/v1/templates')).headers.get('xpecto-policy-version') === '2');
    const [accepted] = await db().query<{ method: string; actor: string }>(sql`
      SELECT method, actor FROM policy_acceptances WHERE org_id = ${org.id} AND version = 2`);
    expect(accepted).toEqual({ method: 'continued_use', actor: `user:${user.id}` });
  });
});
