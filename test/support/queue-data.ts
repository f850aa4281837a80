import pg from 'pg';
import { forgetRedisKeys } from './redis.ts';

/**
 * The queue backend tests run on: TEST_QUEUE_BACKEND=postgres (npm run test:pg) runs the chosen files on
 * PostgreSQL alone, without Redis; a test may still ask for one in its own env (QUEUE_BACKEND).
 */
export const testQueueBackend = process.env.TEST_QUEUE_BACKEND === 'postgres' ? 'postgres' : 'redis';

/** What a service needs to find its queues, for the env of a service, a CLI or a bench. */
export function queueEnv(backend: string = testQueueBackend): Record<string, string> {
  return backend === 'postgres'
    ? { QUEUE_BACKEND: 'postgres' }
    : { QUEUE_BACKEND: 'redis', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
}

/**
 * Loses every job, as a wiped Redis (FLUSHALL of the service's keys) or, in PostgreSQL-only mode, an emptied
 * BullMQ schema: what the ledger must survive.
 */
export async function forgetQueueData(env: {
  QUEUE_BACKEND?: string;
  DATABASE_URL: string;
  REDIS_URL?: string;
  REDIS_PREFIX: string;
}): Promise<void> {
  if (env.QUEUE_BACKEND !== 'postgres') return forgetRedisKeys(env.REDIS_URL!, env.REDIS_PREFIX);
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname = 'bullmq' AND tablename NOT LIKE '%migration%'`,
    );
    if (rows.length) await client.query(`TRUNCATE ${rows.map((r) => r.name).join(', ')}`);
  } finally {
    await client.end();
  }
}
