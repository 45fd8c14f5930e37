import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { Agent, request, type Dispatcher } from 'undici';

/**
 * Outbound requests to URLs a customer gave us (webhook endpoints, media links). The host is resolved
 * once, every address it resolves to must be publicly routable, and the connection is made to that
 * checked address (pinned), so a DNS answer that changes between check and connect cannot reach inside.
 * Redirects are never followed: the caller sees the 3xx.
 */
export type OutboundPolicy = {
  /** Development and tests only: lets 127.0.0.0/8 and ::1 (and `localhost`) through, nothing else private. */
  allowLoopback: boolean;
  requireHttps: boolean;
  /** Empty: any port. */
  allowedPorts: number[];
  /** Resolves a host name to every address; injectable so tests can play a hostile DNS. */
  lookup?: (hostname: string) => Promise<LookupAddress[]>;
  dnsTimeoutMs?: number;
};

export type OutboundCheck =
  | { ok: true; url: URL; hostname: string; address: string; family: 4 | 6 }
  | { ok: false; reason: string };

// Names that reach cloud metadata services or the machine itself whatever DNS says.
const BLOCKED_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'kubernetes.default.svc']);
const BLOCKED_SUFFIXES = ['.internal', '.local', '.localdomain', '.svc.cluster.local'];

/** Checks a URL and resolves its host: `ok` carries the one address a connection may use. */
export async function checkOutboundUrl(raw: string | URL, policy: OutboundPolicy): Promise<OutboundCheck> {
  let url: URL;
  try {
    url = new URL(raw); // WHATWG parsing folds 2130706433, 0x7f.1, 0177.0.0.1 and 127.1 into dotted IPv4
  } catch {
    return { ok: false, reason: 'not a valid URL' };
  }
  const syntax = checkUrlSyntax(url, policy);
  if (!syntax.ok) return syntax;
  const hostname = syntax.hostname;

  if (ipaddr.isValid(hostname)) {
    const verdict = addressVerdict(hostname, policy);
    return verdict.ok ? { ok: true, url, hostname, address: verdict.address, family: verdict.family } : verdict;
  }
  if (hostname === 'localhost' || hostname.endsWith('.localhost')) {
    if (!policy.allowLoopback) return { ok: false, reason: 'localhost is not allowed' };
  } else if (BLOCKED_NAMES.has(hostname) || BLOCKED_SUFFIXES.some((s) => hostname.endsWith(s))) {
    return { ok: false, reason: `${hostname} is an internal name` };
  }

  let answers: LookupAddress[];
  try {
    answers = await withTimeout((policy.lookup ?? defaultLookup)(hostname), policy.dnsTimeoutMs ?? 5000);
  } catch (error) {
    return { ok: false, reason: `${hostname} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (answers.length === 0) return { ok: false, reason: `${hostname} does not resolve` };
  // Every answer must be public: a name that mixes public and private answers is a rebinding attempt.
  let chosen: { address: string; family: 4 | 6 } | null = null;
  for (const answer of answers) {
    const verdict = addressVerdict(answer.address, policy);
    if (!verdict.ok) return { ok: false, reason: `${hostname} resolves to ${verdict.reason}` };
    chosen ??= verdict;
  }
  return { ok: true, url, hostname, address: chosen!.address, family: chosen!.family };
}

/** What can be judged without DNS: scheme, credentials, port, a literal address. */
export function checkUrlSyntax(url: URL, policy: Pick<OutboundPolicy, 'requireHttps' | 'allowedPorts'>):
  { ok: true; hostname: string } | { ok: false; reason: string } {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: `the scheme ${url.protocol} is not allowed` };
  if (policy.requireHttps && url.protocol !== 'https:') return { ok: false, reason: 'only https URLs are allowed' };
  if (url.username || url.password) return { ok: false, reason: 'credentials in the URL are not allowed' };
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (policy.allowedPorts.length > 0 && !policy.allowedPorts.includes(port)) return { ok: false, reason: `port ${port} is not allowed` };
  const hostname = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
  if (hostname === '') return { ok: false, reason: 'the URL has no host' };
  return { ok: true, hostname };
}

/**
 * A literal address is allowed only in the public unicast space. IPv6 forms that carry an IPv4 address
 * (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, SIIT, NAT64 64:ff9b::/96) are judged by that IPv4 address.
 */
export function addressVerdict(literal: string, policy: Pick<OutboundPolicy, 'allowLoopback'>):
  { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string } {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(literal);
  } catch {
    return { ok: false, reason: `${literal}: not an IP address` };
  }
  if (parsed.kind() === 'ipv6') {
    const embedded = embeddedIPv4(parsed as ipaddr.IPv6);
    if (embedded === 'refuse') return { ok: false, reason: `${literal} (${(parsed as ipaddr.IPv6).range()} address)` };
    if (embedded) {
      const inner = addressVerdict(embedded.toString(), policy);
      return inner.ok ? { ok: true, address: parsed.toString(), family: 6 } : { ok: false, reason: `${literal} (${inner.reason})` };
    }
  }
  const range = parsed.range();
  if (range === 'unicast' || (range === 'loopback' && policy.allowLoopback)) {
    return { ok: true, address: parsed.toString(), family: parsed.kind() === 'ipv4' ? 4 : 6 };
  }
  return { ok: false, reason: `${parsed.toString()} (${range} address)` };
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | 'refuse' | null {
  const parts = address.parts;
  const last32 = () => new ipaddr.IPv4([parts[6]! >> 8, parts[6]! & 0xff, parts[7]! >> 8, parts[7]! & 0xff]);
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145') return last32();
  // ::a.b.c.d (deprecated IPv4-compatible); :: and ::1 keep their own ranges.
  if (parts.slice(0, 6).every((p) => p === 0) && range !== 'unspecified' && range !== 'loopback') return last32();
  if (range === 'rfc6052') {
    // Only the well-known NAT64 prefix 64:ff9b::/96 carries a public IPv4 worth reaching; local-use prefixes do not.
    return parts[0] === 0x64 && parts[1] === 0xff9b && parts.slice(2, 6).every((p) => p === 0) ? last32() : 'refuse';
  }
  if (range === '6to4' || range === 'teredo') return 'refuse'; // tunnels to an IPv4 address we cannot vouch for
  return null;
}

async function defaultLookup(hostname: string): Promise<LookupAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(Object.assign(new Error('DNS timeout'), { code: 'ETIMEOUT' })), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

export type SafeFetchInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  connectTimeoutMs?: number;
  /** Covers resolving, connecting, sending and reading the response headers and body. */
  timeoutMs?: number;
  /** At most this much of the response body is read. */
  maxResponseBytes?: number;
};

export type SafeFetchResult =
  | { ok: true; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; address: string }
  | { ok: false; kind: 'blocked' | 'timeout' | 'network'; reason: string };

/** One request to a customer URL, through the checks above, to the checked address; never follows redirects. */
export async function safeFetch(raw: string, init: SafeFetchInit, policy: OutboundPolicy): Promise<SafeFetchResult> {
  const signal = AbortSignal.timeout(init.timeoutMs ?? 15_000);
  const checked = await checkOutboundUrl(raw, policy);
  if (!checked.ok) return { ok: false, kind: 'blocked', reason: checked.reason };
  try {
    const response = await request(checked.url, {
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: init.headers ?? {},
      body: init.body ?? null,
      signal,
      dispatcher: pinnedAgent(checked.hostname, checked.address, checked.family, init.connectTimeoutMs ?? 5000),
    });
    const body = await readLimited(response.body, init.maxResponseBytes ?? 64 * 1024);
    return { ok: true, status: response.statusCode, headers: response.headers, body, address: checked.address };
  } catch (error) {
    if (signal.aborted) return { ok: false, kind: 'timeout', reason: 'no complete response in time' };
    const e = error as NodeJS.ErrnoException;
    const kind = e.code === 'UND_ERR_CONNECT_TIMEOUT' || e.code === 'UND_ERR_HEADERS_TIMEOUT' ? 'timeout' : 'network';
    return { ok: false, kind, reason: `${e.code ?? 'error'}: ${e.message}` };
  }
}

async function readLimited(body: AsyncIterable<Buffer> & { destroy(): void }, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= max) {
      body.destroy(); // the rest is not ours to wait for
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, max);
}

// One keep-alive agent per (host, checked address): its lookup can only ever answer the checked address.
const agents = new Map<string, Agent>();
const MAX_AGENTS = 256;

function pinnedAgent(hostname: string, address: string, family: 4 | 6, connectTimeoutMs: number): Agent {
  const key = `${hostname}|${address}|${connectTimeoutMs}`;
  const existing = agents.get(key);
  if (existing) {
    agents.delete(key);
    agents.set(key, existing); // most recently used last
    return existing;
  }
  const agent = new Agent({
    connect: {
      timeout: connectTimeoutMs,
      lookup: (_host: string, options: { all?: boolean }, callback: (...args: any[]) => void) => {
        if (options?.all) callback(null, [{ address, family }]);
        else callback(null, address, family);
      },
    },
    keepAliveTimeout: 10_000,
  });
  agents.set(key, agent);
  if (agents.size > MAX_AGENTS) {
    const [oldestKey, oldest] = agents.entries().next().value!;
    agents.delete(oldestKey);
    void oldest.close().catch(() => undefined);
  }
  return agent;
}
