// The Cloud API simulator: Meta's stand-in on machines without Meta. A separate Fastify server that
// speaks the Graph API contract and imports only src/whatsapp/* (types, signing, error table),
// never platform internals, so it stays an honest stand-in. State lives in memory.

import { setTimeout as sleep } from 'node:timers/promises';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { ThroughputLevel } from '../src/whatsapp/account-types.ts';
import { addPhoneNumber } from './accounts.ts';
import { controlRoutes } from './control-routes.ts';
import { graphError, sendFailure } from './graph-errors.ts';
import { graphRoutes } from './graph-routes.ts';
import { templateControlRoutes } from './template-control-routes.ts';
import { clearTimers, type SimState, type SimulatorConfig } from './state.ts';
import { createWebhookSender, type Logger } from './webhook-sender.ts';

export type SimulatorOptions = Partial<SimulatorConfig> & {
  port?: number;
  host?: string;
  /** The account every fresh simulator starts with. */
  waba?: { id: string };
  phoneNumber?: {
    id: string;
    display_phone_number: string;
    verified_name: string;
    quality_rating?: 'GREEN' | 'YELLOW' | 'RED' | 'NA' | 'UNKNOWN';
    throughput?: { level: ThroughputLevel };
    whatsapp_business_manager_messaging_limit?: string;
  };
  /** pino-compatible; Fastify request logging stays off unless given. */
  logger?: FastifyBaseLogger;
};

/** Development defaults. The secrets are public on purpose: the simulator never talks to Meta. */
export const SIMULATOR_DEFAULTS = {
  port: 4010,
  host: '127.0.0.1',
  accessToken: 'sim-access-token-dev',
  appSecret: 'sim-app-secret-dev',
  verifyToken: 'sim-verify-token-dev',
  webhookUrl: undefined as string | undefined,
  apiVersion: 'v26.0',
  statusDelaysMs: { sent: 100, delivered: 400, read: 900 },
  // Meta retries for up to 7 days; compressed here to 200 ms × 2^n over 8 attempts (about 51 s).
  webhookRetry: { baseDelayMs: 200, attempts: 8, timeoutMs: 5000 },
  throughput: { STANDARD: 80, HIGH: 1000 } as { STANDARD: number; HIGH: number } | false,
  pairRateLimit: { perSeconds: 6, burst: 5 } as { perSeconds: number; burst: number } | false,
  templateReviewDelayMs: 1000,
  statusQuirks: { duplicate_rate: 0, read_without_delivered: false, out_of_order: false },
  maxLogEntries: 20_000,
  waba: { id: '102290129340398' },
  phoneNumber: {
    id: '106540352242922',
    display_phone_number: '+1 555-078-3881',
    verified_name: 'Xpecto Demo',
    quality_rating: 'GREEN' as const,
    throughput: { level: 'STANDARD' as ThroughputLevel },
    whatsapp_business_manager_messaging_limit: 'TIER_2K',
  },
};

export type Simulator = {
  app: FastifyInstance;
  /** Listens on host:port (port 0 picks a free one) and returns the bound URL. */
  start(): Promise<{ url: string }>;
  stop(): Promise<void>;
  state: SimState;
};

const SILENT: Logger = { debug: () => {}, warn: () => {} };

export function buildSimulator(options: SimulatorOptions = {}): Simulator {
  const d = SIMULATOR_DEFAULTS;
  const config: SimulatorConfig = {
    accessToken: options.accessToken ?? d.accessToken,
    appSecret: options.appSecret ?? d.appSecret,
    verifyToken: options.verifyToken ?? d.verifyToken,
    webhookUrl: options.webhookUrl ?? d.webhookUrl,
    apiVersion: options.apiVersion ?? d.apiVersion,
    statusDelaysMs: { ...d.statusDelaysMs, ...options.statusDelaysMs },
    webhookRetry: { ...d.webhookRetry, ...options.webhookRetry },
    throughput: options.throughput === undefined ? d.throughput : options.throughput,
    pairRateLimit: options.pairRateLimit === undefined ? d.pairRateLimit : options.pairRateLimit,
    templateReviewDelayMs: options.templateReviewDelayMs ?? d.templateReviewDelayMs,
    statusQuirks: { ...d.statusQuirks, ...options.statusQuirks },
    maxLogEntries: options.maxLogEntries ?? d.maxLogEntries,
  };
  const phone = { ...d.phoneNumber, ...options.phoneNumber };
  const state: SimState = {
    config, wabas: new Map(), phoneNumbers: new Map(), customers: new Map(), sends: new Map(), media: new Map(),
    faults: [], webhookLog: [], throughputBuckets: new Map(), pairBuckets: new Map(), timers: new Set(),
    defaultPhoneNumberId: phone.id,
  };
  addPhoneNumber(state, {
    id: phone.id, waba_id: (options.waba ?? d.waba).id, display_phone_number: phone.display_phone_number,
    verified_name: phone.verified_name, quality_rating: phone.quality_rating, throughput_level: phone.throughput.level,
    whatsapp_business_manager_messaging_limit: phone.whatsapp_business_manager_messaging_limit,
  });

  const logger: Logger = options.logger ?? SILENT;
  const app = Fastify({
    loggerInstance: options.logger,
    // A hung "timeout" fault must not keep stop() waiting.
    forceCloseConnections: true,
    // At 1,000 sends/s a line per request would drown the platform's own logs.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
  });
  const webhooks = createWebhookSender(state, logger);

  // Fastify's own 4xx (bad JSON, oversize body) answered in Meta's envelope.
  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) logger.warn({ err: error.message }, 'simulator error');
    const failure = status < 500
      ? graphError(100, error.message, { httpStatus: status })
      : graphError(131000, 'Simulator internal error');
    return sendFailure(reply, failure);
  });
  app.setNotFoundHandler((request, reply) =>
    sendFailure(reply, graphError(2500, `Unknown path components: ${request.url.split('?')[0]}`, { message: 'Unknown path components', httpStatus: 404 })));

  void app.register(async (scope) => controlRoutes(scope, { state, webhooks }));
  void app.register(async (scope) => templateControlRoutes(scope, { state, webhooks }));
  void app.register(async (scope) => graphRoutes(scope, { state, webhooks, sleep: (ms) => sleep(ms) }));

  return {
    app,
    state,
    async start() {
      const url = await app.listen({ port: options.port ?? d.port, host: options.host ?? d.host });
      return { url };
    },
    async stop() {
      clearTimers(state);
      await app.close();
    },
  };
}
