import { Gauge } from 'prom-client';
import type { Db } from '../../db/client.ts';
import type { Metrics } from '../../metrics.ts';

/**
 * `antq_tips{status,urgent}`: tips in the ledger, counted from PostgreSQL at
 * each scrape, so every process reports the same truth (no per-process counters).
 */
export function registerTipMetrics(metrics: Metrics, db: Db): void {
  new Gauge({
    name: 'antq_tips',
    help: 'Tips by status and urgency (from PostgreSQL at scrape time)',
    labelNames: ['status', 'urgent'] as const,
    registers: [metrics.registry],
    async collect() {
      // PostgreSQL away: keep the last figures, so /metrics still answers (readyz tells the outage).
      const groups = await db.tip.groupBy({ by: ['status', 'urgent'], _count: { _all: true } }).catch(() => null);
      if (!groups) return;
      this.reset();
      for (const g of groups) this.set({ status: g.status, urgent: String(g.urgent) }, g._count._all);
    },
  });
}
