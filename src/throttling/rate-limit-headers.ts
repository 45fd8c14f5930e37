import type { Bucket } from './store.ts';

/** A budget a request spends from: `ip`, `key:send`, `org:api`…, its store key, and its quota per window. */
export type Policy = { name: string; key: string; quota: number };

export type BudgetState = {
  policy: Policy;
  windowMs: number;
  /** Requests left now, after this one if it was allowed. */
  remaining: number;
  /** Until the budget is full again. */
  fullInMs: number;
  /** Until one more request fits; 0 when one fits now. */
  retryAfterMs: number;
};

/** Reads each budget's state from its backlog (GCRA), before this request if refused, after it if allowed. */
export function readBudgets(policies: Policy[], buckets: Bucket[], backlogMs: number[], allowed: boolean): BudgetState[] {
  return policies.map((policy, i) => {
    const { intervalMs, windowMs } = buckets[i]!;
    const backlog = (backlogMs[i] ?? 0) + (allowed ? intervalMs : 0);
    // A millionth of a request absorbs float rounding (3 × (10 s / 3) is not always 10 s).
    const remaining = Math.max(0, Math.floor((windowMs - backlog) / intervalMs + 1e-6));
    const retryAfterMs = allowed ? 0 : Math.max(0, backlog + intervalMs - windowMs);
    return { policy, windowMs, remaining, fullInMs: backlog, retryAfterMs };
  });
}

/**
 * The IETF draft's fields (draft-ietf-httpapi-ratelimit-headers-09/10): `RateLimit-Policy` names each budget with
 * its quota `q` and window `w` (seconds), `RateLimit` says what is left of each, `r`, and `t`, the seconds until
 * it is whole again.
 */
export function formatHeaders(budgets: BudgetState[]): Record<string, string> {
  return {
    'ratelimit-policy': budgets.map((b) => `"${b.policy.name}";q=${b.policy.quota};w=${Math.round(b.windowMs / 1000)}`).join(', '),
    ratelimit: budgets.map((b) => `"${b.policy.name}";r=${b.remaining};t=${Math.ceil(b.fullInMs / 1000)}`).join(', '),
  };
}
