import { queueBackendOf, type Config } from '../config.ts';
import type { Feature } from '../core/feature.ts';
import type { Platform } from '../core/messages.ts';
import type { Wake } from '../core/scope.ts';
import { Router } from '../core/router.ts';
import type { Db } from '../db/client.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { registerBroadcastMetrics } from '../broadcasting/metrics.ts';
import { importAreas } from '../features/areas/import.ts';
import { beginOnboarding } from '../features/index.ts';
import { registerTipMetrics } from '../features/tips/metrics.ts';
import { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import { createMetrics, type Metrics } from '../metrics.ts';
import { Inbox, type Enqueue } from '../pipeline/inbox.ts';
import { InboxProgress } from '../pipeline/progress.ts';
import type { Messenger } from '../platforms/types.ts';
import { BroadcastQueue } from '../queues/broadcast-queue.ts';
import { ChatQueue } from '../queues/chat-queue.ts';
import { DeliveryQueues } from '../queues/delivery-queue.ts';
import { openQueueBackend, POSTGRES_MODE_POOLS, type QueueBackend } from '../queues/backend.ts';
import { ReminderQueue } from '../queues/reminder-queue.ts';
import { Pii } from '../security/pii.ts';
import { DbWatchdog } from './db-watchdog.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { OaTokens } from '../platforms/zalo-oa/tokens.ts';
import { registerOaTokenMetrics } from './health.ts';
import { createMessengers, oaTokensOf } from './messengers.ts';
import { WebMessenger } from '../platforms/web/messenger.ts';

/** What every role shares: the ledger, the queues' producers, the messengers, the router. */
export interface Infrastructure {
  config: Config;
  log: Logger;
  db: Db;
  /** Where the data lives: a PostgreSQL server or the embedded one. */
  database: Database;
  /** Replaces the database pool when it wedges; tells how long the database has been silent. */
  dbWatchdog: DbWatchdog;
  /** Whether this process gets through its inbox (workers report, /healthz reads). */
  progress: InboxProgress;
  pii: Pii;
  i18n: I18n;
  metrics: Metrics;
  /** Queues, pacing and chat leases: on Redis, or on PostgreSQL alone (QUEUE_BACKEND). */
  queues: QueueBackend;
  router: Router;
  messengerList: Messenger[];
  messengers: ReadonlyMap<Platform, Messenger>;
  /** The Zalo OA's token pair, when the OA is configured (for /readyz and /metrics). */
  oaTokens: OaTokens | undefined;
  chatQueue: ChatQueue;
  enqueue: Enqueue;
  inbox: Inbox;
  deliveries: DeliveryQueues;
  broadcastQueue: BroadcastQueue;
  reminderQueue: ReminderQueue;
  /** Asks the workers for what a committed change called for: its broadcasts started, its reminders scheduled. */
  wake: (what: Wake) => Promise<void>;
}

/** Opens connections and builds the shared parts; each registers how it closes. */
export async function openInfrastructure(
  config: Config,
  log: Logger,
  features: Feature[],
  opts: { migrate: boolean },
  lifecycle: Lifecycle,
): Promise<Infrastructure> {
  // Without Redis the queues share the database's connection budget (see POSTGRES_MODE_POOLS).
  const max = queueBackendOf(config) === 'postgres' ? POSTGRES_MODE_POOLS.db : undefined;
  const database = await openDatabase(config, log, { ...opts, max }, lifecycle);
  const handle = database.handle;
  const db = handle.db;
  const dbWatchdog = new DbWatchdog(handle, log, config.DB_WEDGED_SECONDS * 1000);
  dbWatchdog.start();
  lifecycle.started('database watchdog', () => dbWatchdog.stop());
  if (opts.migrate && (await db.area.count()) === 0) {
    // A new database gets the administrative areas, so onboarding works from the first start.
    log.info(await importAreas(db), 'areas imported');
  }
  const pii = new Pii(config.DATA_ENCRYPTION_KEY);
  const i18n = new I18n(config.DEFAULT_LOCALE);
  const metrics = createMetrics();
  registerTipMetrics(metrics, db);
  // Embedded, the queues (QUEUE_BACKEND=postgres, the default without REDIS_URL) are on the same instance.
  const queues = await openQueueBackend(config, log, database.embedded?.pool);
  lifecycle.started(`queue backend (${queues.kind})`, () => queues.close());

  const router = new Router(features, { onboard: beginOnboarding });
  // Every send of a platform, from any process, shares one sliding-window budget.
  const pacers = {
    telegram: queues.pacer('telegram', config.TELEGRAM_RATE),
    zalo: queues.pacer('zalo', config.ZALO_RATE),
    zalo_oa: queues.pacer('zalo_oa', config.ZALO_OA_RATE),
  };
  const oaTokens = oaTokensOf(config, { db, pii, i18n, policy: config, log }, () =>
    metrics.oaTokenRefreshFailures.inc(),
  );
  if (oaTokens) registerOaTokenMetrics(metrics, oaTokens);
  const messengerList = [
    ...createMessengers(config, (roles) => router.commandMenu(roles), i18n, log, pacers, oaTokens, metrics),
    // The web chat needs no token: /chat works from the first start.
    new WebMessenger(db, pii),
  ];
  const messengers = new Map<Platform, Messenger>(messengerList.map((m) => [m.platform, m]));
  if (messengerList.every((m) => m.ownRoutes))
    log.warn('no messenger token configured: the bot answers in the web chat (/chat) only');

  const chatQueue = new ChatQueue(queues.producer);
  const enqueue: Enqueue = (chatKey, delayMs) => chatQueue.add(chatKey, delayMs);
  const deliveries = new DeliveryQueues(queues.producer, [...messengers.keys()]);
  const broadcastQueue = new BroadcastQueue(queues.producer);
  const reminderQueue = new ReminderQueue(queues.producer);
  lifecycle.started('queue producers', () =>
    Promise.all([chatQueue.close(), deliveries.close(), broadcastQueue.close(), reminderQueue.close()]),
  );
  registerBroadcastMetrics(metrics, deliveries);

  return {
    config,
    log,
    db,
    database,
    dbWatchdog,
    progress: new InboxProgress(),
    pii,
    i18n,
    metrics,
    queues,
    router,
    messengerList,
    messengers,
    oaTokens,
    chatQueue,
    enqueue,
    inbox: new Inbox(db, pii, enqueue, log, metrics),
    deliveries,
    broadcastQueue,
    reminderQueue,
    wake: (what) => (what === 'broadcasts' ? broadcastQueue.kick() : reminderQueue.requestSync()),
  };
}
