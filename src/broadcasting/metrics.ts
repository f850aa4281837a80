import { Gauge } from 'prom-client';
import type { Metrics } from '../metrics.ts';
import type { DeliveryQueues } from '../queues/delivery-queue.ts';

/** Delivery queue depth per platform and state, read from Redis at scrape time. */
export function registerBroadcastMetrics(metrics: Metrics, deliveries: DeliveryQueues): void {
  new Gauge({
    name: 'antq_broadcast_queue_jobs',
    help: 'Broadcast delivery jobs by platform and state (waiting, active, delayed, prioritized)',
    labelNames: ['platform', 'state'] as const,
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const platform of deliveries.platforms) {
        const counts = await deliveries.counts(platform).catch(() => ({}));
        for (const [state, n] of Object.entries(counts)) this.set({ platform, state }, n);
      }
    },
  });
}
