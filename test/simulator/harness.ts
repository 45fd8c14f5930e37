// Starts a simulator on port 0 with fast timings and a plain node:http receiver that records
// every webhook and checks its signature, the way the platform's webhook route must.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCloudApiClient } from '../../src/whatsapp/client.ts';
import { verifySignature } from '../../src/whatsapp/verify-signature.ts';
import { buildSimulator, SIMULATOR_DEFAULTS, type Simulator, type SimulatorOptions } from '../../simulator/server.ts';

export type ReceivedWebhook = { raw: Buffer; body: any; signatureValid: boolean; headers: Record<string, unknown> };

export type Receiver = {
  url: string;
  received: ReceivedWebhook[];
  /** Answer with this status instead of 200 for the next `times` deliveries whose body matches. */
  failNext(status: number, times: number, match?: (raw: string) => boolean): void;
  close(): Promise<void>;
};

export async function startReceiver(appSecret: string): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let failures: { status: number; times: number; match: (raw: string) => boolean } = { status: 200, times: 0, match: () => true };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (failures.times > 0 && failures.match(raw.toString('utf8'))) {
        failures.times -= 1;
        res.writeHead(failures.status).end();
        return;
      }
      const header = req.headers['x-hub-signature-256'];
      received.push({
        raw, body: JSON.parse(raw.toString('utf8')), headers: req.headers,
        signatureValid: verifySignature(raw, typeof header === 'string' ? header : undefined, appSecret),
      });
      res.writeHead(200).end('EVENT_RECEIVED');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/whatsapp`,
    received,
    failNext(status, times, match = () => true) { failures = { status, times, match }; },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export type Harness = {
  sim: Simulator;
  simUrl: string;
  receiver: Receiver;
  client: ReturnType<typeof createCloudApiClient>;
  token: string;
  phoneNumberId: string;
  wabaId: string;
  close(): Promise<void>;
};

export async function startHarness(options: SimulatorOptions = {}): Promise<Harness> {
  const appSecret = options.appSecret ?? SIMULATOR_DEFAULTS.appSecret;
  const receiver = await startReceiver(appSecret);
  const sim = buildSimulator({
    port: 0,
    webhookUrl: receiver.url,
    statusDelaysMs: { sent: 10, delivered: 20, read: 30 },
    webhookRetry: { baseDelayMs: 10, attempts: 5, timeoutMs: 2000 },
    templateReviewDelayMs: 20,
    pairRateLimit: false,
    ...options,
  });
  const { url } = await sim.start();
  return {
    sim, simUrl: url, receiver,
    client: createCloudApiClient({ baseUrl: url, apiVersion: SIMULATOR_DEFAULTS.apiVersion, timeoutMs: 2000 }),
    token: options.accessToken ?? SIMULATOR_DEFAULTS.accessToken,
    phoneNumberId: SIMULATOR_DEFAULTS.phoneNumber.id,
    wabaId: SIMULATOR_DEFAULTS.waba.id,
    async close() {
      await sim.stop();
      await receiver.close();
    },
  };
}

/** Polls until `find` returns something, failing after `timeoutMs`; never asserts on wall-clock time. */
export async function waitFor<T>(find: () => T | undefined | null | false, what: string, timeoutMs = 3000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Statuses received for one wamid, in arrival order. */
export function statusesFor(receiver: Receiver, wamid: string): any[] {
  return receiver.received.flatMap((w) => w.body.entry.flatMap((e: any) => e.changes.flatMap((c: any) =>
    (c.value?.statuses ?? []).filter((s: any) => s.id === wamid))));
}

/** A JSON call to the simulator (control API or raw Graph requests). */
export async function call(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
