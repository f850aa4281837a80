import pg from 'pg';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { Lifecycle } from '../app/lifecycle.ts';
import { openDb, type DbHandle } from './client.ts';
import { embeddedDb, embeddedDbHandle, openEmbedded } from './embedded/open.ts';
import { EmbeddedPool } from './embedded/pool.ts';
import type { ListenConnection } from './listen.ts';
import { applyMigrations, applyMigrationsEmbedded } from './migrate.ts';

/** The service's PostgreSQL: a server (DATABASE_URL) or the embedded one of DATA_DIR. */
export interface Database {
  handle: DbHandle;
  /** A connection of its own for LISTEN (PgListener). */
  listenConnection: () => ListenConnection;
  /** Embedded only: the `pg.Pool`-shaped face of the instance, for node-postgres users (the queue backend). */
  embedded?: { dir: string; pool: EmbeddedPool; created: boolean };
}

/** Opens the database of the configuration (applying the pending migrations when asked); registers its close. */
export async function openDatabase(
  config: Config,
  log: Logger,
  opts: { migrate: boolean; /** the server pool's size */ max?: number },
  lifecycle: Lifecycle,
): Promise<Database> {
  const url = config.DATABASE_URL;
  if (url) {
    if (opts.migrate) {
      const applied = await applyMigrations(url);
      if (applied.length) log.info({ applied }, 'migrations applied');
    }
    const limits = {
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS,
      idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      keepAliveDelayMs: config.DB_KEEPALIVE_DELAY_MS,
    };
    const handle = openDb(url, { limits, max: opts.max }, (err) => {
      if (err) log.warn({ err }, 'replaced database pool did not close cleanly');
    });
    lifecycle.started('database', () => handle.db.$disconnect());
    return { handle, listenConnection: () => new pg.Client({ connectionString: url, keepAlive: true }) };
  }

  const started = Date.now();
  const embedded = await openEmbedded(config.DATA_DIR);
  lifecycle.started('embedded database', () => embedded.close());
  log.info(
    { dataDir: embedded.dir, created: embedded.created, ms: Date.now() - started },
    embedded.created ? 'embedded database created' : 'embedded database opened',
  );
  if (opts.migrate) {
    const applied = await applyMigrationsEmbedded(embedded.pglite);
    if (applied.length) log.info({ applied: applied.length }, 'migrations applied');
  }
  // One session for Prisma and the queues: BullMQ's SQL names its tables and functions unqualified (schema
  // bullmq), ours are in public, first (Prisma's own queries name their schema). After the migrations, which
  // create unqualified tables that must land in public.
  await embedded.pglite.exec('SET search_path TO public, bullmq');
  const db = embeddedDb(embedded.pglite);
  lifecycle.started('database', () => db.$disconnect());
  const pool = new EmbeddedPool(embedded.pglite, config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS);
  lifecycle.started('embedded pool', () => pool.end());
  return {
    handle: embeddedDbHandle(db),
    listenConnection: () => pool.client(),
    embedded: { dir: embedded.dir, pool, created: embedded.created },
  };
}
