import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from './telegram.ts';
import { startFakeZalo, type FakeZalo } from './zalo.ts';

let tg: FakeTelegram;
let zalo: FakeZalo;
beforeAll(async () => {
  [tg, zalo] = await Promise.all([startFakeTelegram(), startFakeZalo()]);
});
afterAll(() => Promise.all([tg.close(), zalo.close()]));

const call = async (fake: FakeTelegram | FakeZalo, method: string, body: object, token = fake.token) => {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

describe('fake Telegram', () => {
  it('answers like the Bot API and records the call', async () => {
    tg.reset();
    const r = await call(tg, 'sendMessage', { chat_id: 42, text: 'Xin chào' });
    expect(r).toMatchObject({ status: 200, body: { ok: true, result: { text: 'Xin chào', chat: { id: 42 } } } });
    expect(tg.textsTo(42)).toEqual(['Xin chào']);
  });

  it('enforces text, caption and callback data limits', async () => {
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body.description).toBe(
      'Bad Request: message is too long',
    );
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: ' ' })).status).toBe(400);
    expect(
      (await call(tg, 'sendPhoto', { chat_id: 1, photo: 'id', caption: 'x'.repeat(1025) })).body.description,
    ).toMatch(/caption is too long/);
    const markup = { inline_keyboard: [[{ text: 'a', callback_data: 'x'.repeat(65) }]] };
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'a', reply_markup: markup })).body.description).toMatch(
      /BUTTON_DATA_INVALID/,
    );
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: '<b>a', parse_mode: 'HTML' })).status).toBe(400);
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'a & b', parse_mode: 'HTML' })).status).toBe(400);
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: '<b>a &amp; b</b>', parse_mode: 'HTML' })).status).toBe(
      200,
    );
  });

  it('answers 403 for a blocked chat, injected errors with retry_after, 401 for a wrong token', async () => {
    tg.block(99);
    expect((await call(tg, 'sendMessage', { chat_id: 99, text: 'a' })).body).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 });
    expect(await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).toEqual({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      },
    });
    expect((await call(tg, 'getMe', {}, '1:wrong')).status).toBe(401);
  });

  it('limits sends over any sliding second', async () => {
    tg.reset();
    tg.setRateLimit(5);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(tg, 'sendMessage', { chat_id: i, text: 'a' }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(tg.rateLimited).toBe(3);
    tg.setRateLimit(null);
  });

  it('long-polls getUpdates and refuses it while a webhook is set', async () => {
    tg.reset();
    const pending = call(tg, 'getUpdates', { offset: 0, timeout: 5 });
    setTimeout(() => tg.pushUpdate({ update_id: 7, message: { text: 'hi' } }), 50);
    expect((await pending).body.result).toEqual([{ update_id: 7, message: { text: 'hi' } }]);
    expect((await call(tg, 'getUpdates', { offset: 8, timeout: 0 })).body.result).toEqual([]);
    await call(tg, 'setWebhook', { url: 'https://example.org/hook', secret_token: 'abc_DEF-1' });
    expect((await call(tg, 'getUpdates', {})).status).toBe(409);
    expect((await call(tg, 'setWebhook', { url: 'https://x', secret_token: 'bad secret!' })).status).toBe(400);
    await call(tg, 'deleteWebhook', {});
  });
});

describe('fake Zalo', () => {
  it('answers errors with HTTP 200 and ok:false, as Zalo does', async () => {
    zalo.reset();
    const tooLong = await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(200);
    expect(tooLong.body).toMatchObject({ ok: false, error_code: 400 });
    expect((await call(zalo, 'sendMessage', { chat_id: 'u1', text: '' })).body.ok).toBe(false);
    const ok = await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'Xin chào' });
    expect(ok.body).toMatchObject({ ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/) } });
    expect(zalo.textsTo('u1')).toEqual(['Xin chào']);
    expect((await call(zalo, 'getMe', {}, 'wrong')).status).toBe(401);
  });

  it('quota and block errors', async () => {
    zalo.block('u2');
    expect((await call(zalo, 'sendMessage', { chat_id: 'u2', text: 'a' })).body).toMatchObject({
      ok: false,
      error_code: 403,
    });
    zalo.setRateLimit(1);
    await call(zalo, 'sendMessage', { chat_id: 'u3', text: 'a' });
    expect((await call(zalo, 'sendMessage', { chat_id: 'u3', text: 'b' })).body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Quota exceeded',
    });
    zalo.setRateLimit(null);
  });

  it('getUpdates gives one update, 408 when none, 400 while a webhook is set', async () => {
    zalo.reset();
    zalo.pushUpdate({ event_name: 'message.text.received', message: { text: 'a' } });
    expect((await call(zalo, 'getUpdates', { timeout: 1 })).body.result).toMatchObject({
      event_name: 'message.text.received',
    });
    expect((await call(zalo, 'getUpdates', { timeout: 0 })).body).toEqual({
      ok: false,
      error_code: 408,
      description: 'Request timeout',
    });
    expect((await call(zalo, 'setWebhook', { url: 'https://example.org/z', secret_token: 'short' })).body.ok).toBe(
      false,
    );
    expect(
      (await call(zalo, 'setWebhook', { url: 'https://example.org/z', secret_token: 'long-enough-secret' })).body.ok,
    ).toBe(true);
    expect((await call(zalo, 'getUpdates', {})).body.error_code).toBe(400);
    await call(zalo, 'deleteWebhook', {});
  });
});
