import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, TELEGRAM_SECRET, ZALO_SECRET, type Harness } from '../support/harness.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Short limits so that the slow clients below are cut off within a test's time.
const REQUEST_TIMEOUT_S = 6;
const HEADERS_TIMEOUT_S = 3;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    HTTP_REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_S),
    HTTP_HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_S),
    // Longer than the pause between two bytes, so that only the request timeout can end these clients.
    HTTP_IDLE_TIMEOUT_SECONDS: '30',
  });
});
afterAll(() => h?.close());

/**
 * Sends `head`, then `drip` one byte every 5 s, as a slow client does; resolves
 * with the seconds until the server closed the socket (Infinity after `giveUpS`).
 */
function slowClient(head: string, drip: string, giveUpS: number): Promise<number> {
  const { port } = new URL(h.url);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let sent = 0;
    const timer = setInterval(() => {
      if (sent < drip.length) socket.write(drip[sent++]!);
    }, 5000);
    const done = (seconds: number) => {
      clearInterval(timer);
      clearTimeout(giveUp);
      socket.destroy();
      resolve(seconds);
    };
    const giveUp = setTimeout(() => done(Infinity), giveUpS * 1000);
    socket.on('error', () => undefined);
    socket.on('close', () => done((Date.now() - started) / 1000));
    socket.on('data', () => undefined);
    socket.write(head);
  });
}

/** The head and the body of a POST; a chunked one announces a 256-byte chunk and sends 200 bytes of it. */
const post = (path: string, headers: Record<string, string>, chunked = false) =>
  [
    `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      Object.entries({ ...headers, ...(chunked ? { 'Transfer-Encoding': 'chunked' } : { 'Content-Length': '200' }) })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n',
    (chunked ? '100\r\n' : '') + 'x'.repeat(200),
  ] as const;

describe('slow clients', () => {
  it(
    'a body at 1 byte per 5 s is cut off within the request timeout, with or without credentials',
    { timeout: 60_000 },
    async () => {
      const cases = {
        'telegram, right secret': post('/webhooks/telegram', { 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET }),
        'zalo, right secret': post('/webhooks/zalo', { 'X-Bot-Api-Secret-Token': ZALO_SECRET }),
        'telegram, wrong secret': post('/webhooks/telegram', { 'X-Telegram-Bot-Api-Secret-Token': 'nope' }),
        'zalo, no secret': post('/webhooks/zalo', {}),
        'unknown route': post('/nowhere', {}),
        'POST /api': post('/api', {}),
        'POST /api/tips': post('/api/tips', { Authorization: 'Bearer antq_x' }),
        'chunked, right secret': post(
          '/webhooks/telegram',
          { 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET },
          true,
        ),
        'chunked, no secret': post('/webhooks/zalo', {}, true),
      } as const;
      // Ten of each at once, as an attacker would open them.
      const runs = Object.entries(cases).flatMap(([name, [head, drip]]) =>
        Array.from({ length: 10 }, async () => [name, await slowClient(head, drip, REQUEST_TIMEOUT_S + 20)] as const),
      );
      const headers = Array.from({ length: 10 }, async () => [
        'headers at 1 byte per 5 s',
        await slowClient('POST /webhooks/telegram HTTP/1.1\r\n', 'Host: 127.0.0.1\r\n', REQUEST_TIMEOUT_S + 20),
      ]);
      const closed = await Promise.all([...runs, ...headers]);
      for (const [name, seconds] of closed) {
        const limit = name.startsWith('headers') ? HEADERS_TIMEOUT_S : REQUEST_TIMEOUT_S;
        expect({ name, closedWithin: seconds <= limit + 1.5 }).toEqual({ name, closedWithin: true });
      }
      // The service still answers everyone else.
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    },
  );
});

describe('body limits', () => {
  it('a webhook body over 256 KiB → 413 and nothing stored; the largest real update fits', async () => {
    const u = new TelegramUser(h);
    const huge = u.messageUpdate({ text: 'a'.repeat(300 * 1024) });
    expect((await h.post('telegram', huge)).status).toBe(413);
    expect(await h.db.inboundUpdate.count({ where: { updateKey: String(huge.update_id) } })).toBe(0);

    // Telegram's largest: 4,096 characters of text with an entity every few words, a reply and a full sender.
    const text = 'Có người lạ đột nhập kho hàng ấp 3 '.repeat(120).slice(0, 4096);
    const entities = Array.from({ length: 100 }, (_, i) => ({ type: 'bold', offset: i * 40, length: 10 }));
    const largest = u.messageUpdate({
      text,
      entities,
      reply_to_message: { message_id: 1, date: 1, chat: { id: u.id, type: 'private' }, text, entities },
    });
    expect(JSON.stringify(largest).length).toBeLessThan(64 * 1024);
    expect((await h.post('telegram', largest)).status).toBe(200);
  });

  it('other routes take no large body', async () => {
    const res = await fetch(`${h.url}/readyz`, { method: 'POST', body: 'x'.repeat(64 * 1024) });
    expect([404, 413]).toContain(res.status);
  });
});

describe('input that can never be stored is refused at the edge', () => {
  const zaloWith = (u: ZaloUser, message: Record<string, unknown>) => {
    const body = u.event('message.text.received', { text: 'xin chào' });
    Object.assign(body.message as Record<string, unknown>, message);
    return body;
  };

  it.each([
    ['date 1e300', { date: 1e300 }],
    ['date 9.3e18', { date: 9.3e18 }],
    ['a negative date', { date: -1 }],
    ['a 3,000-character message_id', { message_id: 'm'.repeat(3000) }],
    ['a 3,000-character sender id', { from: { id: 'u'.repeat(3000), display_name: 'A' } }],
    ['a message_id with a NUL', { message_id: 'abc\u0000def' }],
  ])('Zalo, %s → 400 and nothing stored', async (_name, fields) => {
    const u = new ZaloUser(h);
    const body = zaloWith(u, fields);
    const res = await h.post('zalo', body);
    expect(res.status).toBe(400);
    const key = (body.message as { message_id: string }).message_id;
    expect(await h.db.inboundUpdate.count({ where: { updateKey: key } })).toBe(0);
  });

  it.each([
    ['date 1e300', { date: 1e300 }],
    ['date 9.3e18', { date: 9.3e18 }],
    ['a chat id beyond 2^53', { chat: { id: 2 ** 60, type: 'private' } }],
    ['a location off the globe', { location: { latitude: 1e300, longitude: 0 } }],
  ])('Telegram, %s → 400 and nothing stored', async (_name, fields) => {
    const u = new TelegramUser(h);
    const body = u.messageUpdate({ text: 'xin chào', ...fields });
    expect((await h.post('telegram', body)).status).toBe(400);
    expect(await h.db.inboundUpdate.count({ where: { updateKey: String(body.update_id) } })).toBe(0);
  });

  it('Telegram, an update_id beyond 2^53 → 400', async () => {
    const body = { ...new TelegramUser(h).messageUpdate({ text: 'x' }), update_id: 9.3e18 };
    expect((await h.post('telegram', body)).status).toBe(400);
  });

  it('a long Zalo message_id within the limit is stored once and deduplicated', async () => {
    const u = new ZaloUser(h);
    const body = zaloWith(u, { message_id: 'k'.repeat(256) });
    const first = await (await h.post('zalo', body)).json();
    const again = await (await h.post('zalo', body)).json();
    expect([first, again]).toEqual([
      { ok: true, duplicate: false },
      { ok: true, duplicate: true },
    ]);
  });
});
