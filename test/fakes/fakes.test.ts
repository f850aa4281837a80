import { Api, Bot, GrammyError, InputFile } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Fake } from './http-fake.ts';
import { fakePhotoBytes, startFakeTelegram, type FakeTelegram } from './telegram.ts';
import { startFakeZalo, type FakeZalo } from './zalo.ts';

let tg: FakeTelegram;
let zalo: FakeZalo;
beforeAll(async () => {
  [tg, zalo] = await Promise.all([startFakeTelegram(), startFakeZalo()]);
});
afterAll(() => Promise.all([tg.close(), zalo.close()]));
beforeEach(() => {
  tg.reset();
  zalo.reset();
});

interface Answer {
  status: number;
  body: Record<string, any>;
  ms: number;
}

async function call(
  fake: Fake,
  method: string,
  params: object = {},
  opts: { token?: string; signal?: AbortSignal } = {},
): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${fake.apiRoot}/bot${opts.token ?? fake.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
    signal: opts.signal,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any>, ms: Date.now() - started };
}

/** A 400 with this Telegram description. */
const tgBad = (description: string) => ({ status: 400, body: { ok: false, error_code: 400, description } });

describe('fake Telegram', () => {
  it('answers getMe and sends with Message objects, and records every call', async () => {
    expect((await call(tg, 'getMe')).body).toEqual({
      ok: true,
      result: {
        id: 123456,
        is_bot: true,
        first_name: 'ANTQ Test Bot',
        username: 'antq_test_bot',
        can_join_groups: true,
        can_read_all_group_messages: false,
        supports_inline_queries: false,
      },
    });
    const first = await call(tg, 'sendMessage', { chat_id: 42, text: 'Xin chào' });
    const second = await call(tg, 'sendMessage', { chat_id: '42', text: 'Lần hai' });
    expect(first).toMatchObject({
      status: 200,
      body: { ok: true, result: { text: 'Xin chào', chat: { id: 42, type: 'private' }, from: { is_bot: true } } },
    });
    expect(second.body.result.message_id).toBe(first.body.result.message_id + 1);
    await call(tg, 'sendChatAction', { chat_id: 42, action: 'typing' });
    await call(tg, 'sendMessage', { chat_id: -1001234, text: 'nhóm' });

    expect(tg.calls.map((c) => c.method)).toEqual([
      'getMe',
      'sendMessage',
      'sendMessage',
      'sendChatAction',
      'sendMessage',
    ]);
    expect(tg.calls[1]).toMatchObject({ params: { chat_id: 42, text: 'Xin chào' }, result: first.body.result });
    expect(tg.calls[1]!.at).toBeGreaterThan(Date.now() - 5000);
    expect(tg.textsTo(42)).toEqual(['Xin chào', 'Lần hai']); // chat actions are not messages
    expect(tg.messagesTo('-1001234')[0]!.result).toMatchObject({ chat: { id: -1001234, type: 'supergroup' } });
    expect(tg.callsTo('sendMessage')).toHaveLength(3);
  });

  it('reads query strings, urlencoded bodies and multipart uploads (fetch and grammY)', async () => {
    let res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage?chat_id=7&text=${encodeURIComponent('qua GET')}`);
    expect(res.status).toBe(200);
    res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendMessage`, {
      method: 'POST',
      body: new URLSearchParams({ chat_id: '7', text: 'qua form' }),
    });
    expect(res.status).toBe(200);

    const form = new FormData();
    form.set('chat_id', '7');
    form.set('caption', 'ảnh');
    form.set('document', new Blob([Buffer.from('%PDF-1.4 fake')]), 'báo cáo.pdf');
    res = await fetch(`${tg.apiRoot}/bot${tg.token}/sendDocument`, { method: 'POST', body: form });
    expect(((await res.json()) as any).result).toMatchObject({
      caption: 'ảnh',
      document: { file_name: 'báo cáo.pdf' },
    });
    expect(tg.callsTo('sendDocument')[0]!.files!.document).toEqual({
      filename: 'báo cáo.pdf',
      size: 13,
      content: Buffer.from('%PDF-1.4 fake'),
    });

    // grammY: unquoted filename, `photo: "attach://<id>"`, reply_markup as a JSON string field.
    const api = new Api(tg.token, { apiRoot: tg.apiRoot });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xd9]); // binary, with CRLF and "--"
    const sent = await api.sendPhoto(7, new InputFile(bytes, 'tip.jpg'), {
      caption: 'Ảnh hiện trường',
      reply_markup: { inline_keyboard: [[{ text: 'Xem', callback_data: 'tip:1' }]] },
    });
    expect(sent.photo?.[0]?.file_size).toBe(bytes.length);
    const upload = tg.callsTo('sendPhoto')[0]!;
    expect(upload.params).toMatchObject({
      chat_id: '7',
      caption: 'Ảnh hiện trường',
      photo: expect.stringMatching(/^attach:\/\//),
    });
    expect(upload.files).toEqual({ photo: { filename: 'tip.jpg', size: bytes.length, content: bytes } });
    expect(tg.textsTo(7)).toEqual(['qua GET', 'qua form', 'ảnh', 'Ảnh hiện trường']);

    const error = await api
      .sendPhoto(7, new InputFile(bytes, 'tip.jpg'), {
        reply_markup: { inline_keyboard: [[{ text: 'Xem', callback_data: 'x'.repeat(65) }]] },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 400, description: 'Bad Request: BUTTON_DATA_INVALID' });
  });

  it('enforces text and caption limits on what the user sees', async () => {
    const send = (params: object) => call(tg, 'sendMessage', { chat_id: 1, ...params });
    expect(await send({ text: ' \n ' })).toMatchObject(tgBad('Bad Request: message text is empty'));
    expect(await send({})).toMatchObject(tgBad('Bad Request: message text is empty'));
    expect(await call(tg, 'sendMessage', { text: 'a' })).toMatchObject(tgBad('Bad Request: chat_id is empty'));
    expect((await send({ text: 'x'.repeat(4096) })).status).toBe(200);
    expect(await send({ text: 'x'.repeat(4097) })).toMatchObject(tgBad('Bad Request: message is too long'));
    // Tags and entities are not counted; an emoji is two UTF-16 units.
    expect((await send({ text: `<b>${'x'.repeat(4090)}&amp;</b>`, parse_mode: 'HTML' })).status).toBe(200);
    expect((await send({ text: '😀'.repeat(2049) })).body.description).toBe('Bad Request: message is too long');
    expect((await send({ text: '<b></b>', parse_mode: 'HTML' })).body.description).toBe(
      'Bad Request: message text is empty',
    );

    for (const [method, field] of [
      ['sendPhoto', 'photo'],
      ['sendDocument', 'document'],
    ] as const) {
      const params = { chat_id: 1, [field]: 'AgACAgIAAxkBAAI' };
      expect((await call(tg, method, { ...params, caption: 'x'.repeat(1024) })).status).toBe(200);
      expect(await call(tg, method, { ...params, caption: 'x'.repeat(1025) })).toMatchObject(
        tgBad('Bad Request: message caption is too long'),
      );
      expect(await call(tg, method, { chat_id: 1 })).toMatchObject(
        tgBad(`Bad Request: there is no ${field} in the request`),
      );
    }
    expect((await call(tg, 'answerCallbackQuery', { callback_query_id: 'q', text: 'x'.repeat(200) })).status).toBe(200);
    expect((await call(tg, 'answerCallbackQuery', { callback_query_id: 'q', text: 'x'.repeat(201) })).status).toBe(400);
    expect((await call(tg, 'sendChatAction', { chat_id: 1, action: 'dancing' })).status).toBe(400);
  });

  it('checks inline buttons: callback_data of 1–64 UTF-8 bytes, reply_markup as object or JSON string', async () => {
    const send = (buttons: object[], asString = false) => {
      const markup = { inline_keyboard: [buttons] };
      return call(tg, 'sendMessage', {
        chat_id: 1,
        text: 'a',
        reply_markup: asString ? JSON.stringify(markup) : markup,
      });
    };
    const invalid = tgBad('Bad Request: BUTTON_DATA_INVALID');
    expect((await send([{ text: 'ok', callback_data: 'x'.repeat(64) }])).status).toBe(200);
    expect(await send([{ text: 'ok', callback_data: 'x'.repeat(65) }])).toMatchObject(invalid);
    expect(await send([{ text: 'ok', callback_data: 'x'.repeat(65) }], true)).toMatchObject(invalid);
    expect(await send([{ text: 'ok', callback_data: '' }])).toMatchObject(invalid);
    // 22 characters but 66 bytes: Telegram counts bytes.
    expect(await send([{ text: 'ok', callback_data: 'ạ'.repeat(22) }])).toMatchObject(invalid);
    expect((await send([{ text: 'ok', callback_data: 'ạ'.repeat(21) }])).status).toBe(200);
    expect((await send([{ text: 'chỉ chữ' }])).body.description).toBe(
      'Bad Request: text buttons are unallowed in the inline keyboard',
    );
    const broken = await call(tg, 'sendMessage', { chat_id: 1, text: 'a', reply_markup: '{"inline_keyboard":' });
    expect(broken.status).toBe(400);
  });

  it.each<[string, true | RegExp]>([
    ['<b>đậm</b> <i>nghiêng</i> <a href="https://x.vn/?a=1&amp;b=2">link</a> &lt;3 &#128512; &#x1F600; &quot;', true],
    [
      '<b><i>lồng</i></b> <tg-spoiler>bí mật</tg-spoiler> <span class="tg-spoiler">x</span> <pre><code>c</code></pre>',
      true,
    ],
    ['<B>hoa</B> <blockquote>trích</blockquote> a > b', true],
    ['<b>chưa đóng', /can't find end tag corresponding to start tag "b"/i],
    ['<b><i>x</b></i>', /Unmatched end tag at byte offset \d+, expected "<\/i>", found "<\/b>"/],
    ['dòng<br>dòng', /Unsupported start tag "br" at byte offset 5/], // "dòng" is 5 UTF-8 bytes
    ['a < b', /Unclosed start tag at byte offset 2/],
    ['a < b > c', /Unsupported start tag "" at byte offset 2/],
    ['mèo & chó', /Unescaped "&"/],
    ['&nbsp;', /unsupported entity/],
    ['</b>', /Unexpected end tag/],
    ['<span>x</span>', /must have class "tg-spoiler"/],
    ['<b', /Unclosed start tag/],
  ])('parse_mode HTML: %s', async (text, expected) => {
    const res = await call(tg, 'sendMessage', { chat_id: 1, text, parse_mode: 'HTML' });
    if (expected === true) expect(res.status).toBe(200);
    else {
      expect(res.status).toBe(400);
      expect(res.body.description).toMatch(/^Bad Request: can't parse entities: /);
      expect(res.body.description).toMatch(expected);
    }
  });

  it('edits what a sent message shows, refusing like Telegram: not found, no text, not modified', async () => {
    const buttons = { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] };
    const sent = await call(tg, 'sendMessage', { chat_id: 1, text: 'card', reply_markup: buttons });
    const id = sent.body.result.message_id;
    const edit = (params: object) => call(tg, 'editMessageText', { chat_id: 1, message_id: id, ...params });
    expect(await edit({ text: 'card', reply_markup: buttons })).toMatchObject(
      tgBad(expect.stringMatching(/^Bad Request: message is not modified/) as never),
    );
    const changed = await edit({ text: 'card v2', reply_markup: buttons });
    expect(changed.body.result).toMatchObject({ message_id: id, text: 'card v2', edit_date: expect.any(Number) });
    expect(tg.showing(1, id)).toEqual({ text: 'card v2', reply_markup: buttons });
    // Without reply_markup an edit drops the buttons, as on Telegram.
    expect((await edit({ text: 'card v2' })).status).toBe(200);
    expect(tg.showing(1, id)).toEqual({ text: 'card v2', reply_markup: null });
    expect(await call(tg, 'editMessageReplyMarkup', { chat_id: 1, message_id: id })).toMatchObject(
      tgBad(expect.stringMatching(/^Bad Request: message is not modified/) as never),
    );
    expect(await call(tg, 'editMessageText', { chat_id: 2, message_id: id, text: 'x' })).toMatchObject(
      tgBad('Bad Request: message to edit not found'),
    );
    const photo = await call(tg, 'sendPhoto', { chat_id: 1, photo: 'AgACAgIAAxkBAAI' });
    expect(
      await call(tg, 'editMessageText', { chat_id: 1, message_id: photo.body.result.message_id, text: 'x' }),
    ).toMatchObject(tgBad('Bad Request: there is no text in the message to edit'));
  });

  it('HTML checks apply only with parse_mode HTML, and the result text is the visible text', async () => {
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'mèo & <chó>' })).body.result.text).toBe('mèo & <chó>');
    const res = await call(tg, 'sendMessage', { chat_id: 1, text: '<b>a &amp; b</b>', parse_mode: 'HTML' });
    expect(res.body.result.text).toBe('a & b');
    expect(tg.textsTo(1)).toEqual(['mèo & <chó>', '<b>a &amp; b</b>']); // as sent
  });

  it('answers blocked chats, injected errors, wrong tokens and unknown methods like Telegram', async () => {
    tg.block(99);
    const blocked = { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' };
    expect(await call(tg, 'sendMessage', { chat_id: 99, text: 'a' })).toMatchObject({ status: 403, body: blocked });
    expect((await call(tg, 'sendPhoto', { chat_id: '99', photo: 'id' })).body).toEqual(blocked);
    expect((await call(tg, 'sendChatAction', { chat_id: 99, action: 'typing' })).body).toEqual(blocked);
    expect((await call(tg, 'sendMessage', { chat_id: 98, text: 'a' })).status).toBe(200);

    tg.failNext('sendMessage', { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 }, 2);
    const limited = {
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 3',
        parameters: { retry_after: 3 },
      },
    };
    expect(await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).toMatchObject(limited);
    expect(await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).toMatchObject(limited);
    expect((await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).status).toBe(200);
    tg.failNext('getMe', { error_code: 502, description: 'Bad Gateway', httpStatus: 200 });
    expect(await call(tg, 'getMe')).toMatchObject({ status: 200, body: { ok: false, error_code: 502 } });
    tg.failNext('sendMessage', {
      error_code: 400,
      description: 'Bad Request: group chat was upgraded to a supergroup chat',
      parameters: { migrate_to_chat_id: -1001234567890 },
    });
    expect((await call(tg, 'sendMessage', { chat_id: -5, text: 'a' })).body.parameters).toEqual({
      migrate_to_chat_id: -1001234567890,
    });

    const unauthorized = { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    expect(await call(tg, 'getMe', {}, { token: '1:wrong' })).toMatchObject(unauthorized);
    const notFound = { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    expect(await call(tg, 'sendCarrierPigeon', { chat_id: 1 })).toMatchObject(notFound);
    const res = await fetch(`${tg.apiRoot}/nothing/here`);
    expect({ status: res.status, body: await res.json() }).toEqual(notFound);

    // Errors are recorded too, but are not messages.
    expect(
      tg
        .callsTo('sendMessage')
        .filter((c) => c.error)
        .map((c) => c.error!.error_code),
    ).toEqual([403, 429, 429, 400]);
    expect(tg.messagesTo(99)).toEqual([]);
    expect(tg.messagesTo(5)).toHaveLength(1);
  });

  it('flood control from the next message: every message in the wait answers 429 with the seconds left', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] });
    try {
      tg.floodFromNext(3);
      const retryAfter = async () => (await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).body.parameters;
      expect(await retryAfter()).toEqual({ retry_after: 3 });
      vi.advanceTimersByTime(1500);
      expect(await retryAfter()).toEqual({ retry_after: 2 });
      vi.advanceTimersByTime(1600);
      expect((await call(tg, 'sendMessage', { chat_id: 5, text: 'a' })).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits successful sends over any sliding second, exactly', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'] }); // only the clocks: sockets and setTimeout stay real
    try {
      tg.setRateLimit(3);
      const send = (n: number) => call(tg, 'sendMessage', { chat_id: 1, text: `m${n}` }).then((r) => r.status);
      expect([await send(1), await send(2)]).toEqual([200, 200]); // t = 0
      vi.advanceTimersByTime(500);
      expect([await send(3), await send(4)]).toEqual([200, 429]); // t = 500: three in the window
      expect((await call(tg, 'sendMessage', { chat_id: 1, text: '' })).status).toBe(400); // invalid sends don't count…
      expect((await call(tg, 'sendChatAction', { chat_id: 1, action: 'typing' })).status).toBe(200); // …nor chat actions
      vi.advanceTimersByTime(499);
      expect(await send(5)).toBe(429); // t = 999: the sends of t = 0 are still inside
      vi.advanceTimersByTime(1);
      expect([await send(6), await send(7), await send(8)]).toEqual([200, 200, 429]); // t = 1000: they left
      vi.advanceTimersByTime(499);
      expect(await send(9)).toBe(429); // t = 1499: a fixed one-second bucket would have allowed it
      vi.advanceTimersByTime(1);
      expect(await send(10)).toBe(200);
      expect(tg.rateLimited).toBe(4);
      expect(tg.textsTo(1)).toEqual(['m1', 'm2', 'm3', 'm6', 'm7', 'm10']);
      expect(tg.callsTo('sendMessage').find((c) => c.error?.error_code === 429)?.error).toMatchObject({
        description: 'Too Many Requests: retry after 1',
        retry_after: 1,
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('limits a concurrent burst and lifts the limit with null', async () => {
    tg.setRateLimit(5);
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) => call(tg, 'sendMessage', { chat_id: i, text: 'a' })),
    );
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    expect(burst.find((r) => r.status === 429)?.body).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(tg.rateLimited).toBe(3);
    tg.setRateLimit(null);
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
  });

  it('getUpdates: queue with confirmation by offset, long polling woken by pushUpdate', async () => {
    tg.pushUpdate({ update_id: 10, message: { text: 'một' } });
    tg.pushUpdate({ message: { text: 'hai' } }); // numbered by the fake
    let res = await call(tg, 'getUpdates', { offset: 0 });
    expect(res.body).toEqual({
      ok: true,
      result: [
        { update_id: 10, message: { text: 'một' } },
        { update_id: 11, message: { text: 'hai' } },
      ],
    });
    expect((await call(tg, 'getUpdates', { limit: 1 })).body.result).toHaveLength(1); // unconfirmed: still there
    expect((await call(tg, 'getUpdates', { offset: 11 })).body.result).toEqual([
      { update_id: 11, message: { text: 'hai' } },
    ]);
    expect((await call(tg, 'getUpdates', { offset: 12, timeout: 0 })).body.result).toEqual([]);
    expect((await call(tg, 'getWebhookInfo')).body.result).toMatchObject({ url: '', pending_update_count: 0 });

    const pending = call(tg, 'getUpdates', { offset: 12, timeout: 10 });
    setTimeout(() => tg.pushUpdate({ update_id: 12, message: { text: 'ba' } }), 30);
    res = await pending;
    expect(res.body.result).toEqual([{ update_id: 12, message: { text: 'ba' } }]);
    expect(res.ms).toBeLessThan(1000);

    res = await call(tg, 'getUpdates', { offset: 13, timeout: 0.2 });
    expect(res.body).toEqual({ ok: true, result: [] });
    expect(res.ms).toBeGreaterThanOrEqual(150);
  });

  it('getUpdates: a newer poll terminates the pending one; refused while a webhook is set', async () => {
    const first = call(tg, 'getUpdates', { timeout: 10 });
    await tg.waitFor(() => tg.callsTo('getUpdates').length === 1);
    const stop = new AbortController();
    const second = call(tg, 'getUpdates', { timeout: 10 }, { signal: stop.signal }).catch(() => 'aborted');
    expect(await first).toMatchObject({
      status: 409,
      body: {
        error_code: 409,
        description:
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
      },
    });
    stop.abort();
    expect(await second).toBe('aborted');

    expect(
      (await call(tg, 'setWebhook', { url: 'https://antq.example.vn/hook', secret_token: 'abc_DEF-1' })).body,
    ).toEqual({
      ok: true,
      result: true,
      description: 'Webhook was set',
    });
    expect(await call(tg, 'getUpdates', { timeout: 5 })).toMatchObject({
      status: 409,
      body: {
        ok: false,
        error_code: 409,
        description:
          "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      },
    });
    expect((await call(tg, 'getWebhookInfo')).body.result).toMatchObject({ url: 'https://antq.example.vn/hook' });
    expect((await call(tg, 'deleteWebhook')).body).toMatchObject({ ok: true, result: true });
    expect((await call(tg, 'getUpdates')).body).toEqual({ ok: true, result: [] });
  });

  it('serves a grammY bot in polling mode, with a clean stop', async () => {
    const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } });
    bot.on('message:text', (ctx) => ctx.reply(`Bạn nói: ${ctx.message.text}`));
    const polling = bot.start({ timeout: 30 });
    const chat = { id: 77, type: 'private' as const, first_name: 'Lan' };
    tg.pushUpdate({
      message: { message_id: 1, date: 1, chat, from: { id: 77, is_bot: false, first_name: 'Lan' }, text: 'chào' },
    });
    await tg.waitFor(() => tg.messagesTo(77)[0]);
    await bot.stop(); // aborts its long poll, then confirms the offset
    await polling;
    expect(tg.textsTo(77)).toEqual(['Bạn nói: chào']);
    expect(tg.calls.filter((c) => c.error)).toEqual([]);
    expect((await call(tg, 'getUpdates')).body.result).toEqual([]); // confirmed on stop
  });

  it('validates setWebhook and setMyCommands', async () => {
    const hook = (params: object) => call(tg, 'setWebhook', params).then((r) => r.body.description);
    expect(await hook({ url: 'https://x.vn/h', secret_token: 'có dấu' })).toBe(
      'Bad Request: secret token contains unallowed characters',
    );
    expect(await hook({ url: 'https://x.vn/h', secret_token: 'x'.repeat(257) })).toMatch(/unallowed characters/);
    expect(await hook({ url: 'http://x.vn/h' })).toBe(
      'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
    );
    expect(await hook({ url: 'https://x.vn:3000/h' })).toMatch(/ports 80, 88, 443 or 8443/);
    expect((await call(tg, 'getWebhookInfo')).body.result.url).toBe('');

    const commands = [{ command: 'start', description: 'Bắt đầu' }];
    expect(
      (await call(tg, 'setMyCommands', { commands: [{ command: 'Start', description: 'x' }] })).body.description,
    ).toBe('Bad Request: BOT_COMMAND_INVALID');
    expect((await call(tg, 'setMyCommands', { commands, language_code: 'vi' })).body.result).toBe(true);
    expect((await call(tg, 'getMyCommands', { language_code: 'vi' })).body.result).toEqual(commands);
    // One chat's menu is its own: set apart from everyone's, and a chat scope needs its chat.
    const staffMenu = [...commands, { command: 'inbox', description: 'Hộp tin báo' }];
    const chatScope = { type: 'chat', chat_id: 42 };
    expect((await call(tg, 'setMyCommands', { commands: staffMenu, scope: chatScope })).body.result).toBe(true);
    expect((await call(tg, 'getMyCommands', { scope: chatScope })).body.result).toEqual(staffMenu);
    expect((await call(tg, 'getMyCommands', { scope: { type: 'chat', chat_id: 43 } })).body.result).toEqual([]);
    expect((await call(tg, 'getMyCommands', { language_code: 'vi' })).body.result).toEqual(commands);
    expect((await call(tg, 'setMyCommands', { commands, scope: { type: 'chat' } })).body.description).toBe(
      'Bad Request: chat_id is empty',
    );
    expect((await call(tg, 'setMyCommands', { commands, scope: { type: 'everyone' } })).body.description).toBe(
      'Bad Request: unsupported bot command scope type',
    );
    expect((await call(tg, 'getFile', { file_id: 'abc' })).body.result).toMatchObject({
      file_id: 'abc',
      file_size: fakePhotoBytes('abc').length,
      file_path: 'photos/abc.jpg',
    });
    // The file address getFile names serves the bytes, with the right token only.
    const download = await fetch(`${tg.apiRoot}/file/bot${tg.token}/photos/abc.jpg`);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(fakePhotoBytes('abc'));
    expect((await fetch(`${tg.apiRoot}/file/bot1:wrong/photos/abc.jpg`)).status).toBe(401);
    expect((await fetch(`${tg.apiRoot}/file/bot${tg.token}/documents/x.pdf`)).status).toBe(404);
  });

  it('waitFor resolves on the call, retries throwing picks, and times out listing the last calls', async () => {
    setTimeout(() => void call(tg, 'sendMessage', { chat_id: 3, text: 'đến rồi' }), 20);
    const message = await tg.waitFor(() => tg.messagesTo(3)[0]);
    expect(message.params.text).toBe('đến rồi');
    expect(
      await tg.waitFor(() => {
        expect(tg.textsTo(3)).toEqual(['đến rồi']);
        return 'checked';
      }),
    ).toBe('checked');

    tg.failNext('sendMessage', { error_code: 500, description: 'Internal Server Error' });
    await call(tg, 'sendMessage', { chat_id: 4, text: 'lỗi' });
    const error = await tg
      .waitFor(() => {
        expect(tg.textsTo(4)).toEqual(['lỗi']);
      }, 60)
      .catch((e: Error) => e.message);
    expect(error).toMatch(/^waitFor timed out after 60 ms \(last error: .*\); last 2 of 2 calls:/);
    expect(error).toContain('sendMessage {"chat_id":4,"text":"lỗi"} → 500 Internal Server Error');
  });

  it('reset forgets calls, injected errors, blocks, limits and updates', async () => {
    tg.block(1);
    tg.failNext('getMe', { error_code: 500, description: 'x' });
    tg.setRateLimit(0);
    await call(tg, 'sendMessage', { chat_id: 2, text: 'a' });
    tg.pushUpdate({ message: {} });
    expect(tg.rateLimited).toBe(1);
    tg.reset();
    expect([tg.calls, tg.rateLimited]).toEqual([[], 0]);
    expect((await call(tg, 'getMe')).status).toBe(200);
    expect((await call(tg, 'sendMessage', { chat_id: 1, text: 'a' })).status).toBe(200);
    expect((await call(tg, 'getUpdates')).body.result).toEqual([]);
  });
});

describe('fake Zalo', () => {
  const zaloBad = (description: string | RegExp) => ({
    status: 200,
    body: {
      ok: false,
      error_code: 400,
      description: typeof description === 'string' ? description : expect.stringMatching(description),
    },
  });

  it('answers getMe and sendMessage like Zalo, recording the calls', async () => {
    expect((await call(zalo, 'getMe')).body).toEqual({
      ok: true,
      result: {
        id: '1459232241454765289',
        account_name: 'bot.VDKyGxQvc',
        account_type: 'BASIC',
        can_join_groups: false,
      },
    });
    const ok = await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'Xin chào' });
    expect(ok).toMatchObject({
      status: 200,
      body: { ok: true, result: { message_id: expect.stringMatching(/^[0-9a-f]{20}$/), date: expect.any(Number) } },
    });
    expect(ok.body.result.date).toBeGreaterThan(1e12); // milliseconds
    expect((await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'x'.repeat(2000) })).body.ok).toBe(true);
    await call(zalo, 'sendPhoto', { chat_id: 'u1', photo: 'https://cdn.example.vn/a.jpg', caption: 'ảnh' });
    expect((await call(zalo, 'sendChatAction', { chat_id: 'u1', action: 'typing' })).body).toEqual({ ok: true });
    expect(zalo.textsTo('u1')).toEqual(['Xin chào', 'x'.repeat(2000), 'ảnh']);
    expect(zalo.messagesTo('u1')[0]!.result).toEqual(ok.body.result);
  });

  it('answers errors with HTTP 200 and ok:false, except a wrong token or route', async () => {
    const text = /^Text length must be between 1 and 2000 characters$/;
    expect(await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'x'.repeat(2001) })).toMatchObject(zaloBad(text));
    expect(await call(zalo, 'sendMessage', { chat_id: 'u1', text: '' })).toMatchObject(zaloBad(text));
    expect(await call(zalo, 'sendMessage', { text: 'a' })).toMatchObject(zaloBad(/chat_id/));
    expect(await call(zalo, 'sendPhoto', { chat_id: 'u1', photo: 'file-id' })).toMatchObject(zaloBad(/photo/));
    expect(
      await call(zalo, 'sendPhoto', { chat_id: 'u1', photo: 'https://x.vn/a.jpg', caption: 'x'.repeat(2001) }),
    ).toMatchObject(zaloBad(/Caption/));
    expect(await call(zalo, 'setWebhook', { url: 'https://x.vn/z', secret_token: 'short' })).toMatchObject(
      zaloBad(/secret_token/),
    );
    expect(await call(zalo, 'getWebhookInfo')).toEqual(
      expect.objectContaining({ status: 200, body: { ok: false, error_code: 404, description: 'Not Found' } }),
    );
    expect(zalo.messagesTo('u1')).toEqual([]);

    expect(await call(zalo, 'getMe', {}, { token: 'wrong' })).toMatchObject({
      status: 401,
      body: { ok: false, error_code: 401, description: 'Unauthorized' },
    });
    expect(await call(zalo, 'sendKeyboard', { chat_id: 'u1' })).toMatchObject({
      status: 404,
      body: { ok: false, error_code: 404, description: 'Not Found' },
    });
    zalo.failNext('sendMessage', { error_code: 500, description: 'Internal error' }, 2);
    zalo.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway', httpStatus: 502 });
    expect(await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'a' })).toMatchObject({
      status: 200,
      body: { ok: false, error_code: 500, description: 'Internal error' },
    });
    expect((await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'a' })).status).toBe(200);
    expect((await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'a' })).status).toBe(502);
    expect((await call(zalo, 'sendMessage', { chat_id: 'u1', text: 'a' })).body.ok).toBe(true);
  });

  it('blocked chats get 403 and sends over the limit "Quota exceeded", both as HTTP 200', async () => {
    zalo.block('u2');
    expect(await call(zalo, 'sendMessage', { chat_id: 'u2', text: 'a' })).toMatchObject({
      status: 200,
      body: { ok: false, error_code: 403, description: 'Forbidden: user has blocked the bot' },
    });
    zalo.setRateLimit(2);
    const burst = await Promise.all(
      ['a', 'b', 'c', 'd'].map((text) => call(zalo, 'sendMessage', { chat_id: 'u3', text })),
    );
    expect(burst.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(burst.filter((r) => r.body.ok)).toHaveLength(2);
    expect(burst.find((r) => !r.body.ok)?.body).toEqual({ ok: false, error_code: 429, description: 'Quota exceeded' });
    expect(zalo.rateLimited).toBe(2);
    expect(zalo.messagesTo('u3')).toHaveLength(2);
  });

  it('getUpdates hands out one update per call, 408 when none arrives, and wakes on pushUpdate', async () => {
    zalo.pushUpdate({ event_name: 'message.text.received', message: { text: 'một' } });
    // The documented {ok, result} wrapper is unwrapped: getUpdates answers carry the event itself.
    zalo.pushUpdate({ ok: true, result: { event_name: 'message.text.received', message: { text: 'hai' } } });
    expect((await call(zalo, 'getUpdates', { timeout: 1 })).body).toEqual({
      ok: true,
      result: { event_name: 'message.text.received', message: { text: 'một' } },
      error_code: 0,
    });
    expect((await call(zalo, 'getUpdates', { timeout: 1 })).body.result.message.text).toBe('hai');
    const empty = await call(zalo, 'getUpdates', { timeout: 0.2 });
    expect(empty).toMatchObject({ status: 200, body: { ok: false, error_code: 408, description: 'Request timeout' } });
    expect(empty.ms).toBeGreaterThanOrEqual(150);

    const pending = call(zalo, 'getUpdates', { timeout: 10 });
    setTimeout(() => zalo.pushUpdate({ event_name: 'message.text.received', message: { text: 'ba' } }), 30);
    const woken = await pending;
    expect(woken.body.result.message.text).toBe('ba');
    expect(woken.ms).toBeLessThan(1000);
  });

  it('getUpdates keeps the update for the next poll when the poller hung up', async () => {
    const stop = new AbortController();
    const gone = call(zalo, 'getUpdates', { timeout: 10 }, { signal: stop.signal }).catch(() => 'aborted');
    await zalo.waitFor(() => zalo.callsTo('getUpdates').length === 1);
    stop.abort();
    expect(await gone).toBe('aborted');
    zalo.pushUpdate({ event_name: 'message.text.received', message: { text: 'còn đây' } });
    expect((await call(zalo, 'getUpdates', { timeout: 1 })).body.result.message.text).toBe('còn đây');
  });

  it('webhook and getUpdates exclude each other', async () => {
    const set = await call(zalo, 'setWebhook', {
      url: 'https://antq.example.vn/z',
      secret_token: 'long-enough-secret',
    });
    expect(set.body).toMatchObject({
      ok: true,
      result: {
        url: 'https://antq.example.vn/z',
        updated_at: expect.any(Number),
        verification: { ok: true, outcome: 'webhook.ok' },
      },
    });
    expect((await call(zalo, 'getWebhookInfo')).body).toEqual({
      ok: true,
      result: { url: 'https://antq.example.vn/z', updated_at: set.body.result.updated_at },
    });
    expect(await call(zalo, 'getUpdates', { timeout: 5 })).toMatchObject({
      status: 200,
      body: {
        ok: false,
        error_code: 400,
        description: 'You cannot use this API while a webhook is set. Please remove the webhook first',
      },
    });
    expect((await call(zalo, 'deleteWebhook')).body).toMatchObject({ ok: true, result: { url: '' } });
    expect((await call(zalo, 'getUpdates', { timeout: 0 })).body.error_code).toBe(408);
  });
});
