import { chatKeyOf } from '../core/keys.ts';
import type { Incoming } from '../core/messages.ts';
import type { Db } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Pii } from '../security/pii.ts';

/** Asks for a drain of the chat (now, or after `delayMs`); repeated asks for a chat collapse into one. */
export type Enqueue = (chatKey: string, delayMs?: number) => Promise<void>;

/**
 * Takes an update durably: one row per platform update id (a retried webhook
 * finds it already there), encrypted, then a drain job for its chat. If Redis is
 * unavailable the row is still safe and the sweeper schedules it.
 */
export class Inbox {
  constructor(
    readonly db: Db,
    readonly pii: Pii,
    readonly enqueue: Enqueue,
    readonly log: Logger,
    readonly metrics: Metrics,
  ) {}

  async accept(incoming: Incoming): Promise<{ duplicate: boolean }> {
    const chatKey = chatKeyOf(this.pii, incoming.platform, incoming.chatId);
    const rows = await this.db.$queryRaw<Array<{ id: bigint }>>`
      INSERT INTO "InboundUpdate" ("platform", "updateKey", "chatKey", "seq", "payloadEnc")
      VALUES (${incoming.platform}::"Platform", ${incoming.updateKey}, ${chatKey}, ${BigInt(Math.trunc(incoming.seq))},
              ${this.pii.encryptJson(incoming)})
      ON CONFLICT ("platform", "updateKey") DO NOTHING
      RETURNING "id"`;
    const row = rows[0];
    if (!row) {
      this.metrics.updatesReceived.inc({ platform: incoming.platform, result: 'duplicate' });
      return { duplicate: true };
    }
    this.metrics.updatesReceived.inc({ platform: incoming.platform, result: 'accepted' });
    await this.enqueue(chatKey).catch((err) =>
      this.log.warn({ err }, 'drain job not queued; the sweeper will pick the update up'),
    );
    return { duplicate: false };
  }
}
