import type { Db } from '../db/db.ts';

/**
 * Group commit for one kind of statement: the calls made in one turn of the event loop go together, as one call
 * of `run` with all their inputs, and calls that arrive while `inFlight` batches are already running wait and go
 * together after them. Alone, a call waits for nothing but the end of its turn (no timer); under load, batches
 * grow by themselves to what arrived during the previous round trip, so many requests share one statement, one
 * commit and one WAL flush instead of paying for each (decision 0029). Collecting per turn matters on PGlite,
 * whose statements run synchronously on the event loop: nothing else can arrive while one is "in flight".
 *
 * `run` answers each input in order: a value, or an Error for that input alone. If `run` throws, every call of
 * the batch is rejected with that error.
 */
export type Coalescer<I, O> = { submit(input: I): Promise<O> };

type Waiting<I, O> = { input: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export function coalescer<I, O>(run: (inputs: I[]) => Promise<(O | Error)[]>, limits: { inFlight: number; maxBatch: number }): Coalescer<I, O> {
  let waiting: Waiting<I, O>[] = [];
  let running = 0;
  let scheduled = false;

  const pump = () => {
    while (running < limits.inFlight && waiting.length > 0) {
      const batch = waiting.length <= limits.maxBatch ? waiting : waiting.slice(0, limits.maxBatch);
      waiting = batch === waiting ? [] : waiting.slice(limits.maxBatch);
      running++;
      void start(batch);
    }
  };

  const start = async (batch: Waiting<I, O>[]) => {
    try {
      const answers = await run(batch.map((w) => w.input));
      if (answers.length !== batch.length) throw new Error(`a coalesced batch of ${batch.length} was answered ${answers.length} times`);
      batch.forEach((w, i) => {
        const answer = answers[i]!;
        if (answer instanceof Error) w.reject(answer);
        else w.resolve(answer);
      });
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running--;
      pump();
    }
  };

  return {
    submit(input) {
      return new Promise<O>((resolve, reject) => {
        waiting.push({ input, resolve, reject });
        if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
  };
}

/**
 * For a `run` whose batch is one atomic statement: when the batch fails it stored nothing, and each input is tried
 * alone, so one input's fault (a row that breaks a constraint, say) is its own error and not its neighbours'.
 */
export function aloneOnFailure<I, O>(run: (db: Db, inputs: I[]) => Promise<O[]>): (db: Db, inputs: I[]) => Promise<(O | Error)[]> {
  const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
  return async (db, inputs) => {
    try {
      return await run(db, inputs);
    } catch (error) {
      if (inputs.length === 1) return [asError(error)];
    }
    const answers: (O | Error)[] = [];
    for (const input of inputs) answers.push(await run(db, [input]).then((out) => out[0]!, asError));
    return answers;
  };
}

/**
 * One coalescer per database handle, made on first use: two batches in flight on PostgreSQL, one on PGlite, whose
 * single connection runs one statement at a time anyway.
 */
export function perDatabase<I, O>(run: (db: Db, inputs: I[]) => Promise<(O | Error)[]>, maxBatch: number): (db: Db) => Coalescer<I, O> {
  const made = new WeakMap<Db, Coalescer<I, O>>();
  return (db) => {
    let c = made.get(db);
    if (!c) made.set(db, c = coalescer((inputs) => run(db, inputs), { inFlight: db.kind === 'pglite' ? 1 : 2, maxBatch }));
    return c;
  };
}
