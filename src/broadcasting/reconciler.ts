import type { Envelope } from '../core/context.ts';
import type { Platform } from '../core/messages.ts';
import { chatKeyOf } from '../core/keys.ts';
import type { Tx } from '../core/tx.ts';
import type { Db } from '../db/client.ts';
import type { Broadcast } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Enqueue } from '../pipeline/inbox.ts';
import { writeOutbox } from '../pipeline/outbox.ts';
import type { BroadcastQueue } from '../queues/broadcast-queue.ts';
import type { DeliveryQueues } from '../queues/delivery-queue.ts';
import type { Pii } from '../security/pii.ts';
import { queuedDeliveries } from './fanout.ts';

/** A running broadcast tells its author how far it got this often. */
const PROGRESS_EVERY_MS = 60_000;

/** Why the author is written to: the broadcast ended, went on for a while, or a platform paused its sends. */
export type AuthorNoteKind = 'report' | 'progress' | { held: Platform };

/** What the author of a broadcast is told when it ends or as it goes; null when they have no chat. */
export type AuthorNote = (tx: Tx, b: Broadcast, kind: AuthorNoteKind) => Promise<Envelope | null>;

export interface ReconcilerDeps {
  db: Db;
  pii: Pii;
  /** The words are the broadcasts feature's; the engine only knows when to send them. */
  authorNote: AuthorNote;
  deliveries: DeliveryQueues;
  control: BroadcastQueue;
  /** Schedules sending a chat's outbox (the author's report). */
  enqueueChat: Enqueue;
  log: Logger;
}

/**
 * PostgreSQL is the ledger of broadcasts; this brings Redis in line with it:
 * starts scheduled broadcasts when due, (re)starts unfinished fan-outs,
 * re-enqueues queued deliveries whose jobs are gone (Redis lost its data, a
 * worker died), and finishes broadcasts with nothing left queued.
 */
export class Reconciler {
  #running: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly deps: ReconcilerDeps) {}

  start(intervalMs: number): void {
    this.#timer = setInterval(() => void this.run().catch(() => undefined), intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running?.catch(() => undefined);
  }

  /** One pass; concurrent calls in a process share it. */
  run(): Promise<void> {
    this.#running ??= this.#pass()
      .catch((err) => {
        this.deps.log.warn({ err }, 'broadcast reconcile failed');
        throw err;
      })
      .finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #pass(): Promise<void> {
    const { db, deliveries, control } = this.deps;
    const now = new Date();
    await db.broadcast.updateMany({
      where: { status: 'scheduled', scheduledAt: { lte: now } },
      data: { status: 'sending', startedAt: now },
    });
    // Jobs are counted before the ledger: a row settled in between can only make the ledger look smaller.
    const jobs = new Map(
      await Promise.all(deliveries.platforms.map(async (p) => [p, await deliveries.pending(p)] as const)),
    );
    // A paused broadcast still gets its recipient list written, so a resume starts at once.
    const unwritten = await db.broadcast.findMany({
      where: { status: { in: ['sending', 'paused'] }, fanoutDoneAt: null },
      select: { id: true },
    });
    for (const b of unwritten) await control.fanOut(b.id);
    const live = await db.broadcast.findMany({ where: { status: 'sending' }, orderBy: { id: 'asc' } });

    const fannedOut = live.filter((b) => b.fanoutDoneAt);
    if (!fannedOut.length) return;
    const queued = await db.delivery.groupBy({
      by: ['broadcastId', 'platform'],
      where: { broadcastId: { in: fannedOut.map((b) => b.id) }, status: 'queued' },
      _count: { _all: true },
    });
    const open = new Set(queued.map((q) => q.broadcastId));
    for (const b of fannedOut) {
      if (!open.has(b.id)) await this.#finish(b);
      else await this.#progress(b);
    }
    for (const [platform, pending] of jobs) {
      const inLedger = queued.filter((q) => q.platform === platform).reduce((n, q) => n + q._count._all, 0);
      if (pending >= inLedger) continue;
      this.deps.log.warn({ platform, pending, inLedger }, 'delivery jobs missing: re-enqueueing from the ledger');
      for (const id of new Set(queued.filter((q) => q.platform === platform).map((q) => q.broadcastId))) {
        for await (const page of queuedDeliveries(db, id)) await deliveries.add(page);
      }
    }
  }

  /** Marks the broadcast done once, and reports to its author. */
  async #finish(b: Broadcast): Promise<void> {
    const { db, pii, authorNote } = this.deps;
    const note = await db.$transaction(async (tx) => {
      const moved = await tx.broadcast.updateMany({
        where: { id: b.id, status: 'sending' },
        data: { status: 'done', finishedAt: new Date() },
      });
      if (!moved.count) return null;
      const done = await tx.broadcast.findUniqueOrThrow({ where: { id: b.id } });
      const envelope = await authorNote(tx, done, 'report');
      if (envelope) await writeOutbox(tx, pii, [envelope]);
      return envelope;
    });
    this.deps.log.info({ broadcastId: b.id }, 'broadcast done');
    if (note) await this.#sendSoon(note.to.platform, note.to.chatId);
  }

  async #progress(b: Broadcast): Promise<void> {
    const { db, pii, authorNote } = this.deps;
    const last = (b.progressSentAt ?? b.startedAt ?? b.createdAt).getTime();
    if (Date.now() - last < PROGRESS_EVERY_MS) return;
    const note = await db.$transaction(async (tx) => {
      const moved = await tx.broadcast.updateMany({
        where: { id: b.id, progressSentAt: b.progressSentAt },
        data: { progressSentAt: new Date() },
      });
      if (!moved.count) return null;
      const envelope = await authorNote(tx, b, 'progress');
      if (envelope) await writeOutbox(tx, pii, [envelope]);
      return envelope;
    });
    if (note) await this.#sendSoon(note.to.platform, note.to.chatId);
  }

  /** The sweeper would find the message too; this only saves the wait. */
  async #sendSoon(platform: Parameters<typeof chatKeyOf>[1], chatId: string): Promise<void> {
    await this.deps.enqueueChat(chatKeyOf(this.deps.pii, platform, chatId)).catch(() => undefined);
  }
}
