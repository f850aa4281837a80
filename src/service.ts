import type { AddressInfo } from 'node:net';
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Config } from './config.ts';
import type { Feature } from './core/feature.ts';
import type { Platform } from './core/messages.ts';
import { Router } from './core/router.ts';
import { createDb, type Db } from './db/client.ts';
import { applyMigrations } from './db/migrate.ts';
import { importAreas } from './features/areas/import.ts';
import { beginOnboarding, features } from './features/index.ts';
import { buildHttpServer } from './http/server.ts';
import { I18n } from './i18n/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics } from './metrics.ts';
import { ChatLocks } from './pipeline/chat-lock.ts';
import { ChatDrainer } from './pipeline/drain.ts';
import { Inbox, type Enqueue } from './pipeline/inbox.ts';
import { OutboxSender } from './pipeline/outbox.ts';
import { Sweeper } from './pipeline/sweeper.ts';
import { registerTipMetrics } from './features/tips/metrics.ts';
import { UnavailableNotice } from './pipeline/unavailable-notice.ts';
import { TelegramMessenger } from './platforms/telegram/messenger.ts';
import type { Messenger } from './platforms/types.ts';
import { ZaloMessenger } from './platforms/zalo/messenger.ts';
import { BroadcastQueue, startBroadcastWorker } from './queues/broadcast-queue.ts';
import { ChatQueue, startChatWorker } from './queues/chat-queue.ts';
import { ReminderQueue, startReminderWorker } from './queues/reminder-queue.ts';
import { fireReminder, pendingReminders } from './features/festivals/reminders.ts';
import { DeliveryQueues, startDeliveryWorkers } from './queues/delivery-queue.ts';
import { Pacer } from './queues/pacer.ts';
import { Deliverer } from './features/broadcasts/deliver.ts';
import { fanOut } from './features/broadcasts/fanout.ts';
import { registerBroadcastMetrics } from './features/broadcasts/metrics.ts';
import { Reconciler } from './features/broadcasts/reconciler.ts';
import { Pii } from './security/pii.ts';

/** `all` runs everything in one process; `web` takes updates; `worker` handles them and sends. */
export type Role = 'all' | 'web' | 'worker';

export interface Service {
  /** Base URL of the HTTP server (webhooks in web roles; health and metrics in all). */
  url: string;
  db: Db;
  log: Logger;
  stop(): Promise<void>;
}

function createMessengers(
  config: Config,
  router: Router,
  i18n: I18n,
  log: Logger,
  pacers: Record<Platform, Pacer>,
): Messenger[] {
  const list: Messenger[] = [];
  if (config.TELEGRAM_BOT_TOKEN) {
    list.push(
      new TelegramMessenger({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        webhookSecret: config.TELEGRAM_WEBHOOK_SECRET,
        commands: router.commandNames,
        i18n,
        log,
        pacer: pacers.telegram,
      }),
    );
  }
  if (config.ZALO_BOT_TOKEN) {
    list.push(
      new ZaloMessenger({
        token: config.ZALO_BOT_TOKEN,
        apiRoot: config.ZALO_API_ROOT,
        webhookSecret: config.ZALO_WEBHOOK_SECRET,
        log,
        pacer: pacers.zalo,
      }),
    );
  }
  return list;
}

export interface ServiceOptions {
  /**
   * Features added after the product's own (tests: a route that fails on purpose). Their commands
   * have no description in the locales, so Telegram's command menu is not set up beside them.
   */
  extraFeatures?: Feature[];
}

export async function startService(config: Config, role: Role = 'all', options: ServiceOptions = {}): Promise<Service> {
  const log = createLogger(config.LOG_LEVEL, [
    config.TELEGRAM_BOT_TOKEN,
    config.TELEGRAM_WEBHOOK_SECRET,
    config.ZALO_BOT_TOKEN,
    config.ZALO_WEBHOOK_SECRET,
    config.DATA_ENCRYPTION_KEY,
  ]);
  const web = role !== 'worker';
  const worker = role !== 'web';
  if (config.MIGRATE_ON_START && web) {
    const applied = await applyMigrations(config.DATABASE_URL);
    if (applied.length) log.info({ applied }, 'migrations applied');
  }

  const db = createDb(config.DATABASE_URL);
  if (config.MIGRATE_ON_START && web && (await db.area.count()) === 0) {
    // A new database gets the administrative areas, so onboarding works from the first start.
    log.info(await importAreas(db), 'areas imported');
  }
  const pii = new Pii(config.DATA_ENCRYPTION_KEY);
  const i18n = new I18n(config.DEFAULT_LOCALE);
  const metrics = createMetrics();
  registerTipMetrics(metrics, db);
  // Producers fail fast when Redis is away (the sweeper recovers); workers wait for it.
  const queueRedis = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  queueRedis.on('error', (err) => log.warn({ err }, 'redis (queue) error'));
  const router = new Router([...features, ...(options.extraFeatures ?? [])], { onboard: beginOnboarding });
  // Every send of a platform, from any process, shares one sliding-window budget.
  const pacers = {
    telegram: new Pacer(queueRedis, config.REDIS_PREFIX, 'telegram', config.TELEGRAM_RATE),
    zalo: new Pacer(queueRedis, config.REDIS_PREFIX, 'zalo', config.ZALO_RATE),
  };
  const messengerList = createMessengers(config, router, i18n, log, pacers);
  const messengers = new Map<Platform, Messenger>(messengerList.map((m) => [m.platform, m]));
  if (!messengerList.length) log.warn('no messenger token configured: the bot is off on every platform');

  const queue = new ChatQueue(queueRedis, config.REDIS_PREFIX);
  const enqueue: Enqueue = (chatKey, delayMs) => queue.add(chatKey, delayMs);
  const inbox = new Inbox(db, pii, enqueue, log, metrics);
  const deliveries = new DeliveryQueues(queueRedis, config.REDIS_PREFIX, [...messengers.keys()]);
  const broadcastQueue = new BroadcastQueue(queueRedis, config.REDIS_PREFIX);
  const reminderQueue = new ReminderQueue(queueRedis, config.REDIS_PREFIX);
  registerBroadcastMetrics(metrics, deliveries);

  const stops: Array<() => Promise<unknown>> = [];

  if (worker) {
    // Deep links and QR codes in replies name the bot: configured, or asked of Telegram once.
    const telegram = messengers.get('telegram');
    const botUsername =
      config.TELEGRAM_BOT_USERNAME ??
      (telegram instanceof TelegramMessenger
        ? await telegram.bot.api.getMe().then(
            (me) => me.username,
            (err) => void log.warn({ err }, 'telegram getMe failed: join links show the code only'),
          )
        : undefined);
    const policy = { ...config, TELEGRAM_BOT_USERNAME: botUsername };
    const workerRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    workerRedis.on('error', (err) => log.warn({ err }, 'redis (worker) error'));
    const outbox = new OutboxSender(db, pii, messengers, log, metrics);
    const drainer = new ChatDrainer({
      db,
      pii,
      i18n,
      router,
      policy,
      messengers,
      enqueue,
      wake: (what) => (what === 'broadcasts' ? broadcastQueue.kick() : reminderQueue.requestSync()),
      log,
      metrics,
      outbox,
      locks: new ChatLocks(workerRedis, config.REDIS_PREFIX),
    });
    const chatWorker: Worker = startChatWorker(
      workerRedis,
      config.REDIS_PREFIX,
      config.WORKER_CONCURRENCY,
      (key) => drainer.drain(key),
      log,
    );
    const sweeper = new Sweeper(db, queue, log);
    sweeper.start();
    const deliverer = new Deliverer({ db, pii, i18n, messengers, metrics });
    const deliveryWorkers = startDeliveryWorkers(
      workerRedis,
      config.REDIS_PREFIX,
      deliveries,
      config.BROADCAST_CONCURRENCY,
      deliverer,
      log,
    );
    const reconciler = new Reconciler({
      db,
      pii,
      i18n,
      deliveries,
      control: broadcastQueue,
      enqueueChat: enqueue,
      log,
    });
    const broadcastWorker = startBroadcastWorker(
      workerRedis,
      config.REDIS_PREFIX,
      {
        fanOut: (id) => fanOut(db, id, (rows) => deliveries.add(rows)),
        reconcile: () => reconciler.run(),
      },
      log,
    );
    reconciler.start(config.BROADCAST_RECONCILE_SECONDS * 1000);
    void reconciler.run().catch(() => undefined);
    const reminderWorker = startReminderWorker(
      workerRedis,
      config.REDIS_PREFIX,
      {
        fire: async (jobId) => {
          const outcome = await fireReminder(db, i18n, jobId);
          if (typeof outcome === 'object') await broadcastQueue.kick();
          log.info({ jobId, outcome }, 'festival reminder');
        },
        sync: async () => reminderQueue.sync(await pendingReminders(db)),
      },
      log,
    );
    // The ledger is checked as often as broadcasts are, so reminders lost with Redis come back.
    const syncReminders = () => void reminderQueue.requestSync().catch(() => undefined);
    const reminderTimer = setInterval(syncReminders, config.BROADCAST_RECONCILE_SECONDS * 1000);
    syncReminders();
    stops.push(async () => {
      clearInterval(reminderTimer);
      await Promise.all([sweeper.stop(), reconciler.stop()]);
      await Promise.all([chatWorker, broadcastWorker, reminderWorker, ...deliveryWorkers].map((w) => w.close()));
      workerRedis.disconnect();
    });
  }

  // Every role serves health and metrics; only the web role takes updates.
  const app = buildHttpServer({
    log,
    metrics,
    messengers: web ? messengerList : [],
    inbox,
    unavailable: new UnavailableNotice(queueRedis, config.REDIS_PREFIX, pii, i18n, log),
    api: { db, pii },
    checks: { postgres: () => db.$queryRaw`SELECT 1`, redis: () => queueRedis.ping() },
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const { port } = app.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  log.info({ port, role, messengers: messengerList.map((m) => m.platform) }, 'antq-bot listening');
  if (web) {
    // The server listens before webhooks are registered, so the first update finds it up.
    for (const m of messengerList) {
      await m
        .setup(config.PUBLIC_URL)
        .catch((err) => log.error({ err, platform: m.platform }, 'messenger setup failed'));
      if (config.UPDATES_MODE === 'polling') m.startPolling((incoming) => inbox.accept(incoming));
    }
  }
  stops.unshift(async () => {
    await Promise.all(messengerList.map((m) => m.stopPolling()));
    await app.close();
  });

  return {
    url,
    db,
    log,
    async stop() {
      // Stop taking updates, finish what is in flight, then close connections.
      for (const stop of stops) await stop();
      await Promise.all([queue.close(), deliveries.close(), broadcastQueue.close(), reminderQueue.close()]);
      queueRedis.disconnect();
      await db.$disconnect();
    },
  };
}
