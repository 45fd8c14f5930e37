/**
 * Request budgets by plan (AUP 3.6). Every budget is "q requests per window", enforced as GCRA: the whole quota
 * may be spent at once, and it comes back evenly over the window (q / window per second), so a client that
 * spreads its requests never sees a cliff at a window's edge. Sends (POST /v1/messages and /batch, each request
 * counting once) and every other API call have separate budgets, per API key and per organization; the
 * organization's budget is what all its keys share.
 */
export const PLANS = ['sandbox', 'starter', 'growth', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

/** What a request spends: a send, or any other API call. */
export type RouteClass = 'send' | 'api';
export type Budget = { key: number; org: number };
export type PlanLimits = Record<RouteClass, Budget>;

/** Per window (RATE_LIMIT_WINDOW_SECONDS, 10 s by default): sandbox sends 5/s per key, enterprise 500/s. */
export const DEFAULT_PLAN_LIMITS: Record<Plan, PlanLimits> = {
  sandbox: { send: { key: 50, org: 100 }, api: { key: 100, org: 200 } },
  starter: { send: { key: 500, org: 1_000 }, api: { key: 500, org: 1_000 } },
  growth: { send: { key: 2_000, org: 4_000 }, api: { key: 1_000, org: 2_000 } },
  enterprise: { send: { key: 5_000, org: 10_000 }, api: { key: 2_000, org: 4_000 } },
};

export function isPlan(value: unknown): value is Plan {
  return typeof value === 'string' && (PLANS as readonly string[]).includes(value);
}

/**
 * The defaults with RATE_LIMIT_PLANS laid over them: `{"sandbox":{"send":{"key":3}}}` changes one number and keeps
 * the rest. Throws on anything else, so a typo fails the boot instead of silently keeping a default.
 */
export function planLimitsWith(overrides: unknown): Record<Plan, PlanLimits> {
  const limits = structuredClone(DEFAULT_PLAN_LIMITS);
  if (overrides === undefined) return limits;
  if (!isObject(overrides)) throw new Error('must be a JSON object of plans');
  for (const [plan, classes] of Object.entries(overrides)) {
    if (!isPlan(plan)) throw new Error(`"${plan}" is not a plan (${PLANS.join(', ')})`);
    if (!isObject(classes)) throw new Error(`${plan} must be an object of "send"/"api" budgets`);
    for (const [routeClass, budget] of Object.entries(classes)) {
      if (routeClass !== 'send' && routeClass !== 'api') throw new Error(`${plan}.${routeClass}: only "send" and "api" have budgets`);
      if (!isObject(budget)) throw new Error(`${plan}.${routeClass} must be an object with "key" and/or "org"`);
      for (const [scope, quota] of Object.entries(budget)) {
        if (scope !== 'key' && scope !== 'org') throw new Error(`${plan}.${routeClass}.${scope}: only "key" and "org" are budgets`);
        if (!Number.isInteger(quota) || (quota as number) < 1) throw new Error(`${plan}.${routeClass}.${scope} must be a positive integer`);
        limits[plan][routeClass][scope] = quota as number;
      }
    }
  }
  return limits;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
