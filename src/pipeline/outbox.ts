import type { Envelope } from '../core/context.ts';
import { chatKeyOf } from '../core/keys.ts';
import { outMessageSchema, type Platform } from '../core/messages.ts';
import { identityHash } from '../core/people.ts';
import type { Tx } from '../core/tx.ts';
import { waitsForNextMessage, type WindowSettings } from '../core/window.ts';
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

/**
 * The person wrote again: what was held for them goes back to pending, in its original order, ahead of the answer
 * to what they just wrote (its rows are newer). Returns how many rows were released.
 */
export async function releaseHeld(tx: Tx, chatKey: string): Promise<number> {
  const { count } = await tx.outboundMessage.updateMany({
    where: { chatKey, status: 'held' },
    data: { status: 'pending', nextAttemptAt: new Date() },
  });
  return count;
}

/**
 * Sends a chat's messages in order; stops at the first that must wait. A message to a person whose platform
 * window has passed (known before, or refused at send time) is held with everything after it in the chat,
 * until the person writes again (releaseHeld); the sweeper does not retry held rows.
 */
export class OutboxSender {
  constructor(
    readonly db: Db,
    readonly pii: Pii,
    readonly messengers: ReadonlyMap<Platform, Messenger>,
    readonly log: Logger,
    readonly metrics: Metrics,
    readonly windows: WindowSettings,
    /** Asks for a drain of another chat (the officer told of a held message); the sweeper is the backstop. */
    readonly enqueue: (chatKey: string) => Promise<void> = async () => undefined,
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
      // The rows are one chat's: if the first has to wait for the person, so does everything after it.
      if (rows[0] && (await this.#waitsForPerson(rows[0]))) {
        await this.#hold(rows);
        return undefined;
      }
      for (const [i, row] of rows.entries()) {
        if (row.nextAttemptAt.getTime() > Date.now()) return row.nextAttemptAt;
        const waitUntil = await this.#sendOne(row);
        if (waitUntil === 'held') {
          await this.#hold(rows.slice(i));
          return undefined;
        }
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

  /** undefined: sent; null: given up (recorded); a date: must wait until then (recorded); 'held': to hold. */
  async #sendOne(row: OutboundMessage): Promise<Date | null | undefined | 'held'> {
    const messenger = this.messengers.get(row.platform);
    if (!messenger) {
      await this.#fail(row.id, `${row.platform} is not configured`);
      return null;
    }
    const chatId = this.pii.decrypt(row.chatIdEnc);
    const send = () => messenger.send(chatId, outMessageSchema.parse(this.pii.decryptJson(row.payloadEnc)));
    const verdict = await judgeSend(send, row.attempts, OUTBOX_POLICY);
    // A refusal for the window is counted once, as 'held', by #hold.
    if (verdict.kind !== 'outside-window')
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
        await this.db.outboundMessage.update({
          where: { id: row.id },
          data: { lastError: verdict.failure.message.slice(0, 500) },
        });
        return 'held';
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

  /** Whether the chat's person is known to be outside their window, or an earlier message to them waits. */
  async #waitsForPerson(row: OutboundMessage): Promise<boolean> {
    const to = { platform: row.platform, chatId: this.pii.decrypt(row.chatIdEnc) };
    return waitsForNextMessage(this.db, this.pii, this.windows, to);
  }

  /** Holds the rows for the person's next message; whoever asked to be told of a hold is told, in one transaction. */
  async #hold(rows: OutboundMessage[]): Promise<void> {
    const notices = rows.flatMap((row): Envelope[] => {
      const { heldNotice } = outMessageSchema.parse(this.pii.decryptJson(row.payloadEnc));
      return heldNotice ? [{ to: heldNotice.to, message: { text: heldNotice.text } }] : [];
    });
    const written = await this.db.$transaction(async (tx) => {
      const { count } = await tx.outboundMessage.updateMany({
        where: { id: { in: rows.map((r) => r.id) }, status: 'pending' },
        data: { status: 'held', heldAt: new Date() },
      });
      // Rows another sender held first have told their officer already.
      return count ? writeOutbox(tx, this.pii, notices) : [];
    });
    this.metrics.messagesSent.inc({ platform: rows[0]!.platform, outcome: 'held' }, rows.length);
    this.log.info({ platform: rows[0]!.platform, held: rows.length }, 'messages held for the next interaction');
    for (const key of new Set(written.map((r) => r.chatKey))) await this.enqueue(key).catch(() => undefined);
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
