import type { InboundUpdate, OutboundMessage } from '../generated/prisma/client.ts';
import type { Wake } from '../core/context.ts';
import { incomingSchema, type Incoming, type Platform } from '../core/messages.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Messenger } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';
import type { ChatLocks } from './chat-lock.ts';
import { chatLocale, handleUpdate, type HandleDeps, type Handled } from './handle-update.ts';
import type { Enqueue } from './inbox.ts';
import { backoffMs, writeOutbox, type OutboxSender } from './outbox.ts';
import type { InboxProgress } from './progress.ts';
import { isTransientFailure } from './transient-failure.ts';

export const MAX_HANDLE_ATTEMPTS = 5;
/** Pending updates of one chat read at a time. */
const BATCH = 20;

export interface DrainDeps extends HandleDeps {
  locks: ChatLocks;
  outbox: OutboxSender;
  messengers: ReadonlyMap<Platform, Messenger>;
  enqueue: Enqueue;
  /** Starts background work a handled update asked for; what fails here the periodic passes pick up. */
  wake: (what: Wake) => Promise<void>;
  log: Logger;
  metrics: Metrics;
  progress: InboxProgress;
}

/** What a bug is logged and recorded with: its kind and where it was thrown, never its message. */
function faultOf(err: unknown): { error: string; at: string[] } {
  if (!(err instanceof Error)) return { error: typeof err, at: [] };
  const frames = (err.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return { error: err.name, at: frames.slice(0, 5).map((line) => line.trim()) };
}

/** The update's chat and person, if its payload can still be read. */
function readableIncoming(pii: Pii, row: InboundUpdate): Incoming | undefined {
  if (!row.payloadEnc) return undefined;
  try {
    return incomingSchema.parse(pii.decryptJson(row.payloadEnc));
  } catch {
    return undefined;
  }
}

/**
 * Works through one chat: first its unsent messages, then its next update, and
 * again, until nothing is ready. Only the lock holder drains; a caller that
 * misses the lock relies on the holder's re-check after release.
 */
export class ChatDrainer {
  constructor(readonly deps: DrainDeps) {}

  async drain(chatKey: string): Promise<void> {
    const { locks } = this.deps;
    // Bounded: a chat flooded without pause is handed back to the queue.
    for (let round = 0; round < 20; round++) {
      const lock = await locks.acquire(chatKey);
      if (!lock) {
        this.deps.log.debug({ chatKey }, 'chat busy in another drainer');
        return;
      }
      let retryAt: Date | undefined;
      try {
        retryAt = await this.#drainLocked(chatKey);
      } finally {
        await lock.release();
      }
      if (retryAt) {
        // Come back exactly when the waiting message or update is due (the sweeper is only the backstop).
        const delay = Math.max(0, retryAt.getTime() - Date.now());
        await this.deps.enqueue(chatKey, delay);
        return;
      }
      if (!(await this.#hasReadyWork(chatKey))) return;
    }
    await this.deps.enqueue(chatKey);
  }

  /** Returns when the chat's next piece of work is due, if it has to wait. */
  async #drainLocked(chatKey: string): Promise<Date | undefined> {
    const { db, outbox } = this.deps;
    const waitUntil = await outbox.flushChat(chatKey);
    if (waitUntil) return waitUntil;
    const rows = await db.inboundUpdate.findMany({
      where: { chatKey, status: 'pending' },
      orderBy: [{ seq: 'asc' }, { id: 'asc' }],
      take: BATCH,
    });
    for (const row of rows) {
      if (row.nextAttemptAt.getTime() > Date.now()) return row.nextAttemptAt;
      const wait = await this.#handle(row);
      if (wait) return wait;
    }
    return undefined;
  }

  /** Handles one update and sends its replies; returns when the chat has to be resumed, if it must wait. */
  async #handle(row: InboundUpdate): Promise<Date | undefined> {
    const { metrics, log, messengers } = this.deps;
    const started = performance.now();
    let handled: Handled | null;
    try {
      handled = await handleUpdate(this.deps, row);
    } catch (err) {
      return this.#recordFailure(row, err);
    }
    metrics.handleSeconds.observe({ platform: row.platform }, (performance.now() - started) / 1000);
    metrics.updatesHandled.inc({ platform: row.platform, outcome: handled ? 'done' : 'already' });
    this.deps.progress.finished();
    if (!handled) return undefined;
    // Ids and content stay out of logs: the inbox row id and what was written is enough to trace.
    log.debug(
      {
        inboundId: String(row.id),
        platform: row.platform,
        kind: handled.incoming.kind,
        written: handled.written.length,
      },
      'update handled',
    );
    for (const what of handled.wakes) await this.deps.wake(what).catch((err) => log.warn({ err, what }, 'wake failed'));
    // Before the replies: a press is answered within seconds or never (Telegram drops late answers).
    await messengers
      .get(row.platform)
      ?.acknowledge(handled.incoming, handled.press)
      .catch((err) => log.debug({ err }, 'acknowledge failed'));
    try {
      // What was held for the person goes first, in its order, then the answer to what they just wrote: the
      // answer (its menu, its question) stays the last message on screen, the one they act on.
      return await this.#deliver(handled.written, row.chatKey, handled.released > 0);
    } catch (err) {
      // The update is done and its replies are in the outbox: the chat only has to come back for them.
      log.warn({ err, inboundId: String(row.id), platform: row.platform }, 'replies not sent yet');
      return new Date(Date.now() + backoffMs(1));
    }
  }

  /**
   * This chat's new messages go out now, in order (nothing older is pending: the chat was flushed first, unless
   * `released` rows just became pending: then the whole chat is flushed); other chats get a drain job of their own.
   */
  async #deliver(written: OutboundMessage[], ownChat: string, released = false): Promise<Date | undefined> {
    const others = new Set(written.filter((r) => r.chatKey !== ownChat).map((r) => r.chatKey));
    for (const key of others) await this.deps.enqueue(key).catch(() => undefined);
    if (released) return this.deps.outbox.flushChat(ownChat);
    return this.deps.outbox.send(written.filter((r) => r.chatKey === ownChat));
  }

  /**
   * A transient failure (send, database, connection) is retried with backoff; after the
   * last attempt, or at once for a bug, the update is set aside and the person told.
   */
  async #recordFailure(row: InboundUpdate, err: unknown): Promise<Date | undefined> {
    const { db, log, metrics } = this.deps;
    const attempts = row.attempts + 1;
    const inboundId = String(row.id);
    if (!isTransientFailure(err)) {
      // A bug fails the same way every time: its message may quote content, so only where it happened is kept.
      const fault = faultOf(err);
      log.error({ inboundId, platform: row.platform, ...fault }, 'update handler failed: set aside');
      metrics.handlerErrors.inc({ platform: row.platform });
      return this.#setAside(row, attempts, `${fault.error} ${fault.at[0] ?? ''}`.trim(), 'error-update-set-aside');
    }
    log.error({ err, inboundId, platform: row.platform }, 'update handling failed');
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    if (attempts < MAX_HANDLE_ATTEMPTS) {
      const nextAttemptAt = new Date(Date.now() + backoffMs(attempts));
      await db.inboundUpdate.update({ where: { id: row.id }, data: { attempts, lastError, nextAttemptAt } });
      return nextAttemptAt;
    }
    metrics.updatesHandled.inc({ platform: row.platform, outcome: 'dead' });
    return this.#setAside(row, attempts, lastError, 'error-generic');
  }

  /** Marks the update dead (its payload dropped) and tells its chat, in the person's language, what `messageId` says. */
  async #setAside(row: InboundUpdate, attempts: number, lastError: string, messageId: string) {
    const { db, pii, i18n, progress } = this.deps;
    const incoming = readableIncoming(pii, row);
    const written = await db.$transaction(async (tx) => {
      await tx.inboundUpdate.update({
        where: { id: row.id },
        data: { status: 'dead', attempts, lastError: lastError.slice(0, 500), payloadEnc: null },
      });
      // Someone who just blocked the bot cannot be told anything.
      if (!incoming || incoming.kind === 'blocked') return [];
      const message = { text: i18n.t(await chatLocale(tx, pii, i18n, incoming), messageId) };
      return writeOutbox(tx, pii, [{ to: { platform: row.platform, chatId: incoming.chatId }, message }]);
    });
    progress.finished();
    return this.#deliver(written, row.chatKey);
  }

  /** Work that arrived while this drainer held the lock (its job found the chat busy). */
  async #hasReadyWork(chatKey: string): Promise<boolean> {
    const [row] = await this.deps.db.$queryRaw<Array<{ ready: boolean }>>`
      SELECT EXISTS (SELECT 1 FROM "InboundUpdate"
                     WHERE "chatKey" = ${chatKey} AND "status" = 'pending' AND "nextAttemptAt" <= now())
          OR EXISTS (SELECT 1 FROM "OutboundMessage"
                     WHERE "chatKey" = ${chatKey} AND "status" = 'pending' AND "nextAttemptAt" <= now()) AS "ready"`;
    return row?.ready ?? false;
  }
}
