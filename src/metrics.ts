import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process, served on GET /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'antq_' });
  return {
    registry,
    updatesReceived: new Counter({
      name: 'antq_updates_received_total',
      help: 'Webhook and polled updates by platform and result',
      labelNames: ['platform', 'result'] as const,
      registers: [registry],
    }),
    updatesHandled: new Counter({
      name: 'antq_updates_handled_total',
      help: 'Inbox updates handled, by platform and outcome',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    handlerErrors: new Counter({
      name: 'antq_handler_errors_total',
      help: 'Updates set aside at once because their handler failed with a bug (not a send, database or connection failure)',
      labelNames: ['platform'] as const,
      registers: [registry],
    }),
    handleSeconds: new Histogram({
      name: 'antq_update_handle_seconds',
      help: 'Time to handle one update (transaction and dialogue)',
      labelNames: ['platform'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    messagesSent: new Counter({
      name: 'antq_messages_sent_total',
      help: 'Outbox messages by platform and outcome',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    deliveries: new Counter({
      name: 'antq_broadcast_deliveries_total',
      help: 'Broadcast delivery attempts by platform and outcome (sent, blocked, failed, skipped, outside_window, rate_limited, out_of_quota, retry)',
      labelNames: ['platform', 'outcome'] as const,
      registers: [registry],
    }),
    // As the last successful OA send of this process reported it (Zalo tells no other way).
    oaQuotaRemaining: new Gauge({
      name: 'antq_zalo_oa_quota_remaining',
      help: 'What the latest Zalo OA answer said is left of its quota, by quota_type',
      labelNames: ['quota_type'] as const,
      registers: [registry],
    }),
    oaQuotaTotal: new Gauge({
      name: 'antq_zalo_oa_quota_total',
      help: 'The quota the latest Zalo OA answer reported, by quota_type',
      labelNames: ['quota_type'] as const,
      registers: [registry],
    }),
    oaTokenRefreshFailures: new Counter({
      name: 'antq_zalo_oa_token_refresh_failures_total',
      help: 'Zalo OA token refreshes this process tried that Zalo refused or did not answer',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
