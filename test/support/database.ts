import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { applyMigrations } from '../../src/db/migrate.ts';
import { importAreas } from '../../src/features/areas/import.ts';

/** The server tests create their databases on (DATABASE_URL's, else the local one). */
export const serverUrl = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<unknown>;
}

const uniqueName = (prefix: string) => `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
const dropper = (name: string) => () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

/** A copy of a migrated, area-filled template: every service under test gets a database of its own. */
export async function cloneDatabase(templateUrl: string, prefix = 'antq_t'): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return { name, url: databaseUrl(name), drop: dropper(name) };
}

export async function createTestDatabase(prefix: string, opts: { withAreas?: boolean } = {}): Promise<TestDatabase> {
  const name = uniqueName(prefix);
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = databaseUrl(name);
  await applyMigrations(url);
  if (opts.withAreas) {
    const db = createDb(url);
    await importAreas(db);
    await db.$disconnect();
  }
  return { name, url, drop: dropper(name) };
}
