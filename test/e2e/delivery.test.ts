import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentity, startHarness, TELEGRAM_SECRET, ZALO_SECRET, type Harness } from '../support/harness.ts';
import { onboard, reachAreaStep } from '../support/onboard.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('sending replies', () => {
  it('429 with a short retry_after: waits and delivers once', async () => {
    const u = new TelegramUser(h);
    h.tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 });
    await u.send('/start');
    await u.expect(/Xin chào/);
    await u.expect(/Chọn ngôn ngữ/);
    expect(u.all().map((m) => m.text.slice(0, 8))).toEqual(['Xin chào', 'Chọn ngô']);
  });

  it('429 with a long retry_after: the outbox reschedules the message and still delivers it once, in order', async () => {
    const u = new TelegramUser(h);
    h.tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 6', retry_after: 6 });
    const started = Date.now();
    await u.send('/start');
    await u.expect(/Xin chào/, 15_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_500);
    await u.expect(/Chọn ngôn ngữ/);
    expect(u.all()).toHaveLength(2);
  }, 30_000);

  it('5xx is retried with backoff', async () => {
    const u = new TelegramUser(h);
    h.tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 3);
    await u.send('/help');
    await u.expect(/Gõ \/start để bắt đầu/, 15_000);
    expect(u.all()).toHaveLength(1);
  });

  it('403 blocked: the person is marked as having blocked the bot and the message is not retried', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    h.tg.block(u.id);
    await u.send('/help');
    await expect
      .poll(async () => (await findIdentity(h, 'telegram', u.chatId))?.blockedAt, { timeout: 5000 })
      .toBeInstanceOf(Date);
    await new Promise((r) => setTimeout(r, 2500));
    const attempts = h.tg.callsTo('sendMessage').filter((c) => String(c.params.chat_id) === u.chatId && c.error);
    expect(attempts).toHaveLength(1);
  });

  it('Zalo errors that arrive as HTTP 200 with ok:false are retried, then delivered once', async () => {
    const u = new ZaloUser(h);
    h.zalo.failNext('sendMessage', { error_code: 500, description: 'Internal error' }, 2);
    await u.send('Xin chào');
    await u.expect(/Xin chào! Đây là trợ lý/, 15_000);
    await u.expect(/Chọn ngôn ngữ/);
    expect(u.all()).toHaveLength(2);
  });

  it("a text over Zalo's 2000 characters is split, never cut", async () => {
    const u = new ZaloUser(h);
    await reachAreaStep(u);
    await u.send('x'.repeat(1990) + ' hung my');
    const reply = await u.expect(/Không tìm thấy|kết quả/);
    expect(reply.text.length).toBeLessThanOrEqual(2000);
  });
});

describe('platform signals', () => {
  it('Telegram my_chat_member kicked/member marks and clears the block', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const member = (status: string, id: number) => ({
      update_id: id,
      my_chat_member: {
        chat: { id: u.id, type: 'private' },
        from: u.from,
        date: 1,
        old_chat_member: { status: 'member', user: { id: 1, is_bot: true, first_name: 'bot' } },
        new_chat_member: { status, user: { id: 1, is_bot: true, first_name: 'bot' } },
      },
    });
    await u.post(member('kicked', u.lastUpdateId + 100_000));
    await expect
      .poll(async () => (await findIdentity(h, 'telegram', u.chatId))?.blockedAt, { timeout: 5000 })
      .toBeInstanceOf(Date);
    await u.post(member('member', u.lastUpdateId + 100_001));
    await expect
      .poll(async () => (await findIdentity(h, 'telegram', u.chatId))?.blockedAt, { timeout: 5000 })
      .toBeNull();
  });

  it('in a group chat, personal commands point to a private chat and other talk is ignored', async () => {
    const u = new TelegramUser(h);
    const group = -1_000_000_000 - u.id;
    const inGroup = (text: string) => ({
      ...u.messageUpdate({ text }),
      message: { ...u.messageUpdate({ text }).message, chat: { id: group, type: 'supergroup' } },
    });
    await u.post(inGroup('xin chào mọi người'));
    await u.post(inGroup('/start@antq_test_bot'));
    const reply = await h.tg.waitFor(() => h.tg.messagesTo(group)[0]);
    expect(reply.params.text).toBe('Vui lòng nhắn riêng cho bot để sử dụng các chức năng cá nhân.');
    await new Promise((r) => setTimeout(r, 500));
    expect(h.tg.messagesTo(group)).toHaveLength(1);
  });
});

describe('start-up and update modes', () => {
  it('with PUBLIC_URL, registers both webhooks with their secrets and the Telegram command menu in vi and en', async () => {
    const own = await startHarness({ PUBLIC_URL: 'https://antq.example.vn/' });
    try {
      expect(own.tg.callsTo('setWebhook')[0]?.params).toMatchObject({
        url: 'https://antq.example.vn/webhooks/telegram',
        secret_token: TELEGRAM_SECRET,
        allowed_updates: ['message', 'callback_query', 'my_chat_member'],
      });
      expect(own.zalo.callsTo('setWebhook')[0]?.params).toEqual({
        url: 'https://antq.example.vn/webhooks/zalo',
        secret_token: ZALO_SECRET,
      });
      const menus = own.tg.callsTo('setMyCommands').map((c) => c.params);
      expect(menus).toHaveLength(2);
      expect(menus[0]!.language_code).toBeUndefined();
      expect(menus[0]!.commands).toContainEqual({ command: 'stop', description: 'Dừng nhận thông báo' });
      expect(menus[1]).toMatchObject({ language_code: 'en' });
      expect(menus[1]!.commands).toContainEqual({ command: 'stop', description: 'Stop notices' });
    } finally {
      await own.close();
    }
  });

  it('polling mode feeds polled updates from both platforms through the same inbox', async () => {
    const own = await startHarness({ UPDATES_MODE: 'polling' });
    try {
      const t = new TelegramUser(own);
      const z = new ZaloUser(own);
      own.tg.pushUpdate(t.messageUpdate({ text: '/start' }));
      own.zalo.pushUpdate(z.event('message.text.received', { text: 'Xin chào' }, true));
      await t.expect(/Chọn ngôn ngữ/);
      await z.expect(/Chọn ngôn ngữ/);
      expect(own.tg.callsTo('deleteWebhook').length, 'telegram deleteWebhook').toBeGreaterThanOrEqual(1);
      expect(own.zalo.callsTo('deleteWebhook').length, 'zalo deleteWebhook').toBeGreaterThanOrEqual(1);
    } finally {
      await own.close();
    }
  });
});

describe('Redis is transport, PostgreSQL the ledger', () => {
  it('updates whose jobs Redis lost are handled anyway', async () => {
    const own = await startHarness({}, 'web');
    const redis = new Redis(own.config.REDIS_URL!);
    try {
      const u = new TelegramUser(own);
      await u.send('/start');
      // Everything this deployment had in Redis is gone (as after FLUSHALL or a restart without persistence).
      const keys = await redis.keys(`${own.config.REDIS_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      await own.restart('all');
      await u.expect(/Chọn ngôn ngữ/, 15_000);
    } finally {
      redis.disconnect();
      await own.close();
    }
  });
});
