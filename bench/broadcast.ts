// bench/broadcast: the broadcast engine measured three ways, each against its own private Redis.
//   pacing:     2,000 Telegram recipients, fake Telegram answering 429 above 30 msgs in any sliding second
//   oa-pacing:  1,000 Zalo OA followers, fake OA answering -32 above ZALO_OA_RATE (20) calls in any sliding second
//   fanout:     1,000,000 generated recipients: delivery rows + jobs, time and peak RSS of the fan-out process
//   throughput: 20,000 recipients, unlimited fake, pacing off, vs a bare BullMQ worker doing no-op jobs
//   npm run bench:broadcast [-- --only pacing,oa-pacing,fanout,throughput --oa 1000 --oa-rate 20 --fanout 1000000 --throughput 20000
//                               --backend redis|postgres|embedded]
//   --backend postgres: the same without Redis (QUEUE_BACKEND=postgres); the bare-worker line is Redis only.
//   --backend embedded: the service on a data folder (no DATABASE_URL: PGlite, queues in it); not the fan-out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createDb, type Db } from '../src/db/client.ts';
import { folderDataKey } from '../src/db/embedded/data-folder.ts';
import { embeddedDb, openEmbedded } from '../src/db/embedded/open.ts';
import { applyMigrationsEmbedded } from '../src/db/migrate.ts';
import { importAreas } from '../src/features/areas/import.ts';
import { controlBroadcast } from '../src/features/broadcasts/control.ts';
import { createBroadcast } from '../src/broadcasting/store.ts';
import { startFakeTelegram, type FakeTelegram } from '../test/fakes/telegram.ts';
import { oaEnv, startFakeZaloOa } from '../test/fakes/zalo-oa.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { cliOnFolder } from '../test/support/embedded.ts';
import { startPrivateRedis } from '../test/support/private-redis.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../test/support/process.ts';
import { residents, seedResidents } from '../test/support/residents.ts';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    pacing: { type: 'string', default: '2000' },
    oa: { type: 'string', default: '1000' },
    'oa-rate': { type: 'string', default: '20' },
    fanout: { type: 'string', default: '1000000' },
    throughput: { type: 'string', default: '20000' },
    concurrency: { type: 'string', default: '16' },
    backend: { type: 'string', default: 'redis' },
  },
});
if (!['redis', 'postgres', 'embedded'].includes(values.backend))
  throw new Error('--backend: redis, postgres or embedded');
const embedded = values.backend === 'embedded';
const onPostgres = values.backend === 'postgres' || embedded;
const parts = new Set((values.only ?? `pacing,oa-pacing,${embedded ? '' : 'fanout,'}throughput`).split(','));
if (embedded && parts.has('fanout'))
  throw new Error('--backend embedded: no fanout part (it needs a PostgreSQL server)');
const CONCURRENCY = Number(values.concurrency);
const KEY = '7'.repeat(64);
const SECRET = 'bench-secret';
const TEXT = 'Thông báo đo tốc độ gửi.';

/** Where a part's service keeps its queues: a private Redis, or (--backend postgres, embedded) the database itself. */
async function queueStore(): Promise<{ env: Record<string, string>; url?: string; close(): Promise<unknown> }> {
  if (embedded) return { env: {}, close: async () => undefined }; // nothing set: queues in the embedded database
  if (onPostgres) return { env: { QUEUE_BACKEND: 'postgres' }, close: async () => undefined };
  const redis = await startPrivateRedis();
  return { env: { REDIS_URL: redis.url, REDIS_PREFIX: 'bench' }, url: redis.url, close: () => redis.close() };
}

/** The service's database as the bench reaches it: to seed it, and to start a broadcast while the service runs. */
interface Ledger {
  /** What the service is started with to use it. */
  env: Record<string, string>;
  /** The key residents are sealed with, the service's. */
  key: string;
  /** Runs `fn` on the database while no service holds it (a data folder is the service's alone while it runs). */
  use<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /** Starts a broadcast to an area's residents, the service running (`port`: its HTTP port). */
  broadcast(area: string, port: number): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL server's database; broadcasts started by the store's code, found by the service's reconciler. */
async function serverLedger(): Promise<Ledger & { url: string; db: Db }> {
  const database = await createTestDatabase('antq_bench', { withAreas: true });
  const db = createDb(database.url, { max: 4 });
  return {
    url: database.url,
    db,
    env: { DATABASE_URL: database.url, DATA_ENCRYPTION_KEY: KEY, MIGRATE_ON_START: 'false' },
    key: KEY,
    use: (fn) => fn(db),
    async broadcast(area) {
      await db.$transaction(async (tx) => {
        const b = await createBroadcast(tx, { audience: { kind: 'area', areaCode: area }, texts: { vi: TEXT } });
        await controlBroadcast(tx, b.id, 'start');
      });
    },
    async close() {
      await db.$disconnect();
      await database.drop();
    },
  };
}

/**
 * A data folder, as `npm start` with nothing configured makes it: opened here the way the service opens it
 * (migrations, areas, the folder's own key) while no service holds it; broadcasts through the service's CLI socket.
 */
async function embeddedLedger(): Promise<Ledger> {
  const dir = mkdtempSync(path.join(tmpdir(), 'antq-bench-'));
  const env = { DATA_DIR: dir };
  return {
    env,
    key: folderDataKey(dir).key,
    async use(fn) {
      const folder = await openEmbedded(dir);
      const db = embeddedDb(folder.pglite);
      try {
        await applyMigrationsEmbedded(folder.pglite);
        if ((await db.area.count()) === 0) await importAreas(db);
        return await fn(db);
      } finally {
        await db.$disconnect();
        await folder.close();
      }
    },
    async broadcast(area, port) {
      const run = await cliOnFolder({ ...env, PORT: String(port) }, [
        'broadcast',
        'create',
        '--area',
        area,
        '--text',
        TEXT,
      ]);
      if (run.code !== 0) throw new Error(`broadcast create failed: ${run.out}`);
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const server = embedded ? undefined : await serverLedger();
const ledger = server ?? (await embeddedLedger());
const children: ServiceProcess[] = [];
process.on('exit', () => children.forEach((c) => c.child.kill('SIGKILL')));
const communes = await ledger.use((db) =>
  db.area.findMany({ where: { level: 'commune' }, orderBy: { code: 'asc' }, take: 40 }),
);
let nextCommune = 0;

/** The whole service in its own process, against a fake Telegram and its queue store; resolves with its port. */
async function startService(tg: FakeTelegram, queues: Record<string, string>, extra: Record<string, string>) {
  const port = await freePort();
  const child = spawnService({
    ...ledger.env,
    ...queues,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: tg.apiRoot,
    LOG_LEVEL: 'warn',
    BROADCAST_CONCURRENCY: String(CONCURRENCY),
    BROADCAST_RECONCILE_SECONDS: '0.5',
    PORT: String(port),
    ...extra,
  });
  children.push(child);
  try {
    // An embedded start opens the folder and creates BullMQ's schema in it: longer than a server's.
    await waitForHttp(`http://127.0.0.1:${port}/readyz`, 60_000);
  } catch (err) {
    throw new Error(`${(err as Error).message}\n${child.output().slice(-5000)}`);
  }
  return { ...child, port };
}

/** Seeds `count` residents of one platform in a commune of their own (before the service starts: see Ledger.use). */
async function seed(platform: 'telegram' | 'zalo_oa', count: number) {
  const area = communes[nextCommune++]!.code;
  // OA followers who wrote today: inside the interaction window.
  const people = residents(platform, count, area).map((p) =>
    platform === 'zalo_oa' ? { ...p, lastInteractionAt: new Date() } : p,
  );
  await ledger.use((db) => seedResidents(db, people, ledger.key));
  return { area, people };
}

/** Broadcasts to the seeded Telegram residents; resolves with the send times. */
async function broadcastTo(
  tg: FakeTelegram,
  service: { port: number },
  { area, people }: Awaited<ReturnType<typeof seed>>,
): Promise<number[]> {
  const count = people.length;
  await ledger.broadcast(area, service.port);
  const ids = new Set(people.map((p) => p.id));
  const sends = () =>
    tg.calls.filter((c) => c.method === 'sendMessage' && !c.error && ids.has(String(c.params.chat_id)));
  await tg.waitFor(() => sends().length >= count, 30 * 60_000);
  return sends()
    .map((c) => c.at)
    .sort((a, b) => a - b);
}

const rateOf = (times: number[]) => (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
const lines: string[] = [];

if (parts.has('pacing')) {
  const redis = await queueStore();
  const tg = await startFakeTelegram();
  tg.setRateLimit(30);
  const recipients = await seed('telegram', Number(values.pacing));
  const service = await startService(tg, redis.env, { TELEGRAM_RATE: '30' });
  const times = await broadcastTo(tg, service, recipients);
  const rate = rateOf(times);
  lines.push(
    `| pacing: ${times.length} recipients, fake 429s above 30 in any sliding second, TELEGRAM_RATE=30, ${values.backend} | ` +
      `${rate.toFixed(2)} msg/s = ${((rate / 30) * 100).toFixed(1)} % of the limit; 429s: ${tg.rateLimited} |`,
  );
  service.child.kill('SIGTERM');
  await service.exited;
  await tg.close();
  await redis.close();
}

if (parts.has('oa-pacing')) {
  const count = Number(values.oa);
  const limit = Number(values['oa-rate']);
  const redis = await queueStore();
  const tg = await startFakeTelegram();
  const oa = await startFakeZaloOa({ rateLimit: limit });
  const { area, people } = await seed('zalo_oa', count);
  const service = await startService(tg, redis.env, { ...oaEnv(oa), ZALO_OA_RATE: String(limit) });
  await ledger.broadcast(area, service.port);
  for (const p of people) oa.userInteracted(p.id);
  const ids = new Set(people.map((p) => p.id));
  const sends = () => oa.callsTo('/v3.0/oa/message/cs').filter((c) => !c.error && ids.has(c.params.recipient?.user_id));
  const deadline = Date.now() + 30 * 60_000;
  while (sends().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  const times = sends()
    .map((c) => c.at)
    .sort((a, b) => a - b);
  const rate = rateOf(times);
  const limited = oa.calls.filter((c) => c.error?.error === -32).length;
  lines.push(
    `| OA pacing: ${times.length} OA followers, fake -32 above ${limit} calls in any sliding second, ZALO_OA_RATE=${limit} | ` +
      `${rate.toFixed(2)} msg/s = ${((rate / limit) * 100).toFixed(1)} % of the limit; -32 answers: ${limited} |`,
  );
  service.child.kill('SIGTERM');
  await service.exited;
  await oa.close();
  await tg.close();
  await redis.close();
}

if (parts.has('fanout') && server) {
  const db = server.db;
  const count = Number(values.fanout);
  const redis = await queueStore();
  const area = communes[nextCommune++]!;
  const province = area.parentCode!;
  // Generated residents spread over the province's communes, half Telegram, half Zalo.
  const seeded = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO "User" (id, locale, "areaCode", "consentVersion", "consentAt", "updatedAt")
    SELECT 'b' || g, CASE WHEN g % 5 = 0 THEN 'en' ELSE 'vi' END, c.codes[1 + g % array_length(c.codes, 1)], 'bench', now(), now()
    FROM generate_series(1, ${count}) g, (SELECT array_agg(code) AS codes FROM "Area" WHERE "parentCode" = '${province}') c`);
  await db.$executeRawUnsafe(`
    INSERT INTO "Identity" (id, "userId", platform, "platformIdHash", "platformIdEnc", "chatIdEnc")
    SELECT md5('b' || g)::uuid::text, 'b' || g, (CASE WHEN g % 2 = 0 THEN 'telegram' ELSE 'zalo' END)::"Platform", 'bench' || g, '\\x00', '\\x00'
    FROM generate_series(1, ${count}) g`);
  // Fresh statistics, as autovacuum keeps them on a live database: without them the planner walks every identity per page.
  await db.$executeRawUnsafe('ANALYZE "User", "Identity"');
  const seedSeconds = (performance.now() - seeded) / 1000;
  const child = spawnService(
    {
      DATABASE_URL: server.url,
      ...redis.env,
      AREA: province,
      // The heap bound the service runs with (npm start, the containers); FANOUT_NODE_OPTIONS= measures without it.
      NODE_OPTIONS: process.env.FANOUT_NODE_OPTIONS ?? '--max-old-space-size=512',
    },
    [],
    'bench/broadcast-fanout.ts',
  );
  children.push(child);
  if ((await child.exited) !== 0) throw new Error(child.output());
  const r = JSON.parse(child.output().trim().split('\n').at(-1)!);
  lines.push(
    `| fan-out: ${r.recipients.toLocaleString('en')} generated recipients (seeded in ${seedSeconds.toFixed(0)} s) | ` +
      `${r.seconds.toFixed(1)} s (${Math.round(r.recipients / r.seconds).toLocaleString('en')} rows+jobs/s), ` +
      `${r.jobs.toLocaleString('en')} jobs queued, peak RSS ${r.peakRssMb.toFixed(0)} MB (${r.baselineMb.toFixed(0)} MB before the fan-out; ` +
      `V8 heap ≤ ${r.heapMb.toFixed(0)} MB, buffers ≤ ${r.externalMb.toFixed(0)} MB) |`,
  );
  // Gone before the next part: its million queued rows would otherwise be sent by the next service.
  await db.broadcast.delete({ where: { id: r.broadcastId } });
  await db.$executeRawUnsafe(`DELETE FROM "User" WHERE "consentVersion" = 'bench'`);
  await db.$executeRawUnsafe('ANALYZE "User", "Identity", "Delivery"');
  await redis.close();
}

if (parts.has('throughput')) {
  const count = Number(values.throughput);
  const redis = await queueStore();
  const tg = await startFakeTelegram();
  const recipients = await seed('telegram', count);
  const service = await startService(tg, redis.env, { TELEGRAM_RATE: '0' });
  const times = await broadcastTo(tg, service, recipients);
  const ours = rateOf(times);
  service.child.kill('SIGTERM');
  await service.exited;

  lines.push(
    `| delivery: ${count.toLocaleString('en')} recipients, unlimited fake, TELEGRAM_RATE=0, concurrency ${CONCURRENCY}, ${values.backend} | ` +
      `${ours.toFixed(0)} msg/s |`,
  );
  await tg.close();
  await redis.close();
}

if (parts.has('throughput') && !onPostgres) {
  const count = Number(values.throughput);
  const redis = await queueStore();
  // The same number of jobs through a bare BullMQ worker doing nothing, same concurrency, a Redis alike.
  const connection = new Redis(redis.url!, { maxRetriesPerRequest: null });
  const queue = new Queue('bare', { connection, prefix: 'bare' });
  for (let at = 0; at < count; at += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, count - at) }, (_, n) => ({
        name: 'noop',
        data: { d: String(at + n) },
        opts: { jobId: `j${at + n}`, removeOnComplete: true },
      })),
    );
  }
  let done = 0;
  let first = 0;
  let last = 0;
  const finished = new Promise<void>((resolve) => {
    const worker = new Worker(
      'bare',
      async () => {
        const now = Date.now();
        first ||= now;
        last = now;
        if (++done === count) setImmediate(() => void worker.close().then(resolve));
      },
      { connection, prefix: 'bare', concurrency: CONCURRENCY },
    );
  });
  await finished;
  const bare = (count - 1) / ((last - first) / 1000);
  await queue.close();
  connection.disconnect();
  lines.push(`| bare BullMQ worker, no-op jobs, concurrency ${CONCURRENCY}, Redis | ${bare.toFixed(0)} jobs/s |`);
  await redis.close();
}

console.log('| measured | result |');
console.log('|---|---|');
for (const line of lines) console.log(line);
await ledger.close();
process.exit(0);
