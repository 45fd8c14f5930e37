import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { AppError } from '../lib/app-error.ts';
import { clientAddressKey, keyPrefix } from './client-address.ts';
import type { Plan, RouteClass } from './plans.ts';
import { formatHeaders, readBudgets, type Policy } from './rate-limit-headers.ts';
import type { Bucket, ThrottleStore } from './store.ts';
import { createThrottleSignals, type ThrottleSignals } from './throttle-signals.ts';

export const THROTTLE_CLAUSE = '3.6';
// Meta's webhooks and the probes come from machines, not tenants: they are never refused for volume here.
const EXEMPT = ['/webhooks/', '/healthz', '/readyz', '/metrics', '/docs'];
const SEND_ROUTES = new Set(['POST /v1/messages', 'POST /v1/messages/batch']);
const MAX_FAILURE_DELAY_MS = 3_000;
const MAX_LOCAL_BLOCKS = 10_000;
const STORE_WARNING_INTERVAL_MS = 10_000;

export type Throttle = {
  /** onRequest, before the key is looked up: refuses an address this process already knows is blocked. */
  refuseKnownBlocks(request: FastifyRequest, reply: FastifyReply): void;
  /** onRequest, after authentication: spends the request from its budgets, or refuses it (429). */
  spend(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  /** A failed authentication: counted per address and key prefix; resolves, after any slow-down, with the answer. */
  authenticationFailed(request: FastifyRequest, reply: FastifyReply, presented: string | null): Promise<AppError>;
  readonly signals: ThrottleSignals;
  stop(): Promise<void>;
};

/**
 * AUP 3.6 at the edge. One store round trip per request: the source address's budget and block, and — with a
 * valid key — the key's and the organization's budgets for the route's class, by the organization's plan, all
 * taken or none. A store that cannot be reached lets requests through (logged): Redis holds only what can be
 * rebuilt, and refusing every request for it would turn a cache outage into an API outage.
 */
export function createThrottle(deps: { config: Config; db: Db; log: Logger }, store: ThrottleStore): Throttle {
  const settings = deps.config.throttling;
  const windowMs = settings.windowSeconds * 1000;
  const failures = settings.authFailures;
  const failureWindowMs = failures.windowSeconds * 1000;
  const signals = createThrottleSignals(deps.db, deps.log, settings.signalFlushMs);
  // Blocks this process has seen, so a blocked address costs no key lookup and no round trip here.
  const knownBlocks = new Map<string, number>();
  let lastStoreWarning = 0;

  const storeFailed = (err: unknown) => {
    if (Date.now() - lastStoreWarning < STORE_WARNING_INTERVAL_MS) return;
    lastStoreWarning = Date.now();
    deps.log.warn({ err, store: store.kind }, 'throttle store unavailable: requests pass unthrottled');
  };
  const rememberBlock = (address: string, ms: number) => {
    if (knownBlocks.size >= MAX_LOCAL_BLOCKS) knownBlocks.clear();
    knownBlocks.set(address, Date.now() + ms);
  };
  const blockedError = (ms: number, reply?: FastifyReply) => {
    const seconds = Math.max(1, Math.ceil(ms / 1000));
    reply?.header('retry-after', String(seconds));
    return new AppError('too_many_failed_authentications', { details: { retry_after_seconds: seconds }, policyClause: THROTTLE_CLAUSE });
  };

  return {
    signals,
    refuseKnownBlocks(request, reply) {
      if (!settings.enabled || isExempt(request)) return;
      const address = clientAddressKey(request.ip);
      const until = knownBlocks.get(address);
      if (until === undefined) return;
      if (until <= Date.now()) {
        knownBlocks.delete(address);
        return;
      }
      throw blockedError(until - Date.now(), reply);
    },

    async spend(request, reply) {
      if (!settings.enabled || isExempt(request)) return;
      const address = clientAddressKey(request.ip);
      const routeClass = classOf(request);
      const policies = policiesFor(request, address, routeClass);
      const buckets: Bucket[] = policies.map((p) => ({ key: p.key, intervalMs: windowMs / p.quota, windowMs }));
      let result;
      try {
        result = await store.take(buckets, [`block:ip:${address}`]);
      } catch (err) {
        storeFailed(err);
        return;
      }
      if (result.blockedMs !== null) {
        rememberBlock(address, result.blockedMs);
        throw blockedError(result.blockedMs, reply);
      }
      const budgets = readBudgets(policies, buckets, result.backlogMs, result.allowed);
      for (const [name, value] of Object.entries(formatHeaders(budgets))) reply.header(name, value);
      if (result.allowed) return;

      const spent = budgets.filter((b) => b.retryAfterMs > 0);
      const seconds = Math.max(1, Math.ceil(Math.max(...spent.map((b) => b.retryAfterMs)) / 1000));
      reply.header('retry-after', String(seconds));
      const auth = request.auth;
      if (auth) signals.count({ orgId: auth.orgId, keyId: auth.keyId ?? auth.actor, plan: budgetPlan(auth), limits: spent.map((b) => b.policy.name) });
      const first = spent[0]!.policy;
      throw new AppError('rate_limited', {
        message: `Too many requests: ${describe(first)} (${first.quota} requests per ${settings.windowSeconds} s) is spent; retry after ${seconds} s.`,
        details: {
          limits: spent.map((b) => ({ name: b.policy.name, quota: b.policy.quota, window_seconds: settings.windowSeconds })),
          ...(auth ? { plan: budgetPlan(auth), ...(auth.standing === 'restricted' ? { standing: 'restricted' } : {}) } : {}),
          retry_after_seconds: seconds,
        },
        policyClause: THROTTLE_CLAUSE,
      });
    },

    async authenticationFailed(request, reply, presented) {
      if (!settings.enabled) return new AppError('unauthorized');
      const address = clientAddressKey(request.ip);
      const prefix = presented ? keyPrefix(presented) : null;
      const intervalMs = failureWindowMs / failures.limit;
      const buckets: Bucket[] = [{ key: `fail:ip:${address}`, intervalMs, windowMs: failureWindowMs }];
      const blockKeys = [`block:ip:${address}`];
      if (prefix) {
        buckets.push({ key: `fail:prefix:${prefix}`, intervalMs, windowMs: failureWindowMs });
        blockKeys.push(`block:prefix:${prefix}`);
      }
      let result;
      try {
        result = await store.fail(buckets, blockKeys, failures.blockSeconds * 1000);
      } catch (err) {
        storeFailed(err);
        return new AppError('unauthorized');
      }
      if (result.blocksMs[0]! > 0) rememberBlock(address, result.blocksMs[0]!);
      const blockedMs = Math.max(...result.blocksMs);
      if (blockedMs > 0) {
        if (result.backlogMs) request.log.warn({ address, prefix, blocked_seconds: failures.blockSeconds }, 'failed authentications: blocked');
        return blockedError(blockedMs, reply);
      }
      const count = Math.max(...result.backlogMs!.map((b) => Math.round(b / intervalMs)));
      if (count > failures.slowAfter && failures.delayMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_FAILURE_DELAY_MS, failures.delayMs * (count - failures.slowAfter))));
      }
      return new AppError('unauthorized');
    },

    async stop() {
      await signals.stop();
      store.close();
    },
  };

  function policiesFor(request: FastifyRequest, address: string, routeClass: RouteClass): Policy[] {
    const policies: Policy[] = [{ name: 'ip', key: `ip:${address}`, quota: settings.perIp }];
    const auth = request.auth;
    if (auth) {
      const limits = settings.plans[budgetPlan(auth) as Plan] ?? settings.plans.starter;
      // A dashboard session spends its member's budget where a key spends its own (decision 0026).
      policies.push(
        { name: `key:${routeClass}`, key: `key:${auth.keyId ?? auth.actor}:${routeClass}`, quota: limits[routeClass].key },
        { name: `org:${routeClass}`, key: `org:${auth.orgId}:${routeClass}`, quota: limits[routeClass].org },
      );
    }
    return policies;
  }
}

/** Hooks the throttle into the app: known blocks before authentication, budgets after it. */
export function registerThrottleBeforeAuth(app: FastifyInstance, throttle: Throttle): void {
  app.addHook('onRequest', async (request, reply) => throttle.refuseKnownBlocks(request, reply));
}

export function registerThrottleAfterAuth(app: FastifyInstance, throttle: Throttle): void {
  app.addHook('onRequest', async (request, reply) => throttle.spend(request, reply));
  app.addHook('onClose', () => throttle.stop());
}

/** OpenAPI: the 429 every throttled route may answer. */
export function documentThrottling(schema: Record<string, unknown>, url: string): Record<string, unknown> {
  if (EXEMPT.some((prefix) => url.startsWith(prefix))) return schema;
  const response = (schema['response'] ?? {}) as Record<string, unknown>;
  const description = 'A request budget is spent (`rate_limited`), or failed authentications blocked this address '
    + '(`too_many_failed_authentications`): AUP 3.6. Retry after `Retry-After` seconds; `RateLimit-Policy` and `RateLimit` '
    + '(on every response) say what each budget holds.';
  return { ...schema, response: { ...response, 429: { description, $ref: 'Error#' } } };
}

function isExempt(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return url !== undefined && EXEMPT.some((prefix) => url.startsWith(prefix));
}

function classOf(request: FastifyRequest): RouteClass {
  return SEND_ROUTES.has(`${request.method} ${request.routeOptions.url}`) ? 'send' : 'api';
}

function describe(policy: Policy): string {
  const [scope, routeClass] = policy.name.split(':');
  const what = routeClass === 'send' ? 'send budget' : 'request budget';
  return scope === 'ip' ? 'this address\'s request budget' : scope === 'key' ? `this API key's ${what}` : `the organization's ${what}`;
}

/**
 * The plan whose budgets apply: a restricted organization (AUP 4, decision 0022) gets the lowest, whatever it pays
 * for, until its standing improves.
 */
export function budgetPlan(auth: { plan: string; standing?: string }): string {
  return auth.standing === 'restricted' ? 'sandbox' : auth.plan;
}
