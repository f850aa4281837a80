import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** Named leases shared by every process: Redis keys, or rows in PostgreSQL (queues/postgres-stores.ts). */
export interface Leases {
  /** Takes the lease when nobody holds it (or its holder's lease expired); atomic. */
  take(key: string, token: string, ms: number): Promise<boolean>;
  /** Renews it, if `token` still holds it. */
  extend(key: string, token: string, ms: number): Promise<void>;
  /** Gives it back, if `token` still holds it. */
  drop(key: string, token: string): Promise<void>;
}

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export class RedisLeases implements Leases {
  constructor(
    readonly redis: Redis,
    readonly prefix: string,
  ) {}

  async take(key: string, token: string, ms: number): Promise<boolean> {
    return (await this.redis.set(`${this.prefix}:${key}`, token, 'PX', ms, 'NX')) === 'OK';
  }

  async extend(key: string, token: string, ms: number): Promise<void> {
    await this.redis.eval(EXTEND, 1, `${this.prefix}:${key}`, token, ms);
  }

  async drop(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.prefix}:${key}`, token);
  }
}

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
    readonly leases: Leases,
    readonly leaseMs = 10_000,
  ) {}

  async acquire(chatKey: string): Promise<HeldLock | null> {
    const key = `chat-lock:${chatKey}`;
    const token = randomUUID();
    if (!(await this.leases.take(key, token, this.leaseMs))) return null;
    const renew = setInterval(() => {
      this.leases.extend(key, token, this.leaseMs).catch(() => undefined);
    }, this.leaseMs / 3);
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        await this.leases.drop(key, token);
      },
    };
  }
}
