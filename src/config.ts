import { resolve } from 'node:path';
import ipaddr from 'ipaddr.js';
import { planLimitsWith, type Plan, type PlanLimits } from './throttling/plans.ts';
import { parseClamdUrl, type ClamdTarget } from './media/clamd.ts';

// All configuration, typed and read once at boot. Nothing else reads process.env.
export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  /** Where users reach the API; unset means the address it listens on. */
  publicUrl: string | undefined;
  /** The least notice a new version of the Acceptable Use Policy gives before it takes effect. */
  policyMinNoticeMs: number;
  /** The platform's screening lists (registrable domains): a deny blocks, an allow is not scored. */
  screening: { platformAllowDomains: string[]; platformDenyDomains: string[] };
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  masterKey: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  /** The longest a client may take to send a whole request (headers and body); 408 after it. */
  requestTimeoutMs: number;
  /** An idle socket (no bytes either way) is closed after this long. */
  connectionTimeoutMs: number;
  /**
   * Which peers may set X-Forwarded-For (Fastify's trustProxy): false, a hop count, or addresses/CIDRs. Behind a
   * load balancer it must be set, or every client shares the balancer's address and its per-IP budget.
   */
  trustProxy: false | string | ((address: string, hop: number) => boolean);
  /** AUP 3.6: request budgets by plan, per key, organization and source address; failed-authentication blocks. */
  throttling: {
    enabled: boolean;
    /** Where budgets live: auto is Redis with REDIS_URL, else PostgreSQL with DATABASE_URL, else this process (PGlite). */
    store: 'auto' | 'memory' | 'database' | 'redis';
    /** Prefixes the Redis keys, so environments (or test runs) sharing one Redis keep separate budgets. */
    namespace: string;
    windowSeconds: number;
    /** Requests per window from one source address (an IPv6 /64), whatever the key. */
    perIp: number;
    plans: Record<Plan, PlanLimits>;
    /** Refused requests are counted in memory and written as compliance signals this often. */
    signalFlushMs: number;
    authFailures: {
      /** This many failures per window from one address or key prefix start a block. */
      limit: number;
      windowSeconds: number;
      blockSeconds: number;
      /** Failures beyond this many are answered after a delay that grows with each one. */
      slowAfter: number;
      delayMs: number;
    };
  };
  /**
   * Credential misuse (AUP 3.4, 3.6; decision 0021): per-key usage by network, flushed every flushMs; thresholds
   * for sharing; an optional CSV mapping networks to countries (none: every country unknown).
   */
  credentials: {
    flushMs: number;
    networks: number;
    windowMs: number;
    travelMs: number;
    rotationMs: number;
    retentionMs: number;
    countryFile: string | undefined;
  };
  /**
   * Dashboard sessions (decision 0026): a session unused for idleTimeoutMs ends, and every session ends maxAgeMs after
   * sign-in however active it is.
   */
  sessions: { idleTimeoutMs: number; maxAgeMs: number };
  graph: { baseUrl: string | undefined; apiVersion: string; timeoutMs: number };
  meta: { appSecret: string | undefined; verifyToken: string | undefined };
  simulator: {
    port: number;
    accessToken: string;
    appSecret: string;
    verifyToken: string;
    inProcess: boolean;
  };
  dispatch: {
    leaseSeconds: number;
    maxAttempts: number;
    idleMs: number;
    /** Each lane claims this many seconds of its number's rate at a time. */
    chunkSeconds: number;
    maxLanes: number;
    maxInFlightPerLane: number;
    /** Meta's pair rate limit: one message per this interval from a number to one recipient. */
    pairIntervalMs: number;
    /** How long a send whose outcome is unknown waits for a status webhook before it is sent again. */
    reconcileWindowMs: number;
    /** Messages per second by throughput level; a number's own throughput_mps overrides. */
    rates: { standard: number; high: number; coexistence: number };
    breaker: { threshold: number; coolDownMs: number; maxCoolDownMs: number };
  };
  ingest: { batchSize: number; idleMs: number };
  idempotency: {
    /** How long a completed Idempotency-Key replays its response (decision 0006). */
    ttlHours: number;
    /** How long a reservation holds the key before a retry may take over (the first request died). */
    inFlightSeconds: number;
  };
  /**
   * The enforcement ladder (AUP 4, decision 0022): how often standing is evaluated, the signals' rolling window,
   * the volume below which a rate does not count, and how long an automatic suspension lasts.
   */
  enforcement: { enabled: boolean; intervalMs: number; windowSeconds: number; minVolume: number; suspendSeconds: number };
  /** CSV contact imports (decision 0010): the largest file, rows per committed batch, a worker's hold on an import. */
  contactImport: { maxBytes: number; batchRows: number; leaseSeconds: number };
  /** Requests to URLs customers give us (webhook endpoints, media links): see src/lib/ssrf.ts. */
  outbound: { allowLoopback: boolean; requireHttps: boolean; allowedPorts: number[]; connectTimeoutMs: number; timeoutMs: number };
  /**
   * The malware scanner (AUP 3.4, decision 0016): a clamd at CLAMD_URL. Unset means uploads are not scanned;
   * set and unreachable means uploads are refused (503) and /readyz is not ready.
   */
  clamd: { url: string; target: ClamdTarget; timeoutMs: number; pingTimeoutMs: number } | undefined;
  webhooks: {
    /** First retry delay; each further retry doubles it, up to retryMaxMs, with jitter. */
    retryBaseMs: number;
    retryMaxMs: number;
    /** A delivery is retried until at least this long after it was created. */
    retryWindowSeconds: number;
    /** An endpoint whose every attempt failed for this long is disabled. */
    disableAfterSeconds: number;
    /** The previous secret keeps signing this long after a rotation. */
    rotationOverlapSeconds: number;
    retentionDays: number;
    idleMs: number;
    batchSize: number;
    concurrency: number;
    perEndpointConcurrency: number;
    leaseSeconds: number;
  };
};

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function ports(env: NodeJS.ProcessEnv, name: string): number[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return [];
  return raw.split(',').map((p) => {
    const port = Number(p.trim());
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ConfigError(`${name} must list ports, got "${raw}"`);
    return port;
  });
}

function trustProxy(env: NodeJS.ProcessEnv): Config['trustProxy'] {
  const raw = text(env, 'TRUST_PROXY')?.trim();
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  if (/^[0-9]+$/.test(raw)) {
    const hops = Number(raw);
    return (_address, hop) => hop < hops;
  }
  // Trusting every peer would let any client choose its own address, and so its own per-IP budget.
  const named = ['loopback', 'linklocal', 'uniquelocal'];
  for (const item of raw.split(',').map((i) => i.trim())) {
    const valid = named.includes(item) || ipaddr.isValid(item) || (item.includes('/') && isCidr(item));
    if (!valid) throw new ConfigError(`TRUST_PROXY must be a hop count or the proxies' addresses/CIDRs (or loopback, linklocal, uniquelocal), got "${item}"`);
  }
  return raw;
}

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

function plans(env: NodeJS.ProcessEnv): Record<Plan, PlanLimits> {
  const raw = text(env, 'RATE_LIMIT_PLANS');
  try {
    return planLimitsWith(raw === undefined ? undefined : JSON.parse(raw));
  } catch (error) {
    throw new ConfigError(`RATE_LIMIT_PLANS: ${(error as Error).message}`);
  }
}

function throttleStore(env: NodeJS.ProcessEnv, redisUrl: string | undefined, databaseUrl: string | undefined): Config['throttling']['store'] {
  const raw = text(env, 'RATE_LIMIT_STORE') ?? 'auto';
  if (raw !== 'auto' && raw !== 'memory' && raw !== 'database' && raw !== 'redis') {
    throw new ConfigError(`RATE_LIMIT_STORE must be auto, memory, database or redis, got "${raw}"`);
  }
  if (raw === 'redis' && !redisUrl) throw new ConfigError('RATE_LIMIT_STORE=redis needs REDIS_URL');
  if (raw === 'memory' && databaseUrl && env['NODE_ENV'] === 'production') {
    throw new ConfigError('RATE_LIMIT_STORE=memory keeps budgets per process: several API processes would each grant the full budget');
  }
  return raw;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

function outboundLoopback(env: NodeJS.ProcessEnv, appEnv: Config['env']): boolean {
  const allow = flag(env, 'OUTBOUND_ALLOW_LOOPBACK', false) || flag(env, 'ALLOW_LOOPBACK_WEBHOOKS', false);
  if (allow && appEnv === 'production') throw new ConfigError('OUTBOUND_ALLOW_LOOPBACK is for development and tests, not production');
  return allow;
}

function clamd(env: NodeJS.ProcessEnv): Config['clamd'] {
  const url = text(env, 'CLAMD_URL');
  if (url === undefined) return undefined;
  const target = parseClamdUrl(url);
  if (!target) throw new ConfigError(`CLAMD_URL must be tcp://host:port or unix:///path/to/clamd.sock, got "${url}"`);
  // A 100 MB document takes clamd seconds to scan; the readiness probe should answer well within a probe's timeout.
  return { url, target, timeoutMs: Math.max(1, int(env, 'CLAMD_TIMEOUT_MS', 60_000)), pingTimeoutMs: Math.max(1, int(env, 'CLAMD_PING_TIMEOUT_MS', 2_000)) };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = text(env, 'NODE_ENV');
  const appEnv = nodeEnv === 'production' ? 'production' : nodeEnv === 'test' ? 'test' : 'development';
  const port = int(env, 'PORT', 3000);
  const host = text(env, 'HOST') ?? '127.0.0.1';
  const masterKey = text(env, 'MASTER_KEY');
  if (appEnv === 'production' && !masterKey) {
    throw new ConfigError('MASTER_KEY is required in production (32 random bytes, base64)');
  }
  const databaseUrl = text(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const idempotencyTtlHours = int(env, 'IDEMPOTENCY_TTL_HOURS', 24);
  if (idempotencyTtlHours < 1) throw new ConfigError('IDEMPOTENCY_TTL_HOURS must be at least 1');
  const idempotencyInFlightSeconds = int(env, 'IDEMPOTENCY_IN_FLIGHT_SECONDS', 60);
  if (idempotencyInFlightSeconds < 1) throw new ConfigError('IDEMPOTENCY_IN_FLIGHT_SECONDS must be at least 1');
  const redisUrl = text(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  return {
    env: appEnv,
    port,
    host,
    publicUrl: text(env, 'PUBLIC_URL'),
    policyMinNoticeMs: int(env, 'POLICY_MIN_NOTICE_HOURS', 7 * 24) * 3_600_000,
    screening: {
      platformAllowDomains: (text(env, 'SCREENING_ALLOW_DOMAINS') ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean),
      platformDenyDomains: (text(env, 'SCREENING_DENY_DOMAINS') ?? '').split(',').map((d) => d.trim().toLowerCase()).filter(Boolean),
    },
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    redisUrl,
    masterKey,
    logLevel: text(env, 'LOG_LEVEL') ?? (appEnv === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    // Long enough for a 1 GiB contact import on a slow link; short enough that a trickled body cannot hold a socket.
    requestTimeoutMs: int(env, 'REQUEST_TIMEOUT_MS', 300_000),
    connectionTimeoutMs: int(env, 'CONNECTION_TIMEOUT_MS', 120_000),
    trustProxy: trustProxy(env),
    throttling: {
      enabled: flag(env, 'RATE_LIMITS', true),
      store: throttleStore(env, redisUrl, databaseUrl),
      namespace: text(env, 'RATE_LIMIT_NAMESPACE') ?? 'xpecto',
      windowSeconds: Math.max(1, int(env, 'RATE_LIMIT_WINDOW_SECONDS', 10)),
      perIp: Math.max(1, int(env, 'RATE_LIMIT_PER_IP', 2_000)),
      plans: plans(env),
      signalFlushMs: Math.max(10, int(env, 'RATE_LIMIT_SIGNAL_FLUSH_MS', 5_000)),
      authFailures: {
        limit: Math.max(1, int(env, 'AUTH_FAILURE_LIMIT', 20)),
        windowSeconds: Math.max(1, int(env, 'AUTH_FAILURE_WINDOW_SECONDS', 300)),
        blockSeconds: Math.max(1, int(env, 'AUTH_FAILURE_BLOCK_SECONDS', 900)),
        slowAfter: int(env, 'AUTH_FAILURE_SLOW_AFTER', 5),
        delayMs: int(env, 'AUTH_FAILURE_DELAY_MS', 250),
      },
    },
    credentials: {
      flushMs: Math.max(10, int(env, 'KEY_USAGE_FLUSH_MS', 5_000)),
      networks: Math.max(2, int(env, 'KEY_SHARING_NETWORKS', 5)),
      windowMs: Math.max(1, int(env, 'KEY_SHARING_WINDOW_HOURS', 24)) * 3_600_000,
      travelMs: int(env, 'KEY_TRAVEL_MINUTES', 30) * 60_000,
      rotationMs: int(env, 'KEY_ROTATION_WINDOW_HOURS', 24) * 3_600_000,
      retentionMs: Math.max(1, int(env, 'KEY_USAGE_RETENTION_DAYS', 30)) * 86_400_000,
      countryFile: text(env, 'KEY_USAGE_COUNTRY_FILE'),
    },
    sessions: {
      idleTimeoutMs: Math.max(1, int(env, 'SESSION_IDLE_TIMEOUT_SECONDS', 12 * 3600)) * 1000,
      maxAgeMs: Math.max(1, int(env, 'SESSION_MAX_AGE_SECONDS', 7 * 24 * 3600)) * 1000,
    },
    graph: {
      // Unset means: use the in-process simulator (development); set it to https://graph.facebook.com for Meta.
      baseUrl: text(env, 'GRAPH_API_BASE_URL'),
      apiVersion: text(env, 'GRAPH_API_VERSION') ?? 'v26.0',
      timeoutMs: int(env, 'GRAPH_API_TIMEOUT_MS', 10_000),
    },
    meta: {
      // The platform's own Meta app: webhooks signed with it are accepted for every tenant.
      appSecret: text(env, 'META_APP_SECRET'),
      verifyToken: text(env, 'META_VERIFY_TOKEN'),
    },
    simulator: {
      port: int(env, 'SIMULATOR_PORT', 4010),
      accessToken: text(env, 'SIMULATOR_ACCESS_TOKEN') ?? 'sim-access-token-dev',
      appSecret: text(env, 'SIMULATOR_APP_SECRET') ?? 'sim-app-secret-dev',
      verifyToken: text(env, 'SIMULATOR_VERIFY_TOKEN') ?? 'sim-verify-token-dev',
      inProcess: (text(env, 'SIMULATOR') ?? 'inprocess') !== 'off',
    },
    dispatch: {
      leaseSeconds: int(env, 'DISPATCH_LEASE_SECONDS', 30),
      maxAttempts: int(env, 'DISPATCH_MAX_ATTEMPTS', 8),
      idleMs: int(env, 'DISPATCH_IDLE_MS', 250),
      chunkSeconds: int(env, 'DISPATCH_CHUNK_MS', 250) / 1000,
      maxLanes: int(env, 'DISPATCH_MAX_LANES', 64),
      maxInFlightPerLane: int(env, 'DISPATCH_MAX_IN_FLIGHT', 200),
      pairIntervalMs: int(env, 'PAIR_RATE_INTERVAL_MS', 6000),
      reconcileWindowMs: int(env, 'DISPATCH_RECONCILE_WINDOW_MS', 30_000),
      rates: {
        standard: int(env, 'THROUGHPUT_STANDARD_MPS', 80),
        high: int(env, 'THROUGHPUT_HIGH_MPS', 1000),
        coexistence: int(env, 'THROUGHPUT_COEXISTENCE_MPS', 20),
      },
      breaker: {
        threshold: int(env, 'BREAKER_THRESHOLD', 5),
        coolDownMs: int(env, 'BREAKER_COOL_DOWN_MS', 2000),
        maxCoolDownMs: int(env, 'BREAKER_MAX_COOL_DOWN_MS', 60_000),
      },
    },
    ingest: { batchSize: int(env, 'INGEST_BATCH_SIZE', 200), idleMs: int(env, 'INGEST_IDLE_MS', 50) },
    // Longer than any request runs (the Cloud API timeout is 10 s), so a live request never loses its key.
    idempotency: { ttlHours: idempotencyTtlHours, inFlightSeconds: idempotencyInFlightSeconds },
    enforcement: {
      enabled: flag(env, 'ENFORCEMENT', true),
      intervalMs: Math.max(10, int(env, 'ENFORCEMENT_INTERVAL_MS', 300_000)),
      windowSeconds: Math.max(1, int(env, 'ENFORCEMENT_WINDOW_SECONDS', 86_400)),
      minVolume: Math.max(1, int(env, 'ENFORCEMENT_MIN_VOLUME', 200)),
      suspendSeconds: Math.max(1, int(env, 'ENFORCEMENT_SUSPEND_SECONDS', 72 * 3600)),
    },
    contactImport: {
      maxBytes: int(env, 'IMPORT_MAX_BYTES', 1024 * 1024 * 1024),
      batchRows: Math.max(1, int(env, 'IMPORT_BATCH_ROWS', 5000)),
      leaseSeconds: Math.max(1, int(env, 'IMPORT_LEASE_SECONDS', 30)),
    },
    outbound: {
      // Loopback is for development and tests (receivers on 127.0.0.1); never in production.
      allowLoopback: outboundLoopback(env, appEnv),
      requireHttps: flag(env, 'OUTBOUND_REQUIRE_HTTPS', appEnv === 'production'),
      allowedPorts: ports(env, 'OUTBOUND_ALLOWED_PORTS'),
      connectTimeoutMs: int(env, 'OUTBOUND_CONNECT_TIMEOUT_MS', 5000),
      timeoutMs: int(env, 'OUTBOUND_TIMEOUT_MS', 15_000),
    },
    clamd: clamd(env),
    webhooks: {
      retryBaseMs: int(env, 'WEBHOOK_RETRY_BASE_MS', 5000),
      retryMaxMs: int(env, 'WEBHOOK_RETRY_MAX_MS', 24 * 3600 * 1000),
      retryWindowSeconds: int(env, 'WEBHOOK_RETRY_WINDOW_SECONDS', 78 * 3600),
      disableAfterSeconds: int(env, 'WEBHOOK_DISABLE_AFTER_SECONDS', 5 * 24 * 3600),
      rotationOverlapSeconds: int(env, 'WEBHOOK_ROTATION_OVERLAP_SECONDS', 24 * 3600),
      retentionDays: int(env, 'WEBHOOK_RETENTION_DAYS', 30),
      idleMs: int(env, 'WEBHOOK_IDLE_MS', 250),
      batchSize: int(env, 'WEBHOOK_BATCH_SIZE', 100),
      concurrency: int(env, 'WEBHOOK_CONCURRENCY', 64),
      perEndpointConcurrency: int(env, 'WEBHOOK_ENDPOINT_CONCURRENCY', 8),
      leaseSeconds: int(env, 'WEBHOOK_LEASE_SECONDS', 60),
    },
  };
}
