// A circuit breaker per sender number: after `threshold` consecutive upstream failures (5xx, timeouts) the
// number stops sending for a cool-down that doubles on each failed probe, then one probe is let through;
// its success closes the circuit. Pure state: the caller passes the time.
export type BreakerState =
  | { kind: 'closed'; failures: number }
  | { kind: 'open'; until: number; coolDownMs: number }
  | { kind: 'half_open'; coolDownMs: number; probing: boolean };

export type BreakerOptions = { threshold: number; coolDownMs: number; maxCoolDownMs: number };

export const CLOSED: BreakerState = { kind: 'closed', failures: 0 };

/** Whether a send may start now, and the state after asking (an open circuit turns half-open when due). */
export function breakerAllows(state: BreakerState, now: number): { allowed: boolean; state: BreakerState; retryAt?: number } {
  if (state.kind === 'closed') return { allowed: true, state };
  if (state.kind === 'open') {
    if (now < state.until) return { allowed: false, state, retryAt: state.until };
    return { allowed: true, state: { kind: 'half_open', coolDownMs: state.coolDownMs, probing: true } };
  }
  // Half-open: exactly one probe at a time.
  if (state.probing) return { allowed: false, state, retryAt: now + 100 };
  return { allowed: true, state: { ...state, probing: true } };
}

export function breakerRecord(state: BreakerState, outcome: 'success' | 'failure', now: number, options: BreakerOptions): BreakerState {
  if (outcome === 'success') return CLOSED;
  if (state.kind === 'closed') {
    const failures = state.failures + 1;
    return failures >= options.threshold ? { kind: 'open', until: now + options.coolDownMs, coolDownMs: options.coolDownMs } : { kind: 'closed', failures };
  }
  if (state.kind === 'half_open') {
    const coolDownMs = Math.min(options.maxCoolDownMs, state.coolDownMs * 2);
    return { kind: 'open', until: now + coolDownMs, coolDownMs };
  }
  return state; // already open: a failure of a send that started before it opened changes nothing
}
