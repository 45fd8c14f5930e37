import { describe, expect, it } from 'vitest';
import { classifyStatus, parseRetryAfter, retryDelayMs, shouldRetry } from './retry-schedule.ts';

const defaults = { retryBaseMs: 5000, retryMaxMs: 24 * 3600_000, retryWindowSeconds: 78 * 3600 };

describe('the retry schedule', () => {
  it('doubles from the base, jittered between half and all of it, up to the cap', () => {
    expect(retryDelayMs(1, defaults, null, () => 0)).toBe(2500);
    expect(retryDelayMs(1, defaults, null, () => 1)).toBe(5000);
    expect(retryDelayMs(4, defaults, null, () => 1)).toBe(40_000);
    expect(retryDelayMs(40, defaults, null, () => 1)).toBe(24 * 3600_000);
    expect(retryDelayMs(40, defaults, null, () => 0)).toBe(12 * 3600_000);
  });

  it('keeps retrying for at least three days, whatever the jitter draws', () => {
    for (const draw of [0, 0.5, 1]) {
      const created = new Date(0);
      let now = created;
      let attempts = 1;
      while (shouldRetry(created, now, defaults)) {
        now = new Date(now.getTime() + retryDelayMs(attempts, defaults, null, () => draw));
        attempts += 1;
      }
      expect(now.getTime()).toBeGreaterThanOrEqual(3 * 24 * 3600_000);
      expect(attempts).toBeGreaterThan(10);
    }
  });

  it('honours Retry-After up to the cap', () => {
    expect(retryDelayMs(1, defaults, 60_000, () => 0)).toBe(60_000);
    expect(retryDelayMs(1, defaults, 10 * 24 * 3600_000, () => 0)).toBe(24 * 3600_000);
    expect(parseRetryAfter('120', new Date(0))).toBe(120_000);
    expect(parseRetryAfter(new Date(30_000).toUTCString(), new Date(0))).toBe(30_000);
  });

  it('classifies answers: 2xx succeeds, 410 is gone, 3xx and the rest fail', () => {
    const now = new Date();
    expect(classifyStatus(204, undefined, now)).toEqual({ kind: 'success' });
    expect(classifyStatus(410, undefined, now)).toEqual({ kind: 'gone' });
    expect(classifyStatus(302, undefined, now)).toMatchObject({ kind: 'failure' });
    expect(classifyStatus(429, '7', now)).toEqual({ kind: 'failure', retryAfterMs: 7000 });
    expect(classifyStatus(500, '7', now)).toEqual({ kind: 'failure', retryAfterMs: null });
  });
});
