import { readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.ts';

// A database of its own on DATABASE_URL's server (else the local one), created and dropped here.
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test');
const name = `antq_migrate_${Date.now()}_${randomBytes(3).toString('hex')}`;
const database = new URL(server);
database.pathname = `/${name}`;
const url = database.toString();

async function query(target: URL | string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => query(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

describe('applyMigrations', () => {
  it(
    'creates a missing database, applies the migrations once, then finds nothing pending',
    { timeout: 60_000 },
    async () => {
      expect(await query(server, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).toEqual([]);
      const first = await applyMigrations(url);
      const dirs = readdirSync('prisma/migrations')
        .filter((d) => /^\d{14}_/.test(d))
        .sort();
      expect(first).toEqual(dirs);
      expect(first[0]).toMatch(/_init$/);
      expect(await applyMigrations(url)).toEqual([]);

      const rows = await query(
        url,
        'SELECT migration_name, finished_at IS NOT NULL AS finished FROM _prisma_migrations',
      );
      expect(rows).toEqual(expect.arrayContaining(first.map((m) => ({ migration_name: m, finished: true }))));
      expect(rows).toHaveLength(first.length);

      const tables = await query(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      expect(tables.map((t) => t.tablename)).toEqual(
        expect.arrayContaining([
          'Area',
          'AreaAlias',
          'User',
          'Identity',
          'Conversation',
          'InboundUpdate',
          'OutboundMessage',
        ]),
      );
    },
  );
});
