import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { startPlatform, type Platform } from '../../src/platform.ts';
import { buildSimulator, type SimulatorOptions } from '../../simulator/server.ts';
import { TEMPLATE_DATABASE, withDatabase } from './global-setup.ts';

export const SIM = { accessToken: 'sim-test-access-token', appSecret: 'sim-test-app-secret', verifyToken: 'sim-test-verify-token' };

export type Tenant = { orgId: string; apiKey: string; phoneNumberId: string; metaPhoneNumberId: string; wabaId: string };

export type TestPlatform = {
  url: string;
  simUrl: string;
  platform: Platform;
  /** Every log line the platform wrote, raw, for assertions that secrets never appear. */
  logs: string[];
  api(method: string, path: string, options?: { key?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  sim(method: string, path: string, body?: unknown): Promise<any>;
  /**
   * An organization with a simulated number. Unless `optIn` is false, the simulator's customers
   * +1 202 555 0100 … 0199 have opted in to everything through the consent API, and the marketing
   * frequency cap is at its highest, so tests about other things can send templates to them.
   */
  createTenant(name: string, options?: { optIn?: boolean }): Promise<Tenant>;
  waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
};

/**
 * The real platform for one test file: its own database (copied from the migrated template), its own
 * Cloud API simulator, the API on a free port, and the workers running, all over real HTTP.
 */
export async function startTestPlatform(options: {
  workers?: boolean;
  /** Configuration as environment variables, over the test defaults. */
  env?: Record<string, string>;
  simulator?: Partial<SimulatorOptions>;
} = {}): Promise<TestPlatform> {
  const db = await freshDatabase();
  const env: NodeJS.ProcessEnv = {
    ...db.env,
    NODE_ENV: 'test',
    PORT: '0',
    MASTER_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'info',
    DISPATCH_IDLE_MS: '50',
    GRAPH_API_TIMEOUT_MS: '2000',
    DISPATCH_RECONCILE_WINDOW_MS: '3000',
    // Request budgets and failed-authentication blocks of their own in a shared Redis: every test file and every
    // run sends from 127.0.0.1, and one file's deliberate failures must not block the next file's requests.
    RATE_LIMIT_NAMESPACE: `test-${randomBytes(6).toString('hex')}`,
    ...options.env,
  };
  if (process.env['REDIS_URL']) env['REDIS_URL'] = process.env['REDIS_URL'];

  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { logs.push(String(chunk)); done(); } });
  const log = createLogger('info', sink);
  const config = readConfig(env);

  const simulator = buildSimulator({
    port: 0, ...SIM, statusDelaysMs: { sent: 20, delivered: 60, read: 120 }, templateReviewDelayMs: 20,
    logger: log.child({ component: 'simulator' }), ...options.simulator,
  });
  const { url: simUrl } = await simulator.start();
  const platform = await startPlatform(config, log, { api: true, worker: options.workers ?? true }, simUrl);
  const url = platform.url!;
  const sim = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(simUrl + path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator ${method} ${path} → ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  await sim('PUT', '/_sim/config', { webhookUrl: `${url}/webhooks/whatsapp` });

  const api: TestPlatform['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.key) headers['authorization'] = `Bearer ${opts.key}`;
    if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(url + path, {
      method, headers,
      ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
    });
    const text = await res.text();
    let body: any = text;
    try { body = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.status, body, headers: res.headers, text };
  };

  return {
    url, simUrl, platform, logs, api, sim,
    async createTenant(name, options = {}) {
      const { createOrganization } = await import('../../src/tenancy/create-organization.ts');
      const { createApiKey } = await import('../../src/tenancy/api-keys.ts');
      const org = await createOrganization(platform.deps.db, { name: `${name} ${randomBytes(3).toString('hex')}` });
      const { secret } = await createApiKey(platform.deps.db, org.id, { name: 'test', mode: 'test' });
      const number = await sim('POST', '/_sim/phone-numbers', { verified_name: name });
      const registered = await api('POST', '/v1/phone-numbers', {
        key: secret,
        body: { waba_id: number.waba_id, phone_number_id: number.id, access_token: SIM.accessToken, app_secret: SIM.appSecret, verify_token: SIM.verifyToken },
      });
      if (registered.status !== 201) throw new Error(`phone number registration failed: ${registered.status} ${registered.text}`);
      if (options.optIn !== false) await optInSimulatedCustomers(url, secret, org.name);
      return { orgId: org.id, apiKey: secret, phoneNumberId: registered.body.id, metaPhoneNumberId: number.id, wabaId: number.waba_id };
    },
    async waitFor(what, probe, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const value = await probe();
        if (value) return value as any;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await platform.stop();
      await simulator.stop();
      await db.drop();
    },
  };
}

/**
 * A database of its own for one test file, already migrated: a copy of the PGlite template in a fresh
 * DATA_DIR, or a PostgreSQL database created from the template when DATABASE_URL is set.
 */
export async function freshDatabase(): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'xpecto-test-'));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  const baseUrl = process.env['DATABASE_URL'];
  if (baseUrl) {
    const name = `xpecto_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(baseUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
    return {
      env: { DATA_DIR: dir, DATABASE_URL: withDatabase(baseUrl, name) },
      async drop() {
        await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await removeDir();
      },
    };
  }
  await cp(inject('pgliteTemplateDir'), join(dir, 'pglite'), { recursive: true });
  return { env: { DATA_DIR: dir }, drop: removeDir };
}

async function adminQuery(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * The simulator's customers +1 202 555 0100 … 0199 opt in to everything through the consent API, and the marketing
 * cap goes to its highest, so tests about other things can send templates to them.
 */
export async function optInSimulatedCustomers(baseUrl: string, key: string, business: string) {
  const call = (method: string, path: string, body: object) => fetch(`${baseUrl}${path}`, {
    method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const records = Array.from({ length: 100 }, (_, i) => ({
    phone: `+1202555${String(100 + i).padStart(4, '0')}`, purpose: 'all', state: 'opted_in', source: 'web_form',
    proof: { text: `Yes, ${business} may send me updates and offers on WhatsApp.`, url: 'https://example.com/signup' },
  }));
  const r = await call('POST', '/v1/consents', { records });
  if (r.status !== 201) throw new Error(`opt-in failed: ${r.status} ${await r.text()}`);
  const settings = await call('PATCH', '/v1/consent/settings', { marketing_cap_per_24h: 100 });
  if (settings.status !== 200) throw new Error(`consent settings refused: ${settings.status} ${await settings.text()}`);
}
