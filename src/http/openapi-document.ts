import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../config.ts';
import { createLogger } from '../lib/logger.ts';
import { startPlatform } from '../platform.ts';

/**
 * The platform's OpenAPI document as `/docs/json` serves it, from an API started on a throwaway embedded database.
 * The dashboard's client types are generated from it (scripts/generate-web-api.ts), and a test checks the
 * generated file is current.
 */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'xpecto-openapi-'));
  const config = readConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, MASTER_KEY: randomBytes(32).toString('base64'), LOG_LEVEL: 'silent' });
  const platform = await startPlatform(config, createLogger('silent'), { api: true, worker: false }, 'http://127.0.0.1:9');
  try {
    return platform.app!.swagger() as unknown as Record<string, unknown>;
  } finally {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
