import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { freePort } from './process.ts';

export interface PrivateRedis {
  url: string;
  /** A client on it (for FLUSHALL and inspection). */
  client: Redis;
  close(): Promise<void>;
}

/**
 * A Redis server of the test's own (the same `redis-server` the machine runs),
 * for tests that wipe Redis: FLUSHALL on the shared one would hit every other test.
 */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const url = `redis://127.0.0.1:${port}`;
  // The server needs a moment before it accepts connections; the client retries until then.
  const client = new Redis(url, { retryStrategy: () => 50 });
  client.on('error', () => undefined);
  await client.ping();
  return {
    url,
    client,
    async close() {
      client.disconnect();
      child.kill('SIGTERM');
      await exited;
    },
  };
}
