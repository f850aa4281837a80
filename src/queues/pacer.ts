import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const WINDOW_MS = 1000;
/**
 * A finished send keeps counting this much longer than the window: room for the
 * platform stamping arrivals on a clock of its own (coarser, or drifting from Redis's).
 */
const GUARD_MS = 5;
/** A holder that stopped renewing its slot (its process died) stops counting after this long. */
const MAX_HOLD_MS = 30_000;
/** A send still waiting for its answer renews its slot this often, so a slow answer never lapses it. */
const RENEW_MS = MAX_HOLD_MS / 3;

/*
 * An exact sliding-window pacer shared by every process through Redis (or, alike, PostgreSQL: PaceStore).
 *
 * A send takes a slot before its request leaves and gives it back when the
 * answer is in; the slot keeps counting for a full window (plus a guard) after
 * that. The platform sees the request at some moment between the two, so no
 * window of its clock holds more than `limit` requests.
 *
 * Why event-loop delays cannot break this: both ends of a slot are stamped by
 * Redis, with its own clock, when the acquire and release scripts run. The
 * acquire runs before the request can leave and the release only after its answer
 * was read, so however long this process stalls in between (before sending, after
 * the answer, in a timer), the bracket only widens: it costs throughput, never
 * the limit. No process clock takes part, so processes on machines with unsynced
 * clocks share one window. Stamps are whole microseconds: with milliseconds,
 * flooring both ends lost up to 1 ms, more than a local request's round trip,
 * and a slot could end before the platform's window around its request did (the
 * one 429 the pacing test once saw).
 *
 * A request in flight keeps its slot for as long as its answer takes (HTTP
 * clients wait minutes): the holder renews it every RENEW_MS. Only a holder that
 * stopped renewing (its process died, or stalled for more than MAX_HOLD_MS) lapses.
 *
 * KEYS: in-flight zset, finished zset, hold key, chat key.
 * ARGV: limit, window µs, token, chat gap ms, max hold µs.
 * Returns 0 when the slot is taken, otherwise milliseconds to wait.
 */
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local held = redis.call('PTTL', KEYS[3])
if held > 0 then return held end
if ARGV[4] ~= '0' then
  local gap = redis.call('PTTL', KEYS[4])
  if gap > 0 then return gap end
end
local window = tonumber(ARGV[2])
local maxHold = tonumber(ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - maxHold)
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], math.ceil(maxHold / 1000))
  if ARGV[4] ~= '0' then redis.call('SET', KEYS[4], '1', 'PX', ARGV[4]) end
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
if oldest[2] then return math.max(1, math.ceil((tonumber(oldest[2]) + window - now) / 1000)) end
return 5
`;

/* KEYS: in-flight zset. ARGV: token, max hold µs. A slot that already lapsed is not brought back. */
const RENEW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2]) / 1000))
return 1
`;

/* KEYS: in-flight zset, finished zset, chat key. ARGV: token, window µs, chat gap ms. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('PEXPIRE', KEYS[2], math.ceil(tonumber(ARGV[2]) / 1000) * 2)
if ARGV[3] ~= '0' then redis.call('SET', KEYS[3], '1', 'PX', ARGV[3]) end
return 1
`;

type PacedRedis = Redis & {
  paceAcquire(...args: Array<string | number>): Promise<number>;
  paceRenew(...args: Array<string | number>): Promise<number>;
  paceRelease(...args: Array<string | number>): Promise<number>;
};

function paced(redis: Redis): PacedRedis {
  const r = redis as PacedRedis;
  if (typeof r.paceAcquire !== 'function') {
    redis.defineCommand('paceAcquire', { numberOfKeys: 4, lua: ACQUIRE });
    redis.defineCommand('paceRenew', { numberOfKeys: 1, lua: RENEW });
    redis.defineCommand('paceRelease', { numberOfKeys: 3, lua: RELEASE });
  }
  return r;
}

/** One slot asked for: the window and the longest hold are in microseconds. */
export interface SlotRequest {
  platform: string;
  limit: number;
  token: string;
  /** The chat's key ('-' for none) and the gap kept after a message to it (0: none). */
  chat: string;
  gapMs: number;
  windowUs: number;
  maxHoldUs: number;
}

/** Where the slots live, shared by every process: Redis (scripts above) or PostgreSQL (pace-postgres.ts). */
export interface PaceStore {
  /** 0 when the slot is taken, otherwise milliseconds to wait. Atomic, stamped by the store's clock. */
  acquire(r: SlotRequest): Promise<number>;
  /** Keeps an in-flight slot counting; a slot that already lapsed stays lapsed. */
  renew(r: SlotRequest): Promise<void>;
  /** The answer is in: the slot counts one more window from now, and the chat's gap starts. */
  release(r: SlotRequest): Promise<void>;
  /** Nobody sends on the platform for `ms`. */
  hold(platform: string, ms: number): Promise<void>;
}

export class RedisPaceStore implements PaceStore {
  readonly #redis: PacedRedis;

  constructor(
    redis: Redis,
    readonly prefix: string,
  ) {
    this.#redis = paced(redis);
  }

  #keys(platform: string, chat: string) {
    const base = `${this.prefix}:pace:${platform}`;
    return { inflight: `${base}:inflight`, done: `${base}:done`, hold: `${base}:hold`, chat: `${base}:chat:${chat}` };
  }

  acquire(r: SlotRequest): Promise<number> {
    const k = this.#keys(r.platform, r.chat);
    return this.#redis.paceAcquire(
      k.inflight,
      k.done,
      k.hold,
      k.chat,
      r.limit,
      r.windowUs,
      r.token,
      r.gapMs,
      r.maxHoldUs,
    );
  }

  async renew(r: SlotRequest): Promise<void> {
    await this.#redis.paceRenew(this.#keys(r.platform, r.chat).inflight, r.token, r.maxHoldUs);
  }

  async release(r: SlotRequest): Promise<void> {
    const k = this.#keys(r.platform, r.chat);
    await this.#redis.paceRelease(k.inflight, k.done, k.chat, r.token, r.windowUs, r.gapMs);
  }

  async hold(platform: string, ms: number): Promise<void> {
    await this.#redis.set(this.#keys(platform, '-').hold, '1', 'PX', Math.max(1, Math.ceil(ms)));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const US = 1000;

export interface PaceOptions {
  /** Keeps this long between the answer to one message to the chat and the next one (keyed hash of the chat). */
  chat?: { key: string; gapMs: number };
}

/** Paces one platform's sends: at most `limit` in any sliding second, across processes. */
export class Pacer {
  constructor(
    readonly store: PaceStore,
    readonly platform: string,
    /** Messages per second; 0 turns pacing off. */
    readonly limit: number,
  ) {}

  /** Runs `send` inside a slot. */
  async run<T>(send: () => Promise<T>, opts: PaceOptions = {}): Promise<T> {
    if (!this.limit) return send();
    const slot: SlotRequest = {
      platform: this.platform,
      limit: this.limit,
      token: randomUUID(),
      chat: opts.chat?.key ?? '-',
      gapMs: opts.chat?.gapMs ?? 0,
      windowUs: (WINDOW_MS + GUARD_MS) * US,
      maxHoldUs: MAX_HOLD_MS * US,
    };
    for (;;) {
      const wait = await this.store.acquire(slot);
      if (wait === 0) break;
      await sleep(wait);
    }
    const renew = setInterval(() => {
      this.store.renew(slot).catch(() => undefined);
    }, RENEW_MS);
    try {
      return await send();
    } finally {
      clearInterval(renew);
      // The send happened either way: a lost release only costs the slot until MAX_HOLD_MS.
      await this.store.release(slot).catch(() => undefined);
    }
  }

  /** The platform said "too many": nobody sends for `ms`. */
  async hold(ms: number): Promise<void> {
    await this.store.hold(this.platform, ms);
  }
}
