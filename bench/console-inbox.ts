// bench/console-inbox: the console's tip inbox API (GET /console/api/tips) with 10,000 tips in the officer's
// commune and 10,000 elsewhere, filtered pages at a steady concurrency, p50/p99 — next to /healthz (no query) and
// the chat API's /api/tips page in the same run, for the real service in its own process.
//   npm run bench:console [-- --tips 10000 --requests 2000 --concurrency 4]
import { parseArgs } from 'node:util';
import { createPerson } from '../src/core/people.ts';
import { createDb } from '../src/db/client.ts';
import { createSignInLink, staffActor } from '../src/features/console/sessions.ts';
import { issueApiToken } from '../src/features/staff/api-tokens.ts';
import { OPERATOR } from '../src/core/scope.ts';
import { Pii } from '../src/security/pii.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../test/support/process.ts';
import { percentile } from './load.ts';

const { values } = parseArgs({
  options: {
    tips: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '4' },
  },
});
const TIPS = Number(values.tips);
const REQUESTS = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const KEY = '7'.repeat(64);
const pii = new Pii(KEY);

const database = await createTestDatabase('antq_bench', { withAreas: true });
const db = createDb(database.url, { max: 2 });
const children: ServiceProcess[] = [];
process.on('exit', () => children.forEach((c) => c.child.kill('SIGKILL')));

const hungMy = await db.area.findFirstOrThrow({ where: { name: 'Xã Hưng Mỹ', level: 'commune' } });
const elsewhere = await db.area.findFirstOrThrow({ where: { level: 'commune', NOT: { code: hungMy.code } } });

// The tips, written as the report dialogue writes them (the same description sealed once: only its size matters).
const sealed = pii.encrypt('Có người lạ bẻ khoá xe máy trước chợ vào ban đêm, đề nghị công an xã kiểm tra.');
for (const area of [hungMy.code, elsewhere.code]) {
  await db.$executeRaw`
    INSERT INTO "Tip" (id, code, "areaCode", category, urgent, "descriptionEnc", status, "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, 'B' || ${area} || '-' || g, ${area},
           (ARRAY['theft','drugs','gambling','fraud','violence','suspicious','traffic','fire','other'])[1 + g % 9]::"TipCategory",
           g % 10 = 0, ${sealed},
           (ARRAY['new','acknowledged','in_progress','resolved','rejected','duplicate'])[1 + g % 6]::"TipStatus",
           now() - make_interval(mins => g * 13), now()
    FROM generate_series(1, ${TIPS}) g`;
}
await db.$executeRawUnsafe('ANALYZE "Tip"');

// An officer of Hưng Mỹ, signed in to the console, and with an API token for the chat API's page.
const person = await db.$transaction(async (tx) => {
  const p = await createPerson(
    tx,
    pii,
    {
      platform: 'telegram',
      updateKey: 'bench',
      seq: 0,
      kind: 'message',
      chatId: '777000111',
      chatType: 'private',
      userId: '777000111',
      date: Date.now(),
    },
    { locale: 'vi', consentVersion: 'bench' },
  );
  await tx.staffGrant.create({ data: { userId: p.user.id, role: 'officer', areaCode: hungMy.code } });
  return p;
});
const { link, apiToken } = await db.$transaction(async (tx) => {
  const actor = (await staffActor(tx, { userId: person.user.id }))!;
  return {
    link: await createSignInLink(tx, pii, OPERATOR, actor),
    apiToken: await issueApiToken(tx, pii, person.user.id),
  };
});

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
children.push(
  spawnService({
    DATABASE_URL: database.url,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `bench${Date.now()}`,
    DATA_ENCRYPTION_KEY: KEY,
    LOG_LEVEL: 'warn',
    MIGRATE_ON_START: 'false',
    PORT: String(port),
  }),
);
await waitForHttp(`${base}/readyz`);
const login = await fetch(`${base}/console/login?token=${encodeURIComponent(link)}`, { redirect: 'manual' });
const cookie = login.headers.get('set-cookie')?.split(';')[0];
if (!cookie) throw new Error(`sign-in refused: ${login.status}`);

/** `REQUESTS` GETs, `CONCURRENCY` at a time, each checked for 200; the latencies sorted. */
async function measure(path: (n: number) => string, headers: Record<string, string>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < REQUESTS; n = next++) {
      const started = performance.now();
      const res = await fetch(`${base}${path(n)}`, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path(n)}: ${res.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return latencies.sort((a, b) => a - b);
}

// The filters an officer uses, in turn: open ones urgent first, a category, closed ones, a date range, a page deep in.
const filters = [
  'status=open',
  'status=open&category=theft',
  'status=closed&sort=newest',
  'status=all&urgency=urgent',
  `status=all&from=${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}`,
  'status=open&page=40',
];
const rows: string[] = [];
const line = (what: string, l: number[]) =>
  rows.push(
    `| ${what} | ${percentile(l, 50).toFixed(1)} ms | ${percentile(l, 99).toFixed(1)} ms | ${(l.at(-1) ?? 0).toFixed(1)} ms |`,
  );
// Warm-up: connections, the plan cache.
await measure((n) => `/console/api/tips?${filters[n % filters.length]}`, { cookie });
line(
  `console inbox page: ${TIPS.toLocaleString('en')} tips in the commune (and as many elsewhere), 6 filters in turn`,
  await measure((n) => `/console/api/tips?${filters[n % filters.length]}`, { cookie }),
);
line(
  'chat API page `/api/tips?status=open` (same tips, bearer token)',
  await measure(() => '/api/tips?status=open', { authorization: `Bearer ${apiToken}` }),
);
line('baseline: `/healthz` (no query)', await measure(() => '/healthz', {}));

console.log(`| ${REQUESTS} requests each, ${CONCURRENCY} at a time | p50 | p99 | max |`);
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
await db.$disconnect();
await database.drop();
process.exit(0);
