import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

let t: TestPlatform;
let tenant: Tenant;
const LIMIT = 1024 * 1024;
const MAPPING = { phone: 'Phone', name: 'Name' };

async function upload(file: Buffer | string, options: { mapping?: unknown; mappingRaw?: string; filename?: string } = {}) {
  const form = new FormData();
  if (options.mappingRaw !== undefined) form.append('mapping', options.mappingRaw);
  else if (options.mapping !== null) form.append('mapping', JSON.stringify(options.mapping ?? MAPPING));
  form.append('file', new Blob([file]), options.filename ?? 'contacts.csv');
  const res = await fetch(`${t.url}/v1/contacts/imports`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function finished(id: string) {
  return t.waitFor(`import ${id} to finish`, async () => {
    const r = await t.api('GET', `/v1/contacts/imports/${id}`, { key: tenant.apiKey });
    return ['completed', 'failed'].includes(r.body.status) ? r.body : null;
  });
}

const count = async (table: string) => Number((await t.platform.deps.db.queryRaw<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);

/** Nothing of a refused upload stays behind: no import, no stored chunk, no contact. */
async function expectNothingKept(contactsBefore: number) {
  expect(await count(`contact_imports WHERE status = 'uploading'`)).toBe(0);
  expect(await count('contact_import_chunks')).toBe(0);
  expect(await count('contacts')).toBe(contactsBefore);
}

/**
 * A multipart upload written by hand over one HTTP connection, so the test controls the bytes on the wire:
 * a declared Content-Length, or a chunked body of `bodyBytes` that the server may stop reading.
 */
function rawUpload(options: { declaredLength?: number; bodyBytes: number }): Promise<{ status: number; body: string; written: number; connection: string | undefined }> {
  const boundary = 'xpectoboundary';
  const head = Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="mapping"\r\n\r\n${JSON.stringify(MAPPING)}\r\n`
    + `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="big.csv"\r\ncontent-type: text/csv\r\n\r\nPhone,Name\n`);
  const url = new URL(`${t.url}/v1/contacts/imports`);
  return new Promise((resolve, reject) => {
    let written = 0;
    const headers: Record<string, string | number> = { authorization: `Bearer ${tenant.apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` };
    if (options.declaredLength !== undefined) headers['content-length'] = options.declaredLength;
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers });
    let done = false;
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => { done = true; resolve({ status: res.statusCode!, body, written, connection: res.headers.connection }); });
    });
    // The server hangs up on purpose once it has answered; the write side then fails, which is expected here.
    req.on('error', (error) => { if (!done) setTimeout(() => reject(error), 1000); });
    const row = Buffer.from('+12025550199,Someone With A Long Enough Name To Fill The Line\n'.repeat(1000));
    const pump = () => {
      while (written < options.bodyBytes && !req.destroyed) {
        written += row.length;
        if (!req.write(written === row.length ? Buffer.concat([head, row]) : row)) { req.once('drain', pump); return; }
      }
      if (options.declaredLength === undefined && !req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

beforeAll(async () => {
  t = await startTestPlatform({ env: { IMPORT_MAX_BYTES: String(LIMIT), IMPORT_BATCH_ROWS: '100' } });
  tenant = await t.createTenant('Bad Input');
});
afterAll(async () => t?.close());

describe('contact imports refuse bad files clearly, and the process lives on', () => {
  it('takes UTF-8 with a byte-order mark, and refuses UTF-16 (with or without one) and Latin-1 bytes', async () => {
    const before = await count('contacts');
    const bom = await upload(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Phone,Name\n+12025550701,Zoë\n')]));
    expect(bom.status).toBe(202);
    expect(bom.body.columns).toEqual(['Phone', 'Name']);
    expect((await finished(bom.body.id)).progress).toMatchObject({ created: 1, rejected: 0 });

    const text = 'Phone,Name\n+12025550702,Zoë\n';
    for (const [what, bytes] of [
      ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
      ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
      ['UTF-16LE without BOM', Buffer.from(text, 'utf16le')],
    ] as const) {
      const r = await upload(bytes);
      expect(r.status, what).toBe(415);
      expect(r.body.error.code, what).toBe('file_not_utf8');
      expect(r.body.error.message, what).toMatch(/UTF-16/);
    }
    const latin1 = await upload(Buffer.from(text, 'latin1'));
    expect(latin1.status).toBe(415);
    expect(latin1.body.error).toMatchObject({ code: 'file_not_utf8', message: expect.stringMatching(/not UTF-8 near byte/) });
    await expectNothingKept(before + 1);
  });

  it('refuses files that are not CSV: binary, NUL bytes, spreadsheets, no header', async () => {
    const before = await count('contacts');
    const xlsx = await upload(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 7)]), { filename: 'contacts.xlsx' });
    expect(xlsx.status).toBe(415);
    expect(xlsx.body.error).toMatchObject({ code: 'file_not_csv', message: expect.stringMatching(/spreadsheet.*CSV UTF-8/) });
    const nul = await upload(Buffer.concat([Buffer.from('Phone,Name\n+12025550703,A'), Buffer.from([0, 1, 2, 3, 0, 0, 9]), Buffer.from('\n')]));
    expect(nul.status).toBe(415);
    expect(nul.body.error).toMatchObject({ code: 'file_not_csv', message: expect.stringMatching(/binary data \(a NUL byte at byte 25\)/) });
    const png = await upload(Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(100, 1)]));
    expect(png.body.error).toMatchObject({ code: 'file_not_csv', message: expect.stringMatching(/PNG/) });
    const empty = await upload('');
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/empty/);
    await expectNothingKept(before);
  });

  it('checks the mapping against the header before any row is written', async () => {
    const before = await count('contacts');
    const csv = 'Phone,Name\n+12025550704,Ann\n';
    const missing = await upload(csv, { mapping: { phone: 'Mobile', name: 'Name', attributes: { city: 'City' } } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details).toEqual(expect.arrayContaining([
      { path: 'mapping.phone', message: 'the column "Mobile" is not in the file\'s header (its columns: "Phone", "Name")' },
      { path: 'mapping.attributes.city', message: expect.stringMatching(/not a defined attribute/) },
    ]));
    const noMapping = await upload(csv, { mapping: null });
    expect(noMapping.body.error.details).toEqual([{ path: 'mapping', message: expect.stringMatching(/is required/) }]);
    const badJson = await upload(csv, { mappingRaw: '{"phone":' });
    expect(badJson.body.error.details).toEqual([{ path: 'mapping', message: 'is not valid JSON' }]);
    const notCsv = await upload('just some words, in a text file without the columns\n');
    expect(notCsv.status).toBe(400);
    expect(notCsv.body.error.details[0].path).toBe('mapping.phone');
    await expectNothingKept(before);
  });

  it('refuses a file over the limit with 413 as soon as it passes the limit, without reading the rest', async () => {
    const before = await count('contacts');
    // Declared up front (a 2 GB upload): refused on the headers alone, the body never read.
    const declared = await rawUpload({ declaredLength: 2 * 1024 ** 3, bodyBytes: 256 * 1024 });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).error).toMatchObject({ code: 'payload_too_large', details: { limit: LIMIT } });
    expect(declared.connection).toBe('close');
    // Streamed without a length: counted as it arrives, refused at the limit, and the connection closed rather than drained.
    const rss = process.memoryUsage().rss;
    const streamed = await rawUpload({ bodyBytes: 200 * LIMIT });
    expect(streamed.status).toBe(413);
    expect(streamed.connection).toBe('close');
    expect(streamed.written).toBeLessThan(100 * LIMIT);
    expect(process.memoryUsage().rss - rss).toBeLessThan(100 * LIMIT);
    await expectNothingKept(before);
    // Just under the limit is fine.
    const rows = ['Phone,Name'];
    const filler = 'x'.repeat(200);
    for (let i = 0; rows.length * 230 < LIMIT - 1000; i++) rows.push(`+1202558${String(i).padStart(4, '0')},Name ${i} ${filler}`);
    const fits = await upload(rows.join('\n'));
    expect(fits.status).toBe(202);
    expect((await finished(fits.body.id)).status).toBe('completed');
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });

  it('rejects ragged rows one by one and keeps formula cells as text', async () => {
    const csv = 'Phone,Name\n+12025550705,"=cmd|\' /C calc\'!A0"\n+12025550706\n+12025550707,Too,Many,Cells\n@SUM(1+1),x\n';
    const r = await upload(csv);
    const done = await finished(r.body.id);
    expect(done.progress).toMatchObject({ rows_read: 4, created: 1, rejected: 3 });
    const name = await t.platform.deps.db.queryRaw<{ name: string }>(`SELECT name FROM contacts WHERE org_id = $1 AND phone_e164 = '+12025550705'`, [tenant.orgId]);
    expect(name.rows[0]!.name).toBe(`=cmd|' /C calc'!A0`);
    const res = await fetch(`${t.url}/v1/contacts/imports/${r.body.id}/rejections.csv`, { headers: { authorization: `Bearer ${tenant.apiKey}` } });
    const report = Buffer.from(await res.arrayBuffer()).toString('utf8'); // as bytes: text() would drop the byte-order mark
    expect(report).toBe('\uFEFFrow,reason,Phone,Name\r\n'
      + `3,the row has 1 cells; the header has 2,'+12025550706\r\n`
      + `4,the row has 4 cells; the header has 2,'+12025550707,Too,Many,Cells\r\n`
      + `5,"invalid phone number ""@SUM(1+1)"": This is not a phone number.",'@SUM(1+1),x\r\n`);
  });

  it('stops a file that breaks CSV part-way (an unclosed quote) at that row, keeping the rows before it', async () => {
    const rows = ['Phone,Name'];
    for (let i = 0; i < 250; i++) rows.push(`+1202559${String(i).padStart(4, '0')},Row ${i}`);
    rows.push('+12025599999,"never closed');
    for (let i = 0; i < 10; i++) rows.push(`+1202559${String(5000 + i)},After`);
    const r = await upload(rows.join('\n'));
    expect(r.status).toBe(202);
    const done = await finished(r.body.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatchObject({ row: 252, message: expect.stringMatching(/^Row 252 cannot be read as CSV: Quote Not Closed/) });
    expect(done.progress).toMatchObject({ rows_read: 250, created: 250 });
    expect((await t.api('GET', '/healthz')).status).toBe(200);
  });

  it('refuses an upload without a file, and one that is not multipart', async () => {
    const form = new FormData();
    form.append('mapping', JSON.stringify(MAPPING));
    const noFile = await fetch(`${t.url}/v1/contacts/imports`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}` }, body: form });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as any).error.details).toEqual([{ path: 'file', message: expect.stringMatching(/is required/) }]);
    const json = await t.api('POST', '/v1/contacts/imports', { key: tenant.apiKey, body: { mapping: MAPPING } });
    expect(json.status).toBe(415);
  });
});
