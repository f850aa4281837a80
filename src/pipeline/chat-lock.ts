import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  release(): Promise<void>;
}

/**
 * One drainer per chat across all processes, so a chat's updates are handled
 * in order. The lease is renewed while held; if its process dies, the chat
 * waits at most one lease before another process takes it over.
 */
export class ChatLocks {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
    readonly leaseMs = 10_000,
  ) {}

  async acquire(chatKey: string): Promise<HeldLock | null> {
    const key = `${this.prefix}:chat-lock:${chatKey}`;
    const token = randomUUID();
    const ok = await this.redis.set(key, token, 'PX', this.leaseMs, 'NX');
    if (ok !== 'OK') return null;
    const renew = setInterval(() => {
      this.redis.eval(EXTEND, 1, key, token, this.leaseMs).catch(() => undefined);
    }, this.leaseMs / 3);
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await this.redis.eval(RELEASE, 1, key, token);
      },
    };
  }
}
