import type { Deps } from '../deps.ts';
import { claimDueDeliveriesUnscoped, type DueDelivery } from './delivery-store.ts';
import { deliverOnce } from './deliver.ts';

export type WebhookDeliverer = { wake(): void; stop(): Promise<void> };

/**
 * The delivery loop of one worker process: claims due deliveries (a lease, SKIP LOCKED, so workers share
 * the work) and runs up to `concurrency` requests at once, at most `perEndpointConcurrency` per endpoint,
 * so a slow receiver holds its own slots and not another tenant's. See docs/decisions/0005.
 */
export function startWebhookDeliverer(deps: Deps): WebhookDeliverer {
  const config = deps.config.webhooks;
  let running = true;
  let wakeUp: (() => void) | null = null;
  const inFlight = new Set<Promise<void>>();
  const perEndpoint = new Map<string, number>();
  const sleep = (ms: number) => new Promise<void>((resolve) => {
    const timer = setTimeout(() => { wakeUp = null; resolve(); }, ms);
    wakeUp = () => { clearTimeout(timer); wakeUp = null; resolve(); };
  });

  const run = (delivery: DueDelivery) => {
    perEndpoint.set(delivery.endpoint_id, (perEndpoint.get(delivery.endpoint_id) ?? 0) + 1);
    const task = deliverOnce(deps, delivery)
      .catch((err) => deps.log.error({ err, deliveryId: delivery.id }, 'webhook delivery failed unexpectedly; retried when its lease ends'))
      .finally(() => {
        const left = (perEndpoint.get(delivery.endpoint_id) ?? 1) - 1;
        if (left === 0) perEndpoint.delete(delivery.endpoint_id);
        else perEndpoint.set(delivery.endpoint_id, left);
        inFlight.delete(task);
        wakeUp?.();
      });
    inFlight.add(task);
  };

  const loop = (async () => {
    while (running) {
      let claimed = 0;
      const room = Math.min(config.batchSize, config.concurrency - inFlight.size);
      if (room > 0) {
        try {
          const busy = [...perEndpoint].filter(([, n]) => n >= config.perEndpointConcurrency).map(([id]) => id);
          const batch = await claimDueDeliveriesUnscoped(deps.db, room, config.perEndpointConcurrency, busy, config.leaseSeconds);
          claimed = batch.length;
          for (const delivery of batch) run(delivery);
        } catch (error) {
          deps.log.error({ err: error }, 'claiming webhook deliveries failed');
        }
      }
      if (running && (claimed === 0 || claimed < room)) await sleep(config.idleMs);
    }
  })();

  return {
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
      await Promise.all(inFlight); // requests in flight finish and record their outcome
    },
  };
}
