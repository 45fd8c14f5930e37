import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { aloneOnFailure, coalescer } from './coalesce.ts';

/** aloneOnFailure only hands the database on to its run; these runs touch none. */
const db = {} as Db;

const turn = () => new Promise((r) => setImmediate(r));

/** A run whose batches stay open until released, recording what each batch held. */
function gatedRun() {
  const batches: number[][] = [];
  const gates: (() => void)[] = [];
  const run = async (inputs: number[]) => {
    batches.push(inputs);
    await new Promise<void>((resolve) => gates.push(resolve));
    return inputs.map((n) => (n < 0 ? new Error(`negative: ${n}`) : n * 10));
  };
  const releaseNext = async () => {
    gates.shift()!();
    await turn();
  };
  return { batches, run, releaseNext };
}

describe('coalescer', () => {
  it('sends the calls of one turn together, and calls that arrive meanwhile together after them', async () => {
    const g = gatedRun();
    const c = coalescer(g.run, { inFlight: 1, maxBatch: 100 });
    const first = c.submit(1);
    const alsoFirst = c.submit(2);
    await turn();
    expect(g.batches).toEqual([[1, 2]]);
    const rest = [3, 4, 5].map((n) => c.submit(n));
    await turn();
    expect(g.batches).toHaveLength(1); // waiting for the first
    await g.releaseNext();
    expect([await first, await alsoFirst]).toEqual([10, 20]);
    expect(g.batches).toEqual([[1, 2], [3, 4, 5]]);
    await g.releaseNext();
    expect(await Promise.all(rest)).toEqual([30, 40, 50]);
  });

  it('keeps at most inFlight batches running and at most maxBatch calls in one', async () => {
    const g = gatedRun();
    const c = coalescer(g.run, { inFlight: 2, maxBatch: 2 });
    const all = [1, 2, 3, 4, 5, 6, 7].map((n) => c.submit(n));
    await turn();
    expect(g.batches).toEqual([[1, 2], [3, 4]]);
    await g.releaseNext();
    expect(g.batches).toEqual([[1, 2], [3, 4], [5, 6]]);
    await g.releaseNext();
    expect(g.batches).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    await g.releaseNext();
    await g.releaseNext();
    expect(await Promise.all(all)).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('rejects only the call whose answer is an error', async () => {
    const g = gatedRun();
    const c = coalescer(g.run, { inFlight: 1, maxBatch: 100 });
    const lone = c.submit(0);
    await turn();
    const together = [5, -1, 6].map((n) => c.submit(n).then((v) => ({ ok: v }), (e: Error) => ({ error: e.message })));
    await g.releaseNext();
    await g.releaseNext();
    expect(await lone).toBe(0);
    expect(await Promise.all(together)).toEqual([{ ok: 50 }, { error: 'negative: -1' }, { ok: 60 }]);
  });

  it('rejects every call of a batch whose run fails, and goes on with the next', async () => {
    const c = coalescer(async (inputs: number[]) => {
      if (inputs.includes(2)) throw new Error('connection lost');
      return inputs;
    }, { inFlight: 1, maxBatch: 100 });
    const lone = c.submit(1);
    await turn();
    const failed = [2, 3].map((n) => c.submit(n).catch((e: Error) => e.message)); // one batch, after the lone call
    expect(await lone).toBe(1);
    expect(await Promise.all(failed)).toEqual(['connection lost', 'connection lost']);
    expect(await c.submit(4)).toBe(4);
  });

  it('refuses a run that answers a different number of calls than it was given', async () => {
    const c = coalescer(async (inputs: number[]) => inputs.slice(1), { inFlight: 1, maxBatch: 100 });
    await expect(c.submit(1)).rejects.toThrow(/answered 0 times/);
  });
});

describe('aloneOnFailure', () => {
  it('answers a batch that fails by trying each input alone, so only the faulty one fails', async () => {
    const seen: number[][] = [];
    const alone = aloneOnFailure(async (_db: Db, inputs: number[]) => {
      seen.push(inputs);
      if (inputs.includes(13)) throw new Error('13 breaks a constraint');
      return inputs.map((n) => n + 1);
    });
    const run = (inputs: number[]) => alone(db, inputs);
    const answers = await run([1, 13, 2]);
    expect(answers.slice(0, 1).concat(answers.slice(2))).toEqual([2, 3]);
    expect((answers[1] as Error).message).toBe('13 breaks a constraint');
    expect(seen).toEqual([[1, 13, 2], [1], [13], [2]]);
    expect(await run([5])).toEqual([6]);
    expect(seen.at(-1)).toEqual([5]);
  });
});
