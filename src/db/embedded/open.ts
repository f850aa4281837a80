import { existsSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../../generated/prisma/client.ts';
import type { Db, DbHandle } from '../client.ts';
import { ensureDataFolder, lockDataFolder, pgDataOf } from './data-folder.ts';

/** The embedded PostgreSQL of one data folder, held by this process alone. */
export interface EmbeddedDatabase {
  dir: string;
  pglite: PGlite;
  /** Whether this start created the database (initdb): a first start. */
  created: boolean;
  close(): Promise<void>;
}

/**
 * Takes the folder's lock (throws DataFolderLocked when another live process has it), then opens or
 * creates the PostgreSQL files under it.
 */
export async function openEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = ensureDataFolder(dataDir);
  const release = lockDataFolder(dir);
  try {
    const created = !existsSync(path.join(pgDataOf(dir), 'PG_VERSION'));
    const pglite = await PGlite.create({ dataDir: pgDataOf(dir) });
    return {
      dir,
      pglite,
      created,
      async close() {
        try {
          if (!pglite.closed) await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * Prisma on the embedded database. One instance serves everyone: an interactive `$transaction` holds it,
 * so inside one only `tx` may be awaited, never the outer client (that waits for the transaction: a deadlock).
 */
export function embeddedDb(pglite: PGlite): Db {
  // pglite-prisma-adapter brings its own (older) driver-adapter-utils types: the same interface.
  const adapter = new PrismaPGlite(pglite) as unknown as SqlDriverAdapterFactory;
  return new PrismaClient({ adapter });
}

/**
 * The DbHandle of the embedded database. There is no pool of connections to wedge and replace: the
 * one in-process instance is either answering or the whole process is stuck (which /healthz's progress shows).
 */
export function embeddedDbHandle(db: Db): DbHandle {
  return {
    db,
    lastCompletedAt: () => Date.now(),
    renew: () => undefined,
    freshConnectionWorks: async () => true,
  };
}
