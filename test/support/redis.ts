import { Redis } from 'ioredis';

/** Deletes a service's queues and locks, so test and bench runs leave nothing behind in the shared Redis. */
export async function forgetRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length) await redis.del(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}
