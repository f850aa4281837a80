import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature } from '../../src/core/feature.ts';
import { Prisma } from '../../src/generated/prisma/client.ts';
import { findIdentity, ownDatabase, startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

const APOLOGY_VI =
  /^Xin lỗi, bot gặp lỗi khi xử lý tin nhắn vừa rồi nên chưa làm được việc này\. Những gì bạn đã xác nhận trước đó vẫn được lưu/;
const APOLOGY_EN =
  /^Sorry, the bot hit an error with your last message and could not do it\. Nothing you had confirmed/;

/** How many more times /flaky fails as if the database were away, before it answers. */
let flakyFailures = 0;

/** Test-only routes: /boom has a bug, /flaky meets a lost database connection. */
const faultyFeature: Feature = {
  name: 'faults',
  commands: {
    boom: {
      guest: true,
      run: async () => {
        const missing = undefined as unknown as { field: string };
        void missing.field; // TypeError: Cannot read properties of undefined
      },
    },
    flaky: {
      guest: true,
      run: async (ctx) => {
        if (flakyFailures-- > 0)
          throw new Prisma.PrismaClientKnownRequestError("Can't reach database server at 127.0.0.1:5432", {
            code: 'P1001',
            clientVersion: Prisma.prismaVersion.client,
          });
        ctx.reply('flaky: answered');
      },
    },
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({}, 'all', { extraFeatures: [faultyFeature] });
});
afterAll(() => h?.close());

const inboxRow = (platform: 'telegram' | 'zalo', updateKey: string) =>
  h.db.inboundUpdate.findUniqueOrThrow({ where: { platform_updateKey: { platform, updateKey } } });

async function handlerErrors(platform: 'telegram' | 'zalo'): Promise<number> {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  const line = new RegExp(`^antq_handler_errors_total\\{platform="${platform}"\\} (\\d+)$`, 'm').exec(text);
  return Number(line?.[1] ?? 0);
}

describe('a handler bug', () => {
  it('Telegram: set aside after one try, the person told in Vietnamese, the next update answered at once', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const before = await handlerErrors('telegram');
    await u.send('/boom');
    const boomKey = String(u.lastUpdateId);
    const posted = Date.now();
    await u.send('/help');
    await u.expect(APOLOGY_VI, 3000);
    await u.expect(/Các lệnh bạn có thể dùng/, 3000);
    expect(Date.now() - posted).toBeLessThan(3000);

    const row = await inboxRow('telegram', boomKey);
    expect(row).toMatchObject({ status: 'dead', attempts: 1, payloadEnc: null });
    // Where it failed is kept, never what the person wrote.
    expect(row.lastError).toMatch(/^TypeError at /);
    expect(await handlerErrors('telegram')).toBe(before + 1);
  });

  it('Zalo: a guest is told in the default language; /help right after is answered', async () => {
    const u = new ZaloUser(h);
    const before = await handlerErrors('zalo');
    const boom = u.event('message.text.received', { text: '/boom' }) as { message: { message_id: string } };
    await u.post(boom);
    await u.send('/help');
    await u.expect(APOLOGY_VI, 3000);
    await u.expect(/Gõ \/start để bắt đầu/, 3000);
    const row = await inboxRow('zalo', boom.message.message_id);
    expect(row).toMatchObject({ status: 'dead', attempts: 1, payloadEnc: null });
    expect(await handlerErrors('zalo')).toBe(before + 1);
  });

  it('in English for a guest who chose English, and for a registered person whose language is English', async () => {
    const guest = new TelegramUser(h);
    await guest.send('/start');
    await guest.pressLabel(await guest.expect(/Chọn ngôn ngữ/), /English/);
    await guest.expect(/Before we start/);
    await guest.send('/boom');
    await guest.expect(APOLOGY_EN, 3000);
    await guest.send('/help');
    await guest.expect(/Send \/start to begin/, 3000);

    const person = new TelegramUser(h);
    await onboard(person);
    const identity = await findIdentity(h, 'telegram', person.chatId);
    await h.db.user.update({ where: { id: identity!.userId }, data: { locale: 'en' } });
    await person.send('/boom');
    await person.expect(APOLOGY_EN, 3000);
    expect((await inboxRow('telegram', String(person.lastUpdateId))).attempts).toBe(1);
  });
});

describe('a transient failure', () => {
  it('a lost database connection is retried with backoff, not set aside', async () => {
    const u = new TelegramUser(h);
    flakyFailures = 2;
    await u.send('/flaky');
    // Attempts are 1 s and 2 s apart.
    await u.expect(/^flaky: answered$/, 8000);
    const row = await inboxRow('telegram', String(u.lastUpdateId));
    expect(row).toMatchObject({ status: 'done', attempts: 2 });
    expect(u.all().map((m) => m.text)).toEqual(['flaky: answered']);
  });
});

describe('PostgreSQL lost in the middle of handling', () => {
  it('the real connection error is retried, and the update handled once the database is back', async () => {
    const database = await ownDatabase();
    const target = new URL(database.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    let cuts = 1;
    const cutting: Feature = {
      name: 'cut',
      commands: {
        dbcut: {
          guest: true,
          run: async (ctx) => {
            if (cuts-- > 0) {
              // The handler's own connection dies under its query; the database is back for the retry.
              await proxy.cut();
              try {
                await ctx.tx.$queryRaw`SELECT 1`;
              } finally {
                await proxy.restore();
              }
            }
            ctx.reply('dbcut: answered');
          },
        },
      },
    };
    const own = await startHarness({ DATABASE_URL: viaProxy.toString() }, 'all', { extraFeatures: [cutting] });
    try {
      const u = new TelegramUser(own);
      await u.send('/dbcut');
      await u.expect(/^dbcut: answered$/, 8000);
      const row = await own.db.inboundUpdate.findUniqueOrThrow({
        where: { platform_updateKey: { platform: 'telegram', updateKey: String(u.lastUpdateId) } },
      });
      expect(row).toMatchObject({ status: 'done', attempts: 1 });
      expect(u.all().map((m) => m.text)).toEqual(['dbcut: answered']);
    } finally {
      await own.close();
      await proxy.close();
      await database.drop();
    }
  });
});
