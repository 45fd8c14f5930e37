import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { GENESIS_HASH, appendConsents, proofDigest, recordHash } from '../../src/contacts/consent-ledger.ts';
import { findOrCreateContact } from '../../src/contacts/store.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
const BUSINESS = 'Acme Shoes';
const AGREED = `Yes, ${BUSINESS} may send me offers on WhatsApp.`;

async function upload(key: string, csv: string | Buffer, mapping: unknown, consent?: unknown, filename = 'contacts.csv') {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  if (consent !== undefined) form.append('consent', JSON.stringify(consent));
  form.append('file', new Blob([csv], { type: 'text/csv' }), filename);
  const res = await fetch(`${t.url}/v1/contacts/imports`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(key: string, id: string) {
  return t.waitFor(`import ${id} to finish`, async () => {
    const r = await t.api('GET', `/v1/contacts/imports/${id}`, { key });
    return ['completed', 'failed'].includes(r.body.status) ? r.body : null;
  }, 60_000);
}

async function rejections(key: string, id: string) {
  const res = await fetch(`${t.url}/v1/contacts/imports/${id}/rejections.csv`, { headers: { authorization: `Bearer ${key}` } });
  const text = await res.text();
  return { res, text, rows: parse(text, { bom: true, relax_column_count: true }) as string[][] };
}

const db = () => t.platform.deps.db;
const q = async (text: string, values: unknown[] = []) => (await db().queryRaw<any>(text, values)).rows;

/**
 * The organization's chain recomputed record by record, in seq order: the first record whose hash, link or
 * proof digest does not hold (verifyLedger orders by the text of seq, which breaks past nine records).
 */
async function chainBreak(orgId: string) {
  const records = await q(`SELECT org_id, seq::text AS seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash
    FROM consent_records WHERE org_id = $1 ORDER BY consent_records.seq`, [orgId]);
  let prev = GENESIS_HASH;
  for (const [i, r] of records.entries()) {
    if (r.seq !== String(i + 1) || r.prev_hash !== prev || recordHash(r) !== r.hash || proofDigest(r.proof) !== r.proof_digest) return r.seq;
    prev = r.hash;
  }
  return records.length > 0 ? null : 'empty';
}

beforeAll(async () => {
  // Small batches and a short lease: a few thousand rows cross many batch boundaries, and a failed batch is retried quickly.
  t = await startTestPlatform({ env: { IMPORT_BATCH_ROWS: '400', IMPORT_LEASE_SECONDS: '1' } });
  tenant = await t.createTenant('Importer');
  await q(`INSERT INTO consent_settings (org_id, business_name) VALUES ($1, $2) ON CONFLICT (org_id) DO UPDATE SET business_name = excluded.business_name`, [tenant.orgId, BUSINESS]);
  await q(`INSERT INTO contact_attributes (org_id, key, label, type, options) VALUES
    ($1, 'city', 'City', 'text', NULL), ($1, 'vip', 'VIP', 'boolean', NULL), ($1, 'tier', 'Tier', 'enum', '{gold,silver}')`, [tenant.orgId]);
});
afterAll(async () => t?.close());

describe('POST /v1/contacts/imports', () => {
  it('maps columns to contact fields and records each row\'s consent with the import row as proof', async () => {
    const csv = [
      'Phone,Full Name,Lang,Tags,City,VIP,Consent,Consented At,Consent Text,Form,IP',
      `+12025550301,Ana Lima,pt_br,"VIP; Shoes",Lisbon,yes,yes,2025-03-01T10:00:00Z,"${AGREED}",https://acme.example/join,203.0.113.7`,
      `(202) 555-0302,Bo Chen,en,,Denver,no,yes,2025-03-02,"${AGREED}",https://acme.example/join,2001:db8::1`,
      `202-555-0303,Cy,,,,,,,,,`,
      `+12025550304,Dee,en,,,,no,2025-03-03,,,`,
    ].join('\r\n') + '\r\n';
    const created = await upload(tenant.apiKey, csv, {
      phone: 'Phone', name: 'Full Name', language: 'Lang', tags: 'Tags', 'attributes.city': 'City', attributes: { vip: 'VIP' }, add_tags: ['Spring Fair'],
    }, {
      purpose: 'marketing', state: { column: 'Consent' }, captured_at: { column: 'Consented At' }, text: { column: 'Consent Text' },
      url: { column: 'Form' }, ip: { column: 'IP' }, source: { value: 'web form' },
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ id: expect.stringMatching(/^imp_/), filename: 'contacts.csv', columns: expect.arrayContaining(['Phone', 'Consent Text']) });
    const done = await finished(tenant.apiKey, created.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: { percent: 100, rows_read: 4, created: 4, updated: 0, rejected: 0, duplicates: 0, consents_recorded: 3 } });

    const contacts = await q(`SELECT phone_e164, name, language, tags, attributes FROM contacts WHERE org_id = $1 AND phone_e164 LIKE '+1202555030%' ORDER BY phone_e164`, [tenant.orgId]);
    expect(contacts).toEqual([
      { phone_e164: '+12025550301', name: 'Ana Lima', language: 'pt-BR', tags: ['vip', 'shoes', 'spring fair'], attributes: { city: 'Lisbon', vip: true } },
      { phone_e164: '+12025550302', name: 'Bo Chen', language: 'en', tags: ['spring fair'], attributes: { city: 'Denver', vip: false } },
      { phone_e164: '+12025550303', name: 'Cy', language: null, tags: ['spring fair'], attributes: {} },
      { phone_e164: '+12025550304', name: 'Dee', language: 'en', tags: ['spring fair'], attributes: {} },
    ]);

    const records = await q(`
      SELECT c.phone_e164, r.purpose, r.state, r.source, r.proof, r.actor FROM consent_records r JOIN contacts c ON c.org_id = r.org_id AND c.id = r.contact_id
      WHERE r.org_id = $1 AND r.proof->>'import_id' = $2 ORDER BY r.seq`, [tenant.orgId, created.body.id]);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      phone_e164: '+12025550301', purpose: 'marketing', state: 'opted_in', source: 'import', actor: expect.stringMatching(/^api_key:key_/),
      proof: { import_id: created.body.id, import_file: 'contacts.csv', import_row: 2, text: AGREED, url: 'https://acme.example/join', ip: '203.0.113.7', collected_via: 'web form', captured_at: '2025-03-01T10:00:00.000Z' },
    });
    expect(records[1].proof).toMatchObject({ import_row: 3, ip: '2001:db8::1', captured_at: '2025-03-02T00:00:00.000Z' });
    expect(records[2]).toMatchObject({ phone_e164: '+12025550304', state: 'opted_out', proof: { import_row: 5 } });
    const states = await q(`SELECT c.phone_e164, s.state FROM consent_state s JOIN contacts c ON c.org_id = s.org_id AND c.id = s.contact_id WHERE s.org_id = $1 AND s.purpose = 'marketing' ORDER BY 1`, [tenant.orgId]);
    expect(states).toEqual([{ phone_e164: '+12025550301', state: 'opted_in' }, { phone_e164: '+12025550302', state: 'opted_in' }, { phone_e164: '+12025550304', state: 'opted_out' }]);
    expect(await chainBreak(tenant.orgId)).toBeNull();
  });

  it('rejects rows one by one, with the reason and the original cells in a CSV report', async () => {
    const csv = [
      'phone,name,vip,tier,consent,text',
      `+12025550401,Ok,true,gold,opted_in,"${AGREED}"`,
      `12345,Short,true,gold,opted_in,"${AGREED}"`,
      `+12025550403,Wrong type,maybe,gold,opted_in,"${AGREED}"`,
      `+12025550404,Wrong enum,true,bronze,opted_in,"${AGREED}"`,
      `+12025550405,No WhatsApp,true,gold,opted_in,"Acme Shoes may text me"`,
      `+12025550406,No business,true,gold,opted_in,"Anyone may message me on WhatsApp"`,
      `+12025550407,Ragged,true`,
      `,No phone,true,gold,,`,
      `+12025550409,"=cmd|' /C calc'!A0",true,gold,maybe,"${AGREED}"`,
    ].join('\n');
    const created = await upload(tenant.apiKey, csv, { phone: 'phone', name: 'name', attributes: { vip: 'vip', tier: 'tier' } }, { purpose: 'marketing', state: { column: 'consent' }, text: { column: 'text' } });
    expect(created.status).toBe(202);
    const done = await finished(tenant.apiKey, created.body.id);
    expect(done.progress).toMatchObject({ rows_read: 9, created: 1, rejected: 8, consents_recorded: 1 });

    const { res, rows } = await rejections(tenant.apiKey, created.body.id);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(rows[0]).toEqual(['row', 'reason', 'phone', 'name', 'vip', 'tier', 'consent', 'text']);
    const byRow = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byRow.keys()]).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(byRow.get('3')![1]).toMatch(/invalid phone number "12345"/);
    expect(byRow.get('3')!.slice(2)).toEqual(['12345', 'Short', 'true', 'gold', 'opted_in', AGREED]);
    expect(byRow.get('4')![1]).toMatch(/attribute "vip" must be true or false/);
    expect(byRow.get('5')![1]).toMatch(/attribute "tier" must be one of "gold", "silver"/);
    expect(byRow.get('6')![1]).toMatch(/WhatsApp/);
    expect(byRow.get('7')![1]).toMatch(/must name the business \("Acme Shoes"\)/);
    expect(byRow.get('8')![1]).toBe('the row has 3 cells; the header has 6');
    expect(byRow.get('8')!.slice(2)).toEqual(["'+12025550407", 'Ragged', 'true']);
    expect(byRow.get('9')![1]).toBe('no phone number');
    // The formula stays text in the report: a spreadsheet opening it shows the cell, it does not run it.
    expect(byRow.get('10')![1]).toMatch(/consent state "maybe"/);
    expect(byRow.get('10')![3]).toBe(`'=cmd|' /C calc'!A0`);
    expect((await q(`SELECT count(*)::int AS n FROM contacts WHERE org_id = $1 AND phone_e164 LIKE '+1202555040%'`, [tenant.orgId]))[0].n).toBe(1);
  });

  it('stores a formula-looking name as plain text, exactly as written', async () => {
    const name = `=HYPERLINK("http://evil.example","Click")`;
    const created = await upload(tenant.apiKey, `phone,name\n+12025550501,"${name.replace(/"/g, '""')}"\n`, { phone: 'phone', name: 'name' });
    await finished(tenant.apiKey, created.body.id);
    expect((await q(`SELECT name FROM contacts WHERE org_id = $1 AND phone_e164 = '+12025550501'`, [tenant.orgId]))[0].name).toBe(name);
  });

  it('dedupes by normalized number: the last row in the file wins, existing contacts are updated, across batches', async () => {
    const existing = await findOrCreateContact(db(), tenant.orgId, '+12025559000', { name: 'Old Name' });
    await q(`UPDATE contacts SET tags = '{loyal}', attributes = '{"city":"Austin"}' WHERE org_id = $1 AND id = $2`, [tenant.orgId, existing.id]);
    const rows = ['phone,name,city,tags'];
    // 2,000 numbers over five batches of 400; every tenth number appears again later in the file in another format.
    for (let i = 0; i < 2000; i++) rows.push(`+1202556${String(i).padStart(4, '0')},First ${i},,`);
    for (let i = 0; i < 2000; i += 10) rows.push(`(202) 556-${String(i).padStart(4, '0')},Last ${i},,`);
    rows.push('202.555.9000,,Boston,new');
    rows.push('+1 202 556 0001,Same Batch A,,');
    rows.push('+12025560001,Same Batch B,,');
    const created = await upload(tenant.apiKey, rows.join('\n'), { phone: 'phone', name: 'name', tags: 'tags', attributes: { city: 'city' } });
    const done = await finished(tenant.apiKey, created.body.id);
    expect(done.progress).toMatchObject({ rows_read: 2203, created: 2000, rejected: 0 });
    // 200 repeats in later batches update what the earlier batch wrote; the existing contact is updated; within a batch the two
    // rows of +12025560001 count one duplicate, and that number's later batch updates it once more.
    expect(done.progress.updated + done.progress.duplicates).toBe(203);
    expect(done.progress.duplicates).toBeGreaterThanOrEqual(1);
    const names = await q(`SELECT phone_e164, name FROM contacts WHERE org_id = $1 AND phone_e164 IN ('+12025560000', '+12025560005', '+12025560001', '+12025561990')`, [tenant.orgId]);
    expect(Object.fromEntries(names.map((r: any) => [r.phone_e164, r.name]))).toEqual({
      '+12025560000': 'Last 0', '+12025560005': 'First 5', '+12025560001': 'Same Batch B', '+12025561990': 'Last 1990',
    });
    expect((await q(`SELECT count(*)::int AS n FROM contacts WHERE org_id = $1 AND phone_e164 LIKE '+1202556%'`, [tenant.orgId]))[0].n).toBe(2000);
    const updated = (await q(`SELECT name, tags, attributes FROM contacts WHERE org_id = $1 AND id = $2`, [tenant.orgId, existing.id]))[0];
    // An empty cell keeps the value; tags are added; attributes merge.
    expect(updated).toEqual({ name: 'Old Name', tags: ['loyal', 'new'], attributes: { city: 'Boston' } });
  });

  it('never opts a contact back in after they opted out', async () => {
    const c = await findOrCreateContact(db(), tenant.orgId, '+12025550601');
    await appendConsents(db(), tenant.orgId, [{ contactId: c.id, purpose: 'all', state: 'opted_out', source: 'keyword', proof: { text: 'STOP' }, actor: 'customer' }]);
    const created = await upload(tenant.apiKey, `phone\n+12025550601\n+12025550602\n`, { phone: 'phone' }, { purpose: 'marketing', state: { value: 'opted_in' }, text: { value: AGREED } });
    const done = await finished(tenant.apiKey, created.body.id);
    expect(done.progress).toMatchObject({ rows_read: 2, created: 1, rejected: 1, consents_recorded: 1 });
    const { rows } = await rejections(tenant.apiKey, created.body.id);
    expect(rows[1]!.slice(0, 2)).toEqual(['2', expect.stringMatching(/opted out on .*cannot opt them back in/)]);
    const state = await q(`SELECT state FROM consent_state WHERE org_id = $1 AND contact_id = $2`, [tenant.orgId, c.id]);
    expect(state).toEqual([{ state: 'opted_out' }]);
  });

  it('lists imports newest first, and hides them from other organizations', async () => {
    const list = await t.api('GET', '/v1/contacts/imports?limit=2', { key: tenant.apiKey });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.data[0].id > list.body.data[1].id).toBe(true);
    expect(list.body.next_cursor).toEqual(expect.any(String));
    const next = await t.api('GET', `/v1/contacts/imports?limit=2&cursor=${list.body.next_cursor}`, { key: tenant.apiKey });
    expect(next.body.data[0].id < list.body.data[1].id).toBe(true);

    const other = await t.createTenant('Other');
    const id = list.body.data[0].id;
    expect((await t.api('GET', `/v1/contacts/imports/${id}`, { key: other.apiKey })).status).toBe(404);
    expect((await t.api('GET', `/v1/contacts/imports/${id}/rejections.csv`, { key: other.apiKey })).status).toBe(404);
    expect((await t.api('GET', '/v1/contacts/imports', { key: other.apiKey })).body.data).toEqual([]);
  });

  it('resumes after a failed batch from its last committed batch, writing each row once', async () => {
    // A fault in the database: any batch holding this number fails, as a worker dying mid-batch would leave it.
    await db().exec(`
      CREATE FUNCTION import_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.phone_e164 = '+12025571000' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$;
      CREATE TRIGGER import_fault BEFORE INSERT ON contacts FOR EACH ROW EXECUTE FUNCTION import_fault();`);
    const rows = ['phone,consent'];
    for (let i = 0; i < 2000; i++) rows.push(`+1202557${String(i).padStart(4, '0')},yes`);
    const created = await upload(tenant.apiKey, rows.join('\n'), { phone: 'phone' }, { purpose: 'utility', state: { column: 'consent' }, text: { value: AGREED } });
    // Row 1,002 (number 1000) is in the third batch of 400: two batches commit, the third fails, again and again.
    const stuck = await t.waitFor('the failing batch to be retried', async () => {
      const [row] = await q(`SELECT rows_read, attempts, status FROM contact_imports WHERE org_id = $1 AND id = $2`, [tenant.orgId, created.body.id]);
      return row.attempts >= 2 ? row : null;
    });
    expect(stuck).toMatchObject({ rows_read: 800, status: 'processing' });
    await db().exec(`DROP TRIGGER import_fault ON contacts; DROP FUNCTION import_fault();`);
    const done = await finished(tenant.apiKey, created.body.id);
    expect(done).toMatchObject({ status: 'completed', progress: { rows_read: 2000, created: 2000, updated: 0, rejected: 0, consents_recorded: 2000 } });
    const [counts] = await q(`
      SELECT count(*)::int AS records, count(DISTINCT proof->>'import_row')::int AS rows, count(DISTINCT contact_id)::int AS contacts
      FROM consent_records WHERE org_id = $1 AND proof->>'import_id' = $2`, [tenant.orgId, created.body.id]);
    expect(counts).toEqual({ records: 2000, rows: 2000, contacts: 2000 });
    expect((await q(`SELECT count(*)::int AS n FROM contact_import_chunks WHERE import_id = $1`, [created.body.id]))[0].n).toBe(0);
    expect(await chainBreak(tenant.orgId)).toBeNull();
  });
});
