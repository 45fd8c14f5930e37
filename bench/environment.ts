// The bench's world: a throwaway database (PGlite in a temporary directory, or a fresh PostgreSQL
// database when DATABASE_URL is set), one Cloud API simulator, and the platform started in whichever
// roles a measurement needs — the same way test/helpers/test-platform.ts starts it.
// The simulator runs as its own process (`bin/xpecto simulator`), as in test/dispatch/workers.test.ts, so the
// times it records for the sends it receives are not skewed by the platform's event loop. The platform runs in
// this process (PGlite is one embedded session: the bench reads the same database through it).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readConfig } from '../src/config.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startPlatform, type Platform, type Roles } from '../src/platform.ts';
import { createOrganization } from '../src/tenancy/create-organization.ts';
import { createApiKey } from '../src/tenancy/api-keys.ts';
import type { SimulatorConfig } from '../simulator/state.ts';

export const SIM = { accessToken: 'sim-bench-access-token', appSecret: 'sim-bench-app-secret', verifyToken: 'sim-bench-verify-token' };

/** A started platform; with the api role it always has a URL. */
export type BenchPlatform = Platform & { url: string };

export type Tenant = { orgId: string; apiKey: string; phoneNumberId: string; metaPhoneNumberId: string; wabaId: string; displayPhoneNumber: string };

/** A send as the simulator recorded it: `time` is when it received the request (ISO, milliseconds). */
export type SimSend = { wamid: string; phone_number_id: string; to: string; time: string; body: { biz_opaque_callback_data?: string } };

export type Environment = {
  database: string;
  simUrl: string;
  /** The simulator's process id (for its resident memory). */
  simPid: number;
  /** Warnings and errors the platform logged (level ≥ warn), raw. */
  problems: string[];
  /** Starts the platform in these roles; `overrides` are extra environment variables for this start only. */
  start(roles: Roles, overrides?: Record<string, string>): Promise<BenchPlatform>;
  sim(method: string, path: string, body?: unknown): Promise<any>;
  /** What the simulator accepted from one number (its last 20,000 sends at most). */
  simSends(metaPhoneNumberId: string): Promise<SimSend[]>;
  /** Resident memory in bytes: this process (bench + platform) and the simulator's process. */
  rss(): Promise<{ platform: number; simulator: number }>;
  /** CPU seconds (user + system) the simulator's process has used so far; NaN where /proc is missing. */
  cpuSeconds(): Promise<number>;
  createTenant(platform: BenchPlatform): Promise<Tenant>;
  /**
   * `xpecto worker` as a process of its own (PostgreSQL only), on this environment's database and simulator, so the
   * lanes do not share an event loop with the API and the bench. Resolves once it has started.
   */
  startWorkerProcess(overrides?: Record<string, string>): Promise<WorkerProcess>;
  close(): Promise<void>;
};

export type WorkerProcess = { pid: number; cpuSeconds(): Promise<number>; rss(): Promise<number>; stop(): Promise<void> };

export async function openEnvironment(options: { statusDelaysMs: SimulatorConfig['statusDelaysMs'] }): Promise<Environment> {
  const dir = await mkdtemp(join(tmpdir(), 'xpecto-bench-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PORT: '0',
    DATA_DIR: dir,
    MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
    // The load comes from one address and one key far above any plan: budgets so large they never refuse, so the
    // figures include the throttle's round trip (AUP 3.6) without its 429s.
    RATE_LIMIT_PER_IP: '1000000000',
    RATE_LIMIT_PLANS: JSON.stringify({ starter: { send: { key: 1e9, org: 1e9 }, api: { key: 1e9, org: 1e9 } } }),
    RATE_LIMIT_NAMESPACE: `bench-${randomBytes(6).toString('hex')}`,
  };
  let database = 'PGlite (embedded, temporary data directory)';
  let dropDatabase = async () => {};
  const baseUrl = process.env['DATABASE_URL'];
  if (baseUrl) {
    const name = `xpecto_bench_${randomBytes(5).toString('hex')}`;
    await adminQuery(baseUrl, `CREATE DATABASE ${name}`);
    const url = new URL(baseUrl);
    url.pathname = `/${name}`;
    env['DATABASE_URL'] = url.toString();
    const version = await adminQuery(baseUrl, 'SHOW server_version');
    database = `PostgreSQL ${version} at ${url.host} (fresh database ${name}, dropped afterwards)`;
    dropDatabase = async () => { await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); };
  }
  if (process.env['REDIS_URL']) env['REDIS_URL'] = process.env['REDIS_URL'];

  const problems: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { if (problems.length < 500) problems.push(String(chunk)); done(); } });
  const log = createLogger('warn', sink);

  // Meta's limits are off so they do not stand between the platform and the figures (the platform paces
  // itself); status webhooks follow the given delays (changed per measurement through PUT /_sim/config).
  const simPort = await freePort();
  const simUrl = `http://127.0.0.1:${simPort}`;
  const simulator = spawn(fileURLToPath(new URL('../bin/xpecto', import.meta.url)), ['simulator'], {
    env: {
      PATH: process.env['PATH'], SIMULATOR_PORT: String(simPort), PORT: String(await freePort()), LOG_LEVEL: 'warn',
      SIMULATOR_ACCESS_TOKEN: SIM.accessToken, SIMULATOR_APP_SECRET: SIM.appSecret, SIMULATOR_VERIFY_TOKEN: SIM.verifyToken,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const simExited = new Promise<void>((resolve) => simulator.once('exit', () => resolve()));
  const fromSimulator = (chunk: Buffer) => {
    for (const line of String(chunk).split('\n')) if (line.trim() && problems.length < 500) problems.push(`simulator: ${line}`);
  };
  simulator.stdout!.on('data', fromSimulator);
  simulator.stderr!.on('data', fromSimulator);
  const stopSimulator = async () => {
    if (simulator.exitCode !== null || simulator.signalCode !== null) return;
    simulator.kill('SIGTERM');
    if (await Promise.race([simExited.then(() => true), sleep(5000).then(() => false)])) return;
    simulator.kill('SIGKILL');
    await simExited;
  };

  const sim = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(simUrl + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  try {
    await waitForSimulator(simulator, simUrl);
    await sim('PUT', '/_sim/config', { statusDelaysMs: options.statusDelaysMs, pairRateLimit: false, throughput: false });
  } catch (error) {
    await stopSimulator();
    await dropDatabase();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const running = new Set<Platform>();
  return {
    database, simUrl, simPid: simulator.pid!, problems, sim,
    async simSends(metaPhoneNumberId) {
      return ((await sim('GET', `/_sim/sent?phone_number_id=${encodeURIComponent(metaPhoneNumberId)}`)) as { data: SimSend[] }).data;
    },
    async rss() {
      let simulatorRss = 0;
      try {
        const status = await readFile(`/proc/${simulator.pid}/status`, 'utf8');
        simulatorRss = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
      } catch { /* gone, or not Linux */ }
      return { platform: process.memoryUsage().rss, simulator: simulatorRss };
    },
    async cpuSeconds() {
      try {
        // Fields 14 and 15 (utime, stime) in clock ticks, counted after the parenthesised command name.
        const stat = await readFile(`/proc/${simulator.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) / 100;
      } catch {
        return NaN;
      }
    },
    async start(roles, overrides = {}) {
      const platform = await startPlatform(readConfig({ ...env, ...overrides }), log, roles, simUrl);
      running.add(platform);
      const stop = platform.stop;
      const url = platform.url!;
      await sim('PUT', '/_sim/config', { webhookUrl: `${url}/webhooks/whatsapp` });
      return Object.assign(platform, { url, stop: async () => { running.delete(platform); await stop(); } });
    },
    async startWorkerProcess(overrides = {}) {
      if (!env['DATABASE_URL']) throw new Error('a worker process needs PostgreSQL (DATABASE_URL): PGlite is one in-process session');
      const child = spawn(fileURLToPath(new URL('../bin/xpecto', import.meta.url)), ['worker'], {
        env: { PATH: process.env['PATH'], ...env, LOG_LEVEL: 'info', GRAPH_API_BASE_URL: simUrl, ...overrides },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      let started = false;
      const lines = (chunk: Buffer) => {
        for (const line of String(chunk).split('\n')) {
          if (!line.trim()) continue;
          if (line.includes('xpecto started')) started = true;
          // Its info lines (start, stop) are not problems; warnings and errors are, as for the in-process platform.
          const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 50);
          if (level >= 40 && problems.length < 500) problems.push(line);
        }
      };
      child.stdout!.on('data', lines);
      child.stderr!.on('data', lines);
      for (let i = 0; !started; i++) {
        if (child.exitCode !== null || child.signalCode !== null || i > 300) throw new Error('the worker process did not start within 30 s');
        await sleep(100);
      }
      const proc = (file: string) => readFile(`/proc/${child.pid}/${file}`, 'utf8').catch(() => '');
      return {
        pid: child.pid!,
        async cpuSeconds() {
          const stat = await proc('stat');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return stat ? (Number(fields[11]) + Number(fields[12])) / 100 : NaN;
        },
        async rss() { return Number(/^VmRSS:\s+(\d+) kB/m.exec(await proc('status'))?.[1] ?? 0) * 1024; },
        async stop() {
          child.kill('SIGTERM');
          if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) child.kill('SIGKILL');
          await exited;
        },
      };
    },
    async createTenant(platform) {
      const org = await createOrganization(platform.deps.db, { name: `Bench ${randomBytes(3).toString('hex')}` });
      const { secret } = await createApiKey(platform.deps.db, org.id, { name: 'bench', mode: 'test' });
      const number = await sim('POST', '/_sim/phone-numbers', { verified_name: 'Bench', throughput_level: 'HIGH' });
      const res = await fetch(`${platform.url}/v1/phone-numbers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ waba_id: number.waba_id, phone_number_id: number.id, access_token: SIM.accessToken, app_secret: SIM.appSecret, verify_token: SIM.verifyToken }),
      });
      const body = await res.json() as { id: string };
      if (res.status !== 201) throw new Error(`phone number registration failed: ${res.status} ${JSON.stringify(body)}`);
      // The load sends templates to the simulator's customers +1 202 555 0100 … 0199: they opt in first (AUP 3.1).
      const records = Array.from({ length: 100 }, (_, i) => ({
        phone: `+1202555${String(100 + i).padStart(4, '0')}`, purpose: 'all', state: 'opted_in', source: 'web_form',
        proof: { text: `${org.name} may send me messages on WhatsApp.` },
      }));
      const consent = await fetch(`${platform.url}/v1/consents`, {
        method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ records }),
      });
      if (consent.status !== 201) throw new Error(`opt-in failed: ${consent.status} ${await consent.text()}`);
      return { orgId: org.id, apiKey: secret, phoneNumberId: body.id, metaPhoneNumberId: number.id, wabaId: number.waba_id, displayPhoneNumber: number.display_phone_number };
    },
    async close() {
      for (const platform of running) await platform.stop();
      await stopSimulator();
      await dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForSimulator(child: ChildProcess, url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the simulator process exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(`${url}/_sim/health`)).ok) return;
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  throw new Error('the simulator process did not answer /_sim/health within 30 s');
}

async function adminQuery(url: string, text: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    const first = result.rows[0] as Record<string, unknown> | undefined;
    return first ? String(Object.values(first)[0]) : '';
  } finally {
    await client.end();
  }
}
