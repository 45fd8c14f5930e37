// node bench/contacts-import.ts — (also run at the end of `npm run bench`)
// 1,000,000 contacts with their consent through POST /v1/contacts/imports, on PostgreSQL (DATABASE_URL; a fresh
// database, dropped afterwards) or PGlite. The CSV is generated on disk, streamed to the platform over HTTP, and
// processed by its worker; the figure is the time from the first byte sent to the import's "completed". Beside it,
// a ceiling measured in the same run: the same file parsed and its rows inserted with bare unnest statements into
// tables with the same columns and indexes as contacts and consent_records (no validation, no dedupe, no hashing).
//
//   BENCH_IMPORT_ROWS     rows in the file (1,000,000)          BENCH_IMPORT_GOAL_S   the goal (120 s)

import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished as streamFinished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import pg from 'pg';
import { readConfig } from '../src/config.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startPlatform, type Platform } from '../src/platform.ts';
import { createApiKey } from '../src/tenancy/api-keys.ts';
import { createOrganization } from '../src/tenancy/create-organization.ts';

const ROWS = Number(process.env['BENCH_IMPORT_ROWS'] ?? 1_000_000);
const GOAL_S = Number(process.env['BENCH_IMPORT_GOAL_S'] ?? 120);
const BUSINESS = 'Bench Shoes';
const CONSENT_TEXT = `I agree to receive offers from ${BUSINESS} on WhatsApp.`;
const CEILING_BATCH = 5000;

const progress = (text: string) => process.stderr.write(`[import bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
// Run from an export of a commit (not a repository), BENCH_COMMIT names it.
const commit = () => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return process.env['BENCH_COMMIT'] ?? '?'; } };
const uptime = () => { try { return execFileSync('uptime', { encoding: 'utf8' }).trim(); } catch { return `load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}`; } };

/** The file: every row a distinct US number with name, language, tags, an attribute and an opt-in with its proof; 1 in 1,000 numbers invalid. */
async function writeCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('phone,name,language,tags,city,consent,consented_at,consent_text,form_url,ip\n');
  const cities = ['Lisbon', 'Denver', 'Pune', 'São Paulo', 'Madrid'];
  let lines: string[] = [];
  let invalid = 0;
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 1000 === 999;
    if (bad) invalid += 1;
    const phone = bad ? `12${i}` : `+1212${String(2_000_000 + i).padStart(7, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${phone},Customer ${i},${i % 3 ? 'en' : 'pt-BR'},${i % 2 ? 'shoes;fair' : 'shoes'},${cities[i % 5]},yes,2025-02-${day}T10:00:00Z,"${CONSENT_TEXT}",https://bench.example/join,198.51.100.${i % 250}`);
    if (lines.length === 10_000) {
      if (!out.write(lines.join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  out.end(lines.length ? lines.join('\n') + '\n' : '');
  await streamFinished(out);
  return invalid;
}

/** Streams the file as a multipart upload (mapping first), the way a client with a large file would. */
function uploadFile(url: string, apiKey: string, path: string, size: number): Promise<{ status: number; body: any }> {
  const boundary = `bench${randomBytes(8).toString('hex')}`;
  const mapping = { phone: 'phone', name: 'name', language: 'language', tags: 'tags', attributes: { city: 'city' } };
  const consent = {
    purpose: 'marketing', state: { column: 'consent' }, captured_at: { column: 'consented_at' }, text: { column: 'consent_text' },
    url: { column: 'form_url' }, ip: { column: 'ip' }, source: { value: 'web form' },
  };
  const field = (name: string, value: string) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(field('mapping', JSON.stringify(mapping)) + field('consent', JSON.stringify(consent))
    + `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="contacts-1m.csv"\r\ncontent-type: text/csv\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const target = new URL('/v1/contacts/imports', url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': head.length + size + tail.length },
    }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.write(head);
    const file = createReadStream(path, { highWaterMark: 1024 * 1024 });
    file.on('error', reject);
    file.on('end', () => req.end(tail));
    file.pipe(req, { end: false });
  });
}

async function ceiling(platform: Platform, orgId: string, path: string): Promise<number> {
  const db = platform.deps.db;
  await db.exec(`CREATE TABLE bench_ceiling_contacts (LIKE contacts INCLUDING ALL); CREATE TABLE bench_ceiling_consents (LIKE consent_records INCLUDING ALL);`);
  const started = performance.now();
  const parser = createReadStream(path).pipe(parse({ from_line: 2, relax_column_count: true }));
  let batch: string[][] = [];
  let seq = 0;
  const flush = async () => {
    const ids = batch.map((_, i) => `ct_bench${seq + i}`);
    await db.transaction(async (tx) => {
      await tx.queryRaw(`INSERT INTO bench_ceiling_contacts (org_id, id, phone_e164, name, language, tags, attributes)
        SELECT $1, v.id, v.phone, v.name, v.language, string_to_array(v.tags, ';'), jsonb_build_object('city', v.city)
        FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS v(id, phone, name, language, tags, city)`,
      [orgId, ids, batch.map((r) => r[0]), batch.map((r) => r[1]), batch.map((r) => r[2]), batch.map((r) => r[3]), batch.map((r) => r[4])]);
      await tx.queryRaw(`INSERT INTO bench_ceiling_consents (org_id, seq, id, contact_id, purpose, state, source, proof, proof_digest, actor, recorded_at, prev_hash, hash)
        SELECT $1, v.seq, 'cns_' || v.id, v.id, 'marketing', 'opted_in', 'import', v.proof::jsonb, 'd', 'api_key:bench', now(), 'p', 'h'
        FROM unnest($2::bigint[], $3::text[], $4::text[]) AS v(seq, id, proof)`,
      [orgId, ids.map((_, i) => seq + i + 1), ids, batch.map((r) => JSON.stringify({ text: r[7], url: r[8], ip: r[9], captured_at: r[6] }))]);
    });
    seq += batch.length;
    batch = [];
  };
  for await (const record of parser as AsyncIterable<string[]>) {
    batch.push(record);
    if (batch.length === CEILING_BATCH) await flush();
  }
  if (batch.length) await flush();
  const seconds = (performance.now() - started) / 1000;
  await db.exec(`DROP TABLE bench_ceiling_contacts; DROP TABLE bench_ceiling_consents;`);
  return seconds;
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try { return (await client.query(text)).rows; } finally { await client.end(); }
}

export async function main(): Promise<void> {
  const loadBefore = uptime();
  progress(`${cpus().length} cores; ${loadBefore}`);
  const dir = await mkdtemp(join(tmpdir(), 'xpecto-import-bench-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production', PORT: '0', DATA_DIR: dir, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'warn',
    IMPORT_MAX_BYTES: String(4 * 1024 ** 3),
  };
  let database = 'PGlite (embedded, temporary data directory)';
  let drop = async () => {};
  const baseUrl = process.env['DATABASE_URL'];
  if (baseUrl) {
    const name = `xpecto_bench_import_${randomBytes(4).toString('hex')}`;
    await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    database = `PostgreSQL ${(await adminQuery(baseUrl, 'SHOW server_version'))[0]!['server_version']} (fresh database, dropped afterwards)`;
    drop = async () => { await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); };
  }
  const problems: string[] = [];
  const log = createLogger('warn', new Writable({ write(chunk, _e, done) { if (problems.length < 50) problems.push(String(chunk)); done(); } }));
  let platform: Platform | null = null;
  try {
    const csv = join(dir, 'contacts.csv');
    progress(`writing ${fmt(ROWS)} rows to ${csv}`);
    const invalid = await writeCsv(csv);
    const size = (await stat(csv)).size;
    platform = await startPlatform(readConfig(env), log, { api: true, worker: true }, 'http://127.0.0.1:9');
    const org = await createOrganization(platform.deps.db, { name: BUSINESS });
    const { secret } = await createApiKey(platform.deps.db, org.id, { name: 'bench', mode: 'test' });
    await platform.deps.db.queryRaw(`INSERT INTO consent_settings (org_id, business_name) VALUES ($1, $2) ON CONFLICT (org_id) DO UPDATE SET business_name = excluded.business_name`, [org.id, BUSINESS]);
    await platform.deps.db.queryRaw(`INSERT INTO contact_attributes (org_id, key, label, type) VALUES ($1, 'city', 'City', 'text')`, [org.id]);

    progress(`uploading ${fmt(size / 2 ** 20)} MiB to ${database}`);
    const baseRss = process.memoryUsage().rss;
    const peak = { upload: baseRss, processing: baseRss };
    let phase: keyof typeof peak = 'upload';
    const sampler = setInterval(() => { peak[phase] = Math.max(peak[phase], process.memoryUsage().rss); }, 200);
    const started = performance.now();
    const uploaded = await uploadFile(platform.url!, secret, csv, size);
    const uploadS = (performance.now() - started) / 1000;
    if (uploaded.status !== 202) throw new Error(`upload refused: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    progress(`uploaded in ${fmt(uploadS, 1)} s; processing`);
    phase = 'processing';
    let done: any;
    for (;;) {
      done = (await platform.deps.db.queryRaw(`SELECT status, rows_read, created, rejected, consents, error FROM contact_imports WHERE id = $1`, [uploaded.body.id])).rows[0];
      if (done.status === 'completed' || done.status === 'failed') break;
      if ((performance.now() - started) / 1000 > 20 * GOAL_S) throw new Error('the import did not finish within 20 × the goal');
      await sleep(250);
    }
    const totalS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const loadAfter = uptime();
    progress(`import ${done.status} in ${fmt(totalS, 1)} s; measuring the ceiling`);
    const contacts = Number((await platform.deps.db.queryRaw(`SELECT count(*) AS n FROM contacts WHERE org_id = $1`, [org.id])).rows[0]!['n']);
    const ceilingS = await ceiling(platform, org.id, csv);

    const rate = Number(done.rows_read) / totalS;
    const lines = [
      `## ${new Date().toISOString().slice(0, 10)} — contact import, ${fmt(ROWS)} rows (commit ${commit()})`,
      '',
      `- database: ${database}; ${cpus().length} cores`,
      `- load before: \`${loadBefore}\`; after the import: \`${loadAfter}\``,
      `- file: ${fmt(size / 2 ** 20)} MiB, ${fmt(ROWS)} rows (${fmt(invalid)} with an invalid number), 10 columns with an opt-in and its proof on every row`,
      '',
      '| | time | rows/s |',
      '|---|---|---|',
      `| **import**: upload + worker, from the first byte to "completed" | **${fmt(totalS, 1)} s** (upload ${fmt(uploadS, 1)} s) | ${fmt(rate)} |`,
      `| ceiling: the same file parsed, bare unnest INSERTs into tables shaped like contacts and consent_records | ${fmt(ceilingS, 1)} s | ${fmt(ROWS / ceilingS)} |`,
      '',
      `- import = ${fmt((100 * ceilingS) / totalS)} % of the ceiling's rate; goal ${fmt(ROWS)} rows < ${GOAL_S} s: **${done.status === 'completed' && totalS < GOAL_S ? 'met' : 'MISSED'}**`,
      `- outcome: ${done.status}; read ${fmt(Number(done.rows_read))}, created ${fmt(Number(done.created))}, rejected ${fmt(Number(done.rejected))}, consent records ${fmt(Number(done.consents))}; contacts in the organization: ${fmt(contacts)}${done.error ? `; error: ${JSON.stringify(done.error)}` : ''}`,
      `- resident memory of this process (bench client + API + worker): ${fmt(baseRss / 2 ** 20)} MiB before the upload, peak ${fmt(peak.upload / 2 ** 20)} MiB while uploading, ${fmt(peak.processing / 2 ** 20)} MiB while processing`,
      ...(problems.length ? [`- log lines at warn or above: ${problems.length}`, ...problems.slice(0, 5).map((p) => `  - ${p.trim().slice(0, 300)}`)] : []),
    ];
    process.stdout.write(lines.join('\n') + '\n');
    if (done.status !== 'completed') process.exitCode = 1;
  } finally {
    await platform?.stop();
    await drop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`import bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
