import { connect, createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/core/scope.ts';
import { createModel, inviteLeader } from '../../src/features/models/actions.ts';
import { startHarness, TELEGRAM_SECRET, ZALO_SECRET, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
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
      const headers = Array.from(
        { length: 10 },
        async () =>
          [
            'headers at 1 byte per 5 s',
            await slowClient('POST /webhooks/telegram HTTP/1.1\r\n', 'Host: 127.0.0.1\r\n', REQUEST_TIMEOUT_S + 20),
          ] as const,
      );
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
    const body = u.event('message.text.received', { text: 'xin chào' }) as { message: Record<string, unknown> };
    Object.assign(body.message, message);
    return body;
  };

  it.each([
    ['date 1e300', { date: 1e300 }],
    ['date 9.3e18', { date: 9.3e18 }],
    ['a negative date', { date: -1 }],
    ['a 3,000-character message_id', { message_id: 'm'.repeat(3000) }],
    ['a 3,000-character sender id', { from: { id: 'u'.repeat(3000), display_name: 'A' } }],
    ['a message_id with a NUL', { message_id: 'nul-id-\u0000-x' }],
  ])('Zalo, %s → 400 and nothing stored', async (_name, fields) => {
    const u = new ZaloUser(h);
    const body = zaloWith(u, fields);
    const res = await h.post('zalo', body);
    expect(res.status).toBe(400);
    // PostgreSQL cannot even be asked for a NUL: the part before it is looked for.
    const key = String(body.message.message_id).split('\u0000')[0]!;
    expect(await h.db.inboundUpdate.count({ where: { updateKey: { startsWith: key } } })).toBe(0);
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

describe('a NUL or a lone surrogate from a platform', () => {
  it('in display names and a /start payload: onboards, joins a model and is approved (Telegram and Zalo)', async () => {
    const hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
    const created = await runUseCase(h.db, (s) =>
      createModel(s, OPERATOR, { areaCode: hungMy, name: 'Camera ấp 5', kind: 'camera', joinPolicy: 'approval' }),
    );
    if (!created.result.ok) throw new Error(created.result.reason);
    const model = created.result.model;
    const invited = await runUseCase(h.db, (s) => inviteLeader(s, OPERATOR, model.id));
    if (!invited.result.ok) throw new Error(invited.result.reason);

    const leader = new TelegramUser(h, 'Trưởng\u0000', 'Mô \ud800Hình');
    await onboard(leader);
    await leader.send(`/staff ${invited.result.code}`);
    await leader.expect(/Bạn là trưởng mô hình "Camera ấp 5"/);

    // On Telegram by the deep link, with a NUL in the payload too.
    const a = new TelegramUser(h, 'Phạm\u0000', 'Thị \udc00Hoa\u0007');
    await a.send(`/start m_${model.joinCode}\u0000`);
    await a.pressLabel(await a.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await a.pressLabel(await a.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
    await a.expect(/Bạn sống ở xã\/phường nào\?/);
    await a.send('hung my');
    await a.pressLabel(await a.expect(/kết quả/), /Xã Hưng Mỹ, Cà Mau/);
    await a.expect(/Hoàn tất!/);
    await a.pressLabel(await a.expect(/Camera ấp 5\nLoại/), /Tham gia/);
    await a.pressLabel(await a.expect(/cho trưởng mô hình thấy tên/), /Đồng ý hiện tên/);
    await a.expect(/Đã gửi yêu cầu tham gia "Camera ấp 5"/);
    await leader.expect(/Có người muốn tham gia "Camera ấp 5": Phạm Thị \ufffdHoa/);

    // On Zalo by the code.
    const b = new ZaloUser(h, 'Võ\u0000 Văn \ud83dKín');
    await onboard(b);
    await b.send(model.joinCode);
    await b.choose(await b.expect(/Camera ấp 5\nLoại/), /Tham gia/);
    await b.choose(await b.expect(/cho trưởng mô hình thấy tên/), /Đồng ý hiện tên/);
    await b.expect(/Đã gửi yêu cầu/);
    await leader.expect(/Có người muốn tham gia "Camera ấp 5": Võ Văn \ufffdKín/);

    // The leader's menus hold both names (stored as jsonb): both are approved.
    for (const [member, name] of [
      [a, /Duyệt: Phạm Thị \ufffdHoa/],
      [b, /Duyệt: Võ Văn \ufffdKín/],
    ] as const) {
      await leader.send('/models');
      await leader.pressLabel(await leader.expect(/Mô hình bạn phụ trách/), /Camera ấp 5/);
      await leader.pressLabel(await leader.expect(/Thành viên:/), /Yêu cầu chờ duyệt/);
      await leader.pressLabel(await leader.expect(/đang chờ duyệt/), name);
      await member.expect(/Bạn đã được duyệt vào "Camera ấp 5"/);
    }
    expect(await h.db.membership.count({ where: { modelId: model.id, status: 'active' } })).toBe(2);
    expect(await h.db.inboundUpdate.count({ where: { status: 'dead' } })).toBe(0);
  });
});

/** A port nobody listens on just now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('/metrics access', () => {
  const TOKEN = 'metrics-token-0123456789';

  it('with METRICS_TOKEN: 401 without the bearer token or with a wrong one, 200 with it', async () => {
    const own = await startHarness({ METRICS_TOKEN: TOKEN }, 'web');
    try {
      const get = (authorization?: string) =>
        fetch(`${own.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect((await get()).status).toBe(401);
      expect((await get('Bearer wrong-token-0123456789')).status).toBe(401);
      const ok = await get(`Bearer ${TOKEN}`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('antq_updates_received_total');
      expect((await fetch(`${own.url}/healthz`)).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('with METRICS_PORT: served on that port of METRICS_HOST only, not on PORT', async () => {
    const port = await freePort();
    const own = await startHarness({ METRICS_PORT: String(port), METRICS_HOST: '127.0.0.1' }, 'web');
    try {
      expect((await fetch(`${own.url}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('antq_updates_received_total');
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(404);
    } finally {
      await own.close();
    }
  });
});
