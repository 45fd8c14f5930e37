// The load generator: a child process running autocannon at a fixed number of connections, for a
// warm-up and then a measured run, each bounded in time (and optionally in requests). Reads its
// LoadSpec as JSON on stdin and writes one LoadResult as JSON on stdout. Bodies that must differ per
// request (recipients, signed webhooks) are made here, so the server's process does none of that work.

import autocannon, { type AutocannonRequest, type AutocannonResult } from 'autocannon';
import type { SimPhoneNumber } from '../simulator/state.ts';
import { statusWebhook } from '../simulator/webhook-payloads.ts';
import { serialiseLikeMeta } from '../simulator/webhook-sender.ts';
import { signPayload } from '../src/whatsapp/verify-signature.ts';
import type { DeliveryStatus, StatusObject } from '../src/whatsapp/webhook-types.ts';
import type { BodyKind, LoadResult, LoadSpec } from './load.ts';

type Made = { body: string; headers: Record<string, string> };

const CUSTOMERS = Array.from({ length: 100 }, (_, i) => `+1202555${String(100 + i).padStart(4, '0')}`);
const JSON_TYPE = { 'content-type': 'application/json' };

/** The k-th request of a kind; each kind rotates through the simulated customers or the given wamids. */
function requestMaker(kind: BodyKind): ((k: number) => Made) | null {
  switch (kind.kind) {
    case 'fixed':
      return null; // one body for every request: autocannon sends prebuilt bytes
    case 'send': {
      // The platform's POST /v1/messages: hello_world to +1 202 555 0100 … 0199; with several keys, tenant by tenant
      // in turn, each tenant going through all hundred customers.
      const keys = kind.apiKeys ?? [];
      return (k) => ({
        body: JSON.stringify({ to: CUSTOMERS[Math.floor(k / Math.max(1, keys.length)) % 100], type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } }),
        headers: keys.length ? { ...JSON_TYPE, authorization: `Bearer ${keys[k % keys.length]}` } : JSON_TYPE,
      });
    }
    case 'graph':
      // What the dispatcher sends to the Cloud API (here the simulator).
      return (k) => ({
        body: JSON.stringify({
          messaging_product: 'whatsapp', recipient_type: 'individual', to: CUSTOMERS[k % 100]!.slice(1), type: 'template',
          template: { name: 'hello_world', language: { code: 'en_US' } }, biz_opaque_callback_data: `bench_${k}`,
        }),
        headers: { ...JSON_TYPE, authorization: `Bearer ${kind.accessToken}` },
      });
    case 'webhook': {
      // Signed status webhooks shaped as the simulator sends them. Status j is for message j mod n: `sent` for
      // every wamid, then `delivered`, then `read`; past that the timestamp moves on, so every body is new to the
      // platform (though no longer a change of status). Body k carries statuses k·perBody … k·perBody + perBody − 1
      // in its `statuses[]`, as Meta batches several statuses into one delivery.
      const statuses: DeliveryStatus[] = ['sent', 'delivered', 'read'];
      const n = kind.messages.length;
      const perBody = Math.max(1, kind.perBody ?? 1);
      if (n === 0) throw new Error('webhook load needs at least one message');
      const base = Math.floor(Date.now() / 1000);
      const pricing = { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' } as const;
      const statusObject = (j: number): StatusObject => {
        const m = kind.messages[j % n]!;
        const status = statuses[Math.floor(j / n) % 3]!;
        return {
          id: m.wamid, status, timestamp: String(base + Math.floor(j / (3 * n))), recipient_id: m.to.replace(/^\+/, ''),
          biz_opaque_callback_data: m.id,
          ...(status === 'read' ? {} : { conversation: { id: `conv_${m.id}`, origin: { type: 'utility' } }, pricing }),
        };
      };
      return (k) => {
        const objects = Array.from({ length: perBody }, (_, i) => statusObject(k * perBody + i));
        const envelope = statusWebhook(kind.number as SimPhoneNumber, objects[0]!);
        const change = envelope.entry[0]!.changes[0]!;
        if (perBody > 1 && change.field === 'messages') {
          change.value.statuses = objects;
          change.value.contacts = [...new Map(objects.map((o) => [o.recipient_id!, { profile: { name: `Customer ${o.recipient_id!.slice(-4)}` }, wa_id: o.recipient_id! }])).values()];
        }
        const body = serialiseLikeMeta(envelope);
        return { body, headers: { ...JSON_TYPE, 'x-hub-signature-256': signPayload(body, kind.appSecret), 'user-agent': 'facebookexternalua' } };
      };
    }
  }
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const make = requestMaker(spec.body);
  const samples: string[] = [];
  let k = 0;
  const request: AutocannonRequest = make
    ? {
      method: spec.method,
      setupRequest: (req) => {
        const made = make(k++);
        return { ...req, body: made.body, headers: { ...made.headers, ...spec.headers } };
      },
      onResponse: (status, body) => {
        if ((status < 200 || status >= 300) && samples.length < 3) samples.push(`${status} ${String(body).slice(0, 300)}`);
      },
    }
    : { method: spec.method, headers: { ...JSON_TYPE, ...spec.headers }, body: JSON.stringify((spec.body as { body: unknown }).body) };

  const cannon = (seconds: number, amount?: number) => autocannon({
    url: spec.url, connections: amount !== undefined ? Math.min(spec.concurrency, amount) : spec.concurrency, duration: seconds, requests: [request],
    ...(amount !== undefined ? { amount } : {}),
  });
  if (spec.warmupMs > 0) await cannon(spec.warmupMs / 1000);
  samples.length = 0;
  const r: AutocannonResult = await cannon(spec.durationMs / 1000, spec.maxRequests);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = stat.count;
  if (r.errors) statuses['connection error'] = r.errors;
  if (r.timeouts) statuses['timeout'] = r.timeouts;
  const requests = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    requests,
    durationMs: r.duration * 1000,
    rps: requests / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.non2xx + r.errors + r.timeouts,
    statuses,
    errorSamples: samples,
    made: k,
  };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => { input += chunk; });
process.stdin.on('end', () => {
  run(JSON.parse(input) as LoadSpec).then(
    (result) => process.stdout.write(JSON.stringify(result)),
    (error: unknown) => {
      process.stderr.write(String(error instanceof Error ? error.stack : error));
      process.exitCode = 1;
    },
  );
});
