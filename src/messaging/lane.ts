import { setTimeout as sleep } from 'node:timers/promises';
import { openAccessToken } from '../phone-numbers/credentials.ts';
import { breakerAllows } from './circuit-breaker.ts';
import { breakerOf, rateOf, type DispatchContext } from './dispatch.ts';
import { sendOne, createQueuedFlusher, type LaneState } from './send-one.ts';
import { claimForNumber, markDispatchStarted, paceRecipients, releaseMessages, type LaneNumber, type OutboxMessage } from './outbox-store.ts';

/**
 * One number's lane in this worker: claim a chunk (a quarter second of its rate, by priority), reserve that
 * many send slots from the shared limiter, and fire each send at its slot, up to a cap of requests in flight.
 * The next chunk is claimed while this one is being sent, so there is no gap between chunks.
 * Ends when nothing is due, the number is paused, its circuit opens, or the worker stops.
 */
export async function runLane(ctx: DispatchContext, number: LaneNumber): Promise<void> {
  const { deps } = ctx;
  const config = deps.config.dispatch;
  const rate = rateOf(deps, number);
  const chunkSize = Math.max(1, Math.min(500, Math.ceil(rate * config.chunkSeconds)));
  const state: LaneState = {
    number,
    token: openAccessToken(deps.sealer, number.org_id, number.account_id, number.access_token_enc),
    paused: false,
    queued: createQueuedFlusher(deps),
  };
  const inFlight = new Set<Promise<void>>();
  const interval = 1000 / rate;
  // A lane late for its slots by up to 20 ms (an event-loop pause, a timer firing late) catches up: no send ever
  // goes before its slot. Later than that it does not burst: it shifts the rest of its schedule by the delay and pushes the
  // shared schedule by as much, so other workers' next slots follow its sends.
  const tolerance = Math.max(20, interval);
  // And whatever the schedule, never more than `rate` sends in any 1,010 ms: a lane catching up after a late timer
  // may send what is due at once, but not so much that a second at Meta's end (arrival times vary by a few ms)
  // holds more than the rate. It costs at most 1 % of the rate, only when the lane is behind.
  const windowMs = 1010;
  const cap = Math.max(1, Math.floor(rate));
  const fired: number[] = [];
  let oldest = 0;
  const canGoOn = () => ctx.isRunning() && !state.paused && breakerAllows(breakerOf(ctx, number.id), Date.now()).allowed;
  const prepare = async (): Promise<OutboxMessage[] | null> => {
    const claimed = await claimForNumber(deps.db, number.org_id, number.id, chunkSize, config.leaseSeconds);
    if (claimed.length === 0) return null;
    const toSend = await holdBack(ctx, number, claimed);
    if (toSend.length > 0) await markDispatchStarted(deps.db, number.org_id, toSend.map((m) => m.id));
    return toSend;
  };
  let next: Promise<OutboxMessage[] | null> | null = canGoOn() ? prepare() : null;
  try {
    while (next) {
      const toSend = await next;
      next = null;
      if (toSend === null) return;
      if (toSend.length === 0) {
        next = canGoOn() ? prepare() : null;
        continue;
      }
      const { delayMs } = await ctx.limiter.reserve(number.id, toSend.length, rate);
      let start = performance.now() + delayMs;
      next = canGoOn() ? prepare() : null;
      for (const [i, message] of toSend.entries()) {
        const gate = breakerAllows(breakerOf(ctx, number.id), Date.now());
        if (!ctx.isRunning() || state.paused || !gate.allowed) {
          // Not sent after all: hand back, marked as never started, for whoever comes next.
          const rest = toSend.slice(i).map((m) => m.id);
          await releaseMessages(deps.db, number.org_id, rest, gate.retryAt ? gate.retryAt - Date.now() : 0, { sendNotStarted: true });
          return;
        }
        ctx.breakers.set(number.id, gate.state);
        // Each send is due at its own slot, not one interval after the previous send: timers fire late by a
        // fraction of a millisecond or more, and spacing from the last send would add every such delay up.
        let due = start + i * interval;
        const late = performance.now() - due;
        if (late > tolerance) {
          await ctx.limiter.reserve(number.id, Math.ceil((late * rate) / 1000), rate);
          start += late;
          due += late;
        }
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        while (inFlight.size >= config.maxInFlightPerLane) await Promise.race(inFlight);
        for (;;) {
          const now = performance.now();
          while (oldest < fired.length && fired[oldest]! <= now - windowMs) oldest++;
          if (fired.length - oldest < cap) break;
          await sleep(fired[oldest]! + windowMs - now);
        }
        fired.push(performance.now());
        if (oldest > 4096) {
          fired.splice(0, oldest);
          oldest = 0;
        }
        const send = sendOne(ctx, state, message).finally(() => inFlight.delete(send));
        inFlight.add(send);
      }
    }
  } finally {
    // A chunk claimed ahead but not sent goes back, marked as never started.
    const ahead = await (next ?? Promise.resolve(null)).catch(() => null);
    if (ahead && ahead.length > 0) await releaseMessages(deps.db, number.org_id, ahead.map((m) => m.id), 0, { sendNotStarted: true });
    await Promise.all(inFlight);
    await state.queued.flush();
  }
}

/**
 * Of a claimed chunk, what may go now. One message per recipient (Meta's pair limit: the rest wait their
 * turn); and a message whose earlier send has an unknown outcome waits for its status webhook until the
 * reconcile window has passed.
 */
async function holdBack(ctx: DispatchContext, number: LaneNumber, claimed: OutboxMessage[]): Promise<OutboxMessage[]> {
  const { deps } = ctx;
  const config = deps.config.dispatch;
  const now = Date.now();
  const seen = new Set<string>();
  const send: OutboxMessage[] = [];
  const paced: string[] = [];
  const unresolved = new Map<number, string[]>();
  for (const m of claimed) {
    const reconcileAt = m.dispatch_started_at ? m.dispatch_started_at.getTime() + config.reconcileWindowMs : 0;
    if (reconcileAt > now) {
      const list = unresolved.get(reconcileAt) ?? [];
      list.push(m.id);
      unresolved.set(reconcileAt, list);
    } else if (config.pairIntervalMs > 0 && seen.has(m.counterpart)) {
      paced.push(m.id);
    } else {
      if (m.dispatch_started_at) {
        deps.log.warn({ orgId: m.org_id, messageId: m.id, startedAt: m.dispatch_started_at },
          'sending again: no status webhook confirmed the earlier send within the reconcile window (a duplicate is possible)');
      }
      seen.add(m.counterpart);
      send.push(m);
    }
  }
  await releaseMessages(deps.db, number.org_id, paced, config.pairIntervalMs);
  for (const [at, ids] of unresolved) await releaseMessages(deps.db, number.org_id, ids, at - now);
  if (config.pairIntervalMs > 0) await paceRecipients(deps.db, number.org_id, number.id, [...seen], config.pairIntervalMs);
  return send;
}
