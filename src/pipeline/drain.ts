import type { InboundUpdate } from '../generated/prisma/client.ts';
import type { Platform } from '../core/messages.ts';
import type { Db } from '../db/client.ts';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Messenger } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';
import type { ChatLocks } from './chat-lock.ts';
import { handleUpdate, type HandleDeps } from './handle-update.ts';
import type { Enqueue } from './inbox.ts';
import { backoffMs, writeOutbox, type OutboxSender } from './outbox.ts';

export const MAX_HANDLE_ATTEMPTS = 5;

export interface DrainDeps extends HandleDeps {
  locks: ChatLocks;
  outbox: OutboxSender;
  messengers: ReadonlyMap<Platform, Messenger>;
  enqueue: Enqueue;
  log: Logger;
  metrics: Metrics;
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
        await this.deps.enqueue(chatKey, `d-${chatKey}-${retryAt.getTime()}`, delay);
        return;
      }
      if (!(await this.#hasReadyWork(chatKey))) return;
    }
    await this.deps.enqueue(chatKey, `r-${chatKey}-${Date.now()}`);
  }

  /** Returns when the chat's next piece of work is due, if it has to wait. */
  async #drainLocked(chatKey: string): Promise<Date | undefined> {
    const { db, outbox } = this.deps;
    for (;;) {
      const waitUntil = await outbox.flushChat(chatKey);
      if (waitUntil) return waitUntil;
      const row = await db.inboundUpdate.findFirst({
        where: { chatKey, status: 'pending' },
        orderBy: [{ seq: 'asc' }, { id: 'asc' }],
      });
      if (!row) return undefined;
      if (row.nextAttemptAt.getTime() > Date.now()) return row.nextAttemptAt;
      const failedUntil = await this.#handle(row);
      if (failedUntil) return failedUntil;
    }
  }

  /** Handles one update; on failure returns when it will be tried again. */
  async #handle(row: InboundUpdate): Promise<Date | undefined> {
    const { metrics, log } = this.deps;
    const started = performance.now();
    try {
      const handled = await handleUpdate(this.deps, row);
      metrics.handleSeconds.observe({ platform: row.platform }, (performance.now() - started) / 1000);
      metrics.updatesHandled.inc({ platform: row.platform, outcome: handled ? 'done' : 'already' });
      if (handled) await this.#afterCommit(handled.incoming, handled.chatKeys, row.chatKey);
      return undefined;
    } catch (err) {
      log.error({ err, updateId: String(row.id), platform: row.platform }, 'update handling failed');
      return this.#recordFailure(row, err);
    }
  }

  async #afterCommit(incoming: Parameters<Messenger['acknowledge']>[0], chatKeys: Set<string>, ownChat: string) {
    const { messengers, enqueue, log } = this.deps;
    await messengers
      .get(incoming.platform)
      ?.acknowledge(incoming)
      .catch((err) => log.debug({ err }, 'acknowledge failed'));
    for (const key of chatKeys) {
      if (key !== ownChat) await enqueue(key, `o-${key}-${Date.now()}`).catch(() => undefined);
    }
  }

  /** Retries later with backoff; after the last attempt the person is told something went wrong. */
  async #recordFailure(row: InboundUpdate, err: unknown): Promise<Date | undefined> {
    const { db, pii, i18n, metrics } = this.deps;
    const attempts = row.attempts + 1;
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    if (attempts < MAX_HANDLE_ATTEMPTS) {
      const nextAttemptAt = new Date(Date.now() + backoffMs(attempts));
      await db.inboundUpdate.update({ where: { id: row.id }, data: { attempts, lastError, nextAttemptAt } });
      return nextAttemptAt;
    }
    metrics.updatesHandled.inc({ platform: row.platform, outcome: 'dead' });
    const incoming = row.payloadEnc ? (pii.decryptJson(row.payloadEnc) as { chatId: string }) : undefined;
    await db.$transaction(async (tx) => {
      await tx.inboundUpdate.update({
        where: { id: row.id },
        data: { status: 'dead', attempts, lastError, payloadEnc: null },
      });
      if (incoming) {
        const message = { text: i18n.t(i18n.defaultLocale, 'error-generic') };
        await writeOutbox(tx, pii, [{ to: { platform: row.platform, chatId: incoming.chatId }, message }]);
      }
    });
    return undefined;
  }

  async #hasReadyWork(chatKey: string): Promise<boolean> {
    const now = new Date();
    const { db } = this.deps;
    const [inbound, outbound] = await Promise.all([
      db.inboundUpdate.count({ where: { chatKey, status: 'pending', nextAttemptAt: { lte: now } } }),
      db.outboundMessage.count({ where: { chatKey, status: 'pending', nextAttemptAt: { lte: now } } }),
    ]);
    return inbound + outbound > 0;
  }
}
