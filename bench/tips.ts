// bench/tips: citizens' tips end to end — from the POST of the "send" button press to the officer's card
// arriving at the (fake, loopback) Telegram — tips/s and p50/p99 latency, for the real service in its own process.
//   npm run bench:tips [-- --citizens 300 --concurrency 32 --paced 200 --rate 20]
import { parseArgs } from 'node:util';
import { createDb } from '../src/db/client.ts';
import { createInvite } from '../src/features/staff/invites.ts';
import { Pii } from '../src/security/pii.ts';
import { startFakeTelegram } from '../test/fakes/telegram.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { forgetRedisKeys } from '../test/support/redis.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../test/support/process.ts';
import { pacedLoad, percentile, postLoad, type LoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    citizens: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '32' },
    paced: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
  },
});
const CITIZENS = Number(values.citizens);
const CONCURRENCY = Number(values.concurrency);
const PACED = Number(values.paced);
const RATE = Number(values.rate);
const SECRET = 'bench-secret';
const KEY = '7'.repeat(64);

const tg = await startFakeTelegram();
const database = await createTestDatabase('antq_bench', { withAreas: true });
const db = createDb(database.url, { max: 2 });
const children: ServiceProcess[] = [];
process.on('exit', () => children.forEach((c) => c.child.kill('SIGKILL')));

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `bench${Date.now()}`;
const port = await freePort();
const url = `http://127.0.0.1:${port}/webhooks/telegram`;
// Limits lifted: the bench files many tips per person and posts a whole dialogue at once.
children.push(
  spawnService({
    DATABASE_URL: database.url,
    REDIS_URL,
    REDIS_PREFIX,
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: tg.apiRoot,
    DATA_ENCRYPTION_KEY: KEY,
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    TIPS_PER_HOUR: '1000',
    FLOOD_PER_MINUTE: '10000',
    // The fake has no rate limit; pacing (30 msg/s by default) is measured by bench:broadcast.
    TELEGRAM_RATE: '0',
    PORT: String(port),
  }),
);
await waitForHttp(`http://127.0.0.1:${port}/readyz`);
const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

const area = await db.area.findFirstOrThrow({
  where: { name: 'Xã Hưng Mỹ', parent: { name: { contains: 'Cà Mau' } } },
});
let updateId = 1;
const from = (id: number) => ({ id, is_bot: false, first_name: 'Bench' });
const text = (id: number, t: string) =>
  JSON.stringify({
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: 'private' },
      from: from(id),
      text: t,
    },
  });
const press = (id: number, data: string) =>
  JSON.stringify({
    update_id: updateId++,
    callback_query: {
      id: String(updateId),
      from: from(id),
      chat_instance: '1',
      data,
      message: { message_id: 1, date: 1, chat: { id, type: 'private' } },
    },
  });
const onboarding = (id: number) => [
  text(id, '/start'),
  press(id, 'lang:vi'),
  press(id, 'consent:yes'),
  press(id, `area:${area.code}`),
];
const lastTextTo = (id: number) => tg.textsTo(id).at(-1) ?? '';

/** Posts one chat's updates one after the other, as the platform delivers them. */
async function post(bodies: string[]) {
  await postLoad({ url, headers, bodies, concurrency: 1 });
}

/** Runs `fn` for every chat, CONCURRENCY chats at a time. */
async function eachChat(ids: number[], fn: (id: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < ids.length) await fn(ids[next++]!);
    }),
  );
}

// --- Setup (not measured): one officer of the commune; citizens onboarded and at the confirmation question.
const OFFICER = 900_000_001;
const pii = new Pii(KEY);
const { code: invite } = await db.$transaction((tx) =>
  createInvite(tx, pii, { role: 'officer', areaCode: area.code, days: 1, createdBy: 'cli' }),
);
await post([...onboarding(OFFICER), text(OFFICER, `/staff ${invite}`)]);
await tg.waitFor(() => /Chào mừng/.test(lastTextTo(OFFICER)), 30_000);

const cohort = (base: number, n: number) => Array.from({ length: n }, (_, i) => base + i);
const saturated = cohort(910_000_000, CITIZENS);
const paced = cohort(920_000_000, PACED);
const report = (id: number) => [
  text(id, '/report'),
  press(id, 'report:cat:theft'),
  text(id, `Xe máy bị lấy trộm trước nhà số ${id % 1000}, khoảng 21 giờ tối qua.`),
  press(id, 'report:skip'),
  press(id, 'report:skip'),
  press(id, 'report:anon'),
];
await eachChat([...saturated, ...paced], (id) => post([...onboarding(id), ...report(id)]));
await tg.waitFor(() => [...saturated, ...paced].every((id) => /Kiểm tra lại tin báo/.test(lastTextTo(id))), 600_000);

/** From each "send" press to the officer's card with that citizen's code. */
async function endToEnd(ids: number[], load: LoadResult) {
  const codeOf = (id: number) => tg.waitFor(() => /Mã tin: (AN-\w{6})/.exec(lastTextTo(id))?.[1], 120_000);
  const codes = await Promise.all(ids.map(codeOf));
  const cardsByCode = () => {
    const byCode = new Map<string, number[]>();
    for (const c of tg.messagesTo(OFFICER)) {
      const code = /Tin báo mới (AN-\w{6})/.exec(String(c.params.text))?.[1];
      if (code) byCode.set(code, [...(byCode.get(code) ?? []), c.at]);
    }
    return byCode;
  };
  await tg.waitFor(() => codes.every((c) => cardsByCode().has(c)), 300_000);
  // A card sent twice (e.g. a retried outbox row) comes after the first: look again a moment later.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cards = cardsByCode();
  const duplicates = codes.filter((c) => cards.get(c)!.length !== 1).length;
  const latencies = ids.map((_, i) => cards.get(codes[i]!)![0]! - load.sentAt[i]!).sort((a, b) => a - b);
  const seconds = (Math.max(...codes.map((c) => cards.get(c)![0]!)) - Math.min(...load.sentAt)) / 1000;
  return {
    perSecond: ids.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    duplicates,
  };
}

// --- 1. Saturation: every citizen presses "send" at once, over CONCURRENCY connections.
const satLoad = await postLoad({
  url,
  headers,
  bodies: saturated.map((id) => press(id, 'report:send')),
  concurrency: CONCURRENCY,
});
const sat = await endToEnd(saturated, satLoad);

// --- 2. A steady rate: the latency a citizen and an officer see when the service keeps up.
const pacedLoadResult = await pacedLoad({
  url,
  headers,
  bodies: paced.map((id) => press(id, 'report:send')),
  rate: RATE,
});
const steady = await endToEnd(paced, pacedLoadResult);

const tips = await db.tip.count();
const fmt = (n: number, d = 1) => n.toFixed(d);
console.log(
  `\nbench/tips: anonymous theft tips, press "send" → officer's card at the fake Telegram, one officer, loopback, one run`,
);
console.log('| measured | tips/s | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
console.log(
  `| ${CITIZENS} tips at once over ${CONCURRENCY} connections (saturation) | ${fmt(sat.perSecond)} | ${fmt(sat.p50Ms)} | ${fmt(sat.p99Ms)} |`,
);
console.log(
  `| ${PACED} tips at a steady ${RATE}/s | ${fmt(steady.perSecond)} | ${fmt(steady.p50Ms)} | ${fmt(steady.p99Ms)} |`,
);
console.log(
  `\ncheck: ${tips} tips stored for ${CITIZENS + PACED} presses; cards delivered more than once: ${sat.duplicates + steady.duplicates}; ` +
    `HTTP ${JSON.stringify(satLoad.statuses)} ${JSON.stringify(pacedLoadResult.statuses)}`,
);
if (tips !== CITIZENS + PACED || sat.duplicates + steady.duplicates) process.exitCode = 1;

for (const c of children) c.child.kill('SIGTERM');
await Promise.all(children.map((c) => c.exited));
await db.$disconnect();
await tg.close();
await database.drop();
await forgetRedisKeys(REDIS_URL, REDIS_PREFIX);
process.exit(process.exitCode ?? 0);
