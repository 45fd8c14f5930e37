import type { Deps } from '../deps.ts';
import { startPollLoop } from '../lib/poll-loop.ts';
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
  const inFlight = new Set<Promise<void>>();
  const perEndpoint = new Map<string, number>();

  const run = (delivery: DueDelivery) => {
    perEndpoint.set(delivery.endpoint_id, (perEndpoint.get(delivery.endpoint_id) ?? 0) + 1);
    const task = deliverOnce(deps, delivery)
      .catch((err) => deps.log.error({ err, deliveryId: delivery.id }, 'webhook delivery failed unexpectedly; retried when its lease ends'))
      .finally(() => {
        const left = (perEndpoint.get(delivery.endpoint_id) ?? 1) - 1;
        if (left === 0) perEndpoint.delete(delivery.endpoint_id);
        else perEndpoint.set(delivery.endpoint_id, left);
        inFlight.delete(task);
        loop.wake();
      });
    inFlight.add(task);
  };

  const loop = startPollLoop({
    idleMs: config.idleMs,
    onError: (err) => deps.log.error({ err }, 'claiming webhook deliveries failed'),
    step: async () => {
      const room = Math.min(config.batchSize, config.concurrency - inFlight.size);
      if (room <= 0) return false;
      const busy = [...perEndpoint].filter(([, n]) => n >= config.perEndpointConcurrency).map(([id]) => id);
      const batch = await claimDueDeliveriesUnscoped(deps.db, room, config.perEndpointConcurrency, busy, config.leaseSeconds);
      for (const delivery of batch) run(delivery);
      return batch.length === room;
    },
  });

  return {
    wake: () => loop.wake(),
    async stop() {
      await loop.stop();
      await Promise.all(inFlight); // requests in flight finish and record their outcome
    },
  };
}
