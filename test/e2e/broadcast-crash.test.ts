import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPrivateRedis, type PrivateRedis } from '../support/private-redis.ts';
import { forgetQueueData, testQueueBackend } from '../support/queue-data.ts';
import { runCliWith } from '../support/cli.ts';
import { startProcessHarness, type ProcessHarness } from '../support/process-harness.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';

const CONCURRENCY = 16;
/** Its own Redis (FLUSHALL would hit other tests' keys); none in the PostgreSQL-only mode. */
let redis: PrivateRedis | undefined;
let h: ProcessHarness;
let people: Resident[];
let area: string;

beforeAll(async () => {
  if (testQueueBackend === 'redis') redis = await startPrivateRedis();
  h = await startProcessHarness({
    ...(redis && { REDIS_URL: redis.url }),
    // Unpaced, so 5,000 messages take seconds: this test is about crashes, not rates.
    TELEGRAM_RATE: '0',
    BROADCAST_CONCURRENCY: String(CONCURRENCY),
    BROADCAST_RECONCILE_SECONDS: '1',
  });
  area = (await h.db.area.findFirstOrThrow({ where: { level: 'commune' }, orderBy: { code: 'asc' }, skip: 7 })).code;
  people = residents('telegram', 5000, area);
  await seedResidents(h.db, people);
  await h.start();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await redis?.close();
});

/** `npm run cli -- broadcast create ...`, as an operator would. */
async function cliBroadcast(text: string): Promise<number> {
  const cli = await runCliWith(h.env, ['broadcast', 'create', '--area', area, '--text', text]);
  expect(cli.code, cli.out).toBe(0);
  return Number(/Broadcast #(\d+): sending; 5000 recipients now/.exec(cli.out)![1]);
}

/** How often each recipient received a text containing `marker`. */
function received(marker: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of h.tg.calls) {
    if (c.method !== 'sendMessage' || c.error || !String(c.params.text).includes(marker)) continue;
    const chat = String(c.params.chat_id);
    counts.set(chat, (counts.get(chat) ?? 0) + 1);
  }
  return counts;
}

async function waitStatus(id: number, status: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const b = await h.db.broadcast.findUniqueOrThrow({ where: { id } });
    if (b.status === status) return b;
    if (Date.now() > deadline) throw new Error(`broadcast #${id} is ${b.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function expectEveryoneOnce(counts: Map<string, number>, maxDuplicates: number) {
  const missing = people.filter((p) => !counts.get(p.id));
  expect(missing).toEqual([]);
  const duplicates = [...counts.values()].reduce((n, c) => n + c - 1, 0);
  expect(duplicates).toBeLessThanOrEqual(maxDuplicates);
  return duplicates;
}

it(
  'kill -9 of the worker mid-broadcast: after restart everyone has it, duplicates ≤ the worker concurrency',
  { timeout: 120_000 },
  async () => {
    const id = await cliBroadcast('Lần 1: thông báo kiểm tra khi máy chủ bị tắt đột ngột.');
    await h.tg.waitFor(() => received('Lần 1').size >= 1500, 60_000);
    await h.kill();
    const atKill = received('Lần 1').size;
    expect(atKill).toBeLessThan(5000);
    await h.start();
    await waitStatus(id, 'done', 90_000);
    const duplicates = expectEveryoneOnce(received('Lần 1'), CONCURRENCY);
    console.log(`kill -9 after ${atKill} of 5000: all delivered, ${duplicates} duplicate(s)`);
    const rows = await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    expect(rows.map((r) => [r.status, r._count._all])).toEqual([['sent', 5000]]);
  },
);

it(
  'FLUSHALL mid-broadcast: the reconciler rebuilds the jobs from the ledger and no one is skipped',
  { timeout: 120_000 },
  async () => {
    const id = await cliBroadcast('Lần 2: thông báo kiểm tra khi Redis mất dữ liệu.');
    await h.tg.waitFor(() => received('Lần 2').size >= 1500, 60_000);
    // Every job lost: Redis wiped, or BullMQ's tables emptied.
    await (redis
      ? redis.client.flushall()
      : forgetQueueData({ ...h.env, DATABASE_URL: h.env.DATABASE_URL!, REDIS_PREFIX: h.env.REDIS_PREFIX! }));
    const atFlush = received('Lần 2').size;
    await waitStatus(id, 'done', 90_000);
    const duplicates = expectEveryoneOnce(received('Lần 2'), CONCURRENCY);
    console.log(`FLUSHALL after ${atFlush} of 5000: all delivered, ${duplicates} duplicate(s)`);
    const rows = await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    expect(rows.map((r) => [r.status, r._count._all])).toEqual([['sent', 5000]]);
  },
);
