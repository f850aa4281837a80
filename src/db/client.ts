import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;

/** Bounds on every PostgreSQL connection, so a silent server cannot hold one forever. */
export interface DbLimits {
  statementTimeoutMs: number;
  queryTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  keepAliveDelayMs: number;
}

export const DEFAULT_DB_LIMITS: DbLimits = {
  statementTimeoutMs: 15_000,
  queryTimeoutMs: 20_000,
  idleInTransactionTimeoutMs: 30_000,
  keepAliveDelayMs: 10_000,
};

export interface DbOptions {
  max?: number;
  limits?: DbLimits;
}

function poolConfig(databaseUrl: string, options: DbOptions): pg.PoolConfig {
  const limits = options.limits ?? DEFAULT_DB_LIMITS;
  return {
    connectionString: databaseUrl,
    max: options.max ?? 10,
    // Fail fast when PostgreSQL is unreachable, so a webhook answers non-2xx
    // instead of hanging until the platform's own timeout.
    connectionTimeoutMillis: 3000,
    // The server's side: a runaway statement is cancelled, a session idle in a transaction (its client
    // gone silent) is ended and its locks freed.
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
    // The client's side: an answer that never comes fails the query, and the connection is dropped.
    query_timeout: limits.queryTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: limits.keepAliveDelayMs,
  };
}

/**
 * A pool that never takes back a connection still inside a transaction: Prisma releases a transaction's
 * connection after its ROLLBACK even when that ROLLBACK timed out, and such a connection (its answer
 * still awaited) would stall every query given to it next. `onCompleted` hears of every piece of work
 * the pool finished cleanly.
 */
function guardedPool(config: pg.PoolConfig, onCompleted?: () => void): pg.Pool {
  const pool = new pg.Pool(config);
  pool.on('release', (err: Error | undefined, client: pg.PoolClient) => {
    if (err) return;
    // Ending it here marks it ending, so the pool removes it instead of keeping it idle.
    if (client.getTransactionStatus() !== 'I') void client.end().catch(() => undefined);
    else onCompleted?.();
  });
  return pool;
}

function prismaOn(pool: pg.Pool): Db {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
}

export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  return prismaOn(guardedPool(poolConfig(databaseUrl, options)));
}

/** One Db shared by every part of the service, whose pool can be replaced under them. */
export interface DbHandle {
  readonly db: Db;
  /** When a pool of this handle last finished a query or transaction cleanly (ms since the epoch). */
  lastCompletedAt(): number;
  /** Swaps in a fresh client and pool; the old one is closed once its in-flight queries end. */
  renew(): void;
  /** Whether a connection opened just now completes a trivial query. */
  freshConnectionWorks(): Promise<boolean>;
}

export function openDb(databaseUrl: string, options: DbOptions = {}, onOldClosed?: (err?: unknown) => void): DbHandle {
  let lastCompleted = Date.now();
  const fresh = () => prismaOn(guardedPool(poolConfig(databaseUrl, options), () => (lastCompleted = Date.now())));
  let current = fresh();
  // Every holder keeps this proxy; each access goes to the client of the moment.
  const db = new Proxy(current, {
    get(_target, prop) {
      const value: unknown = Reflect.get(current, prop, current);
      return typeof value === 'function' ? value.bind(current) : value;
    },
  });
  return {
    db,
    lastCompletedAt: () => lastCompleted,
    renew() {
      const old = current;
      current = fresh();
      old.$disconnect().then(
        () => onOldClosed?.(),
        (err: unknown) => onOldClosed?.(err),
      );
    },
    async freshConnectionWorks() {
      const config = poolConfig(databaseUrl, options);
      const client = new pg.Client({ ...config, query_timeout: config.connectionTimeoutMillis });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('SELECT 1');
        return true;
      } catch {
        return false;
      } finally {
        void client.end().catch(() => undefined);
      }
    },
  };
}
