// npm run bench — the platform's speed, each figure beside a ceiling measured in the same run on the
// same machine and database. PGlite by default; DATABASE_URL=postgres://… runs on a fresh PostgreSQL
// database created (and dropped) for the run. Load goes to 127.0.0.1 only and every phase is bounded.
//
//   BENCH_DURATION_S   seconds per load run (default 8)     BENCH_CONCURRENCY   connections (default 50)
//   BENCH_E2E_SENDS    sends in the end-to-end run (200)     BENCH_E2E_INTERVAL_MS  between its sends (100)
//   BENCH_DRAIN_S      cap on the dispatch drain (60)        BENCH_PROCESS_S     window for webhook processing (20)
//   BENCH_DISPATCH_N   least dispatch backlog (5000)         BENCH_DISPATCH_MPS  the number's rate while dispatching (100000)

import { cpus, loadavg, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { SIMULATOR_DEFAULTS } from '../simulator/server.ts';
import { startCeilingServer } from './ceilings.ts';
import { openEnvironment, SIM, type BenchPlatform as Platform, type Environment, type Tenant } from './environment.ts';
import { runLoad, type LoadResult, type LoadSpec } from './load.ts';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback) * 1000;
const DURATION_MS = seconds('BENCH_DURATION_S', 8);
const WARMUP_MS = 1000;
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 50);
const E2E_SENDS = Number(process.env['BENCH_E2E_SENDS'] ?? 200);
const E2E_INTERVAL_MS = Number(process.env['BENCH_E2E_INTERVAL_MS'] ?? 100);
const DRAIN_CAP_MS = seconds('BENCH_DRAIN_S', 60);
const PROCESS_CAP_MS = seconds('BENCH_PROCESS_S', 20);
const DISPATCH_N = Number(process.env['BENCH_DISPATCH_N'] ?? 5000);
/**
 * Dispatch is measured for what the machine can do, not what Meta allows: the simulator's limits are off,
 * so the platform's own pacing is lifted too (the number's rate and the 6 s pair interval).
 */
const UNPACED: Record<string, string> = { THROUGHPUT_HIGH_MPS: process.env['BENCH_DISPATCH_MPS'] ?? '100000', PAIR_RATE_INTERVAL_MS: '0' };
/** Status webhooks held back while dispatch is measured, so they do not compete with it. */
const HELD_BACK = { sent: 3_600_000, delivered: 3_600_000, read: 3_600_000 };
const HELLO = { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

type Row = { section: string; what: string; conc: string; rate: string; p50: string; p99: string; errors: string; share: string };
const rows: Row[] = [];
const notes: string[] = [];

const fmt = (n: number, digits = 0) => Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
// autocannon reports whole milliseconds, so 0 means "under one".
const ms = (n: number) => !Number.isFinite(n) ? '—' : n === 0 ? '<1 ms' : `${fmt(n, n < 10 ? 1 : 0)} ms`;
const pct = (part: number, whole: number) => Number.isFinite(part / whole) ? `${fmt((100 * part) / whole, part / whole < 0.1 ? 1 : 0)} %` : '';
function errorsOf(r: LoadResult) {
  if (r.errors === 0) return '0';
  const bad = Object.entries(r.statuses).filter(([s]) => !/^2/.test(s)).map(([s, n]) => `${n}×${s}`).join(', ');
  return `${r.errors} (${bad})`;
}
function loadRow(section: string, what: string, r: LoadResult, conc: number | string, share = '', unit = 'req/s'): void {
  rows.push({ section, what, conc: String(conc), rate: `${fmt(r.rps)} ${unit}`, p50: ms(r.p50), p99: ms(r.p99), errors: errorsOf(r), share });
  for (const sample of r.errorSamples) notes.push(`${what}: ${sample}`);
}
function progress(text: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
}

function spec(url: string, body: LoadSpec['body'], extra: Partial<LoadSpec> = {}): LoadSpec {
  return { url, method: 'POST', body, concurrency: CONCURRENCY, warmupMs: WARMUP_MS, durationMs: DURATION_MS, ...extra };
}

async function count(platform: { deps: { db: { queryRaw: (t: string, v?: unknown[]) => Promise<{ rows: any[] }> } } }, text: string, values: unknown[] = []) {
  const { rows: result } = await platform.deps.db.queryRaw(text, values);
  return Number(Object.values(result[0] ?? { n: 0 })[0] ?? 0);
}

/** Waits until a count stops moving (requests still in flight when the load stopped), and returns it. */
async function settled(read: () => Promise<number>): Promise<number> {
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await sleep(300);
    const now = await read();
    if (now === last) return now;
    last = now;
  }
  return last;
}

/** Polls until `done` says so or the cap passes; returns whether it finished. */
async function waitUntil(done: () => Promise<boolean>, capMs: number, everyMs = 250): Promise<boolean> {
  const deadline = Date.now() + capMs;
  for (;;) {
    if (await done()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
}

const loadAtStart = loadavg()[0]!;

async function main() {
  const started = Date.now();
  if (loadAtStart > 1) progress(`WARNING: the machine is busy (1-minute load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores): figures will be low and noisy`);
  const env = await openEnvironment({ statusDelaysMs: HELD_BACK });
  try {
    await measure(env);
  } catch (error) {
    notes.push(`THE RUN STOPPED EARLY: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await env.close();
  }
  print(env, (Date.now() - started) / 1000);
}

async function measure(env: Environment) {
  progress(`database: ${env.database}`);
  const statusCounts = async (platform: Platform) =>
    ((await platform.deps.db.queryRaw(`SELECT status, count(*)::int AS n FROM messages GROUP BY status ORDER BY status`)).rows as { status: string; n: number }[])
      .map((s) => `${s.status} ${s.n}`).join(', ');

  // ── 1. Send API acceptance: api role only, nothing dispatches. ──────────────────────────────
  let platform = await env.start({ api: true, worker: false });
  const tenant = await env.createTenant(platform);
  let ceiling = await startCeilingServer(platform.deps.db);
  progress('1. ceilings: bare echo and echo + INSERT');
  const echo = await runLoad(spec(`${ceiling.url}/echo`, { kind: 'fixed', body: HELLO }));
  const insert = await runLoad(spec(`${ceiling.url}/insert`, { kind: 'fixed', body: HELLO }));
  await ceiling.stop();
  progress('1. POST /v1/messages');
  const send = await runLoad(spec(`${platform.url}/v1/messages`, { kind: 'send' }, { headers: { authorization: `Bearer ${tenant.apiKey}` } }));
  loadRow('1. send API accept', 'POST /v1/messages, hello_world, api role only', send, CONCURRENCY);
  loadRow('', 'ceiling: bare Fastify route, same JSON schema, echo', echo, CONCURRENCY, `send = ${pct(send.rps, echo.rps)}`);
  loadRow('', 'ceiling: the same + one INSERT into the same database', insert, CONCURRENCY, `send = ${pct(send.rps, insert.rps)}`);

  // ── 2. Dispatch: the accepted backlog, sent by one worker through the simulator. ───────────
  const fromApi = await settled(() => count(platform, `SELECT count(*) FROM messages WHERE status = 'accepted'`));
  const added = await topUpBacklog(platform, DISPATCH_N - fromApi);
  const backlog = fromApi + added;
  if (added) notes.push(`dispatch: the send run left ${fromApi} accepted messages; ${added} more were added directly in SQL as copies of them (new ids, same sender, recipients and content) to make a backlog of ${backlog}.`);
  const inFlight = platform.deps.config.dispatch.maxInFlightPerLane;
  progress(`2. ceilings: simulator raw sends at ${inFlight} and 1 in flight (${backlog} accepted messages wait)`);
  const graphUrl = `${env.simUrl}/${SIMULATOR_DEFAULTS.apiVersion}/${tenant.metaPhoneNumberId}/messages`;
  const graph = { kind: 'graph' as const, accessToken: SIM.accessToken };
  const simPar = await runLoad(spec(graphUrl, graph, { concurrency: inFlight, durationMs: Math.min(DURATION_MS, 5000) }));
  const simSeq = await runLoad(spec(graphUrl, graph, { concurrency: 1, durationMs: Math.min(DURATION_MS, 4000) }));
  await env.sim('POST', '/_sim/reset'); // forget the ceiling's sends and their pending status timers
  await platform.stop();

  progress(`2. dispatch of ${backlog} messages (api + worker roles; pacing lifted: ${Object.entries(UNPACED).map(([k, v]) => `${k}=${v}`).join(' ')})`);
  platform = await env.start({ api: true, worker: true }, UNPACED);
  const dispatchConfig = platform.deps.config.dispatch;
  const drained = await waitUntil(async () => (await count(platform, `SELECT count(*) FROM messages WHERE status = 'accepted'`)) === 0, DRAIN_CAP_MS);
  // Acceptances are written in batches: the rate counts what was queued after the first batch's commit.
  const dispatch = (await platform.deps.db.queryRaw(`
    WITH q AS (SELECT occurred_at FROM message_status_events WHERE status = 'queued')
    SELECT (SELECT count(*) FROM q)::int AS n, (SELECT count(*) FROM q WHERE occurred_at = (SELECT min(occurred_at) FROM q))::int AS first,
      (SELECT extract(epoch FROM max(occurred_at) - min(occurred_at)) FROM q)::float8 AS span`)).rows[0] as { n: number; first: number; span: number };
  const dispatchRate = dispatch.n > dispatch.first ? (dispatch.n - dispatch.first) / dispatch.span : NaN;
  const failed = await count(platform, `SELECT count(*) FROM messages WHERE status = 'failed'`);
  const sends = [...env.simulator.state.sends.values()];
  const distinct = new Set(sends.map((s) => (s.body as { biz_opaque_callback_data?: string }).biz_opaque_callback_data)).size;
  const resent = ((await platform.deps.db.queryRaw(`
    SELECT dispatch_count, count(*)::int AS n FROM messages WHERE dispatch_count > 1 GROUP BY 1 ORDER BY 1`)).rows as { dispatch_count: number; n: number }[]);
  if (resent.length) notes.push(`dispatch: messages sent more than once (dispatch_count): ${resent.map((r) => `${r.n} × ${r.dispatch_count}`).join(', ')}.`);
  const chunk = Math.max(1, Math.min(500, Math.ceil(dispatchConfig.rates.high * dispatchConfig.chunkSeconds)));
  rows.push({
    section: '2. dispatch', what: `accepted → queued (Cloud API 200 recorded), ${dispatch.n} of ${backlog} messages, one number${drained ? '' : ` — NOT DRAINED in ${DRAIN_CAP_MS / 1000} s`}`,
    conc: `≤ ${inFlight} in flight, chunks of ${chunk}`, rate: `${fmt(dispatchRate)} msg/s`, p50: '', p99: '', errors: failed ? `${failed} failed` : '0',
    share: `= ${pct(dispatchRate, simPar.rps)} of raw`,
  });
  loadRow('', `ceiling: simulator raw POST /{v}/{phone_number_id}/messages, ${inFlight} in flight`, simPar, inFlight);
  loadRow('', 'for scale: the same, one at a time', simSeq, 1);
  notes.push(`dispatch: messages by status after the drain: ${await statusCounts(platform)}; the send run answered 202 to `
    + `${send.statuses['202'] ?? 0} counted requests (plus warm-up and in-flight ones), backlog ${backlog}; the simulator received `
    + `${sends.length} sends for ${distinct} distinct message ids${sends.length !== distinct ? ' — DUPLICATE SENDS' : ''}.`);
  await platform.stop();

  // ── 4. End to end: the platform's default configuration, the simulator's default status delays. ──
  const delays = SIMULATOR_DEFAULTS.statusDelaysMs;
  await env.sim('PUT', '/_sim/config', { statusDelaysMs: delays });
  platform = await env.start({ api: true, worker: true });
  progress(`4. end to end: ${E2E_SENDS} sends, one every ${E2E_INTERVAL_MS} ms, each followed to "read"`);
  const e2e = await endToEnd(platform, tenant);
  await platform.stop();

  // ── 3. Webhook ingest: signed status webhooks for dispatched messages, api role only. ──────
  await env.sim('PUT', '/_sim/config', { statusDelaysMs: HELD_BACK });
  platform = await env.start({ api: true, worker: false });
  const messages = (await platform.deps.db.queryRaw(`
    SELECT id, wamid, counterpart AS "to" FROM messages WHERE status = 'queued' AND wamid IS NOT NULL ORDER BY id LIMIT 20000`)).rows as { id: string; wamid: string; to: string }[];
  if (messages.length === 0) throw new Error('no queued messages with a wamid to send status webhooks for');
  // Deliveries stored from here on are the ingest run's (the end-to-end run's were processed already).
  const ingestFrom = ((await platform.deps.db.queryRaw('SELECT now() AS t')).rows[0] as { t: Date }).t;
  const ingestOnly = 'received_at >= $1';
  const hook = {
    kind: 'webhook' as const, appSecret: SIM.appSecret, messages,
    number: { id: tenant.metaPhoneNumberId, waba_id: tenant.wabaId, display_phone_number: tenant.displayPhoneNumber },
  };
  ceiling = await startCeilingServer(platform.deps.db);
  progress(`3. webhook ingest: ceiling, then POST /webhooks/whatsapp (statuses for ${messages.length} wamids)`);
  const raw = await runLoad(spec(`${ceiling.url}/raw`, hook));
  await ceiling.stop();
  const ingest = await runLoad(spec(`${platform.url}/webhooks/whatsapp`, hook));
  const stored = await settled(() => count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE ${ingestOnly}`, [ingestFrom]));
  loadRow('3. webhook ingest', `POST /webhooks/whatsapp, signed statuses, api role only (${stored} stored)`, ingest, CONCURRENCY);
  loadRow('', 'ceiling: bare Fastify raw-body route, same bodies', raw, CONCURRENCY, `ingest = ${pct(ingest.rps, raw.rps)}`);
  await platform.stop();

  progress(`3. webhook processing: a worker works through the ${stored} stored deliveries (window ${PROCESS_CAP_MS / 1000} s)`);
  platform = await env.start({ api: true, worker: true });
  const pending = () => count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE processed_at IS NULL AND ${ingestOnly}`, [ingestFrom]);
  const processedAll = await waitUntil(async () => (await pending()) === 0, PROCESS_CAP_MS, 250);
  const work = (await platform.deps.db.queryRaw(`
    WITH p AS (SELECT processed_at FROM whatsapp_webhook_events WHERE processed_at IS NOT NULL AND ${ingestOnly})
    SELECT (SELECT count(*) FROM p)::int AS n, (SELECT count(*) FROM p WHERE processed_at = (SELECT min(processed_at) FROM p))::int AS first,
      (SELECT extract(epoch FROM max(processed_at) - min(processed_at)) FROM p)::float8 AS span`, [ingestFrom])).rows[0] as { n: number; first: number; span: number };
  const processRate = work.n > work.first ? (work.n - work.first) / work.span : NaN;
  const withError = await count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE last_error IS NOT NULL AND ${ingestOnly}`, [ingestFrom]);
  rows.push({
    section: '', what: `processing: stored delivery → status applied (ingest loop, one worker), ${work.n} of ${stored}${processedAll ? '' : ` in the ${PROCESS_CAP_MS / 1000} s window`}`,
    conc: `batches of ${platform.deps.config.ingest.batchSize}`, rate: `${fmt(processRate)} events/s`, p50: '', p99: '', errors: withError ? `${withError} with last_error` : '0',
    share: `= ${pct(processRate, ingest.rps)} of ingest`,
  });
  notes.push(`webhook processing: messages by status afterwards: ${await statusCounts(platform)} (each message got up to three statuses: sent, delivered, read).`);
  const unprocessedEarlier = await count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE processed_at IS NULL AND NOT (${ingestOnly})`, [ingestFrom]);
  if (unprocessedEarlier) notes.push(`webhook processing: ${unprocessedEarlier} deliveries from before the ingest run were still unprocessed.`);
  await platform.stop();

  rows.push({
    section: '4. end to end', what: `POST /v1/messages → "read" recorded, ${e2e.done} of ${E2E_SENDS} sends (one every ${E2E_INTERVAL_MS} ms), default configuration`,
    conc: '1', rate: '', p50: ms(e2e.read.p50), p99: ms(e2e.read.p99), errors: String(e2e.errors), share: '',
  });
  for (const stage of ['queued', 'sent', 'delivered'] as const) {
    rows.push({ section: '', what: `  POST → "${stage}" recorded`, conc: '', rate: '', p50: ms(e2e[stage].p50), p99: ms(e2e[stage].p99), errors: '', share: '' });
  }
  rows.push({ section: '', what: '  POST → 202 answered', conc: '', rate: '', p50: ms(e2e.post.p50), p99: ms(e2e.post.p99), errors: '', share: '' });
  rows.push({
    section: '', what: `floor: the simulator's status delays after its 200 (sent ${delays.sent}, delivered ${delays.delivered}, read ${delays.read} ms)`,
    conc: '', rate: '', p50: ms(delays.read), p99: ms(delays.read), errors: '', share: `read p50 − floor = ${ms(e2e.read.p50 - delays.read)}`,
  });
}

/**
 * Adds `n` accepted messages by copying API-accepted rows column for column under new ids: the outbox as the
 * API leaves it, without spending the bench's time on the API. Returns how many were added.
 */
async function topUpBacklog(platform: Platform, n: number): Promise<number> {
  if (n <= 0) return 0;
  const db = platform.deps.db;
  const columns = ((await db.queryRaw(`
    SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'messages'
    ORDER BY ordinal_position`)).rows as { column_name: string }[]).map((c) => c.column_name);
  const sources = await count(platform, `SELECT count(*) FROM messages WHERE status = 'accepted'`);
  if (sources === 0) return 0;
  const list = columns.map((c) => `"${c}"`).join(', ');
  // Due in the copies' own order (copy round, then source), so recipients alternate as in the API's backlog;
  // same-recipient rows side by side would make every claimed chunk mostly held back by the pair rule.
  const select = columns.map((c) => (
    c === 'id' ? `m.id || '_' || g`
      : c === 'next_attempt_at' ? `now() - interval '1 hour' + (g * $3::int + m.rn) * interval '1 microsecond'`
        : `m."${c}"`)).join(', ');
  const { rowCount } = await db.queryRaw(`
    INSERT INTO messages (${list})
    SELECT ${select} FROM (SELECT *, row_number() OVER (ORDER BY next_attempt_at, id)::int AS rn FROM messages WHERE status = 'accepted') m
    CROSS JOIN generate_series(1, $1::int) g
    ORDER BY g, m.rn LIMIT $2`, [Math.ceil(n / sources), n, sources + 1]);
  return rowCount;
}

type Stage = { p50: number; p99: number };
async function endToEnd(platform: Platform, tenant: Tenant) {
  const sent: { id: string; at: number }[] = [];
  const postMs: number[] = [];
  let errors = 0;
  const begin = Date.now();
  for (let i = 0; i < E2E_SENDS; i++) {
    const wait = begin + i * E2E_INTERVAL_MS - Date.now();
    if (wait > 0) await sleep(wait);
    const at = Date.now();
    const t = performance.now();
    const res = await fetch(`${platform.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...HELLO, to: `+1202555${String(100 + (i % 100)).padStart(4, '0')}` }),
    });
    const body = await res.json() as { id: string };
    postMs.push(performance.now() - t);
    if (res.status !== 202) { errors++; notes.push(`end to end: POST answered ${res.status} ${JSON.stringify(body).slice(0, 200)}`); continue; }
    sent.push({ id: body.id, at });
  }
  const ids = sent.map((s) => s.id);
  const readCount = () => count(platform, `SELECT count(*) FROM messages WHERE id = ANY($1::text[]) AND status = 'read'`, [ids]);
  await waitUntil(async () => (await readCount()) === ids.length, 20_000, 250);
  const events = (await platform.deps.db.queryRaw(`
    SELECT message_id, status, recorded_at FROM message_status_events WHERE message_id = ANY($1::text[])`, [ids])).rows as { message_id: string; status: string; recorded_at: Date }[];
  const sentAt = new Map(sent.map((s) => [s.id, s.at]));
  const stage = (status: string): Stage => {
    const values = events.filter((e) => e.status === status).map((e) => new Date(e.recorded_at).getTime() - sentAt.get(e.message_id)!).sort((a, b) => a - b);
    return { p50: quantile(values, 50), p99: quantile(values, 99) };
  };
  const done = events.filter((e) => e.status === 'read').length;
  if (done < ids.length) notes.push(`end to end: only ${done} of ${ids.length} messages reached "read" before the wait ended.`);
  return {
    done, errors: errors + (ids.length - done),
    post: { p50: quantile([...postMs].sort((a, b) => a - b), 50), p99: quantile([...postMs].sort((a, b) => a - b), 99) },
    queued: stage('queued'), sent: stage('sent'), delivered: stage('delivered'), read: stage('read'),
  };
}

function quantile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function print(env: Environment, totalSeconds: number) {
  const out: string[] = [];
  out.push(`# Xpecto bench — ${new Date().toISOString()}`);
  out.push('');
  out.push(`- database: ${env.database}`);
  out.push(`- node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`);
  out.push(`- machine load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}${loadAtStart > 1 ? ' — BUSY: something else was running' : ''}`);
  out.push(`- load: ${CONCURRENCY} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s per run, autocannon in a child process, to 127.0.0.1; server, load and database share the cores`);
  out.push('');
  out.push('| | measurement | concurrency | rate | p50 | p99 | errors | vs ceiling |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const r of rows) out.push(`| ${r.section} | ${r.what} | ${r.conc} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.share} |`);
  out.push('');
  for (const note of notes) out.push(`- ${note}`);
  const problems = env.problems.map((line) => {
    try {
      const parsed = JSON.parse(line) as { level: number; msg: string; err?: { message?: string } };
      return `${parsed.level >= 50 ? 'error' : 'warn'}: ${parsed.msg}${parsed.err?.message ? ` (${parsed.err.message})` : ''}`;
    } catch {
      return line.trim();
    }
  });
  const grouped = new Map<string, number>();
  for (const p of problems) grouped.set(p, (grouped.get(p) ?? 0) + 1);
  out.push(`- platform log lines at warn or above: ${problems.length}${problems.length >= 500 ? '+' : ''}`);
  for (const [line, n] of grouped) out.push(`  - ${n}× ${line.slice(0, 300)}`);
  out.push(`- whole run: ${fmt(totalSeconds)} s`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
