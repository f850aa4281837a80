// bench/webhook: POST /webhooks/telegram with text updates that each get a reply (fake Telegram on loopback),
// next to grammY's bare webhookCallback with an empty handler, in the same run on the same machine.
//   npm run bench:webhook [-- --updates 4000 --chats 400 --concurrency 32 --rate 60]
import { parseArgs } from 'node:util';
import { startFakeTelegram } from '../test/fakes/telegram.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { forgetRedisKeys } from '../test/support/redis.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../test/support/process.ts';
import { pacedLoad, percentile, postLoad, type LoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    updates: { type: 'string', default: '4000' },
    chats: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '32' },
    rate: { type: 'string', default: '60' },
  },
});
const UPDATES = Number(values.updates);
const CHATS = Number(values.chats);
const CONCURRENCY = Number(values.concurrency);
const RATE = Number(values.rate);
const SECRET = 'bench-secret';

const tg = await startFakeTelegram();
const db = await createTestDatabase('antq_bench');
const children: ServiceProcess[] = [];
process.on('exit', () => children.forEach((c) => c.child.kill('SIGKILL')));

let nextUpdateId = 1;
/** Each chat sends /help in turn; an unregistered person gets the guest help, one message. */
function bodies(count: number, chatBase: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const chatId = chatBase + (i % CHATS);
    return JSON.stringify({
      update_id: nextUpdateId++,
      message: {
        message_id: i + 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: 'private', first_name: 'Bench' },
        from: { id: chatId, is_bot: false, first_name: 'Bench' },
        text: '/help',
      },
    });
  });
}

async function start(args: string[], env: Record<string, string>, script?: string): Promise<string> {
  const port = await freePort();
  const proc = spawnService({ ...env, PORT: String(port) }, args, script);
  children.push(proc);
  await waitForHttp(`http://127.0.0.1:${port}/${script ? '' : 'readyz'}`);
  return `http://127.0.0.1:${port}/webhooks/telegram`;
}

const headers = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `bench${Date.now()}`;

// --- antq-bot: the whole service (web + worker) in one process, as `npm start` runs it.
const antqUrl = await start([], {
  DATABASE_URL: db.url,
  REDIS_URL,
  REDIS_PREFIX,
  TELEGRAM_BOT_TOKEN: tg.token,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: tg.apiRoot,
  DATA_ENCRYPTION_KEY: '7'.repeat(64),
  LOG_LEVEL: 'warn',
  MIGRATE_ON_START: 'false',
  // The fake has no rate limit; pacing (30 msg/s by default) is measured by bench:broadcast.
  TELEGRAM_RATE: '0',
});
await postLoad({ url: antqUrl, headers, bodies: bodies(300, 5_000_000), concurrency: CONCURRENCY }); // warm-up
await tg.waitFor(() => tg.callsTo('sendMessage').length >= 300, 60_000);

/** From each POST to its reply at the fake Telegram; a chat's k-th reply answers its k-th update. */
async function endToEnd(sentAt: Float64Array, chatBase: number, chats: number, before: number) {
  const count = sentAt.length;
  await tg.waitFor(() => tg.callsTo('sendMessage').length - before >= count, 300_000);
  const replies = tg.callsTo('sendMessage').slice(before, before + count);
  const byChat = new Map<number, number[]>();
  for (const r of replies)
    byChat.set(Number(r.params.chat_id), [...(byChat.get(Number(r.params.chat_id)) ?? []), r.at]);
  const latencies = Array.from(sentAt, (t, i) => byChat.get(chatBase + (i % chats))![Math.floor(i / chats)]! - t).sort(
    (a, b) => a - b,
  );
  const seconds = (Math.max(...replies.map((r) => r.at)) - Math.min(...sentAt)) / 1000;
  return { perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

// 1. Saturation: 32 connections post as fast as answers come back.
let before = tg.callsTo('sendMessage').length;
const antq = await postLoad({ url: antqUrl, headers, bodies: bodies(UPDATES, 6_000_000), concurrency: CONCURRENCY });
const antqE2e = await endToEnd(antq.sentAt, 6_000_000, CHATS, before);

// 2. A steady rate the service keeps up with: the latency a person sees.
const pacedCount = Math.round(RATE * 20);
before = tg.callsTo('sendMessage').length;
const antqPaced = await pacedLoad({ url: antqUrl, headers, bodies: bodies(pacedCount, 6_500_000), rate: RATE });
const antqPacedE2e = await endToEnd(antqPaced.sentAt, 6_500_000, CHATS, before);

// --- bare grammY webhookCallback, empty handler, same loads.
const bareUrl = await start([], { TELEGRAM_WEBHOOK_SECRET: SECRET }, 'bench/bare-grammy.ts');
await postLoad({ url: bareUrl, headers, bodies: bodies(300, 7_000_000), concurrency: CONCURRENCY });
const bare = await postLoad({ url: bareUrl, headers, bodies: bodies(UPDATES, 8_000_000), concurrency: CONCURRENCY });
const barePaced = await pacedLoad({ url: bareUrl, headers, bodies: bodies(pacedCount, 8_500_000), rate: RATE });

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (name: string, r: Pick<LoadResult, 'perSecond' | 'p50Ms' | 'p99Ms'>) =>
  `| ${name} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} |`;
const statuses = [antq, antqPaced, bare, barePaced].map((r) => JSON.stringify(r.statuses)).join(' ');
console.log(
  `\nbench/webhook: text updates that each get a reply, ${CHATS} chats, loopback, one run (HTTP statuses ${statuses})`,
);
console.log('| measured | updates/s | p50 ms | p99 ms |');
console.log('|---|---|---|---|');
console.log(row(`antq-bot, POST /webhooks/telegram, ${UPDATES} updates over ${CONCURRENCY} connections`, antq));
console.log(row('antq-bot, same run, POST → reply received by Telegram (end to end)', antqE2e));
console.log(row(`bare grammY webhookCallback, empty handler, same load`, bare));
console.log(row(`antq-bot, POST /webhooks/telegram, steady ${RATE} updates/s`, antqPaced));
console.log(row(`antq-bot, same, POST → reply received by Telegram (end to end)`, antqPacedE2e));
console.log(row(`bare grammY webhookCallback, empty handler, steady ${RATE} updates/s`, barePaced));
console.log(
  `\nratios antq-bot / bare grammY: throughput ${fmt(antq.perSecond / bare.perSecond, 2)}; ` +
    `p50 ${fmt(antq.p50Ms / bare.p50Ms, 1)}x and p99 ${fmt(antq.p99Ms / bare.p99Ms, 1)}x at saturation; ` +
    `p50 ${fmt(antqPaced.p50Ms / barePaced.p50Ms, 1)}x and p99 ${fmt(antqPaced.p99Ms / barePaced.p99Ms, 1)}x at ${RATE}/s`,
);

for (const c of children) c.child.kill('SIGTERM');
await Promise.all(children.map((c) => c.exited));
await tg.close();
await db.drop();
await forgetRedisKeys(REDIS_URL, REDIS_PREFIX);
process.exit(0);
