// bench/start: how long the service takes from spawn to a ready /readyz, and its memory then, per queue backend.
//   npm run bench:start
import { readFileSync } from 'node:fs';
import { createTestDatabase } from '../test/support/database.ts';
import { startPrivateRedis } from '../test/support/private-redis.ts';
import { freePort, spawnService, waitForHttp } from '../test/support/process.ts';

const database = await createTestDatabase('antq_bench', { withAreas: true });
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

console.log('| queue backend | start to ready | RSS when ready |');
console.log('|---|---|---|');
for (const backend of ['redis', 'postgres'] as const) {
  const redis = backend === 'redis' ? await startPrivateRedis() : undefined;
  const times: number[] = [];
  const rss: number[] = [];
  for (let run = 0; run < 3; run++) {
    const port = await freePort();
    const started = performance.now();
    const service = spawnService({
      DATABASE_URL: database.url,
      QUEUE_BACKEND: backend,
      ...(redis && { REDIS_URL: redis.url }),
      DATA_ENCRYPTION_KEY: '7'.repeat(64),
      LOG_LEVEL: 'warn',
      PORT: String(port),
    });
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000);
    times.push(performance.now() - started);
    rss.push(rssMb(service.child.pid!));
    service.child.kill('SIGTERM');
    await service.exited;
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
  console.log(`| ${backend} | ${(median(times) / 1000).toFixed(1)} s | ${median(rss).toFixed(0)} MB |`);
  await redis?.close();
}
await database.drop();
process.exit(0);
