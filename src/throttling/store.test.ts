import { describe, expect, it } from 'vitest';
import { createMemoryThrottleStore, type Bucket } from './store.ts';

// The in-process store is the reference for the Redis script and the SQL functions (same algorithm, GCRA);
// those two are exercised over HTTP by test/api/throttling.test.ts.
function clockAt(start: number) {
  const clock = { now: start, advance(ms: number) { clock.now += ms; } };
  return clock;
}
const bucket = (key: string, quota: number, windowMs = 10_000): Bucket => ({ key, intervalMs: windowMs / quota, windowMs });

describe('GCRA budgets (memory store)', () => {
  it('grants the whole quota at once, refuses the next, and gives one back per interval', async () => {
    const clock = clockAt(1_000_000);
    const store = createMemoryThrottleStore(() => clock.now);
    const b = [bucket('k', 3)];
    const verdicts = [];
    for (let i = 0; i < 4; i++) verdicts.push(await store.take(b, []));
    expect(verdicts.map((v) => v.blockedMs === null && v.allowed)).toEqual([true, true, true, false]);
    clock.advance(10_000 / 3);
    expect(await store.take(b, [])).toMatchObject({ allowed: true });
    expect(await store.take(b, [])).toMatchObject({ allowed: false });
    store.close();
  });

  it('takes from every budget or from none', async () => {
    const clock = clockAt(0);
    const store = createMemoryThrottleStore(() => clock.now);
    const small = bucket('small', 1);
    const large = bucket('large', 5);
    expect(await store.take([small, large], [])).toMatchObject({ allowed: true, backlogMs: [0, 0] });
    // small is spent: the refusal must not charge large.
    expect(await store.take([small, large], [])).toMatchObject({ allowed: false, backlogMs: [10_000, 2_000] });
    expect(await store.take([large], [])).toMatchObject({ allowed: true, backlogMs: [2_000] });
    store.close();
  });

  it('counts failures, starts a block past the window, refuses while it lasts and counts nothing then', async () => {
    const clock = clockAt(0);
    const store = createMemoryThrottleStore(() => clock.now);
    const failures = [bucket('fail:ip', 2, 60_000), bucket('fail:prefix', 10, 60_000)];
    const blocks = ['block:ip', 'block:prefix'];
    expect(await store.fail(failures, blocks, 5_000)).toEqual({ blocksMs: [0, 0], backlogMs: [30_000, 6_000] });
    expect(await store.fail(failures, blocks, 5_000)).toEqual({ blocksMs: [0, 0], backlogMs: [60_000, 12_000] });
    expect(await store.fail(failures, blocks, 5_000)).toEqual({ blocksMs: [5_000, 0], backlogMs: [90_000, 18_000] });
    expect(await store.fail(failures, blocks, 5_000)).toEqual({ blocksMs: [5_000, 0], backlogMs: null });
    expect(await store.take([bucket('ip', 100)], ['block:ip'])).toEqual({ blockedMs: 5_000 });
    clock.advance(5_000);
    expect(await store.take([bucket('ip', 100)], ['block:ip'])).toMatchObject({ blockedMs: null, allowed: true });
    store.close();
  });
});
