import {
  createRedisBackend,
  PostgresConnection,
  PostgresQueueBackend,
  runMigrations,
  type BackendFactory,
  type ConnectionOptions,
  type PgPool,
  type PgQueryable,
  type PostgresConnectionOptions,
  type RedisQueueBackend,
} from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DEFAULT_REDIS_URL, queueBackendOf, type Config, type QueueBackendKind } from '../config.ts';
import type { Logger } from '../logger.ts';
import { RedisLeases, type Leases } from '../pipeline/chat-lock.ts';
import { MemoryQuietPeriods, RedisQuietPeriods, type QuietPeriods } from '../pipeline/unavailable-notice.ts';
import { Pacer, RedisPaceStore, type PaceStore } from './pacer.ts';
import { PostgresLeases, PostgresPaceStore } from './postgres-stores.ts';

/**
 * What a BullMQ Queue or Worker is built with: its options' connection (and prefix), and the backend factory.
 * Typed as Redis's whatever the backend, so the queues keep BullMQ's default types: both backends implement
 * the same IQueueBackend.
 */
export interface BullConnection {
  opts: { connection: ConnectionOptions; prefix?: string };
  factory: BackendFactory<RedisQueueBackend, ConnectionOptions>;
}

/** Everything of the service that lives outside the ledger: the queues, the pacing, the chat leases. */
export interface QueueBackend {
  readonly kind: QueueBackendKind;
  /** For producers: they fail fast when the store is away (the sweeper and reconciler recover). */
  readonly producer: BullConnection;
  /** For workers: they wait for the store to come back. */
  worker(): BullConnection;
  pacer(platform: string, limit: number): Pacer;
  readonly leases: Leases;
  readonly quiet: QuietPeriods;
  /** Resolves when the store answers (/readyz). */
  ping(): Promise<unknown>;
  /** Resolves once the store can take work; rejects when it cannot be reached in time (the CLI's kick). */
  ready(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connections per process in the PostgreSQL-only mode, at most 20 in all: the ledger's pool, BullMQ's pool
 * (its one LISTEN connection included), the pacing and leases' pool, and 2 for the tip-arrivals listener and
 * the watchdog's probe. Pacing has a pool of its own because BullMQ's queries wait for a lock per queue while
 * holding their connection: sharing one, a busy queue held back the release of send slots, and each slot held
 * longer meant fewer sends per second.
 */
export const POSTGRES_MODE_POOLS = { db: 7, queues: 8, stores: 3 } as const;

/** BullMQ's tables live in their own schema; ours (PaceSlot, Lease) stay in public. */
const BULLMQ_SCHEMA = 'bullmq';
export const QUEUE_SEARCH_PATH = `${BULLMQ_SCHEMA},public`;

/** A pool of the PostgreSQL-only mode's queue side, on the database itself. */
export function queuePool(config: Pick<Config, 'DATABASE_URL' | 'DB_STATEMENT_TIMEOUT_MS'>, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.DATABASE_URL,
    max,
    connectionTimeoutMillis: 3000,
    statement_timeout: config.DB_STATEMENT_TIMEOUT_MS,
    keepAlive: true,
    // BullMQ's SQL names its tables unqualified; the search path finds them.
    options: `-c search_path=${QUEUE_SEARCH_PATH}`,
  });
  // A connection the server ends while it is checked out between two queries has no pool listener: its error
  // would go unheard and end the process. The query in flight fails on its own; the pool's listener logs the rest.
  pool.on('connect', (client) => client.on('error', (err) => pool.emit('error', err, client)));
  return pool;
}

/**
 * Opens the backend QUEUE_BACKEND names. `pool` (PostgreSQL only) is any `pg.Pool`-shaped object whose sessions
 * have `search_path` = QUEUE_SEARCH_PATH, for BullMQ and the pacing alike (embedded mode passes its own, left
 * open); by default two are made from DATABASE_URL (POSTGRES_MODE_POOLS), and closed with the backend.
 */
export async function openQueueBackend(
  config: Pick<Config, 'DATABASE_URL' | 'DB_STATEMENT_TIMEOUT_MS' | 'QUEUE_BACKEND' | 'REDIS_URL' | 'REDIS_PREFIX'>,
  log: Logger,
  pool?: PgPool,
): Promise<QueueBackend> {
  return queueBackendOf(config) === 'postgres'
    ? openPostgresBackend(
        pool
          ? { queues: pool, stores: pool, owned: false }
          : {
              queues: queuePool(config, POSTGRES_MODE_POOLS.queues),
              stores: queuePool(config, POSTGRES_MODE_POOLS.stores),
              owned: true,
            },
        log,
      )
    : openRedisBackend(config.REDIS_URL ?? DEFAULT_REDIS_URL, config.REDIS_PREFIX, log);
}

function openRedisBackend(url: string, prefix: string, log: Logger): QueueBackend {
  const producer = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  producer.on('error', (err) => log.warn({ err }, 'redis (queue) error'));
  let blocking: Redis | undefined;
  const bull = (connection: Redis): BullConnection => ({
    opts: { connection, prefix },
    factory: createRedisBackend,
  });
  return {
    kind: 'redis',
    producer: bull(producer),
    worker() {
      // Workers block on Redis (maxRetriesPerRequest: null) instead of failing fast like the producers.
      if (!blocking) {
        blocking = new Redis(url, { maxRetriesPerRequest: null });
        blocking.on('error', (err) => log.warn({ err }, 'redis (worker) error'));
      }
      return bull(blocking);
    },
    pacer: (platform, limit) => new Pacer(new RedisPaceStore(producer, prefix), platform, limit),
    leases: new RedisLeases(producer, prefix),
    quiet: new RedisQuietPeriods(producer, prefix),
    ping: () => producer.ping(),
    ready: (timeoutMs) => redisReady(producer, timeoutMs),
    async close() {
      blocking?.disconnect();
      producer.disconnect();
    },
  };
}

/**
 * Every Queue and Worker of the process on one PostgresConnection, hence one pool and one LISTEN connection
 * (BullMQ's own factory gives each its own: 62 connections for 5 queues and their workers, measured). Closing
 * a queue or worker only ends its own waits; the connection closes with the backend.
 */
function sharedConnectionFactory(connection: PostgresConnection): BackendFactory<PostgresQueueBackend, PgPool> {
  const view = new Proxy(connection, {
    get(target, prop) {
      if (prop === 'close' || prop === 'disconnect') return async () => undefined;
      if (prop === 'getListenClient') return async () => oneQueryAtATime(await target.getListenClient());
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  // BullMQ names a worker's LISTEN connection after its queue (how getWorkers finds workers): one connection
  // shared by all cannot carry every name, so none is set (Bull Board then lists no workers).
  return (name, opts) => {
    const backend = new PostgresQueueBackend(view, name, opts as never, true);
    // A closed queue or worker must stop waiting on the shared LISTEN connection at once.
    const close = backend.close.bind(backend);
    backend.close = async () => {
      await backend.disconnectBlocking();
      await close();
    };
    return backend;
  };
}

const serialized = new WeakMap<object, object>();

/**
 * The shared LISTEN client, its queries one after another: every worker issues its LISTEN on it, and pg
 * deprecates (pg 9 drops) a query sent while another is running on the same client.
 */
function oneQueryAtATime<C extends PgQueryable>(client: C): C {
  const known = serialized.get(client);
  if (known) return known as C;
  let last: Promise<unknown> = Promise.resolve();
  const wrapped = new Proxy(client, {
    get(target, prop) {
      if (prop === 'query')
        return (text: string, params?: readonly unknown[]) => {
          const run = last.then(() => target.query(text, params));
          last = run.catch(() => undefined);
          return run;
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  serialized.set(client, wrapped);
  return wrapped;
}

async function openPostgresBackend(
  { queues: pool, stores, owned }: { queues: PgPool; stores: PgPool; owned: boolean },
  log: Logger,
): Promise<QueueBackend> {
  pool.on('error', (err) => log.warn({ err }, 'postgres (queues) error'));
  if (stores !== pool) stores.on('error', (err) => log.warn({ err }, 'postgres (pacing) error'));
  // BullMQ's schema, created or brought up to date (idempotent, one process at a time under its advisory lock).
  const session = await pool.connect();
  try {
    await runMigrations(session, BULLMQ_SCHEMA);
  } finally {
    session.release();
  }
  const connection = new PostgresConnection(pool as PostgresConnectionOptions);
  connection.setMaxListeners(0);
  connection.on('error', (err) => log.warn({ err }, 'postgres (queue listener) error'));
  const bull: BullConnection = {
    opts: { connection: pool as unknown as ConnectionOptions },
    factory: sharedConnectionFactory(connection) as unknown as BullConnection['factory'],
  };
  const paceStore: PaceStore = new PostgresPaceStore(stores);
  return {
    kind: 'postgres',
    producer: bull,
    worker: () => bull,
    pacer: (platform, limit) => new Pacer(paceStore, platform, limit),
    leases: new PostgresLeases(stores),
    quiet: new MemoryQuietPeriods(),
    ping: () => pool.query('SELECT 1'),
    // Opening it already reached the database (its migrations ran).
    ready: async () => undefined,
    async close() {
      await connection.close();
      if (owned) await Promise.all([pool.end(), stores.end()]);
    },
  };
}

/** Waits until the client is ready, or rejects when Redis cannot be reached in time. */
async function redisReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  if (redis.status === 'wait') return void (await redis.connect());
  await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady).off('error', done).off('end', onEnd);
      if (err) reject(err);
      else resolve();
    };
    const onReady = () => done();
    const onEnd = () => done(new Error('Redis connection closed'));
    const timer = setTimeout(() => done(new Error(`Redis not ready within ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', onReady).once('error', done).once('end', onEnd);
  });
}
