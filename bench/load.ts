// Fixed-concurrency HTTP load against 127.0.0.1, bounded in time (and optionally in requests).
// The requests are made by autocannon in a child process (load-process.ts), as a separate load
// generator would; this side only starts it and waits. Both still share the machine's cores.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type WebhookMessage = { id: string; wamid: string; to: string };

export type BodyKind =
  | { kind: 'fixed'; body: unknown }
  /** The platform's send API; with `apiKeys`, request k authenticates with key k mod their count (several tenants). */
  | { kind: 'send'; apiKeys?: string[] }
  | { kind: 'graph'; accessToken: string }
  /** Signed status webhooks; `perBody` statuses in each delivery's `statuses[]` (default 1), as Meta batches them. */
  | { kind: 'webhook'; appSecret: string; number: { id: string; waba_id: string; display_phone_number: string }; messages: WebhookMessage[]; perBody?: number };

export type LoadSpec = {
  url: string;
  method: 'POST' | 'GET';
  headers?: Record<string, string>;
  body: BodyKind;
  concurrency: number;
  /** Requests made but not counted, so connections and JIT are warm. */
  warmupMs: number;
  durationMs: number;
  /** Bounded in count instead: autocannon then stops after this many requests (durationMs only caps the guard). */
  maxRequests?: number;
};

export type LoadResult = {
  requests: number;
  durationMs: number;
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  max: number;
  /** Responses that were not 2xx, and requests that failed outright. */
  errors: number;
  statuses: Record<string, number>;
  errorSamples: string[];
  /** Bodies made, warm-up included (kinds with per-request bodies only). */
  made: number;
};

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`load tests target 127.0.0.1 only, not ${host}`);
  return new Promise((resolve, reject) => {
    // process.execPath: the Node 24 that runs the bench, so the child strips types too.
    const child = spawn(process.execPath, [fileURLToPath(new URL('./load-process.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { out += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    // A hard stop well beyond the planned duration, so a stuck server cannot hang the bench.
    const guard = setTimeout(() => child.kill('SIGKILL'), spec.warmupMs + spec.durationMs + 60_000);
    child.once('error', (error) => { clearTimeout(guard); reject(error); });
    child.once('close', (code, signal) => {
      clearTimeout(guard);
      if (code === 0 && out) resolve(JSON.parse(out) as LoadResult);
      else reject(new Error(`load generator against ${spec.url} ended with ${signal ?? code}: ${err.trim().slice(0, 2000)}`));
    });
    child.stdin.end(JSON.stringify(spec));
  });
}
