import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTip } from '../../src/features/tips/store.ts';
import { Pii } from '../../src/security/pii.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

/**
 * 2,000+ random and malformed webhook posts, property-based: plausible dialogue
 * steps with random content, forged buttons, junk JSON, broken bodies, wrong
 * secrets, replays. Whatever arrives: no 5xx, no crash, no half-written tip.
 */
const TOTAL_POSTS = 2000;
/** Batches of 50 actions; a full report is 6-14 posts, so 30 batches post about 2,600. */
const RUNS = 30;

let h: Harness;
let tg: TelegramUser[];
let zalo: ZaloUser[];
let officer: TelegramUser;
const codes: string[] = ['AN-222222'];
const history: Array<{ platform: 'telegram' | 'zalo'; body: unknown }> = [];
const statuses: Record<number, number> = {};
let posts = 0;

beforeAll(async () => {
  h = await startHarness({ FLOOD_PER_MINUTE: '10000', TIPS_PER_HOUR: '1000', TELEGRAM_RATE: '0', ZALO_RATE: '0' });
  tg = [new TelegramUser(h), new TelegramUser(h), new TelegramUser(h)];
  zalo = [new ZaloUser(h), new ZaloUser(h)];
  officer = new TelegramUser(h, 'Fuzz', 'Officer');
  await Promise.all([...tg, ...zalo].map((u) => onboard(u)));
  await makeStaff(h, officer, await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau'));
}, 60_000);
afterAll(() => h?.close());

const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 10, maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e‮عربي', '💥'.repeat(600), 'x'.repeat(5000), 'Có người lạ đột nhập kho'),
  fc.constantFrom('1', '2', '3', '9', '99', 'Bỏ qua', 'Xong', 'Gửi tin báo', 'Huỷ', 'cứu tôi với', '0912 345 678'),
  fc.constantFrom('/report', '/status', '/inbox', '/help', '/start', '/settings', '/tip', '/staff', '/apitoken'),
  fc.constantFrom(
    '/groups',
    '/models',
    '/festivals',
    '/festival',
    '/join',
    '/join MH-2222222',
    'MH-7K3Q9P',
    '/start m_MH-ZZZZZZ',
    '/start f_2147483648',
  ),
  fc
    .tuple(fc.constantFrom('/status ', '/tip ', '/staff ', '/start '), fc.string({ maxLength: 80 }))
    .map(([a, b]) => a + b),
);
const knownChoice = fc.constantFrom(
  'report:start',
  'report:cat:theft',
  'report:cat:other',
  'report:urgent',
  'report:skip',
  'report:done',
  'report:anon',
  'report:contact',
  'report:send',
  'report:cancel',
  'mytip:list',
  'mytip:done',
  'inbox:page:1',
  'inbox:page:2',
  'home',
  'settings',
  'lang:vi',
  'lang:en',
  'consent:yes',
  'area:00000',
);
const choice = fc.oneof(
  knownChoice,
  fc
    .tuple(
      fc.constantFrom('tip', 'mytip', 'tipclose', 'tipreopen'),
      fc.constantFrom('open', 'ack', 'take', 'resolve', 'reject', 'spam', 'reopen', 'yes', 'no', 'reply', 'add', 'x'),
      fc.nat(),
    )
    .map(([a, v, i]) => `${a}:${v}:${codes[i % codes.length]}`),
  // Models, festivals and broadcasts: real verbs with ids that exist, do not, overflow or are not numbers.
  fc
    .tuple(
      fc.constantFrom('mdl', 'fest', 'festm', 'bc'),
      fc.constantFrom(
        'open',
        'join',
        'joinas',
        'leave',
        'approve',
        'retire',
        'notice',
        'send',
        'going',
        'ics',
        'move',
        'cancelgo',
        'commend',
        'status',
        'area',
        'kind',
        'policy',
        'remind',
        'x',
      ),
      fc.constantFrom('1', '2', '0', '-1', '2147483648', '99999999999999999999', 'abc', '1:1', '', '01'),
    )
    .map(([a, v, id]) => `${a}:${v}:${id}`),
  fc.string({ maxLength: 64 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const coordinate = fc.oneof(fc.double({ noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true }));

type Post = { platform: 'telegram' | 'zalo'; body?: unknown; raw?: string; secret?: string | null };

const action: fc.Arbitrary<() => Post> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.nat(), nastyText)
      .map(([i, text]) => () => ({ platform: 'telegram' as const, body: tg[i % 3]!.messageUpdate({ text }) })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.nat(), choice).map(([i, data]) => () => ({
      platform: 'telegram' as const,
      body: (i % 4 === 3 ? officer : tg[i % 3]!).pressUpdate(data),
    })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.nat(), fc.integer({ min: 0, max: 60_000_000 }), fc.option(nastyText))
      .map(([i, size, caption]) => () => ({
        platform: 'telegram' as const,
        body: tg[i % 3]!.messageUpdate({
          photo: [{ file_id: `f${size}`, file_unique_id: 'u', file_size: size, width: 1, height: 1 }],
          ...(caption !== null && { caption }),
        }),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), coordinate, coordinate).map(([i, latitude, longitude]) => () => ({
      platform: 'telegram' as const,
      body: tg[i % 3]!.messageUpdate({ location: { latitude, longitude } }),
    })),
  },
  {
    weight: 5,
    arbitrary: fc.tuple(fc.nat(), nastyText, fc.boolean()).map(([i, text, wrapped]) => () => ({
      platform: 'zalo' as const,
      body: zalo[i % 2]!.event('message.text.received', { text }, wrapped),
    })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.nat(), fc.oneof(fc.webUrl(), fc.string({ maxLength: 50 }))).map(([i, url]) => () => ({
      platform: 'zalo' as const,
      body: zalo[i % 2]!.event('message.image.received', { photo_url: url }),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.nat(),
        fc.constantFrom(
          'message.sticker.received',
          'message.voice.received',
          'message.unsupported.received',
          'user.follow',
          'message.text.received',
        ),
      )
      .map(([i, name]) => () => ({ platform: 'zalo' as const, body: zalo[i % 2]!.event(name, {}) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('telegram', 'zalo' as const), fc.jsonValue())
      .map(([platform, body]) => () => ({ platform, body })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom('telegram', 'zalo' as const),
        fc.oneof(fc.string({ maxLength: 100 }), fc.constant(''), fc.constant('{"update_id": 5, "message": {')),
      )
      .map(([platform, raw]) => () => ({ platform, raw })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.nat()).map(([i, cut]) => () => {
      const body = JSON.stringify(tg[i % 3]!.messageUpdate({ text: 'cut' }));
      return { platform: 'telegram' as const, raw: body.slice(0, cut % body.length) };
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), fc.option(fc.string({ maxLength: 30 }))).map(([i, secret]) => () => ({
      platform: i % 2 ? ('zalo' as const) : ('telegram' as const),
      body: tg[0]!.messageUpdate({ text: '/start' }),
      secret: secret ?? null,
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .nat()
      .map((i) => () => (history.length ? history[i % history.length]! : { platform: 'telegram' as const, body: {} })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.anything(), fc.integer()).map(([junk, id]) => () => ({
      platform: 'telegram' as const,
      body: { update_id: id, message: junk, callback_query: junk },
    })),
  },
);

/** A complete report with random content, so that tips really get filed in between the noise. */
const fullReport = fc
  .tuple(fc.nat(), fc.string({ minLength: 10, maxLength: 400 }), fc.boolean(), fc.integer({ min: 0, max: 7 }))
  .map(([i, text, place, photos]) => () => {
    const u = tg[i % 3]!;
    const steps: Post[] = [
      { platform: 'telegram', body: u.messageUpdate({ text: '/report' }) },
      { platform: 'telegram', body: u.pressUpdate('report:cat:suspicious') },
      { platform: 'telegram', body: u.messageUpdate({ text: `Mô tả: ${text}` }) },
      place
        ? { platform: 'telegram', body: u.messageUpdate({ text: text.slice(0, 50) || 'chợ' }) }
        : { platform: 'telegram', body: u.pressUpdate('report:skip') },
      ...Array.from({ length: photos }, (_, n) => ({
        platform: 'telegram' as const,
        body: u.messageUpdate({
          photo: [{ file_id: `ph${n}`, file_unique_id: `u${n}`, file_size: 1000 * n, width: 1, height: 1 }],
        }),
      })),
      { platform: 'telegram', body: u.pressUpdate(photos ? 'report:done' : 'report:skip') },
      { platform: 'telegram', body: u.pressUpdate('report:anon') },
      { platform: 'telegram', body: u.pressUpdate('report:send') },
    ];
    return steps;
  });

async function send(p: Post): Promise<void> {
  const res = await h.post(p.platform, p.body ?? null, {
    raw: p.raw,
    ...(p.secret !== undefined && { secret: p.secret }),
  });
  posts++;
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  expect([200, 400, 401, 415]).toContain(res.status);
  if (res.status === 200 && p.body !== undefined) history.push({ platform: p.platform, body: p.body });
}

describe('fuzzing the webhooks', () => {
  it(
    `${TOTAL_POSTS} random and malformed updates: no 5xx, no crash, no partial tip rows`,
    { timeout: 240_000 },
    async () => {
      await fc
        .assert(
          fc.asyncProperty(
            fc.array(
              fc.oneof({ weight: 12, arbitrary: action.map((a) => () => [a()]) }, { weight: 1, arbitrary: fullReport }),
              { minLength: 50, maxLength: 50 },
            ),
            async (batch) => {
              for (const make of batch) for (const p of make()) await send(p);
              // Officers' buttons aim at real tips too.
              const recent = await h.db.tip.findMany({
                select: { code: true },
                orderBy: { createdAt: 'desc' },
                take: 20,
              });
              codes.splice(0, codes.length, 'AN-222222', ...recent.map((t) => t.code));
            },
          ),
          { numRuns: RUNS, endOnFailure: true },
        )
        .catch((err) => {
          throw err;
        });
      // fc.assert stops at numRuns; the runs above post well over TOTAL_POSTS, checked here.
      expect(posts).toBeGreaterThanOrEqual(TOTAL_POSTS);

      // Let the worker finish everything that was taken.
      await h.tg.waitFor(async () => false, 1).catch(() => undefined);
      const deadline = Date.now() + 120_000;
      for (;;) {
        const pending = await h.db.inboundUpdate.count({ where: { status: 'pending' } });
        if (pending === 0) break;
        if (Date.now() > deadline) throw new Error(`${pending} updates still pending`);
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(await h.db.inboundUpdate.findMany({ where: { status: 'dead' }, select: { lastError: true } })).toEqual([]);
      expect(await h.db.inboundUpdate.count({ where: { attempts: { gt: 0 } } })).toBe(0);

      // No partial tips: every row complete, its first event "new", photos within limits.
      const pii = new Pii(h.config.DATA_ENCRYPTION_KEY);
      const tips = await h.db.tip.findMany({ include: { events: { orderBy: { id: 'asc' } } } });
      expect(tips.length).toBeGreaterThan(0);
      for (const tip of tips) {
        expect(tip.code).toMatch(/^AN-[2-9A-HJKMNP-Z]{6}$/);
        const content = readTip(pii, tip);
        expect(content.description.length).toBeGreaterThanOrEqual(10);
        expect(content.description.length).toBeLessThanOrEqual(1500);
        expect(tip.photoCount).toBe(content.photos.length);
        expect(tip.photoCount).toBeLessThanOrEqual(5);
        expect(tip.events[0]?.status).toBe('new');
        expect(tip.reporterId).not.toBeNull();
      }
      // Nothing the bot rendered was refused by the platform (too long, empty, bad buttons).
      const refused = await h.db.outboundMessage.findMany({ where: { status: 'failed' }, select: { lastError: true } });
      expect(refused).toEqual([]);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      console.log(`fuzz: ${posts} posts, statuses ${JSON.stringify(statuses)}, ${tips.length} tips filed`);
    },
  );
});
