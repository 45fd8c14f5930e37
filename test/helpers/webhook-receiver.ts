import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { n: number; headers: IncomingHttpHeaders; body: string; answered: number };

/**
 * A customer's endpoint for tests: a plain node:http server on 127.0.0.1 that records every request and
 * answers what `respond` says (200 by default).
 */
export async function startReceiver(respond: (n: number, body: string) => number | { status: number; headers?: Record<string, string> } = () => 200) {
  const received: Received[] = [];
  let answer = respond;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const n = received.length + 1;
      const out = answer(n, body);
      const { status, headers } = typeof out === 'number' ? { status: out, headers: {} } : out;
      received.push({ n, headers: req.headers, body, answered: status });
      res.writeHead(status, headers).end(status >= 300 ? 'nope' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return {
    url,
    received,
    /** Requests answered 2xx, each event once (by webhook-id). */
    accepted() {
      const byId = new Map<string, Received>();
      for (const r of received) if (r.answered < 300) byId.set(String(r.headers['webhook-id']), r);
      return [...byId.values()];
    },
    setResponder(next: typeof respond) { answer = next; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/**
 * Standard Webhooks verification written out independently of src/webhooks/signature.ts, as a
 * customer would from the README: any of the space-separated v1 signatures may match.
 */
export function independentlyVerify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const id = String(headers['webhook-id']);
  const timestamp = String(headers['webhook-timestamp']);
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature']).split(' ').some((entry) => {
    const [version, sig] = entry.split(',');
    const given = Buffer.from(sig ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
