import type { Deps } from '../deps.ts';
import { startPollLoop } from '../lib/poll-loop.ts';
import { CLOSED, type BreakerState } from './circuit-breaker.ts';
import { dueNumbersUnscoped, type LaneNumber } from './outbox-store.ts';
import { runLane } from './lane.ts';
import type { RateLimiter } from './rate-limiter.ts';

export type Dispatcher = { wake(): void; stop(): Promise<void> };

/** What the lanes of one worker process share. */
export type DispatchContext = {
  deps: Deps;
  limiter: RateLimiter;
  breakers: Map<string, BreakerState>;
  isRunning(): boolean;
};

/**
 * The dispatcher of one worker process: finds the sender numbers with messages due and runs one lane per
 * number. Each lane sends at its number's rate (shared with other workers through the rate limiter), so a
 * busy number never slows another; within a number, priority decides. See docs/decisions/0004.
 */
export function startDispatcher(deps: Deps, limiter: RateLimiter): Dispatcher {
  let running = true;
  const lanes = new Map<string, Promise<void>>();
  const ctx: DispatchContext = { deps, limiter, breakers: new Map(), isRunning: () => running };

  const startLane = (number: LaneNumber) => {
    const lane = runLane(ctx, number)
      .catch((err) => deps.log.error({ err, numberId: number.id }, 'dispatch lane failed'))
      .finally(() => lanes.delete(number.id));
    lanes.set(number.id, lane);
  };

  // Discovery only: each lane loops on its own until its number has nothing due.
  const loop = startPollLoop({
    idleMs: deps.config.dispatch.idleMs,
    onError: (err) => deps.log.error({ err }, 'dispatch discovery failed'),
    step: async () => {
      for (const number of await dueNumbersUnscoped(deps.db)) {
        if (!running || lanes.size >= deps.config.dispatch.maxLanes) break;
        if (!lanes.has(number.id)) startLane(number);
      }
      return false;
    },
  });

  return {
    wake: () => loop.wake(),
    async stop() {
      running = false;
      await loop.stop();
      await Promise.all(lanes.values()); // sends in flight finish; what was claimed but not sent is released
    },
  };
}

export function breakerOf(ctx: DispatchContext, numberId: string): BreakerState {
  return ctx.breakers.get(numberId) ?? CLOSED;
}

/** Messages per second for a number: its own setting, else by its throughput level. */
export function rateOf(deps: Deps, number: Pick<LaneNumber, 'throughput_mps' | 'throughput_level' | 'is_coexistence'>): number {
  const rates = deps.config.dispatch.rates;
  if (number.throughput_mps) return number.throughput_mps;
  if (number.is_coexistence) return rates.coexistence;
  return number.throughput_level === 'HIGH' ? rates.high : rates.standard;
}

/** Exponential backoff with full jitter; a recipient's pair limit waits at least Meta's interval. */
export function backoffMs(attempt: number, action: 'retry' | 'retry_recipient', pairIntervalMs: number): number {
  const ceiling = Math.min(300_000, 1000 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  return action === 'retry_recipient' ? Math.max(pairIntervalMs, jittered) : jittered;
}
