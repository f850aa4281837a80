import type { Envelope } from '../core/context.ts';
import { chatKeyOf } from '../core/keys.ts';
import { outMessageSchema, type Platform } from '../core/messages.ts';
import { identityHash } from '../core/people.ts';
import type { Tx } from '../core/tx.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Messenger } from '../platforms/types.ts';
import { SendError } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';

export const MAX_SEND_ATTEMPTS = 6;

/** 1 s, 2 s, 4 s ... up to 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(10 * 60_000, 500 * 2 ** attempt);
}

/** Writes messages in the handler's transaction: they exist exactly when the change that caused them does. */
export async function writeOutbox(tx: Tx, pii: Pii, envelopes: Envelope[]): Promise<Set<string>> {
  const chatKeys = new Set<string>();
  if (!envelopes.length) return chatKeys;
  await tx.outboundMessage.createMany({
    data: envelopes.map(({ to, message }) => {
      const chatKey = chatKeyOf(pii, to.platform, to.chatId);
      chatKeys.add(chatKey);
      return {
        platform: to.platform,
        chatKey,
        chatIdEnc: pii.encrypt(to.chatId),
        payloadEnc: pii.encryptJson(message),
      };
    }),
  });
  return chatKeys;
}

/** Sends a chat's pending messages in order; stops at the first that must wait. */
export class OutboxSender {
  constructor(
    readonly db: Db,
    readonly pii: Pii,
    readonly messengers: ReadonlyMap<Platform, Messenger>,
    readonly log: Logger,
    readonly metrics: Metrics,
  ) {}

  /** Sends what is due; returns when the first message that has to wait is due, or undefined when all went. */
  async flushChat(chatKey: string): Promise<Date | undefined> {
    for (;;) {
      const row = await this.db.outboundMessage.findFirst({
        where: { chatKey, status: 'pending' },
        orderBy: { id: 'asc' },
      });
      if (!row) return undefined;
      if (row.nextAttemptAt.getTime() > Date.now()) return row.nextAttemptAt;
      const messenger = this.messengers.get(row.platform);
      if (!messenger) {
        await this.#finish(row.id, 'failed', `${row.platform} is not configured`);
        continue;
      }
      const chatId = this.pii.decrypt(row.chatIdEnc);
      try {
        await messenger.send(chatId, outMessageSchema.parse(this.pii.decryptJson(row.payloadEnc)));
        await this.db.outboundMessage.update({ where: { id: row.id }, data: { status: 'sent', sentAt: new Date() } });
        this.metrics.messagesSent.inc({ platform: row.platform, outcome: 'sent' });
        continue;
      } catch (err) {
        const e = err instanceof SendError ? err : new SendError('transient', String(err));
        this.metrics.messagesSent.inc({ platform: row.platform, outcome: e.reason });
        if (e.reason === 'blocked' || e.reason === 'rejected') {
          this.log.warn({ platform: row.platform, reason: e.reason, error: e.message }, 'message not deliverable');
          await this.#finish(row.id, 'failed', e.message);
          if (e.reason === 'blocked') await this.#markBlocked(row.platform, chatId);
          continue;
        }
        const attempts = e.reason === 'rate_limited' ? row.attempts : row.attempts + 1;
        if (attempts >= MAX_SEND_ATTEMPTS) {
          await this.#finish(row.id, 'failed', e.message);
          continue;
        }
        const nextAttemptAt = new Date(Date.now() + (e.retryAfterMs ?? backoffMs(attempts)));
        await this.db.outboundMessage.update({
          where: { id: row.id },
          data: { attempts, lastError: e.message.slice(0, 500), nextAttemptAt },
        });
        return nextAttemptAt;
      }
    }
  }

  #finish(id: bigint, status: 'failed', error: string) {
    return this.db.outboundMessage.update({ where: { id }, data: { status, lastError: error.slice(0, 500) } });
  }

  /** A private chat's id is its person's id on both messengers. */
  #markBlocked(platform: Platform, chatId: string) {
    return this.db.identity.updateMany({
      where: { platform, platformIdHash: identityHash(this.pii, platform, chatId), blockedAt: null },
      data: { blockedAt: new Date() },
    });
  }
}
