// The bench's world: a throwaway database (PGlite in a temporary directory, or a fresh PostgreSQL
// database when DATABASE_URL is set), one Cloud API simulator, and the platform started in whichever
// roles a measurement needs — the same way test/helpers/test-platform.ts starts it.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readConfig } from '../src/config.ts';
import { createLogger } from '../src/lib/logger.ts';
import { startPlatform, type Platform, type Roles } from '../src/platform.ts';
import { createOrganization } from '../src/tenancy/create-organization.ts';
import { createApiKey } from '../src/tenancy/api-keys.ts';
import { buildSimulator, type Simulator } from '../simulator/server.ts';

export const SIM = { accessToken: 'sim-bench-access-token', appSecret: 'sim-bench-app-secret', verifyToken: 'sim-bench-verify-token' };

/** A started platform; with the api role it always has a URL. */
export type BenchPlatform = Platform & { url: string };

export type Tenant = { orgId: string; apiKey: string; phoneNumberId: string; metaPhoneNumberId: string; wabaId: string; displayPhoneNumber: string };

export type Environment = {
  database: string;
  simulator: Simulator;
  simUrl: string;
  /** Warnings and errors the platform logged (level ≥ warn), raw. */
  problems: string[];
  /** Starts the platform in these roles; `overrides` are extra environment variables for this start only. */
  start(roles: Roles, overrides?: Record<string, string>): Promise<BenchPlatform>;
  sim(method: string, path: string, body?: unknown): Promise<any>;
  createTenant(platform: BenchPlatform): Promise<Tenant>;
  close(): Promise<void>;
};

export async function openEnvironment(options: { statusDelaysMs: { sent: number; delivered: number; read: number } }): Promise<Environment> {
  const dir = await mkdtemp(join(tmpdir(), 'xpecto-bench-'));
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    PORT: '0',
    DATA_DIR: dir,
    MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
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

  // Meta's limits are off so they do not stand between the platform and the figures; status
  // webhooks follow the given delays (changed per measurement through PUT /_sim/config).
  const simulator = buildSimulator({
    port: 0, ...SIM, statusDelaysMs: options.statusDelaysMs, pairRateLimit: false, throughput: false,
    maxLogEntries: 500_000, logger: log.child({ component: 'simulator' }),
  });
  const { url: simUrl } = await simulator.start();

  const sim = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(simUrl + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  const running = new Set<Platform>();
  return {
    database, simulator, simUrl, problems, sim,
    async start(roles, overrides = {}) {
      const platform = await startPlatform(readConfig({ ...env, ...overrides }), log, roles, simUrl);
      running.add(platform);
      const stop = platform.stop;
      const url = platform.url!;
      await sim('PUT', '/_sim/config', { webhookUrl: `${url}/webhooks/whatsapp` });
      return Object.assign(platform, { url, stop: async () => { running.delete(platform); await stop(); } });
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
      return { orgId: org.id, apiKey: secret, phoneNumberId: body.id, metaPhoneNumberId: number.id, wabaId: number.waba_id, displayPhoneNumber: number.display_phone_number };
    },
    async close() {
      for (const platform of running) await platform.stop();
      await simulator.stop();
      await dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
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
