// Child of bench/broadcast: fans one broadcast out (delivery rows + jobs) in a process of its own,
// so its peak RSS is the fan-out's alone. Prints one JSON line.
import { loadConfigFields } from '../src/config.ts';
import { createLogger } from '../src/logger.ts';
import { openQueueBackend } from '../src/queues/backend.ts';
import { createDb } from '../src/db/client.ts';
import { controlBroadcast } from '../src/features/broadcasts/control.ts';
import { fanOut } from '../src/broadcasting/fanout.ts';
import { createBroadcast } from '../src/broadcasting/store.ts';
import { DeliveryQueues } from '../src/queues/delivery-queue.ts';

const db = createDb(process.env.DATABASE_URL!, { max: 2 });
const backend = await openQueueBackend(
  loadConfigFields(['DATABASE_URL', 'DB_STATEMENT_TIMEOUT_MS', 'QUEUE_BACKEND', 'REDIS_URL', 'REDIS_PREFIX']),
  createLogger('silent'),
);
const queues = new DeliveryQueues(backend.producer, ['telegram', 'zalo']);
const id = await db.$transaction(async (tx) => {
  const b = await createBroadcast(tx, {
    audience: { kind: 'area', areaCode: process.env.AREA! },
    texts: { vi: 'Thông báo đo tốc độ chia người nhận.' },
  });
  await controlBroadcast(tx, b.id, 'start');
  return b.id;
});
const baselineMb = process.memoryUsage().rss / 1048576;
// Where the memory is, at its highest: V8's heap, or buffers outside it (sockets, WASM).
const peak = { heapMb: 0, externalMb: 0 };
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak.heapMb = Math.max(peak.heapMb, m.heapUsed / 1048576);
  peak.externalMb = Math.max(peak.externalMb, (m.external + m.arrayBuffers) / 1048576);
}, 200);
const started = performance.now();
await fanOut(db, id, (rows) => queues.add(rows));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const b = await db.broadcast.findUniqueOrThrow({ where: { id } });
const jobs = (await queues.pending('telegram')) + (await queues.pending('zalo'));
console.log(
  JSON.stringify({
    broadcastId: id,
    recipients: b.recipientCount,
    jobs,
    seconds,
    baselineMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    ...peak,
  }),
);
await queues.close();
await backend.close();
await db.$disconnect();
