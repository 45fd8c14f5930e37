import { resolve } from 'node:path';

// All configuration, typed and read once at boot. Nothing else reads process.env.
export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  masterKey: string | undefined;
  logLevel: string;
  bodyLimitBytes: number;
  graph: { baseUrl: string | undefined; apiVersion: string; timeoutMs: number };
  meta: { appSecret: string | undefined; verifyToken: string | undefined };
  simulator: {
    port: number;
    accessToken: string;
    appSecret: string;
    verifyToken: string;
    inProcess: boolean;
  };
  dispatch: { batchSize: number; leaseSeconds: number; maxAttempts: number; idleMs: number };
};

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function text(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
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
  const redisUrl = text(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  return {
    env: appEnv,
    port,
    host,
    publicUrl: text(env, 'PUBLIC_URL') ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    dataDir: resolve(text(env, 'DATA_DIR') ?? './data'),
    databaseUrl,
    redisUrl,
    masterKey,
    logLevel: text(env, 'LOG_LEVEL') ?? (appEnv === 'test' ? 'warn' : 'info'),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
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
      batchSize: int(env, 'DISPATCH_BATCH_SIZE', 50),
      leaseSeconds: int(env, 'DISPATCH_LEASE_SECONDS', 60),
      maxAttempts: int(env, 'DISPATCH_MAX_ATTEMPTS', 8),
      idleMs: int(env, 'DISPATCH_IDLE_MS', 250),
    },
  };
}
