import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatKeyOf } from '../../src/core/keys.ts';
import { Pii } from '../../src/security/pii.ts';
import { ownDatabase, startHarness, TELEGRAM_SECRET, ZALO_SECRET, type Harness } from '../support/harness.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { reachAreaStep } from '../support/onboard.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const inboxRows = (platform: 'telegram' | 'zalo', updateKey: string) =>
  h.service.db.inboundUpdate.count({ where: { platform, updateKey } });

describe('webhook secret', () => {
  it.each([
    ['telegram', 'wrong-secret'],
    ['telegram', null],
    ['zalo', 'wrong-secret-value'],
    ['zalo', null],
  ] as const)('%s with secret %s → 401 and nothing stored', async (platform, secret) => {
    const body =
      platform === 'telegram'
        ? new TelegramUser(h).messageUpdate({ text: '/start' })
        : new ZaloUser(h).event('message.text.received', { text: 'hi' });
    const res = await h.post(platform, body, { secret });
    expect(res.status).toBe(401);
    const key =
      platform === 'telegram'
        ? String((body as { update_id: number }).update_id)
        : (body as { message: { message_id: string } }).message.message_id;
    expect(await inboxRows(platform, key)).toBe(0);
  });

  it('the secret is checked before the body is read (wrong secret + garbage → 401)', async () => {
    const res = await h.post('telegram', null, { secret: 'nope', raw: '{not json' });
    expect(res.status).toBe(401);
  });
});

describe('bad bodies', () => {
  it.each([
    ['telegram', '{"update_id": 1, "message": '],
    ['telegram', '{}'],
    ['telegram', '[]'],
    ['telegram', '"hello"'],
    ['telegram', '{"update_id": "x"}'],
    ['telegram', '{"update_id": -5}'],
    ['zalo', '{"event_name": "message.text.received"'],
    ['zalo', '{"foo": 1}'],
    ['zalo', '{"ok": true, "result": {"event_name": "message.text.received"}}'],
    [
      'zalo',
      '{"event_name": "message.text.received", "message": {"message_id": "", "date": 1, "from": {"id": "a"}, "chat": {"id": "a"}}}',
    ],
  ] as const)('%s %s → 400', async (platform, raw) => {
    const res = await h.post(platform, null, { raw });
    expect(res.status).toBe(400);
    expect(await res.json()).toHaveProperty('error');
  });

  it('an update kind the bot does not act on is acknowledged and not stored', async () => {
    const res = await h.post('telegram', {
      update_id: 777_000_001,
      edited_message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' } },
    });
    expect(res.status).toBe(200);
    expect(await inboxRows('telegram', '777000001')).toBe(0);
  });
});

describe('retries and ordering', () => {
  it('the same Telegram update posted 3 times is handled once', async () => {
    const u = new TelegramUser(h);
    const update = u.messageUpdate({ text: '/start' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await h.post('telegram', update)).status);
    expect(statuses).toEqual([200, 200, 200]);
    await u.expect(/Chọn ngôn ngữ/);
    await u.expectSilence(800);
    expect(u.all()).toHaveLength(2); // welcome + language question, once
    expect(await inboxRows('telegram', String(update.update_id))).toBe(1);
  });

  it('the same Zalo message posted 3 times (flat and wrapped) is handled once', async () => {
    const u = new ZaloUser(h);
    const flat = u.event('message.text.received', { text: 'Xin chào' });
    const wrapped = { ok: true, result: flat };
    await Promise.all([h.post('zalo', flat), h.post('zalo', wrapped), h.post('zalo', flat)]);
    await u.expect(/Chọn ngôn ngữ/);
    await u.expectSilence(800);
    expect(u.all()).toHaveLength(2);
  });

  async function userInAreaStep(harness: Harness) {
    const u = new TelegramUser(harness);
    await reachAreaStep(u);
    return u;
  }
  // In the area step every unknown name is echoed back: the echoes show the order of handling.
  const echoOf = (text: string) => text.match(/"(zzq \d+)"/)?.[1];

  it('updates of one chat posted concurrently, in shuffled order, are answered in update_id order', async () => {
    const own = await startHarness();
    try {
      const u = await userInAreaStep(own);
      // Only the web half runs: updates are taken, none handled yet.
      await own.restart('web');
      const updates = Array.from({ length: 12 }, (_, i) => u.messageUpdate({ text: `zzq ${i}` }));
      const shuffled = [...updates].sort(() => Math.random() - 0.5);
      const statuses = await Promise.all(shuffled.map(async (update) => (await own.post('telegram', update)).status));
      expect(statuses).toEqual(updates.map(() => 200));
      await u.expectSilence(300);
      await own.restart('all');
      const echoes = [];
      for (let i = 0; i < 12; i++) echoes.push(echoOf((await u.next()).text));
      expect(echoes).toEqual(updates.map((_, i) => `zzq ${i}`));
    } finally {
      await own.close();
    }
  });

  it("a registered person's concurrent messages are each answered once, one after another", async () => {
    const u = await userInAreaStep(h);
    const updates = Array.from({ length: 12 }, (_, i) => u.messageUpdate({ text: `zzq ${i}` }));
    await Promise.all(updates.map((update) => h.post('telegram', update)));
    const echoes = [];
    for (let i = 0; i < 12; i++) echoes.push(echoOf((await u.next()).text));
    expect([...echoes].sort()).toEqual(updates.map((_, i) => `zzq ${i}`).sort());
    await u.expectSilence(300);
  });
});

describe('PostgreSQL unreachable', () => {
  it('answers non-2xx while the database is away, and handles the retried update after it returns', async () => {
    const database = await ownDatabase();
    const target = new URL(database.url);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const own = await startHarness({ DATABASE_URL: viaProxy.toString() });
    try {
      const u = new TelegramUser(own);
      const update = u.messageUpdate({ text: '/start' });
      await proxy.cut();
      const down = await own.post('telegram', update);
      expect(down.status).toBeGreaterThanOrEqual(500);
      const ready = await fetch(`${own.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ postgres: 'down', redis: 'ok' });

      await proxy.restore();
      // The platform retries the same update once the database is back.
      let status = 0;
      for (let i = 0; i < 20 && status !== 200; i++) {
        status = (await own.post('telegram', update)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 250));
      }
      expect(status).toBe(200);
      await u.expect(/Chọn ngôn ngữ/);
      const pii = new Pii(own.config.DATA_ENCRYPTION_KEY);
      expect(
        await own.service.db.inboundUpdate.count({ where: { chatKey: chatKeyOf(pii, 'telegram', u.chatId) } }),
      ).toBe(1);
    } finally {
      await own.close();
      await proxy.close();
      await database.drop();
    }
  });
});

describe('health', () => {
  it('serves /healthz, /readyz and /metrics', async () => {
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', postgres: 'ok', redis: 'ok' });
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/antq_updates_received_total\{platform="telegram",result="accepted"\} \d+/);
    expect(metrics).not.toContain(TELEGRAM_SECRET);
    expect(metrics).not.toContain(ZALO_SECRET);
  });
});
