import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSimulator } from '../simulator/server.ts';
import { killAll, startXpecto as startProcess } from './helpers/processes.ts';
import { freshDatabase, SIM, optInSimulatedCustomers } from './helpers/test-platform.ts';

// The platform as people run it: real processes started through bin/xpecto, talked to over HTTP.

let db: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => {
  killAll();
  await db?.drop();
});

async function sendAndWaitForRead(base: string, key: string) {
  const sent = await fetch(`${base}/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ to: '+12025550100', type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }),
  });
  expect(sent.status).toBe(202);
  const { id } = (await sent.json()) as { id: string };
  for (let i = 0; i < 300; i++) {
    const got = (await (await fetch(`${base}/v1/messages/${id}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { status: string };
    if (got.status === 'read') return got;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('message never reached read');
}

describe('xpecto start (the Quick start)', () => {
  it('prints a demo key that sends hello_world to read, stops cleanly on SIGTERM, and prints the same key again', async () => {
    // Port 0: the platform and its simulator take free ports themselves, so parallel tests never collide.
    const env = { ...db.env, PORT: '0', SIMULATOR_PORT: '0', MASTER_KEY: randomBytes(32).toString('base64') };
    const first = startProcess(['start'], env);
    const key = (await first.waitFor(/API key: (xp_test_[0-9A-Za-z]{43})/))[1]!;
    const base = (await first.waitFor(/Base URL: (\S+)/))[1]!;
    await sendAndWaitForRead(base, key);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = startProcess(['start'], env);
    expect((await second.waitFor(/API key: (xp_test_\S+)/))[1]).toBe(key);
    await sendAndWaitForRead((await second.waitFor(/Base URL: (\S+)/))[1]!, key);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

// Separate api and worker processes need a database several processes can open: PostgreSQL.
describe.runIf(process.env['DATABASE_URL'])('scaled out: xpecto api and xpecto worker as separate processes', () => {
  it('the api accepts, the worker dispatches, the api receives the statuses', async () => {
    const simulator = buildSimulator({ port: 0, ...SIM, statusDelaysMs: { sent: 20, delivered: 40, read: 60 } });
    const { url: simUrl } = await simulator.start();
    try {
      const env = { ...db.env, PORT: '0', MASTER_KEY: randomBytes(32).toString('base64'), GRAPH_API_BASE_URL: simUrl, LOG_LEVEL: 'info' };
      const run = (args: string[]) => new Promise<string>((resolve, reject) => {
        const p = startProcess(args, env);
        p.exited.then((code) => (code === 0 ? resolve(p.output()) : reject(new Error(p.output()))));
      });
      await run(['org', 'create', '--name', 'Scaled', '--slug', 'scaled']);
      const key = /API key: (\S+)/.exec(await run(['keys', 'create', '--org', 'scaled', '--name', 'k']))![1]!;
      const api = startProcess(['api'], env);
      const worker = startProcess(['worker'], env);
      const port = Number((await api.waitFor(/"url":"http:\/\/127\.0\.0\.1:(\d+)"[^\n]*xpecto started/))[1]);
      await fetch(`${simUrl}/_sim/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ webhookUrl: `http://127.0.0.1:${port}/webhooks/whatsapp` }) });
      await worker.waitFor(/xpecto started/);
      const number = (await (await fetch(`${simUrl}/_sim/phone-numbers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string; waba_id: string };
      const registered = await fetch(`http://127.0.0.1:${port}/v1/phone-numbers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ waba_id: number.waba_id, phone_number_id: number.id, access_token: SIM.accessToken, app_secret: SIM.appSecret, verify_token: SIM.verifyToken }),
      });
      expect(registered.status).toBe(201);
      await optInSimulatedCustomers(`http://127.0.0.1:${port}`, key, 'Scaled');
      await sendAndWaitForRead(`http://127.0.0.1:${port}`, key);
      api.child.kill('SIGTERM');
      worker.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      expect(await worker.exited).toBe(0);
    } finally {
      await simulator.stop();
    }
  });
});
