// When the next attempt of a failed delivery happens, and what an answer means. Pure: unit-tested beside.

export type RetryConfig = { retryBaseMs: number; retryMaxMs: number; retryWindowSeconds: number };

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of base·2^(n-1), capped.
 * The half floor keeps a down endpoint from being hammered when the random draw is small; the jitter
 * spreads the retries of many deliveries that failed together. Retry-After is honoured up to the cap.
 */
export function retryDelayMs(attempts: number, config: RetryConfig, retryAfterMs: number | null = null, random = Math.random): number {
  const ceiling = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + random() * (ceiling / 2));
  return retryAfterMs === null ? jittered : Math.min(config.retryMaxMs, Math.max(jittered, retryAfterMs));
}

/**
 * A delivery is retried until an attempt made after the window has passed also fails: so retries span
 * at least the whole window (three days and more by default), however the jitter fell.
 */
export function shouldRetry(createdAt: Date, now: Date, config: RetryConfig): boolean {
  return now.getTime() - createdAt.getTime() < config.retryWindowSeconds * 1000;
}

export type AttemptOutcome =
  | { kind: 'success' }
  /** 410 Gone: the receiver says the endpoint is no more. */
  | { kind: 'gone' }
  | { kind: 'failure'; retryAfterMs: number | null };

/** 2xx succeeds; 3xx fails (redirects are never followed); 410 disables; everything else is retried. */
export function classifyStatus(status: number, retryAfter: string | undefined, now: Date): AttemptOutcome {
  if (status >= 200 && status < 300) return { kind: 'success' };
  if (status === 410) return { kind: 'gone' };
  return { kind: 'failure', retryAfterMs: status === 429 || status === 503 ? parseRetryAfter(retryAfter, now) : null };
}

export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
