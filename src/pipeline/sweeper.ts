import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { ChatQueue } from '../queues/chat-queue.ts';
import type { InboxProgress } from './progress.ts';

/** Inbox rows are kept (as dedupe keys) at least this long: Telegram retries for 24 h. */
const KEEP_HANDLED_UPDATES_HOURS = 48;
const KEEP_SENT_MESSAGES_DAYS = 7;

/**
 * PostgreSQL is the ledger: every so often, chats with work that is due but
 * has no job (Redis lost it, a worker died, a retry came due) get one again.
 */
export class Sweeper {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #lastCleanup = 0;

  constructor(
    readonly db: Db,
    readonly queue: ChatQueue,
    readonly log: Logger,
    readonly progress: InboxProgress,
    readonly intervalMs = 2000,
    /** Fresh work already has its job; only older work is swept. */
    readonly graceMs = 3000,
  ) {}

  start(): void {
    this.#timer = setInterval(() => {
      this.#running ??= this.sweep()
        .then(() => undefined)
        .catch((err) => this.log.warn({ err }, 'sweep failed'))
        .finally(() => (this.#running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  async sweep(): Promise<number> {
    const grace = new Date(Date.now() - this.graceMs);
    const rows = await this.db.$queryRaw<Array<{ chatKey: string }>>`
      SELECT "chatKey" FROM "InboundUpdate"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= now() AND "receivedAt" < ${grace}
      UNION
      SELECT "chatKey" FROM "OutboundMessage"
        WHERE "status" = 'pending' AND "nextAttemptAt" <= now() AND "createdAt" < ${grace}
      LIMIT 5000`;
    const [due] = await this.db.$queryRaw<Array<{ since: Date | null }>>`
      SELECT min("nextAttemptAt") AS "since" FROM "InboundUpdate" WHERE "status" = 'pending' AND "nextAttemptAt" <= now()`;
    this.progress.sawDue(due?.since ?? undefined);
    if (rows.length) {
      await this.queue.addSweep(rows.map((r) => r.chatKey));
      this.log.info({ chats: rows.length }, 'swept chats with due work');
    }
    if (Date.now() - this.#lastCleanup > 10 * 60_000) await this.cleanup();
    return rows.length;
  }

  /** Forgets handled updates and sent or failed messages once nobody can retry them any more. */
  async cleanup(): Promise<void> {
    this.#lastCleanup = Date.now();
    const updatesBefore = new Date(Date.now() - KEEP_HANDLED_UPDATES_HOURS * 3600_000);
    const messagesBefore = new Date(Date.now() - KEEP_SENT_MESSAGES_DAYS * 86400_000);
    await this.db.inboundUpdate.deleteMany({
      where: { status: { not: 'pending' }, receivedAt: { lt: updatesBefore } },
    });
    // Held messages wait for their person's next message, however long that takes.
    await this.db.outboundMessage.deleteMany({
      where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: messagesBefore } },
    });
  }
}
