import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../src/db/sql.ts';
import { createApiKey, revokeApiKey } from '../../src/tenancy/api-keys.ts';
import { addMember, createOrganization, createUser } from '../../src/tenancy/create-organization.ts';
import { killAll, runXpecto } from '../helpers/processes.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';

// Credential misuse (AUP 3.4, 3.6; decision 0021). Source addresses are forged with X-Forwarded-For, believed from
// 127.0.0.1 (TRUST_PROXY=loopback). Usage is flushed every 50 ms; every check polls for what the flush wrote.
let t: TestPlatform;
let seq = 0;

beforeAll(async () => {
  const countries = join(tmpdir(), `xpecto-countries-${randomBytes(4).toString('hex')}.csv`);
  await writeFile(countries, 'network,country\n203.0.113.0/24,NL\n198.51.100.0,198.51.100.255,BR\n');
  t = await startTestPlatform({ workers: false, env: { TRUST_PROXY: 'loopback', KEY_USAGE_FLUSH_MS: '50', KEY_USAGE_COUNTRY_FILE: countries } });
});
afterAll(async () => {
  killAll();
  await t?.close();
});

/** An organization with an owner and an admin (who get the alerts) and a viewer (who does not). */
async function tenant(name: string) {
  const db = t.platform.deps.db;
  const org = await createOrganization(db, { name: `${name} ${randomBytes(3).toString('hex')}` });
  const emails: string[] = [];
  for (const role of ['owner', 'admin', 'viewer'] as const) {
    const email = `${role}-${randomBytes(4).toString('hex')}@example.com`;
    const user = await createUser(db, { email, password: 'correct horse battery' });
    await addMember(db, org.id, user.id, role);
    if (role !== 'viewer') emails.push(email);
  }
  const key = await createApiKey(db, org.id, { name: 'server', mode: 'test' });
  return { orgId: org.id, keyId: key.key.id, secret: key.secret, alerted: emails.sort() };
}

const from = (ip: string, secret: string, path = '/v1/messages') => t.api('GET', path, { key: secret, headers: { 'x-forwarded-for': ip } });

/** Waits until the flush wrote this key's use from this network (and so judged every flush before it). */
async function flushed(orgId: string, keyId: string, network: string) {
  await t.waitFor(`usage of ${keyId} from ${network}`, async () => (await t.platform.deps.db.query(sql`
    SELECT 1 FROM api_key_networks WHERE org_id = ${orgId} AND key_id = ${keyId} AND network = ${network}`)).length > 0);
}

/**
 * Flushes are judged one after another: once a later flush wrote a marker key's use, every earlier flush has
 * been judged, so "no signal" is a settled answer rather than an early one.
 */
async function settled(orgId: string, seenNetworkIp = '192.0.2.250') {
  // From a network the organization used: a key created near a revocation is itself a rotation.
  const marker = await createApiKey(t.platform.deps.db, orgId, { name: `marker ${++seq}`, mode: 'test' });
  expect((await from(seenNetworkIp, marker.secret)).status).toBe(200);
  await flushed(orgId, marker.key.id, seenNetworkIp.replace(/\.\d+$/, '.0/24'));
}

const signals = (orgId: string, kind: string) => t.platform.deps.db.query<{ clause: string; detail: any }>(sql`
  SELECT clause, detail FROM compliance_signals WHERE org_id = ${orgId} AND kind = ${kind} ORDER BY occurred_at`);
const events = (orgId: string, kind: string) => t.platform.deps.db.query<{ subject: string; detail: any }>(sql`
  SELECT subject, detail FROM account_events WHERE org_id = ${orgId} AND kind = ${kind}`);
const emails = (orgId: string) => t.platform.deps.db.query<{ to_address: string; subject: string; body: string }>(sql`
  SELECT to_address, subject, body FROM email_outbox WHERE org_id = ${orgId} AND kind = 'credential_alert' ORDER BY to_address`);

describe('AUP 3.6: one API key used from many networks', () => {
  it('raises one credential_sharing signal with clause 3.6 and alerts the owners once, not once per request', async () => {
    const org = await tenant('Shared key');
    // Five networks (the default threshold), several requests and several flushes each.
    for (let round = 0; round < 3; round++) {
      for (let n = 1; n <= 5; n++) expect((await from(`10.${n}.0.${round + 1}`, org.secret)).status).toBe(200);
      await flushed(org.orgId, org.keyId, '10.5.0.0/24');
    }
    const [signal] = await t.waitFor('the sharing signal', async () => {
      const rows = await signals(org.orgId, 'credential_sharing');
      return rows.length > 0 && rows;
    });
    expect(signal!.clause).toBe('3.6');
    expect(signal!.detail).toMatchObject({ key_id: org.keyId, reasons: ['many_networks'], network_count: 5, threshold: 5, window_hours: 24 });
    expect(signal!.detail.networks).toEqual(['10.1.0.0/24', '10.2.0.0/24', '10.3.0.0/24', '10.4.0.0/24', '10.5.0.0/24']);

    // More networks and more flushes within the window: still one alert.
    for (let n = 6; n <= 8; n++) expect((await from(`10.${n}.0.1`, org.secret)).status).toBe(200);
    await flushed(org.orgId, org.keyId, '10.8.0.0/24');
    await settled(org.orgId, '10.1.0.9');
    expect(await signals(org.orgId, 'credential_sharing')).toHaveLength(1);
    const [event] = await events(org.orgId, 'api_key.sharing_suspected');
    expect(await events(org.orgId, 'api_key.sharing_suspected')).toHaveLength(1);
    expect(event).toMatchObject({ subject: org.keyId, detail: { policy_clause: '3.6', reasons: ['many_networks'] } });
    const mail = await emails(org.orgId);
    expect(mail.map((m) => m.to_address)).toEqual(org.alerted);
    expect(mail[0]!.body).toContain('3.6');
    expect(mail[0]!.body).not.toContain(org.secret);
    // The tenant sees where its key was used from.
    const reader = await createApiKey(t.platform.deps.db, org.orgId, { name: 'reader', mode: 'test' });
    const networks = await t.api('GET', `/v1/api-keys/${org.keyId}/networks`, { key: reader.secret });
    expect(networks.status).toBe(200);
    expect(networks.body.data).toHaveLength(8);
    expect(networks.body.data.find((n: any) => n.network === '10.1.0.0/24')).toMatchObject({ requests: 3, country: null });
  });

  it('a key whose addresses rotate within one /24 is not shared', async () => {
    const org = await tenant('Office');
    for (let host = 1; host <= 40; host++) expect((await from(`192.0.2.${host}`, org.secret)).status).toBe(200);
    await flushed(org.orgId, org.keyId, '192.0.2.0/24');
    // A rotation: the new key is used from the same office network, at once.
    const next = await createApiKey(t.platform.deps.db, org.orgId, { name: 'server (rotated)', mode: 'test' });
    await revokeApiKey(t.platform.deps.db, org.orgId, org.keyId);
    expect((await from('192.0.2.200', next.secret)).status).toBe(200);
    await flushed(org.orgId, next.key.id, '192.0.2.0/24');
    await settled(org.orgId);
    expect(await signals(org.orgId, 'credential_sharing')).toEqual([]);
    expect(await emails(org.orgId)).toEqual([]);
  });

  it('a rotated key used at once from a network the organization never used is suspected', async () => {
    const org = await tenant('Leaky rotation');
    expect((await from('192.0.2.10', org.secret)).status).toBe(200);
    await flushed(org.orgId, org.keyId, '192.0.2.0/24');
    const next = await createApiKey(t.platform.deps.db, org.orgId, { name: 'server (rotated)', mode: 'test' });
    await revokeApiKey(t.platform.deps.db, org.orgId, org.keyId);
    expect((await from('100.64.9.9', next.secret)).status).toBe(200);
    const [signal] = await t.waitFor('the rotation signal', async () => {
      const rows = await signals(org.orgId, 'credential_sharing');
      return rows.length > 0 && rows;
    });
    expect(signal).toMatchObject({ clause: '3.6', detail: { key_id: next.key.id, reasons: ['new_network_after_rotation'], rotation: { new_networks: ['100.64.9.0/24'] } } });
  });

  it('a jump between networks in different countries within minutes is suspected (countries from the configured CSV)', async () => {
    const org = await tenant('Traveller');
    expect((await from('203.0.113.9', org.secret)).status).toBe(200);
    await flushed(org.orgId, org.keyId, '203.0.113.0/24');
    expect((await from('198.51.100.9', org.secret)).status).toBe(200);
    const [signal] = await t.waitFor('the travel signal', async () => {
      const rows = await signals(org.orgId, 'credential_sharing');
      return rows.length > 0 && rows;
    });
    expect(signal).toMatchObject({
      clause: '3.6',
      detail: { reasons: ['impossible_travel'], countries: ['BR', 'NL'], travel: { from: '203.0.113.0/24', from_country: 'NL', to: '198.51.100.0/24', to_country: 'BR' } },
    });
  });
});

describe('AUP 3.4: a revoked key used again', () => {
  it('is refused, recorded by network, and signalled to the owners once', async () => {
    const org = await tenant('Revoked');
    expect((await from('192.0.2.1', org.secret)).status).toBe(200);
    await revokeApiKey(t.platform.deps.db, org.orgId, org.keyId);
    for (let i = 0; i < 3; i++) expect((await from('100.70.1.1', org.secret)).status).toBe(401);
    const [row] = await t.waitFor('the revoked use', async () => {
      const rows = await t.platform.deps.db.query<{ requests: string; revoked_requests: string }>(sql`
        SELECT requests, revoked_requests FROM api_key_networks WHERE org_id = ${org.orgId} AND key_id = ${org.keyId} AND network = '100.70.1.0/24'`);
      return rows.length > 0 && Number(rows[0]!.revoked_requests) === 3 && rows;
    });
    expect(Number(row!.requests)).toBe(0);
    const [signal] = await t.waitFor('the revoked-key signal', async () => {
      const rows = await signals(org.orgId, 'revoked_key_used');
      return rows.length > 0 && rows;
    });
    // The alert goes with the flush that first saw the revoked key used: one, two or all three attempts.
    expect(signal).toMatchObject({ clause: '3.4', detail: { key_id: org.keyId, networks: ['100.70.1.0/24'] } });
    expect(signal!.detail.attempts).toBeGreaterThanOrEqual(1);
    expect(signal!.detail.attempts).toBeLessThanOrEqual(3);
    expect(await events(org.orgId, 'api_key.revoked_key_used')).toHaveLength(1);
    expect((await emails(org.orgId)).map((m) => m.to_address)).toEqual(org.alerted);

    expect((await from('100.70.1.1', org.secret)).status).toBe(401);
    await t.waitFor('the fourth attempt', async () => Number((await t.platform.deps.db.query<{ revoked_requests: string }>(sql`
      SELECT revoked_requests FROM api_key_networks WHERE org_id = ${org.orgId} AND key_id = ${org.keyId} AND network = '100.70.1.0/24'`))[0]?.revoked_requests) === 4);
    await settled(org.orgId, '192.0.2.1');
    expect(await signals(org.orgId, 'revoked_key_used')).toHaveLength(1);
  });
});

describe('an API key\'s IP allow-list', () => {
  it('refuses requests from outside it with 403 ip_not_allowed, and can be changed and cleared', async () => {
    const org = await tenant('Allow-listed');
    const admin = await createApiKey(t.platform.deps.db, org.orgId, { name: 'key admin', mode: 'test', scopes: ['api_keys:read', 'api_keys:write'] });
    // The default scopes may list keys but never change an allow-list: a leaked key cannot widen its own.
    const denied = await t.api('PATCH', `/v1/api-keys/${org.keyId}`, { key: org.secret, body: { allowed_cidrs: [] } });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('insufficient_scope');

    const invalid = await t.api('PATCH', `/v1/api-keys/${org.keyId}`, { key: admin.secret, body: { allowed_cidrs: ['10.0.0.0/33'] } });
    expect(invalid.status).toBe(400);
    const set = await t.api('PATCH', `/v1/api-keys/${org.keyId}`, { key: admin.secret, body: { allowed_cidrs: ['192.0.2.7/24', '2001:db8::/32'] } });
    expect(set.status).toBe(200);
    expect(set.body.allowed_cidrs).toEqual(['192.0.2.0/24', '2001:db8::/32']);

    expect((await from('192.0.2.99', org.secret)).status).toBe(200);
    expect((await from('2001:db8:5::1', org.secret)).status).toBe(200);
    const outside = await from('198.51.100.5', org.secret);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('ip_not_allowed');

    const listed = await t.api('GET', '/v1/api-keys', { key: admin.secret });
    expect(listed.body.data.find((k: any) => k.id === org.keyId).allowed_cidrs).toEqual(['192.0.2.0/24', '2001:db8::/32']);
    expect(listed.text).not.toContain(org.secret);

    // Narrowed, then cleared: each applies at the next request (the key cache hears the change).
    expect((await t.api('PATCH', `/v1/api-keys/${org.keyId}`, { key: admin.secret, body: { allowed_cidrs: ['198.51.100.0/24'] } })).status).toBe(200);
    await t.waitFor('the narrowed list', async () => (await from('198.51.100.5', org.secret)).status === 200, 5_000);
    expect((await from('192.0.2.99', org.secret)).status).toBe(403);
    expect((await t.api('PATCH', `/v1/api-keys/${org.keyId}`, { key: admin.secret, body: { allowed_cidrs: null } })).body.allowed_cidrs).toBeNull();
    await t.waitFor('the cleared list', async () => (await from('192.0.2.99', org.secret)).status === 200, 5_000);

    const audit = await t.platform.deps.db.query<{ actor: string; detail: any }>(sql`
      SELECT actor, detail FROM audit_log WHERE org_id = ${org.orgId} AND action = 'api_key.allow_list_changed' ORDER BY seq`);
    expect(audit.map((a) => a.detail.allowed_cidrs)).toEqual([['192.0.2.0/24', '2001:db8::/32'], ['198.51.100.0/24'], null]);
    expect(audit[0]!.actor).toBe(`api_key:${admin.key.id}`);
  });

  // The CLI is another process: it needs a database both can open (PostgreSQL).
  it.runIf(process.env['DATABASE_URL'])('is set and cleared with xpecto keys allow-ips', async () => {
    const org = await tenant('CLI allow-list');
    const env = { DATABASE_URL: t.platform.deps.config.databaseUrl!, DATA_DIR: t.platform.deps.config.dataDir, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn' };
    expect(await runXpecto(['keys', 'allow-ips', '--org', org.orgId, '--id', org.keyId, '--cidrs', '192.0.2.0/24'], env)).toContain('192.0.2.0/24');
    await t.waitFor('the CLI\'s list', async () => (await from('198.51.100.5', org.secret)).status === 403, 5_000);
    expect((await from('192.0.2.5', org.secret)).status).toBe(200);
    expect(await runXpecto(['keys', 'allow-ips', '--org', org.orgId, '--id', org.keyId, '--any'], env)).toContain('any source');
    await t.waitFor('the cleared list', async () => (await from('198.51.100.5', org.secret)).status === 200, 5_000);
  });
});
