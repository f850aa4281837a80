import { Gauge } from 'prom-client';
import type { Db } from '../../db/client.ts';
import type { Metrics } from '../../metrics.ts';
import { OPEN_STATUSES } from './categories.ts';
import { unroutedTipFilter } from './store.ts';

/**
 * `antq_tips{status,urgent}`: tips in the ledger, counted from PostgreSQL at
 * each scrape, so every process reports the same truth (no per-process counters).
 * `antq_tips_unrouted`: open tips that no officer can see, because neither their
 * commune nor its province has an officer or a station group. A gauge from
 * PostgreSQL rather than a counter: it falls back to 0 once an officer is
 * appointed or the tips are closed, so an alert on `> 0` means "act now".
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
  new Gauge({
    name: 'antq_tips_unrouted',
    help: 'Open tips whose commune and province have no officer nor station group (from PostgreSQL at scrape time)',
    registers: [metrics.registry],
    async collect() {
      const count = await unroutedTipFilter(db)
        .then((where) => db.tip.count({ where: { status: { in: [...OPEN_STATUSES] }, ...where } }))
        .catch(() => null);
      if (count !== null) this.set(count);
    },
  });
}
