import type { Policy } from '../config.ts';
import { Deliverer } from '../broadcasting/deliver.ts';
import { fanOut } from '../broadcasting/fanout.ts';
import { Reconciler, type AuthorNote } from '../broadcasting/reconciler.ts';
import { authorNote } from '../features/broadcasts/report.ts';
import { fireReminder, pendingReminders } from '../features/festivals/reminders.ts';
import { forwardDueFollowUps } from '../features/tips/follow-ups.ts';
import { ChatLocks } from '../pipeline/chat-lock.ts';
import { ChatDrainer } from '../pipeline/drain.ts';
import { OutboxSender } from '../pipeline/outbox.ts';
import { Sweeper } from '../pipeline/sweeper.ts';
import { startBroadcastWorker } from '../queues/broadcast-queue.ts';
import { startChatWorker } from '../queues/chat-queue.ts';
import { startDeliveryWorkers } from '../queues/delivery-queue.ts';
import { startReminderWorker } from '../queues/reminder-queue.ts';
import type { Infrastructure } from './infrastructure.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { BullConnection } from '../queues/backend.ts';
import { botUsername } from './messengers.ts';

/** Updates handled chat by chat, their replies sent from the outbox; the sweeper re-queues what the queues lost. */
function startChatHandling(infra: Infrastructure, bull: BullConnection, policy: Policy, lifecycle: Lifecycle): void {
  const { config, db, pii, i18n, router, messengers, enqueue, log, metrics, progress } = infra;
  const drainer = new ChatDrainer({
    db,
    pii,
    i18n,
    router,
    policy,
    messengers,
    enqueue,
    wake: infra.wake,
    log,
    metrics,
    progress,
    outbox: new OutboxSender(db, pii, messengers, log, metrics, policy, enqueue),
    locks: new ChatLocks(infra.queues.leases),
  });
  const worker = startChatWorker(bull, config.WORKER_CONCURRENCY, (key) => drainer.drain(key), log);
  const sweeper = new Sweeper(db, infra.chatQueue, log, progress);
  sweeper.start();
  lifecycle.started('chat handling', async () => {
    await sweeper.stop();
    await worker.close();
  });
}

/** Fan-out, paced delivery and the reconciler that keeps the queues in line with the ledger. */
function startBroadcasting(infra: Infrastructure, bull: BullConnection, lifecycle: Lifecycle): void {
  const { config, db, pii, i18n, messengers, metrics, deliveries, broadcastQueue, log } = infra;
  const note: AuthorNote = (tx, b, kind) => authorNote(tx, pii, i18n, b, kind);
  const deliverer = new Deliverer({
    db,
    pii,
    i18n,
    messengers,
    metrics,
    authorNote: note,
    enqueueChat: infra.enqueue,
    window: config,
  });
  const deliveryWorkers = startDeliveryWorkers(bull, deliveries, config.BROADCAST_CONCURRENCY, deliverer, log);
  const reconciler = new Reconciler({
    db,
    pii,
    authorNote: note,
    deliveries,
    control: broadcastQueue,
    enqueueChat: infra.enqueue,
    log,
  });
  const broadcastWorker = startBroadcastWorker(
    bull,
    { fanOut: (id) => fanOut(db, id, (rows) => deliveries.add(rows)), reconcile: () => reconciler.run() },
    log,
  );
  reconciler.start(config.BROADCAST_RECONCILE_SECONDS * 1000);
  void reconciler.run().catch(() => undefined);
  lifecycle.started('broadcasting', async () => {
    await reconciler.stop();
    await Promise.all([broadcastWorker, ...deliveryWorkers].map((w) => w.close()));
  });
}

/** Festival reminders: delayed jobs rebuilt from the ledger as often as broadcasts are reconciled. */
function startReminders(infra: Infrastructure, bull: BullConnection, lifecycle: Lifecycle): void {
  const { config, db, i18n, reminderQueue, broadcastQueue, log } = infra;
  const worker = startReminderWorker(
    bull,
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
  const sync = () => void reminderQueue.requestSync().catch(() => undefined);
  const timer = setInterval(sync, config.BROADCAST_RECONCILE_SECONDS * 1000);
  sync();
  lifecycle.started('reminders', async () => {
    clearInterval(timer);
    await worker.close();
  });
}

/** Held follow-ups of the anonymous thread reach officers once their batching window has passed. */
function startFollowUpFlush(infra: Infrastructure, policy: Policy, lifecycle: Lifecycle): void {
  const { db, pii, i18n, enqueue, log } = infra;
  if (!policy.FOLLOWUP_BATCH_SECONDS) return;
  let running: Promise<void> | undefined;
  const flush = async () => {
    const written = await forwardDueFollowUps({ db, pii, i18n, policy });
    for (const key of new Set(written.map((m) => m.chatKey))) await enqueue(key).catch(() => undefined);
  };
  // A quarter of the window: a held burst waits at most 1.25 windows for its notice.
  const timer = setInterval(
    () => {
      running ??= flush()
        .catch((err) => log.warn({ err }, 'follow-up flush failed'))
        .finally(() => (running = undefined));
    },
    Math.max(1000, (policy.FOLLOWUP_BATCH_SECONDS * 1000) / 4),
  );
  lifecycle.started('follow-up flush', async () => {
    clearInterval(timer);
    await running;
  });
}

/** Everything a worker role runs; each part stops before the connection it uses. */
export async function startWorkers(infra: Infrastructure, lifecycle: Lifecycle): Promise<void> {
  const policy = {
    ...infra.config,
    TELEGRAM_BOT_USERNAME: await botUsername(infra.config, infra.messengers, infra.log),
  };
  // The backend closes after the workers: it was opened with the infrastructure, before them.
  const bull = infra.queues.worker();
  startChatHandling(infra, bull, policy, lifecycle);
  startBroadcasting(infra, bull, lifecycle);
  startReminders(infra, bull, lifecycle);
  startFollowUpFlush(infra, policy, lifecycle);
}
