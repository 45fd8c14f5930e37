import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLOSED, breakerAllows, breakerRecord, type BreakerState } from './circuit-breaker.ts';

const options = { threshold: 3, coolDownMs: 1000, maxCoolDownMs: 8000 };

describe('circuit breaker', () => {
  it('opens after the threshold of consecutive failures and lets nothing through while open', () => {
    let s: BreakerState = CLOSED;
    for (let i = 0; i < 2; i++) s = breakerRecord(s, 'failure', 0, options);
    expect(s.kind).toBe('closed');
    s = breakerRecord(s, 'failure', 0, options);
    expect(s).toEqual({ kind: 'open', until: 1000, coolDownMs: 1000 });
    expect(breakerAllows(s, 999)).toMatchObject({ allowed: false, retryAt: 1000 });
  });

  it('a success resets the count', () => {
    let s: BreakerState = CLOSED;
    s = breakerRecord(breakerRecord(s, 'failure', 0, options), 'failure', 0, options);
    s = breakerRecord(s, 'success', 0, options);
    s = breakerRecord(breakerRecord(s, 'failure', 0, options), 'failure', 0, options);
    expect(s.kind).toBe('closed');
  });

  it('probes once when due: success closes, failure doubles the cool-down up to the cap', () => {
    let s: BreakerState = { kind: 'open', until: 1000, coolDownMs: 1000 };
    const probe = breakerAllows(s, 1000);
    expect(probe.allowed).toBe(true);
    s = probe.state;
    expect(breakerAllows(s, 1001).allowed).toBe(false); // one probe at a time
    expect(breakerRecord(s, 'success', 1002, options)).toEqual(CLOSED);
    let cool = 1000;
    for (let i = 0; i < 6; i++) {
      s = breakerRecord(s, 'failure', 0, options);
      cool = Math.min(8000, cool * 2);
      expect(s).toMatchObject({ kind: 'open', coolDownMs: cool });
      s = breakerAllows(s, (s as { until: number }).until).state;
    }
  });

  it('never lets two sends through while not closed', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom('ask', 'success', 'failure'), fc.nat(3000)), { maxLength: 60 }), (steps) => {
      let s: BreakerState = CLOSED;
      let now = 0;
      let inFlightProbes = 0;
      for (const [step, dt] of steps) {
        now += dt;
        if (step === 'ask') {
          const wasClosed = s.kind === 'closed';
          const r = breakerAllows(s, now);
          s = r.state;
          if (r.allowed && !wasClosed) inFlightProbes++;
          expect(inFlightProbes).toBeLessThanOrEqual(1);
        } else {
          s = breakerRecord(s, step as 'success' | 'failure', now, options);
          inFlightProbes = 0;
        }
      }
    }));
  });
});
