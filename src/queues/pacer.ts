import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const WINDOW_MS = 1000;
/** A holder that never released (its process died) stops counting after this long. */
const MAX_HOLD_MS = 30_000;

/*
 * An exact sliding-window pacer shared by every process through Redis.
 * A send takes a slot before its request leaves and gives it back when the
 * answer is in; the slot keeps counting for a full window after that. The
 * platform sees each request at some moment between those two, so no window
 * of its clock can hold more than `limit` requests, whatever the network
 * jitter (BullMQ's own limiter counts fixed windows and lets bursts through).
 *
 * KEYS: in-flight zset, finished zset, hold key, chat key.
 * ARGV: limit, window, token, chat gap, max hold.
 * Returns 0 when the slot is taken, otherwise milliseconds to wait.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('PTTL', KEYS[3])
if held > 0 then return held end
if ARGV[4] ~= '0' then
  local gap = redis.call('PTTL', KEYS[4])
  if gap > 0 then return gap end
end
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[5]))
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[5])
  if ARGV[4] ~= '0' then redis.call('SET', KEYS[4], '1', 'PX', ARGV[5]) end
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if oldest[2] then return math.max(1, tonumber(oldest[2]) + window - now) end
return 5
`;

/* KEYS: in-flight zset, finished zset, chat key. ARGV: token, window, chat gap. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) * 2)
if ARGV[3] ~= '0' then redis.call('SET', KEYS[3], '1', 'PX', ARGV[3]) end
return 1
`;

type PacedRedis = Redis & {
  paceAcquire(...args: Array<string | number>): Promise<number>;
  paceRelease(...args: Array<string | number>): Promise<number>;
};

function paced(redis: Redis): PacedRedis {
  const r = redis as PacedRedis;
  if (typeof r.paceAcquire !== 'function') {
    redis.defineCommand('paceAcquire', { numberOfKeys: 4, lua: ACQUIRE });
    redis.defineCommand('paceRelease', { numberOfKeys: 3, lua: RELEASE });
  }
  return r;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PaceOptions {
  /** Keeps this long between the answer to one message to the chat and the next one (keyed hash of the chat). */
  chat?: { key: string; gapMs: number };
}

/** Paces one platform's sends: at most `limit` in any sliding second, across processes. */
export class Pacer {
  readonly #redis: PacedRedis;
  readonly #keys: { inflight: string; done: string; hold: string; chat: string };

  constructor(
    redis: Redis,
    prefix: string,
    readonly platform: string,
    /** Messages per second; 0 turns pacing off. */
    readonly limit: number,
  ) {
    this.#redis = paced(redis);
    const base = `${prefix}:pace:${platform}`;
    this.#keys = { inflight: `${base}:inflight`, done: `${base}:done`, hold: `${base}:hold`, chat: `${base}:chat:` };
  }

  /** Runs `send` inside a slot. */
  async run<T>(send: () => Promise<T>, opts: PaceOptions = {}): Promise<T> {
    if (!this.limit) return send();
    const token = randomUUID();
    const chatKey = this.#keys.chat + (opts.chat?.key ?? '-');
    const gap = opts.chat?.gapMs ?? 0;
    for (;;) {
      const wait = await this.#redis.paceAcquire(
        this.#keys.inflight,
        this.#keys.done,
        this.#keys.hold,
        chatKey,
        this.limit,
        WINDOW_MS,
        token,
        gap,
        MAX_HOLD_MS,
      );
      if (wait === 0) break;
      await sleep(wait);
    }
    try {
      return await send();
    } finally {
      // The send happened either way: a lost release only costs the slot until MAX_HOLD_MS.
      await this.#redis
        .paceRelease(this.#keys.inflight, this.#keys.done, chatKey, token, WINDOW_MS, gap)
        .catch(() => undefined);
    }
  }

  /** The platform said "too many": nobody sends for `ms`. */
  async hold(ms: number): Promise<void> {
    await this.#redis.set(this.#keys.hold, '1', 'PX', Math.max(1, Math.ceil(ms)));
  }
}
