import type { Redis } from 'ioredis';
import { chatKeyOf } from '../core/keys.ts';
import type { Incoming } from '../core/messages.ts';
import type { I18n } from '../i18n/index.ts';
import type { Logger } from '../logger.ts';
import type { Messenger } from '../platforms/types.ts';
import type { Pii } from '../security/pii.ts';

/** One notice per chat per minute, however often the platform retries. */
const QUIET_SECONDS = 60;

/** Remembers that something happened, for a while: `first` is true once per key per quiet period. */
export interface QuietPeriods {
  first(key: string, seconds: number): Promise<boolean>;
}

export class RedisQuietPeriods implements QuietPeriods {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  async first(key: string, seconds: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:${key}`, '1', 'EX', seconds, 'NX')) === 'OK';
  }
}

/**
 * The PostgreSQL-only mode's: in this process's memory, since the notice is for the moments PostgreSQL is
 * away. Each web process then tells a person at most once per period (with Redis: once in all).
 */
export class MemoryQuietPeriods implements QuietPeriods {
  readonly #until = new Map<string, number>();

  async first(key: string, seconds: number): Promise<boolean> {
    const now = Date.now();
    for (const [k, until] of this.#until) if (until <= now) this.#until.delete(k);
    if (this.#until.has(key)) return false;
    this.#until.set(key, now + seconds * 1000);
    return true;
  }
}

/**
 * When an update cannot be stored (PostgreSQL away), the person is told at once,
 * straight through the messenger, that nothing was recorded and to try again;
 * the platform's own retry is handled normally once storage is back.
 */
export class UnavailableNotice {
  constructor(
    readonly quiet: QuietPeriods,
    readonly pii: Pii,
    readonly i18n: I18n,
    readonly log: Logger,
  ) {}

  async tell(messenger: Messenger, incoming: Incoming): Promise<void> {
    if (incoming.chatType !== 'private' || (incoming.kind !== 'message' && incoming.kind !== 'choice')) return;
    try {
      const key = `unavailable-notice:${chatKeyOf(this.pii, incoming.platform, incoming.chatId)}`;
      if (!(await this.quiet.first(key, QUIET_SECONDS))) return;
      await messenger.send(incoming.chatId, { text: this.i18n.t(this.i18n.defaultLocale, 'error-retry') });
    } catch (err) {
      this.log.warn({ err, platform: incoming.platform }, 'could not tell the person to retry');
    }
  }
}
