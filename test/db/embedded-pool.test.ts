import { PGlite } from '@electric-sql/pglite';
import { createPostgresBackend, runMigrations, withBackend } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPool, type Notification } from '../../src/db/embedded/pool.ts';
import { PgListener } from '../../src/db/listen.ts';
import { createLogger } from '../../src/logger.ts';

// The pg.Pool-shaped face of an in-memory PGlite, as node-postgres users (BullMQ, PgListener) use it.
let pglite: PGlite;
let pool: EmbeddedPool;

beforeAll(async () => {
  pglite = await PGlite.create();
  pool = new EmbeddedPool(pglite);
  await pool.query('CREATE TABLE t (n int)');
});

afterAll(async () => {
  await pool.end();
  await pglite.close();
});

describe('the embedded pool', () => {
  it('answers as node-postgres does: rows, rowCount, int8 as text, several statements without parameters', async () => {
    const inserted = await pool.query('INSERT INTO t (n) SELECT generate_series(1, $1::int)', [3]);
    expect(inserted.rowCount).toBe(3);
    const counted = await pool.query('SELECT count(*) AS c FROM t WHERE n >= $1', [2]);
    expect(counted.rows).toEqual([{ c: '2' }]);
    const both = await pool.query('SELECT 1 AS a; SELECT 2 AS b');
    expect(both.map((r: { rows: unknown[] }) => r.rows)).toEqual([[{ a: 1 }], [{ b: 2 }]]);
    await pool.query('DELETE FROM t');
  });

  it("keeps a client's transaction to itself: others wait for its end, and see only what it committed", async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO t (n) VALUES (1)');
    let otherSaw: unknown;
    const other = pool.query('SELECT count(*)::int AS c FROM t').then((r) => (otherSaw = r.rows[0].c));
    await new Promise((r) => setTimeout(r, 50));
    expect(otherSaw).toBeUndefined(); // not inside the transaction
    await client.query('ROLLBACK');
    await other;
    expect(otherSaw).toBe(0);
    // Out of the transaction the client holds nothing: the pool answers at once.
    await client.query('SELECT 1');
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    client.release();
  });

  it('rolls back a client gone silent inside its transaction, so the others go on', async () => {
    const brief = new EmbeddedPool(pglite, 100);
    const client = await brief.connect();
    const errors: Error[] = [];
    client.on('error', (err: Error) => errors.push(err));
    await client.query('BEGIN');
    await client.query('INSERT INTO t (n) VALUES (7)');
    // Waits for the abandoned transaction's end, then sees nothing of it.
    expect((await pool.query('SELECT count(*)::int AS c FROM t')).rows).toEqual([{ c: 0 }]);
    expect(errors.map((e) => e.message)).toEqual(['terminating the transaction: idle in transaction for too long']);
    client.release();
  });

  it('delivers NOTIFY to the LISTENing client, from a transaction on commit', async () => {
    const listener = await pool.connect();
    const heard: Notification[] = [];
    listener.on('notification', (n: Notification) => heard.push(n));
    await listener.query("-- a comment, as in BullMQ's files\nLISTEN chan;");
    const writer = await pool.connect();
    await writer.query('BEGIN');
    await writer.query("SELECT pg_notify('chan', 'in tx')");
    await new Promise((r) => setTimeout(r, 30));
    expect(heard).toEqual([]);
    await writer.query('COMMIT');
    writer.release();
    await pool.query("NOTIFY chan, 'plain'");
    await expect.poll(() => heard.map((n) => n.payload)).toEqual(['in tx', 'plain']);
    listener.release();
  });

  it('serves PgListener through a connection factory', async () => {
    const listener = new PgListener(() => pool.client(), 'tips_filed', createLogger('silent', []));
    const heard: string[] = [];
    listener.subscribe((p) => heard.push(p));
    await expect
      .poll(async () => {
        await pool.query("NOTIFY tips_filed, 'x'");
        return heard.length;
      })
      .toBeGreaterThan(0);
    await listener.stop();
  });

  it("carries BullMQ's PostgreSQL backend: a job added is processed", async () => {
    const client = await pool.connect();
    await runMigrations(client as never);
    client.release();
    // BullMQ pins search_path only on pools it makes; the embedded database is one session, Prisma's
    // tables stay first.
    await pool.query('SET search_path TO public, bullmq');
    const { Queue, Worker } = withBackend(createPostgresBackend);
    const connection = pool as never;
    const queue = new Queue('embedded-test', { connection });
    const done: unknown[] = [];
    const worker = new Worker('embedded-test', async (job) => done.push(job.data), { connection });
    await queue.add('one', { n: 1 }, { jobId: 'job-one' });
    await queue.add('one', { n: 1 }, { jobId: 'job-one' }); // idempotent
    await expect.poll(() => done, { timeout: 10_000 }).toEqual([{ n: 1 }]);
    await worker.close();
    await queue.close();
  });
});
