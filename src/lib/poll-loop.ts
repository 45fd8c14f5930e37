/**
 * A background loop over one claimable table (the outbox, Meta's deliveries, customer webhook deliveries):
 * run `step` again at once while it reports more work, otherwise sleep `idleMs` or until woken.
 * A step that throws is reported and the loop goes on; `stop` waits for the step in progress.
 */
export type PollLoop = { wake(): void; stop(): Promise<void> };

export function startPollLoop(options: { idleMs: number; step: () => Promise<boolean>; onError: (error: unknown) => void }): PollLoop {
  let running = true;
  let wakeUp: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => { wakeUp = null; resolve(); }, ms);
    wakeUp = () => { clearTimeout(timer); wakeUp = null; resolve(); };
  });
  const loop = (async () => {
    while (running) {
      let more = false;
      try {
        more = await options.step();
      } catch (error) {
        options.onError(error);
      }
      if (running && !more) await sleep(options.idleMs);
    }
  })();
  return {
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
