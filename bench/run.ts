// npm run bench — the platform's speed, each figure beside a ceiling measured in the same run on the
// same machine and database, and beside the goal it must meet (met or missed). PGlite by default;
// DATABASE_URL=postgres://… runs on a fresh PostgreSQL database created (and dropped) for the run, and
// REDIS_URL=redis://… makes the platform share send rates through Redis. Load goes to 127.0.0.1 only and
// every phase is bounded in count and time.
//
//   BENCH_DURATION_S      seconds per load run (default 8)       BENCH_CONCURRENCY   connections (default 50)
//   BENCH_HIGH_MPS / _N   the fast number's rate and backlog (1000 msg/s, 10000 messages)
//   BENCH_STANDARD_NUMBERS / _MPS / _N   the other numbers: how many, rate, backlog each (10, 80 msg/s, 800)
//   BENCH_STATUSES_PER_BODY  statuses in each batched webhook body (10)
//   BENCH_PROCESS_S       cap on each webhook-processing window (20)
//   BENCH_FILL_S          cap on filling the backlogs through the API (60); slower APIs get proportionally smaller backlogs
//   BENCH_E2E_SENDS       sends in the end-to-end run (100)      BENCH_E2E_INTERVAL_MS  between its sends (100)
//   BENCH_COMMIT          the commit, when run from an export of one (not a git repository)
//   BENCH_DISPATCH_STATUSES=held   a diagnostic: dispatch with the status webhooks held back, as the old bench did
//   BENCH_ONLY=accept     only section 1 (single sends beside their ceilings); BENCH_ONLY=dispatch: 1 and 2 (no batch,
//                         end to end or webhook ingest) — short runs for profiling on a shared machine;
//                         BENCH_ONLY=batch: only section 1b, on a fresh database
//   BENCH_WORKER=process  dispatch with the worker role in a process of its own (bin/xpecto worker; PostgreSQL only),
//                         the API (which acknowledges the status webhooks) staying in the bench process

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SIMULATOR_DEFAULTS } from '../simulator/server.ts';
import { startCeilingServer } from './ceilings.ts';
import { openEnvironment, SIM, type BenchPlatform as Platform, type Environment, type SimSend, type Tenant } from './environment.ts';
import { runLoad, type LoadResult, type LoadSpec } from './load.ts';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DURATION_MS = num('BENCH_DURATION_S', 8) * 1000;
const WARMUP_MS = 1000;
const CONCURRENCY = num('BENCH_CONCURRENCY', 50);
const HIGH_MPS = num('BENCH_HIGH_MPS', 1000);
const HIGH_N = num('BENCH_HIGH_N', 10_000);
const STANDARD_NUMBERS = num('BENCH_STANDARD_NUMBERS', 10);
const STANDARD_MPS = num('BENCH_STANDARD_MPS', 80);
const STANDARD_N = num('BENCH_STANDARD_N', 800);
const PER_BODY = num('BENCH_STATUSES_PER_BODY', 10);
const PROCESS_CAP_MS = num('BENCH_PROCESS_S', 20) * 1000;
const E2E_SENDS = num('BENCH_E2E_SENDS', 100);
const E2E_INTERVAL_MS = num('BENCH_E2E_INTERVAL_MS', 100);
const FILL_CAP_S = num('BENCH_FILL_S', 60);
const STATUSES_HELD = process.env['BENCH_DISPATCH_STATUSES'] === 'held';
const ONLY = process.env['BENCH_ONLY'] ?? '';
if (ONLY && !['accept', 'batch', 'dispatch'].includes(ONLY)) throw new Error(`BENCH_ONLY is "accept", "batch" or "dispatch", not "${ONLY}"`);
const WORKER_PROCESS = process.env['BENCH_WORKER'] === 'process';
const WORKER_WHERE = WORKER_PROCESS ? 'worker in its own process' : 'worker and API in one process';
const FLOWING = STATUSES_HELD ? 'status webhooks HELD BACK (diagnostic)' : 'statuses flowing back';

/** The issue's goals. */
const GOAL = { acceptShare: 0.5, acceptP99Ms: 50, rateMin: 0.95, rateOver: 1.02, eventsPerS: 5000, ackP99Ms: 50 };
/** Status webhooks held back while ceilings and acceptance are measured, so they do not compete. */
const HELD_BACK = { sent: 3_600_000, delivered: 3_600_000, read: 3_600_000 };
const HELLO = { to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } };

type Row = { section: string; what: string; conc: string; rate: string; p50: string; p99: string; errors: string; share: string };
type Goal = { goal: string; figure: string; met: boolean; why?: string };
type NumberFigures = {
  label: string; target: number; messages: number; sends: number; steady: number[]; mean: number; min: number; max: number;
  above: number; below: number; window: number; spanS: number;
};
const rows: Row[] = [];
const goals: Goal[] = [];
const dispatchRows: NumberFigures[] = [];
const notes: string[] = [];

const fmt = (n: number, digits = 0) => Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
// autocannon reports whole milliseconds, so 0 means "under one".
const ms = (n: number) => !Number.isFinite(n) ? '—' : n === 0 ? '<1 ms' : `${fmt(n, n < 10 ? 1 : 0)} ms`;
const pct = (part: number, whole: number) => Number.isFinite(part / whole) ? `${fmt((100 * part) / whole, part / whole < 0.1 ? 1 : 0)} %` : '—';
const mib = (bytes: number) => `${fmt(bytes / 2 ** 20)} MiB`;
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

async function rowsOf<T>(platform: Platform, text: string, values: unknown[] = []): Promise<T[]> {
  return (await platform.deps.db.queryRaw(text, values)).rows as T[];
}
async function count(platform: Platform, text: string, values: unknown[] = []) {
  const [first] = await rowsOf<Record<string, unknown>>(platform, text, values);
  return Number(Object.values(first ?? { n: 0 })[0] ?? 0);
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

// ── Per phase: peak resident memory of this process (the bench and the platform it runs) and of the simulator's
// process, the CPU each used (100 % = one core), and this process's event-loop delay (how late timers fire). ──
type PhaseStats = { platform: number; simulator: number; cpu: number; simCpu: number; machine: number; loopP50: number; loopP99: number; loopMax: number; seconds: number };
/** The machine's busy CPU time in seconds, all processes and cores (from /proc/stat; NaN elsewhere). */
function machineBusySeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = fields as [number, number, number, number, number, number, number, number];
    return (user + nice + system + irq + softirq + steal) / 100;
  } catch {
    return NaN;
  }
}
const phaseStats = new Map<string, PhaseStats>();
let memoryPhase = 'start';
let closePhase: () => Promise<void> = async () => {};
let currentEnv: Environment | null = null;
function sampleMemory(env: Environment): () => Promise<void> {
  currentEnv = env;
  const timer = setInterval(() => void (async () => {
    const now = await env.rss();
    const peak = phaseStats.get(memoryPhase);
    if (peak) { peak.platform = Math.max(peak.platform, now.platform); peak.simulator = Math.max(peak.simulator, now.simulator); }
  })(), 250);
  timer.unref();
  openPhase('start');
  return async () => { clearInterval(timer); await closePhase(); };
}
function openPhase(name: string) {
  memoryPhase = name;
  phaseStats.set(name, { platform: 0, simulator: 0, cpu: NaN, simCpu: NaN, machine: NaN, loopP50: NaN, loopP99: NaN, loopMax: NaN, seconds: 0 });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const machine = machineBusySeconds();
  const simCpu = currentEnv ? currentEnv.cpuSeconds() : Promise.resolve(NaN);
  closePhase = async () => {
    loop.disable();
    const stats = phaseStats.get(name)!;
    const seconds = (performance.now() - wall) / 1000;
    const used = process.cpuUsage(cpu);
    Object.assign(stats, {
      seconds, cpu: (used.user + used.system) / 1e6 / seconds, machine: (machineBusySeconds() - machine) / seconds,
      simCpu: currentEnv ? ((await currentEnv.cpuSeconds()) - (await simCpu)) / seconds : NaN,
      loopP50: loop.percentile(50) / 1e6, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6,
    });
  };
}
async function phase(name: string) {
  await closePhase();
  openPhase(name);
  const load = loadavg()[0]!;
  progress(`${name}${load > 1.5 ? ` (load average ${load.toFixed(1)}, this bench's own processes included)` : ''}`);
}

const loadAtStart = loadavg()[0]!;
const git = (...args: string[]) => { try { return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return ''; } };
// Run from an export of a commit (git archive), the tree is not a repository: BENCH_COMMIT names the commit.
const commit = git('rev-parse', '--short', 'HEAD') || (process.env['BENCH_COMMIT'] ? `${process.env['BENCH_COMMIT']} (BENCH_COMMIT: an export of that commit)` : '?');
const dirty = git('status', '--porcelain').length > 0;

async function main() {
  const started = Date.now();
  if (loadAtStart > 1) progress(`WARNING: the machine is busy (1-minute load average ${loadAtStart.toFixed(1)} on ${cpus().length} cores): figures will be low and noisy`);
  const env = await openEnvironment({ statusDelaysMs: HELD_BACK });
  const stopSampling = sampleMemory(env);
  try {
    await measure(env);
  } catch (error) {
    notes.push(`THE RUN STOPPED EARLY: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await stopSampling();
    await env.close();
  }
  print(env, (Date.now() - started) / 1000);
  // The contact import's figures (bench/contacts-import.ts, 1,000,000 rows), last and in a process of its own.
  if (!ONLY) execFileSync(process.execPath, [new URL('./contacts-import.ts', import.meta.url).pathname], { stdio: 'inherit', env: process.env });
  // Content screening's quality on the labelled set (recall, false positives; dev and holdout) and its speed.
  if (!ONLY) execFileSync(process.execPath, [new URL('./screening.ts', import.meta.url).pathname], { stdio: 'inherit', env: process.env });
}

async function measure(env: Environment) {
  progress(`database: ${env.database}${process.env['REDIS_URL'] ? `; rate limiter in Redis (${process.env['REDIS_URL']})` : '; rate limiter in the database'}`);

  // ── 1. Send API acceptance: api role only, nothing dispatches. ──────────────────────────────
  let platform = await env.start({ api: true, worker: false });
  if (ONLY === 'batch') {
    await batchAccept(env, platform);
    return;
  }
  const fast = await env.createTenant(platform);
  // The accept run has an organization of its own, whose number never dispatches: what it leaves behind grows with
  // the send API's speed, and the 1,000/s number's backlog is BENCH_HIGH_N whatever that speed.
  const acceptor = await env.createTenant(platform);
  let ceiling = await startCeilingServer(platform.deps.db);
  await phase('1. accept: ceilings (bare echo, echo + INSERT, echo + SELECT + INSERT)');
  const echo = await runLoad(spec(`${ceiling.url}/echo`, { kind: 'fixed', body: HELLO }));
  const insert = await runLoad(spec(`${ceiling.url}/insert`, { kind: 'fixed', body: HELLO }));
  const twoTrips = await runLoad(spec(`${ceiling.url}/select-insert`, { kind: 'fixed', body: HELLO }));
  await ceiling.stop();
  await phase('1. accept: POST /v1/messages');
  const send = await runLoad(spec(`${platform.url}/v1/messages`, { kind: 'send' }, { headers: { authorization: `Bearer ${acceptor.apiKey}` } }));
  await rowsOf(platform, `UPDATE phone_numbers SET paused_at = now() WHERE org_id = $1`, [acceptor.orgId]);
  loadRow('1. send API accept', 'POST /v1/messages, hello_world, api role only', send, CONCURRENCY);
  loadRow('', 'ceiling: bare Fastify route, same JSON schema, echo', echo, CONCURRENCY, `send = ${pct(send.rps, echo.rps)}`);
  loadRow('', 'ceiling: the same + one INSERT into the same database', insert, CONCURRENCY, `send = ${pct(send.rps, insert.rps)}`);
  loadRow('', 'reference: the same, a SELECT by primary key before the INSERT (two round trips, like a send with its key cached)', twoTrips, CONCURRENCY,
    `send = ${pct(send.rps, twoTrips.rps)}; this = ${pct(twoTrips.rps, insert.rps)} of the ceiling`);
  goals.push({
    goal: `accept: messages/s ≥ ${GOAL.acceptShare * 100} % of the bare-insert ceiling`, figure: `${fmt(send.rps)} req/s = ${pct(send.rps, insert.rps)} of ${fmt(insert.rps)}`,
    met: send.rps >= GOAL.acceptShare * insert.rps,
  });
  goals.push({ goal: `accept: p99 < ${GOAL.acceptP99Ms} ms`, figure: `p99 ${ms(send.p99)} (p50 ${ms(send.p50)})`, met: send.p99 < GOAL.acceptP99Ms });
  if (ONLY === 'accept') return;
  if (ONLY !== 'dispatch') await batchAccept(env, platform);

  // ── 2. Dispatch backlog, inserted through the API with the worker role off. ───────────────
  // Filling goes at the send API's own pace: where that would take longer than BENCH_FILL_S, both backlogs shrink
  // in proportion (PGlite is much slower than PostgreSQL at this).
  const wanted = HIGH_N + STANDARD_NUMBERS * STANDARD_N;
  const scale = Math.min(1, (FILL_CAP_S * send.rps) / wanted);
  const highN = Math.round(HIGH_N * scale);
  const standardN = Math.round(STANDARD_N * scale);
  if (scale < 1) notes.push(`dispatch backlog SCALED DOWN to ${fmt(100 * scale)} % (${highN} for the ${HIGH_MPS}/s number, ${standardN} for each ${STANDARD_MPS}/s number): the send API accepted ${fmt(send.rps)} req/s, and filling is capped at ${FILL_CAP_S} s (BENCH_FILL_S).`);
  await phase(`2. dispatch backlog through the API: ${highN} for the ${HIGH_MPS}/s number, ${STANDARD_NUMBERS} × ${standardN} for the ${STANDARD_MPS}/s numbers`);
  const fill = async (body: LoadSpec['body'], n: number, headers: Record<string, string> = {}) => {
    if (n <= 0) return;
    const r = await runLoad(spec(`${platform.url}/v1/messages`, body, { headers, warmupMs: 0, maxRequests: n, durationMs: 120_000 }));
    if (r.errors) notes.push(`dispatch backlog: ${errorsOf(r)} of ${n} sends were refused${r.errorSamples.length ? ` (${r.errorSamples.join('; ')})` : ''}.`);
  };
  await fill({ kind: 'send' }, highN, { authorization: `Bearer ${fast.apiKey}` });
  const standard: Tenant[] = [];
  for (let i = 0; i < STANDARD_NUMBERS; i++) standard.push(await env.createTenant(platform));
  await fill({ kind: 'send', apiKeys: standard.map((t) => t.apiKey) }, STANDARD_NUMBERS * standardN);
  // The end-to-end run gets a number of its own, untouched by the dispatch runs (their numbers end paused).
  const e2eTenant = await env.createTenant(platform);
  await rowsOf(platform, `UPDATE phone_numbers SET throughput_mps = $1 WHERE org_id = $2`, [HIGH_MPS, fast.orgId]);
  await rowsOf(platform, `UPDATE phone_numbers SET throughput_mps = $1, paused_at = now() WHERE org_id = ANY($2::text[])`, [STANDARD_MPS, standard.map((t) => t.orgId)]);
  const backlog = new Map((await rowsOf<{ org_id: string; n: number }>(platform, `
    SELECT org_id, count(*)::int AS n FROM messages WHERE status = 'accepted' GROUP BY org_id`)).map((r) => [r.org_id, r.n]));

  const inFlight = platform.deps.config.dispatch.maxInFlightPerLane;
  await phase(`2. dispatch: ceiling, the simulator process's raw send rate at ${inFlight} in flight`);
  const graphUrl = `${env.simUrl}/${SIMULATOR_DEFAULTS.apiVersion}/${fast.metaPhoneNumberId}/messages`;
  const simRaw = await runLoad(spec(graphUrl, { kind: 'graph', accessToken: SIM.accessToken }, { concurrency: inFlight, durationMs: Math.min(DURATION_MS, 4000) }));
  await sleep(1000); // requests still queued at the simulator when autocannon stopped
  await env.sim('POST', '/_sim/reset'); // forget the ceiling's sends and their pending status timers
  await platform.stop();

  // Statuses flow back now, at the simulator's default delays; the platform paces (the simulator's limits are off).
  const delays = SIMULATOR_DEFAULTS.statusDelaysMs;
  await env.sim('PUT', '/_sim/config', { statusDelaysMs: STATUSES_HELD ? HELD_BACK : delays });
  platform = await env.start({ api: true, worker: !WORKER_PROCESS }, { PAIR_RATE_INTERVAL_MS: '0' });
  const worker = WORKER_PROCESS ? await env.startWorkerProcess({ PAIR_RATE_INTERVAL_MS: '0' }) : null;
  const withWorkerCpu = async (label: string, run: () => Promise<void>) => {
    const [cpu0, t0] = [await worker?.cpuSeconds(), performance.now()];
    await run();
    if (worker) notes.push(`${label}: the worker process (bin/xpecto worker) used ${fmt((100 * ((await worker.cpuSeconds()) - cpu0!)) / ((performance.now() - t0) / 1000))} % CPU, RSS ${mib(await worker.rss())} at the end.`);
  };
  await phase(`2. dispatch: one number at ${HIGH_MPS} msg/s, ${backlog.get(fast.orgId) ?? 0} messages, ${FLOWING}`);
  await withWorkerCpu(`dispatch, ${HIGH_MPS}/s number`, () => dispatchPhase(env, platform, [{ tenant: fast, label: `${HIGH_MPS}/s number`, rate: HIGH_MPS, messages: backlog.get(fast.orgId) ?? 0 }]));
  await phase(`2. dispatch: ${STANDARD_NUMBERS} numbers at ${STANDARD_MPS} msg/s, ${standardN} messages each, ${FLOWING}`);
  await rowsOf(platform, `UPDATE phone_numbers SET paused_at = NULL WHERE org_id = ANY($1::text[])`, [standard.map((t) => t.orgId)]);
  await withWorkerCpu(`dispatch, ${STANDARD_NUMBERS} × ${STANDARD_MPS}/s`, () => dispatchPhase(env, platform, standard.map((tenant, i) => ({ tenant, label: `${STANDARD_MPS}/s number ${i + 1}`, rate: STANDARD_MPS, messages: backlog.get(tenant.orgId) ?? 0 }))));
  const [high, ...rest] = dispatchRows;
  if (high) {
    rows.push({
      section: '2. dispatch', what: `one number at ${HIGH_MPS} msg/s, ${high.sends} sends at the simulator (own process), ${FLOWING}, ${WORKER_WHERE}: mean of ${high.steady.length} steady seconds`,
      conc: `≤ ${inFlight} in flight`, rate: `${fmt(high.mean)} msg/s`, p50: '', p99: '', errors: '', share: `= ${pct(high.mean, HIGH_MPS)} of the configured rate`,
    });
  }
  if (rest.length) {
    const mean = rest.reduce((a, r) => a + r.mean, 0) / rest.length;
    rows.push({
      section: '', what: `${rest.length} numbers at ${STANDARD_MPS} msg/s at once, ${rest.reduce((a, r) => a + r.sends, 0)} sends: mean per number (lowest ${fmt(Math.min(...rest.map((r) => r.mean)), 1)})`,
      conc: '', rate: `${fmt(mean, 1)} msg/s`, p50: '', p99: '', errors: '', share: `= ${pct(mean, STANDARD_MPS)} of the configured rate`,
    });
  }
  loadRow('', `ceiling: simulator process, raw POST /{v}/{phone_number_id}/messages, ${inFlight} in flight`, simRaw, inFlight);
  for (const r of dispatchRows) {
    const problems = [
      r.mean < GOAL.rateMin * r.target ? `mean ${pct(r.mean, r.target)} of target` : '',
      r.above ? `${r.above} s above +2 % (max ${fmt(r.max)})` : '',
      r.steady.length === 0 ? 'no steady second' : '',
    ].filter(Boolean).join('; ');
    goals.push({
      goal: `dispatch ${r.label}: ≥ ${GOAL.rateMin * 100} % of ${r.target}/s, no second > +2 %`,
      figure: `mean ${fmt(r.mean, 1)}/s (${pct(r.mean, r.target)}), seconds ${fmt(r.min)}–${fmt(r.max)}, ${r.above} s above +2 %`,
      met: problems === '', ...(problems ? { why: problems } : {}),
    });
  }
  await worker?.stop();
  await platform.stop();
  await env.sim('POST', '/_sim/reset'); // status webhooks still pending or in retry from the dispatch runs are dropped
  if (ONLY === 'dispatch') return;

  // ── 4. End to end: the platform's default configuration, the simulator's default status delays. ──
  if (STATUSES_HELD) await env.sim('PUT', '/_sim/config', { statusDelaysMs: delays });
  platform = await env.start({ api: true, worker: true });
  await phase(`4. end to end: ${E2E_SENDS} sends, one every ${E2E_INTERVAL_MS} ms, each followed to "read"`);
  const e2e = await endToEnd(platform, e2eTenant).catch((error: unknown) => {
    notes.push(`end to end: THE RUN FAILED: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  await platform.stop();

  // ── 3. Webhook ingest: signed status webhooks for dispatched messages; acknowledgement, then processing. ──
  await env.sim('PUT', '/_sim/config', { statusDelaysMs: HELD_BACK });
  platform = await env.start({ api: true, worker: false });
  const messages = await rowsOf<{ id: string; wamid: string; to: string }>(platform, `
    SELECT id, wamid, counterpart AS "to" FROM messages WHERE org_id = $1 AND wamid IS NOT NULL AND direction = 'outbound' ORDER BY id LIMIT 20000`, [fast.orgId]);
  if (messages.length === 0) throw new Error('no dispatched messages with a wamid to send status webhooks for');
  await platform.stop();
  const number = { id: fast.metaPhoneNumberId, waba_id: fast.wabaId, display_phone_number: fast.displayPhoneNumber };
  for (const perBody of [1, PER_BODY]) {
    await ingestRun(env, messages, number, perBody).catch((error: unknown) => {
      notes.push(`webhook ingest with ${perBody} per body: THE RUN FAILED: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
  if (!e2e) return;

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

type Lane = { tenant: Tenant; label: string; rate: number; messages: number };

/**
 * Lets the running worker send the given numbers' backlogs, waits for every message to reach "read" (status
 * webhooks flowing back), and measures each number's rate from the simulator's own receive times.
 */
// ── 1b. Batch acceptance: POST /v1/messages/batch, 1,000 messages a request, 4 requests at a time. ───────
const BATCH_REQUESTS = num('BENCH_BATCH_REQUESTS', 30);
const BATCH_GOAL = 20_000;

async function batchAccept(env: Environment, platform: Platform) {
  const tenant = await env.createTenant(platform);
  const body = JSON.stringify({ messages: Array.from({ length: 1000 }, (_, i) => ({
    to: `+1202555${String(100 + (i % 100)).padStart(4, '0')}`, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } },
  })) });
  // Ceiling: the same 1,000 rows per statement written straight into a table of the same database.
  await phase('1b. accept batch: ceiling, 1,000-row INSERTs of the same messages');
  await platform.deps.db.exec('CREATE TABLE IF NOT EXISTS bench_batch_ceiling (id text PRIMARY KEY, recipient text, content jsonb)');
  const content = JSON.stringify({ template: { name: 'hello_world', language: { code: 'en_US' } } });
  const ceilingStart = performance.now();
  let n = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (n < BATCH_REQUESTS) {
      const k = n++;
      const ids = Array.from({ length: 1000 }, (_, i) => `c${k}_${i}`);
      await platform.deps.db.queryRaw('INSERT INTO bench_batch_ceiling SELECT id, $2, $3::jsonb FROM unnest($1::text[]) AS id', [ids, '+12025550100', content]);
    }
  }));
  const ceilingRate = (BATCH_REQUESTS * 1000) / ((performance.now() - ceilingStart) / 1000);
  await platform.deps.db.exec('DROP TABLE bench_batch_ceiling');
  await phase('1b. accept batch: POST /v1/messages/batch, 1,000 per request, 4 at a time');
  let next = 0;
  let accepted = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < BATCH_REQUESTS) {
      next++;
      const r = await fetch(`${platform.url}/v1/messages/batch`, { method: 'POST', headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' }, body });
      accepted += ((await r.json()) as { accepted?: number }).accepted ?? 0;
    }
  }));
  const rate = accepted / ((performance.now() - started) / 1000);
  rows.push({
    section: '1b. send API batch', what: `POST /v1/messages/batch, 1,000 messages a request, ${BATCH_REQUESTS} requests (${accepted} accepted)`,
    conc: '4', rate: `${fmt(rate)} msg/s`, p50: '', p99: '', errors: String(BATCH_REQUESTS * 1000 - accepted), share: `batch = ${pct(rate, ceilingRate)} of the ceiling`,
  });
  rows.push({ section: '', what: 'ceiling: 1,000-row INSERT … unnest of the same messages into a bare table, same database', conc: '4', rate: `${fmt(ceilingRate)} rows/s`, p50: '', p99: '', errors: '0', share: '' });
  goals.push({ goal: `accept batch: ≥ ${fmt(BATCH_GOAL)} messages/s`, figure: `${fmt(rate)} msg/s (ceiling ${fmt(ceilingRate)} rows/s)`, met: rate >= BATCH_GOAL });
  // Out of the way of the dispatch phases that follow.
  await platform.deps.db.queryRaw('DELETE FROM message_status_events WHERE org_id = $1', [tenant.orgId]);
  await platform.deps.db.queryRaw('DELETE FROM messages WHERE org_id = $1', [tenant.orgId]);
}

async function dispatchPhase(env: Environment, platform: Platform, lanes: Lane[]) {
  const orgIds = lanes.map((l) => l.tenant.orgId);
  const from = (await rowsOf<{ t: Date }>(platform, 'SELECT now() AS t'))[0]!.t;
  const total = lanes.reduce((a, l) => a + l.messages, 0);
  const longest = Math.max(...lanes.map((l) => l.messages / l.rate));
  const byStatus = async () => Object.fromEntries((await rowsOf<{ status: string; n: number }>(platform, `
    SELECT status, count(*)::int AS n FROM messages WHERE org_id = ANY($1::text[]) GROUP BY status ORDER BY status`, [orgIds])).map((r) => [r.status, r.n])) as Record<string, number>;
  // Bounded: twice the planned time plus 10 s (at most 45 s) to drain, then 15 s for the last statuses to arrive.
  const drainCapMs = Math.min(45_000, 2 * longest * 1000 + 10_000);
  const drained = await waitUntil(async () => (await count(platform, `SELECT count(*) FROM messages WHERE org_id = ANY($1::text[]) AND status = 'accepted'`, [orgIds])) === 0, drainCapMs, 500);
  // What was not sent by then stays unsent: the numbers are paused, so the next measurement has the machine to itself.
  await rowsOf(platform, `UPDATE phone_numbers SET paused_at = now() WHERE org_id = ANY($1::text[])`, [orgIds]);
  const finished = STATUSES_HELD || await waitUntil(async () => { const s = await byStatus(); return (s['read'] ?? 0) + (s['failed'] ?? 0) + (s['accepted'] ?? 0) >= total; }, 15_000, 500);
  const pendingDeliveries = () => count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE processed_at IS NULL`);
  if (!STATUSES_HELD) await waitUntil(async () => (await pendingDeliveries()) === 0, 10_000, 500);

  const statuses = await byStatus();
  const deliveries = (await rowsOf<{ n: number; errors: number; pending: number }>(platform, `
    SELECT count(*)::int AS n, count(*) FILTER (WHERE last_error IS NOT NULL)::int AS errors, count(*) FILTER (WHERE processed_at IS NULL)::int AS pending
    FROM whatsapp_webhook_events WHERE received_at >= $1`, [from]))[0]!;
  const resent = await rowsOf<{ dispatch_count: number; n: number }>(platform, `
    SELECT dispatch_count, count(*)::int AS n FROM messages WHERE org_id = ANY($1::text[]) AND dispatch_count > 1 GROUP BY 1 ORDER BY 1`, [orgIds]);
  let sendsTotal = 0;
  let duplicates = 0;
  for (const lane of lanes) {
    // Only the platform's sends (its message ids as biz_opaque_callback_data), not a late one of the ceiling's (bench_…).
    const sends = (await env.simSends(lane.tenant.metaPhoneNumberId)).filter((s) => !s.body.biz_opaque_callback_data?.startsWith('bench_'));
    sendsTotal += sends.length;
    duplicates += sends.length - new Set(sends.map((s) => s.body.biz_opaque_callback_data)).size;
    dispatchRows.push(perSecond(lane, sends));
  }
  const what = lanes.length === 1 ? lanes[0]!.label : `${lanes.length} × ${lanes[0]!.label.replace(/ \d+$/, '')}`;
  notes.push(`dispatch, ${what}: ${total} messages; the simulator received ${sendsTotal} sends${duplicates ? ` — ${duplicates} DUPLICATE SENDS` : ', no duplicates'}; `
    + `messages by status at the end: ${Object.entries(statuses).map(([s, n]) => `${s} ${n}`).join(', ')}${drained ? '' : ` — NOT DRAINED within ${fmt(drainCapMs / 1000)} s (the rest was left unsent)`}${finished ? '' : ' — not all sent messages reached "read" within 15 s more'}; `
    + `${deliveries.n} status webhooks stored${deliveries.errors ? `, ${deliveries.errors} with last_error` : ''}${deliveries.pending ? `, ${deliveries.pending} unprocessed` : ''}`
    + `${resent.length ? `; sent more than once (dispatch_count): ${resent.map((r) => `${r.n} × ${r.dispatch_count}`).join(', ')}` : ''}.`);
}

/**
 * Per-second figures from the simulator's receive times: one-second buckets from the first send; the steady
 * part leaves out the first second (the lane starting) and the last, partial one.
 */
function perSecond(lane: Lane, sends: SimSend[]): NumberFigures {
  const times = sends.map((s) => Date.parse(s.time)).sort((a, b) => a - b);
  const empty = { label: lane.label, target: lane.rate, messages: lane.messages, sends: sends.length };
  if (times.length < 2) return { ...empty, steady: [], mean: NaN, min: NaN, max: NaN, above: 0, below: 0, window: times.length, spanS: 0 };
  const t0 = times[0]!;
  const full = Math.floor((times.at(-1)! - t0) / 1000);
  const buckets = new Array<number>(full + 1).fill(0);
  for (const t of times) buckets[Math.floor((t - t0) / 1000)]!++;
  const steady = buckets.slice(1, full);
  let window = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    window = Math.max(window, i - j + 1);
  }
  return {
    ...empty, steady,
    mean: steady.length ? steady.reduce((a, b) => a + b, 0) / steady.length : NaN,
    min: steady.length ? Math.min(...steady) : NaN, max: steady.length ? Math.max(...steady) : NaN,
    above: steady.filter((b) => b > lane.rate * GOAL.rateOver).length, below: steady.filter((b) => b < lane.rate * GOAL.rateMin).length,
    window, spanS: (times.at(-1)! - t0) / 1000,
  };
}

/**
 * Status webhooks with `perBody` statuses each: acknowledgement (api role only) beside a bare raw-body route, then
 * processing of what was stored (api + worker). The messages' statuses are set back to "queued" first (and their
 * webhook history removed), so the statuses are changes again, as they were when these messages were sent.
 */
async function ingestRun(env: Environment, messages: { id: string; wamid: string; to: string }[], number: { id: string; waba_id: string; display_phone_number: string }, perBody: number) {
  const label = perBody === 1 ? 'one status per body' : `${perBody} statuses per body`;
  let platform = await env.start({ api: true, worker: false });
  const ids = messages.map((m) => m.id);
  await rowsOf(platform, `UPDATE messages SET status = 'queued' WHERE id = ANY($1::text[])`, [ids]);
  await rowsOf(platform, `DELETE FROM message_status_events WHERE message_id = ANY($1::text[]) AND status IN ('sent', 'delivered', 'read')`, [ids]);
  const ingestFrom = (await rowsOf<{ t: Date }>(platform, 'SELECT now() AS t'))[0]!.t;
  const hook = { kind: 'webhook' as const, appSecret: SIM.appSecret, messages, number, perBody };
  const ceiling = await startCeilingServer(platform.deps.db);
  await phase(`3. webhook ingest, ${label}: ceiling, then POST /webhooks/whatsapp (statuses for ${messages.length} wamids)`);
  const raw = await runLoad(spec(`${ceiling.url}/raw`, hook, perBody === 1 ? {} : { durationMs: Math.min(DURATION_MS, 4000) }));
  await ceiling.stop();
  const ingest = await runLoad(spec(`${platform.url}/webhooks/whatsapp`, hook));
  const stored = await settled(() => count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE received_at >= $1`, [ingestFrom]));
  const made = ingest.made * perBody;
  loadRow(perBody === 1 ? '3. webhook ingest' : '', `POST /webhooks/whatsapp, signed, ${label}, api role only (${stored} stored)`, ingest, CONCURRENCY,
    perBody === 1 ? '' : `= ${fmt(ingest.rps * perBody)} statuses/s acked`);
  loadRow('', `ceiling: bare Fastify raw-body route, same bodies${perBody === 1 ? '' : ` (${Math.min(DURATION_MS, 4000) / 1000} s)`}`, raw, CONCURRENCY, `ingest = ${pct(ingest.rps, raw.rps)}`);
  if (made > 3 * messages.length) notes.push(`webhook ingest, ${label}: ${made} statuses were sent (warm-up included) for ${messages.length} messages; past the first ${3 * messages.length} (sent, delivered, read for each) they repeat with later timestamps and change no status.`);
  await platform.stop();

  await phase(`3. webhook processing, ${label}: a worker works through ${stored} stored deliveries (window ${PROCESS_CAP_MS / 1000} s)`);
  platform = await env.start({ api: true, worker: true });
  const pending = () => count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE processed_at IS NULL AND received_at >= $1`, [ingestFrom]);
  const processedAll = await waitUntil(async () => (await pending()) === 0, PROCESS_CAP_MS, 250);
  const work = (await rowsOf<{ n: number; first: number; span: number }>(platform, `
    WITH p AS (SELECT processed_at FROM whatsapp_webhook_events WHERE processed_at IS NOT NULL AND received_at >= $1)
    SELECT (SELECT count(*) FROM p)::int AS n, (SELECT count(*) FROM p WHERE processed_at = (SELECT min(processed_at) FROM p))::int AS first,
      (SELECT extract(epoch FROM max(processed_at) - min(processed_at)) FROM p)::float8 AS span`, [ingestFrom]))[0]!;
  // Deliveries are marked processed per batch: the rate counts what was processed after the first batch's commit.
  const deliveriesPerS = work.n > work.first ? (work.n - work.first) / work.span : NaN;
  const eventsPerS = deliveriesPerS * perBody;
  const withError = await count(platform, `SELECT count(*) FROM whatsapp_webhook_events WHERE last_error IS NOT NULL AND received_at >= $1`, [ingestFrom]);
  const applied = await count(platform, `SELECT count(*) FROM message_status_events WHERE message_id = ANY($1::text[]) AND status IN ('sent', 'delivered', 'read')`, [ids]);
  rows.push({
    section: '', what: `processing, ${label}: stored delivery → status applied (ingest loop, one worker), ${work.n} of ${stored} deliveries${processedAll ? '' : ` in the ${PROCESS_CAP_MS / 1000} s window`}, ${applied} statuses recorded`,
    conc: `batches of ${platform.deps.config.ingest.batchSize}`, rate: `${fmt(eventsPerS)} events/s`, p50: '', p99: '', errors: withError ? `${withError} with last_error` : '0',
    share: `= ${pct(eventsPerS, ingest.rps * perBody)} of ingest`,
  });
  goals.push({
    goal: `webhook processing, ${label}: ≥ ${fmt(GOAL.eventsPerS)} status events/s applied`, figure: `${fmt(eventsPerS)} events/s (${fmt(deliveriesPerS)} deliveries/s)`,
    met: eventsPerS >= GOAL.eventsPerS,
  });
  goals.push({
    goal: `webhook acknowledgement, ${label}: p99 < ${GOAL.ackP99Ms} ms at ${CONCURRENCY} connections`, figure: `p99 ${ms(ingest.p99)} (p50 ${ms(ingest.p50)}), ${fmt(ingest.rps)} req/s`,
    met: ingest.p99 < GOAL.ackP99Ms && ingest.errors === 0,
  });
  await platform.stop();
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
  const events = await rowsOf<{ message_id: string; status: string; recorded_at: Date }>(platform, `
    SELECT message_id, status, recorded_at FROM message_status_events WHERE message_id = ANY($1::text[])`, [ids]);
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
  out.push(`- commit ${commit}${dirty ? ' (working tree with uncommitted changes)' : ''}`);
  out.push(`- database: ${env.database}; send rates shared through ${process.env['REDIS_URL'] ? `Redis (${process.env['REDIS_URL']})` : 'the database (rate_slots)'}`);
  out.push(`- node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmt(totalmem() / 2 ** 30, 1)} GiB RAM`);
  out.push(`- machine load average (1 min) at start ${loadAtStart.toFixed(2)}, at end ${loadavg()[0]!.toFixed(2)}${loadAtStart > 1 ? ' — BUSY: something else was running' : ''}`);
  out.push(`- load: ${CONCURRENCY} connections, ${WARMUP_MS / 1000} s warm-up + ${DURATION_MS / 1000} s per run, autocannon in a child process, to 127.0.0.1; `
    + 'the simulator in its own process (bin/xpecto simulator); server, simulator, load and database share the cores');
  out.push('');
  out.push('| | measurement | concurrency | rate | p50 | p99 | errors | vs ceiling |');
  out.push('|---|---|---|---|---|---|---|---|');
  for (const r of rows) out.push(`| ${r.section} | ${r.what} | ${r.conc} | ${r.rate} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.share} |`);
  out.push('');
  if (dispatchRows.length) {
    out.push('Dispatch per number, from the simulator\'s receive times (one-second buckets from the first send; steady = without the first and the last, partial second):');
    out.push('');
    out.push('| number | configured | messages | sends at simulator | steady s | mean msg/s | min s | max s | % of target | s > +2 % | s < 95 % | max any 1 s window | span |');
    out.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of dispatchRows) {
      out.push(`| ${r.label} | ${r.target}/s | ${r.messages} | ${r.sends} | ${r.steady.length} | ${fmt(r.mean, 1)} | ${fmt(r.min)} | ${fmt(r.max)} | ${pct(r.mean, r.target)} | ${r.above} | ${r.below} | ${r.window} | ${fmt(r.spanS, 1)} s |`);
    }
    out.push('');
    for (const r of dispatchRows) out.push(`- ${r.label}, steady seconds: ${r.steady.join(' ')}`);
    out.push('');
  }
  out.push('Goals:');
  out.push('');
  out.push('| goal | figure | |');
  out.push('|---|---|---|');
  for (const g of goals) out.push(`| ${g.goal} | ${g.figure} | ${g.met ? 'met' : `**missed**${g.why ? ` (${g.why})` : ''}`} |`);
  out.push('');
  out.push('Per phase: peak resident memory (RSS, sampled every 250 ms), CPU used (100 % = one core) and the event-loop delay of the process running the platform:');
  out.push('');
  out.push(`| phase | s | bench + platform RSS | simulator RSS | bench + platform CPU | simulator CPU | whole machine CPU (of ${cpus().length * 100} %) | event-loop delay p50 / p99 / max |`);
  out.push('|---|---|---|---|---|---|---|---|');
  for (const [name, p] of phaseStats) {
    out.push(`| ${name} | ${fmt(p.seconds)} | ${mib(p.platform)} | ${mib(p.simulator)} | ${fmt(100 * p.cpu)} % | ${fmt(100 * p.simCpu)} % | ${fmt(100 * p.machine)} % | ${fmt(p.loopP50)} / ${fmt(p.loopP99)} / ${fmt(p.loopMax)} ms |`);
  }
  const all = [...phaseStats.values()];
  out.push(`| **whole run, peak** | | **${mib(Math.max(0, ...all.map((p) => p.platform)))}** | **${mib(Math.max(0, ...all.map((p) => p.simulator)))}** | | | | |`);
  out.push('');
  for (const note of notes) out.push(`- ${note}`);
  const problems = env.problems.map((line) => {
    const fromSimulator = line.startsWith('simulator: ');
    const text = fromSimulator ? line.slice('simulator: '.length) : line;
    try {
      const parsed = JSON.parse(text) as { level: number; msg: string; err?: { message?: string } | string };
      const err = typeof parsed.err === 'string' ? parsed.err : parsed.err?.message;
      return `${fromSimulator ? 'simulator ' : ''}${parsed.level >= 50 ? 'error' : 'warn'}: ${parsed.msg}${err ? ` (${err})` : ''}`;
    } catch {
      return `${fromSimulator ? 'simulator: ' : ''}${text.trim()}`;
    }
  });
  const grouped = new Map<string, number>();
  for (const p of problems) grouped.set(p, (grouped.get(p) ?? 0) + 1);
  out.push(`- log lines at warn or above (platform and simulator): ${problems.length}${problems.length >= 500 ? '+' : ''}`);
  for (const [line, n] of grouped) out.push(`  - ${n}× ${line.slice(0, 300)}`);
  out.push(`- whole run: ${fmt(totalSeconds)} s`);
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
