import type { Envelope } from '../core/context.ts';
import { chatKeyOf } from '../core/keys.ts';
import { outMessageSchema, type Platform } from '../core/messages.ts';
import { identityHash } from '../core/people.ts';
import type { Tx } from '../core/tx.ts';
import type { Db } from '../db/client.ts';
import type { OutboundMessage } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import { judgeSend, type SendPolicy } from '../platforms/send-policy.ts';
import type { Messenger } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';

/** Pending messages of one chat read at a time. */
const BATCH = 20;

/** 1 s, 2 s, 4 s ... up to 10 minutes. */
export function backoffMs(attempt: number): number {
  return Math.min(10 * 60_000, 500 * 2 ** attempt);
}

/** A reply is tried six times; a rate limit waits for its `retry_after` without using a try. */
const OUTBOX_POLICY: SendPolicy = { maxAttempts: 6, backoffMs };

/**
 * Writes messages in the handler's transaction: they exist exactly when the
 * change that caused them does. Returns the rows, in the order written.
 */
export async function writeOutbox(tx: Tx, pii: Pii, envelopes: Envelope[]): Promise<OutboundMessage[]> {
  if (!envelopes.length) return [];
  const rows = await tx.outboundMessage.createManyAndReturn({
    data: envelopes.map(({ to, message }) => ({
      platform: to.platform,
      chatKey: chatKeyOf(pii, to.platform, to.chatId),
      chatIdEnc: pii.encrypt(to.chatId),
      payloadEnc: pii.encryptJson(message),
    })),
  });
  return rows.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Sends a chat's messages in order; stops at the first that must wait. */
export class OutboxSender {
  constructor(
    readonly db: Db,
    readonly pii: Pii,
    readonly messengers: ReadonlyMap<Platform, Messenger>,
    readonly log: Logger,
    readonly metrics: Metrics,
  ) {}

  /** Sends what is pending for the chat; returns when the first message that has to wait is due. */
  async flushChat(chatKey: string): Promise<Date | undefined> {
    for (;;) {
      const rows = await this.db.outboundMessage.findMany({
        where: { chatKey, status: 'pending' },
        orderBy: { id: 'asc' },
        take: BATCH,
      });
      const waitUntil = await this.send(rows);
      if (waitUntil || rows.length < BATCH) return waitUntil;
    }
  }

  /**
   * Sends rows of one chat in order (the caller knows nothing older is pending).
   * Returns when the first row that has to wait is due, or undefined when all went.
   */
  async send(rows: OutboundMessage[]): Promise<Date | undefined> {
    const sent: bigint[] = [];
    try {
      for (const row of rows) {
        if (row.nextAttemptAt.getTime() > Date.now()) return row.nextAttemptAt;
        const waitUntil = await this.#sendOne(row);
        if (waitUntil) return waitUntil;
        if (waitUntil === undefined) sent.push(row.id);
      }
      return undefined;
    } finally {
      // One statement for the whole run of sent messages.
      if (sent.length) {
        await this.db.outboundMessage.updateMany({
          where: { id: { in: sent } },
          data: { status: 'sent', sentAt: new Date() },
        });
      }
    }
  }

  /** undefined: sent; null: given up (recorded); a date: must wait until then (recorded). */
  async #sendOne(row: OutboundMessage): Promise<Date | null | undefined> {
    const messenger = this.messengers.get(row.platform);
    if (!messenger) {
      await this.#fail(row.id, `${row.platform} is not configured`);
      return null;
    }
    const chatId = this.pii.decrypt(row.chatIdEnc);
    const send = () => messenger.send(chatId, outMessageSchema.parse(this.pii.decryptJson(row.payloadEnc)));
    const verdict = await judgeSend(send, row.attempts, OUTBOX_POLICY);
    this.metrics.messagesSent.inc({
      platform: row.platform,
      outcome: verdict.kind === 'sent' ? 'sent' : verdict.failure.reason,
    });
    switch (verdict.kind) {
      case 'sent':
        return undefined;
      case 'blocked':
      case 'rejected':
        this.log.warn(
          { platform: row.platform, reason: verdict.failure.reason, error: verdict.failure.message },
          'message not deliverable',
        );
        await this.#fail(row.id, verdict.failure.message);
        if (verdict.kind === 'blocked') await this.#markBlocked(row.platform, chatId);
        return null;
      case 'outside-window':
        // Keeping it for the person's next message is the window step (issue 14); until then it is given up.
        await this.#fail(row.id, verdict.failure.message);
        return null;
      case 'rate-limited':
      case 'out-of-quota':
      case 'retry': {
        const nextAttemptAt = verdict.kind === 'retry' ? verdict.at : verdict.until;
        await this.db.outboundMessage.update({
          where: { id: row.id },
          data: { attempts: verdict.tries, lastError: verdict.failure.message.slice(0, 500), nextAttemptAt },
        });
        return nextAttemptAt;
      }
    }
  }

  #fail(id: bigint, error: string) {
    return this.db.outboundMessage.update({
      where: { id },
      data: { status: 'failed', lastError: error.slice(0, 500) },
    });
  }

  /** A private chat's id is its person's id on both messengers. */
  #markBlocked(platform: Platform, chatId: string) {
    return this.db.identity.updateMany({
      where: { platform, platformIdHash: identityHash(this.pii, platform, chatId), blockedAt: null },
      data: { blockedAt: new Date() },
    });
  }
}
