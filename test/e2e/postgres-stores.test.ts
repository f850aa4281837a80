import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queuePool } from '../../src/queues/backend.ts';
import { Pacer } from '../../src/queues/pacer.ts';
import { PostgresLeases, PostgresPaceStore } from '../../src/queues/postgres-stores.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';

// The PostgreSQL-only mode's pacing and leases, from two pools as two processes would use them.
let database: TestDatabase;
let pools: pg.Pool[];
beforeAll(async () => {
  database = await ownDatabase();
  // As the service's pools (queuePool): the end of the database at the file's end is no error of the test's.
  pools = [0, 1].map(() => queuePool({ DATABASE_URL: database.url, DB_STATEMENT_TIMEOUT_MS: 15_000 }, 4));
  for (const pool of pools) pool.on('error', () => undefined);
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await database?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a lease is taken once, renewed by its holder only, and taken over once it expired', async () => {
  const [a, b] = pools.map((p) => new PostgresLeases(p));
  const key = `chat-lock:${randomUUID()}`;
  expect(await a!.take(key, 'one', 300)).toBe(true);
  expect(await b!.take(key, 'two', 300)).toBe(false);
  await b!.extend(key, 'two', 10_000); // not its lease: nothing changes
  await b!.drop(key, 'two');
  expect(await b!.take(key, 'two', 300)).toBe(false);
  await sleep(350);
  expect(await b!.take(key, 'two', 300)).toBe(true);
  await b!.drop(key, 'two');
  expect(await a!.take(key, 'three', 300)).toBe(true);
});

it('two processes never send more than the limit in any sliding second, and a hold stops both', async () => {
  const limit = 10;
  const pacers = pools.map((p) => new Pacer(new PostgresPaceStore(p), 'test', limit));
  const sentAt: number[] = [];
  const send = async () => {
    sentAt.push(performance.now());
    await sleep(5);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 30 }, (_, n) => pacers[n % 2]!.run(send)));
  sentAt.sort((x, y) => x - y);
  for (let i = 0; i + limit < sentAt.length; i++) expect(sentAt[i + limit]! - sentAt[i]!).toBeGreaterThanOrEqual(1000);
  // 30 sends at 10 per second: the first 10 at once, the last after two full windows.
  expect(performance.now() - started).toBeGreaterThanOrEqual(2000);

  await pacers[0]!.hold(2500);
  const held = performance.now();
  await pacers[1]!.run(send);
  expect(performance.now() - held).toBeGreaterThanOrEqual(2400);
}, 20_000);
