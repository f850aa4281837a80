import type { AddressInfo } from 'node:net';
import { PgListener } from '../db/listen.ts';
import { TIP_FILED_CHANNEL } from '../features/tips/store.ts';
import { WEB_CHAT_CHANNEL } from '../platforms/web/store.ts';
import { tileSource } from '../http/console/tiles.ts';
import { buildHttpServer, buildMetricsServer } from '../http/server.ts';
import { UnavailableNotice } from '../pipeline/unavailable-notice.ts';
import { oaTokenDetail, stallOf } from './health.ts';
import { botUsername } from './messengers.ts';
import type { Infrastructure } from './infrastructure.ts';
import type { Lifecycle } from './lifecycle.ts';

/** The first answer that is not undefined, asked when first needed and again after no answer. */
function kept<T>(ask: () => Promise<T | undefined>): () => Promise<T | undefined> {
  let answer: Promise<T | undefined> | undefined;
  return () =>
    (answer ??= ask().then((found) => {
      if (found === undefined) answer = undefined;
      return found;
    }));
}

/**
 * The HTTP server: health and metrics in every role; webhooks (or polling) only
 * where updates are taken. Returns its base URL.
 */
export async function startWeb(infra: Infrastructure, takesUpdates: boolean, lifecycle: Lifecycle): Promise<string> {
  const { config, log, db, pii, i18n, metrics, queues, inbox, messengerList, enqueue } = infra;
  const telegram = infra.messengers.get('telegram');
  // The console's inbox hears of tips filed by any process of this deployment.
  const arrivals = new PgListener(infra.database.listenConnection, TIP_FILED_CHANNEL, log);
  lifecycle.started('tip arrivals', () => arrivals.stop());
  // Open web chats hear of their messages committed by any process (the delivery workers "send" them).
  const webMessages = new PgListener(infra.database.listenConnection, WEB_CHAT_CHANNEL, log);
  lifecycle.started('web chat messages', () => webMessages.stop());
  const app = buildHttpServer({
    log,
    metrics,
    messengers: takesUpdates ? messengerList : [],
    inbox,
    unavailable: new UnavailableNotice(queues.quiet, pii, i18n, log),
    api: { db, pii },
    console: {
      i18n,
      publicUrl: config.PUBLIC_URL,
      policy: config,
      // The posters' deep link names the bot: asked of Telegram at the first poster, not at start (a slow answer holds none).
      botUsername: kept(() => botUsername(config, infra.messengers, log)),
      enqueue: (chatKey) => enqueue(chatKey),
      wake: infra.wake,
      ageRedMinutes: config.CONSOLE_AGE_RED_MINUTES,
      arrivals,
      tiles: tileSource(config.CONSOLE_TILE_URL, config.CONSOLE_TILE_ATTRIBUTION),
      // Bull Board's view of every queue this process adds to.
      queues: [
        infra.chatQueue.queue,
        infra.broadcastQueue.queue,
        infra.reminderQueue.queue,
        ...infra.deliveries.platforms.map((p) => infra.deliveries.queue(p)!),
      ],
    },
    // Photos sent as Telegram file ids: served by link to officers who cannot see them in their messenger (Zalo).
    fetchFile: telegram?.fetchFile && ((fileId) => telegram.fetchFile!(fileId)),
    stall: () => stallOf(infra.dbWatchdog, infra.progress, config.HEALTH_STALL_SECONDS * 1000),
    // Without Redis the queues' own pool is checked too (it is not the ledger's).
    checks: {
      postgres: () => db.$queryRaw`SELECT 1`,
      [queues.kind === 'redis' ? 'redis' : 'queues']: () => queues.ping(),
    },
    details: {
      queue_backend: async () => queues.kind,
      ...(infra.oaTokens && { zalo_oa: () => oaTokenDetail(infra.oaTokens!) }),
    },
    settings: config,
    ...(takesUpdates && { webChat: { messages: webMessages, settings: config } }),
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  lifecycle.started('http', () => app.close());
  if (config.METRICS_PORT !== undefined) {
    const metricsApp = buildMetricsServer({ log, metrics, settings: config });
    await metricsApp.listen({ port: config.METRICS_PORT, host: config.METRICS_HOST });
    lifecycle.started('metrics', () => metricsApp.close());
  }
  const { port } = app.server.address() as AddressInfo;
  log.info({ port, takesUpdates, messengers: messengerList.map((m) => m.platform) }, 'antq-bot listening');
  if (takesUpdates) {
    // The server listens before webhooks are registered, so the first update finds it up.
    for (const m of messengerList) {
      await m
        .setup(config.PUBLIC_URL)
        .catch((err) => log.error({ err, platform: m.platform }, 'messenger setup failed'));
      if (config.UPDATES_MODE === 'polling') m.startPolling((incoming) => inbox.accept(incoming));
    }
    lifecycle.started('polling', () => Promise.all(messengerList.map((m) => m.stopPolling())));
  }
  return `http://127.0.0.1:${port}`;
}
