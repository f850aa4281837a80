import type { Redis } from 'ioredis';
import { chatKeyOf } from '../core/keys.ts';
import type { Incoming } from '../core/messages.ts';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Messenger } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';

/** One notice per chat per minute, however often the platform retries. */
const QUIET_SECONDS = 60;

/**
 * When an update cannot be stored (PostgreSQL away), the person is told at once,
 * straight through the messenger, that nothing was recorded and to try again;
 * the platform's own retry is handled normally once storage is back.
 */
export class UnavailableNotice {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
    readonly pii: Pii,
    readonly i18n: I18n,
    readonly log: Logger,
  ) {}

  async tell(messenger: Messenger, incoming: Incoming): Promise<void> {
    if (incoming.chatType !== 'private' || (incoming.kind !== 'message' && incoming.kind !== 'choice')) return;
    try {
      const key = `${this.prefix}:unavailable-notice:${chatKeyOf(this.pii, incoming.platform, incoming.chatId)}`;
      if ((await this.redis.set(key, '1', 'EX', QUIET_SECONDS, 'NX')) !== 'OK') return;
      await messenger.send(incoming.chatId, { text: this.i18n.t(this.i18n.defaultLocale, 'error-retry') });
    } catch (err) {
      this.log.warn({ err, platform: incoming.platform }, 'could not tell the person to retry');
    }
  }
}
