import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHash } from '../../src/audit/record-audit.ts';
import type { Db } from '../../src/db/db.ts';
import { sql } from '../../src/db/sql.ts';
import { createApiKey, revokeApiKey } from '../../src/tenancy/api-keys.ts';
import { createOrganization } from '../../src/tenancy/create-organization.ts';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.ts';

// AUP 4 (the platform may act on violations) rests on records nobody can quietly change: issue 8 asks that
// tampering with an audit row be detected. Each case tampers with its own organization's chain, directly in
// the database, the way someone with write access would: first disabling the append-only trigger.

let t: TestPlatform;
let counter = 0;

beforeAll(async () => {
  t = await startTestPlatform({ workers: false });
});
afterAll(async () => t?.close());

/** An organization whose chain has seven entries (sign-up, acceptance, five key changes) and a key to read it. */
async function auditedOrganization() {
  const db = t.platform.deps.db;
  counter += 1;
  const org = await createOrganization(db, { name: `Tamper ${counter} ${Date.now()}`, acceptedBy: 'user:usr_owner' });
  const { secret } = await createApiKey(db, org.id, { name: 'auditor', mode: 'test', scopes: ['audit:read'], by: { actor: 'user:usr_owner' } });
  const { key } = await createApiKey(db, org.id, { name: 'backend', mode: 'live', by: { actor: 'user:usr_owner' } });
  await revokeApiKey(db, org.id, key.id, { actor: 'user:usr_owner' });
  await createApiKey(db, org.id, { name: 'backend 2', mode: 'live', by: { actor: 'user:usr_owner' } });
  await createApiKey(db, org.id, { name: 'backend 3', mode: 'live', by: { actor: 'user:usr_owner' } });
  return { orgId: org.id, key: secret };
}

async function tamper(fn: (tx: Db) => Promise<unknown>) {
  await t.platform.deps.db.transaction(async (tx) => {
    await tx.query(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await fn(tx);
    await tx.query(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  });
}

async function verify(key: string, query = '') {
  const r = await t.api('GET', `/v1/audit/verify${query}`, { key });
  expect(r.status, r.text).toBe(200);
  return r.body;
}

describe('AUP 4 — audit log tamper evidence', () => {
  it('an untouched chain verifies', async () => {
    const { key } = await auditedOrganization();
    expect(await verify(key)).toMatchObject({ ok: true, entries: 7, head: { seq: '7' }, broken: null });
  });

  it('detects a row whose actor was altered, naming its seq', async () => {
    const { orgId, key } = await auditedOrganization();
    await tamper((tx) => tx.query(sql`UPDATE audit_log SET actor = 'user:usr_someone_else' WHERE chain = ${orgId} AND seq = 4`));
    expect(await verify(key)).toMatchObject({ ok: false, entries: 3, broken: { seq: '4', reason: 'its content does not match its hash' } });
  });

  it('detects a row whose detail was altered, though its digest and hash were left alone', async () => {
    const { orgId, key } = await auditedOrganization();
    await tamper((tx) => tx.query(sql`UPDATE audit_log SET detail = jsonb_set(detail, '{name}', '"renamed"') WHERE chain = ${orgId} AND seq = 3`));
    expect(await verify(key)).toMatchObject({ ok: false, broken: { seq: '3', reason: 'its detail does not match the digest in the chain' } });
  });

  it('detects a row deleted from the middle', async () => {
    const { orgId, key } = await auditedOrganization();
    await tamper((tx) => tx.query(sql`DELETE FROM audit_log WHERE chain = ${orgId} AND seq = 5`));
    expect(await verify(key)).toMatchObject({ ok: false, entries: 4, broken: { seq: '5', reason: 'entry 5 is missing' } });
  });

  it('detects the last row deleted: the chain is shorter than its head', async () => {
    const { orgId, key } = await auditedOrganization();
    await tamper((tx) => tx.query(sql`DELETE FROM audit_log WHERE chain = ${orgId} AND seq = 7`));
    expect(await verify(key)).toMatchObject({ ok: false, entries: 6, broken: { seq: '7', reason: expect.stringContaining('ends at entry 6, before its recorded head') } });
  });

  it('detects a row moved to another organization\'s chain', async () => {
    const a = await auditedOrganization();
    const b = await auditedOrganization();
    await tamper(async (tx) => {
      await tx.query(sql`DELETE FROM audit_log WHERE chain = ${b.orgId} AND seq = 7`);
      await tx.query(sql`UPDATE audit_log SET chain = ${b.orgId}, org_id = ${b.orgId} WHERE chain = ${a.orgId} AND seq = 7`);
    });
    expect(await verify(b.key)).toMatchObject({ ok: false, broken: { seq: '7' } });
  });

  it('a rewrite of the chain and its head from some entry on passes alone, and fails against a kept head', async () => {
    const { orgId, key } = await auditedOrganization();
    const kept = (await verify(key)).head;
    await tamper(async (tx) => {
      // Recompute every hash from entry 4 on, as someone who knows the algorithm would, and move the head.
      const rows = await tx.query<any>(sql`
        SELECT chain, seq::text AS seq, org_id, action, actor, subject, detail_digest, request_id, recorded_at, prev_hash, hash
        FROM audit_log WHERE chain = ${orgId} ORDER BY seq`);
      let prev = rows[2].hash;
      for (const r of rows.slice(3)) {
        const changed = { ...r, prev_hash: prev, actor: r.seq === '4' ? 'cli' : r.actor };
        changed.hash = auditHash(changed);
        await tx.query(sql`UPDATE audit_log SET actor = ${changed.actor}, prev_hash = ${changed.prev_hash}, hash = ${changed.hash} WHERE chain = ${orgId} AND seq = ${r.seq}::bigint`);
        prev = changed.hash;
      }
      await tx.query(sql`UPDATE audit_chain_heads SET hash = ${prev} WHERE chain = ${orgId}`);
    });
    expect(await verify(key)).toMatchObject({ ok: true });
    expect(await verify(key, `?seq=${kept.seq}&hash=${kept.hash}`)).toMatchObject({
      ok: false, broken: { seq: kept.seq, reason: 'the chain no longer passes through the kept head (rewritten from here or earlier)' },
    });
  });
});
