import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/db/migrate.ts';
import { databaseUrl, serverUrl } from '../support/database.ts';

const name = `antq_migrate_${Date.now()}`;
const url = databaseUrl(name);

async function query(sql: string, target = url) {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(() => query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, serverUrl.toString()));

describe('offline migrations', () => {
  it('create the database, apply once, then find nothing pending', async () => {
    const first = await applyMigrations(url);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^\d{14}_init$/);
    expect(await applyMigrations(url)).toEqual([]);
    const applied = await query(`SELECT migration_name, finished_at IS NOT NULL AS done FROM _prisma_migrations`);
    expect(applied).toEqual([{ migration_name: first[0], done: true }]);
    const tables = (await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map(
      (r) => r.tablename,
    );
    expect(tables).toEqual(
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
  });
});
