// bench/webhook: POST /webhooks/telegram with text updates that each get a reply (fake Telegram on loopback),
// next to grammY's bare webhookCallback with an empty handler, in the same run on the same machine.
//   npm run bench:webhook [-- --updates 4000 --chats 400 --concurrency 32]
import { parseArgs } from 'node:util';
import { startFakeTelegram } from '../test/fakes/telegram.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../test/support/process.ts';
import { percentile, postLoad, type LoadResult } from './load.ts';

const { values } = parseArgs({
  options: {
    updates: { type: 'string', default: '4000' },
    chats: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '32' },
  },
});
const UPDATES = Number(values.updates);
const CHATS = Number(values.chats);
const CONCURRENCY = Number(values.concurrency);
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

// --- antq-bot: the whole service (web + worker) in one process, as `npm start` runs it.
const antqUrl = await start([], {
  DATABASE_URL: db.url,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `bench${Date.now()}`,
  TELEGRAM_BOT_TOKEN: tg.token,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  TELEGRAM_API_ROOT: tg.apiRoot,
  DATA_ENCRYPTION_KEY: '7'.repeat(64),
  LOG_LEVEL: 'warn',
  MIGRATE_ON_START: 'false',
});
await postLoad({ url: antqUrl, headers, bodies: bodies(300, 5_000_000), concurrency: CONCURRENCY }); // warm-up
await tg.waitFor(() => tg.callsTo('sendMessage').length >= 300, 60_000);

const chatBase = 6_000_000;
const before = tg.callsTo('sendMessage').length;
const antq = await postLoad({ url: antqUrl, headers, bodies: bodies(UPDATES, chatBase), concurrency: CONCURRENCY });
await tg.waitFor(() => tg.callsTo('sendMessage').length - before >= UPDATES, 300_000);

// End to end: from the POST to the reply reaching Telegram. A chat's k-th reply answers its k-th update.
const replies = tg.callsTo('sendMessage').slice(before);
const byChat = new Map<number, number[]>();
for (const r of replies) {
  const chat = Number(r.params.chat_id);
  byChat.set(chat, [...(byChat.get(chat) ?? []), r.at]);
}
const e2e: number[] = [];
for (let i = 0; i < UPDATES; i++) {
  const chat = chatBase + (i % CHATS);
  const k = Math.floor(i / CHATS);
  e2e.push(byChat.get(chat)![k]! - antq.sentAt[i]!);
}
e2e.sort((a, b) => a - b);
const firstSent = Math.min(...antq.sentAt);
const lastReply = Math.max(...replies.map((r) => r.at));
const e2eRate = UPDATES / ((lastReply - firstSent) / 1000);

// --- bare grammY webhookCallback, empty handler, same load.
const bareUrl = await start([], { TELEGRAM_WEBHOOK_SECRET: SECRET }, 'bench/bare-grammy.ts');
await postLoad({ url: bareUrl, headers, bodies: bodies(300, 7_000_000), concurrency: CONCURRENCY });
const bare = await postLoad({ url: bareUrl, headers, bodies: bodies(UPDATES, 8_000_000), concurrency: CONCURRENCY });

const fmt = (n: number, d = 1) => n.toFixed(d);
const row = (name: string, r: LoadResult) =>
  `| ${name} | ${fmt(r.perSecond, 0)} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${JSON.stringify(r.statuses)} |`;
console.log(
  `\nbench/webhook — ${UPDATES} text updates from ${CHATS} chats, ${CONCURRENCY} concurrent connections, loopback`,
);
console.log('| server | updates/s | p50 ms | p99 ms | HTTP statuses |');
console.log('|---|---|---|---|---|');
console.log(row('antq-bot POST /webhooks/telegram (stored, handled, replied)', antq));
console.log(row('bare grammY webhookCallback, empty handler', bare));
console.log(
  `\nantq-bot end to end (POST → reply at fake Telegram): ${fmt(e2eRate, 0)} updates/s, p50 ${fmt(percentile(e2e, 50))} ms, p99 ${fmt(percentile(e2e, 99))} ms`,
);
console.log(
  `ratio antq-bot / bare grammY: ${fmt(antq.perSecond / bare.perSecond, 2)} (throughput), ${fmt(antq.p99Ms / bare.p99Ms, 1)}× (p99 latency)`,
);

for (const c of children) c.child.kill('SIGTERM');
await Promise.all(children.map((c) => c.exited));
await tg.close();
await db.drop();
process.exit(0);
