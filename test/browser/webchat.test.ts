import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { consoleInHungMy, type ConsoleWorld } from '../support/console.ts';
import { makeStaff } from '../support/staff.ts';
import { bot, browseChat, onboardOnWeb, press, say } from '../support/webchat.ts';
import { TelegramUser } from '../support/users.ts';

// Issue 16, the web chat (acceptance 3): /chat in a phone's browser, the widget on a commune's site, the limits.
let h: Harness;
let world: ConsoleWorld;
let hungMy: string;

/** Sites of their own (another origin than the service's): one allowed to embed the chat, one not. */
const sites: Server[] = [];
async function site(html: (service: string) => string): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html(h.url)));
  sites.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  // `localhost`, not 127.0.0.1: another site than the service's.
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}
const allowedPort = await new Promise<number>((done) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => done(port));
  });
});
const ALLOWED = `http://localhost:${allowedPort}`;

await consoleInHungMy(
  (w) => {
    world = w;
    ({ h, hungMy } = w);
  },
  { WEBCHAT_ORIGINS: ALLOWED, WEBCHAT_IP_PER_MINUTE: '60', WEBCHAT_DEVICE_PER_MINUTE: '30' },
);
afterAll(() => Promise.all(sites.map((s) => new Promise((done) => s.close(done)))));

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const HTML_TIP = '<b>Đậm</b> <img src=x onerror=alert(1)> có người lạ hỏi thăm nhà trống ở ấp 3';

const browse = (expected?: RegExp) => browseChat(world, expected);

describe('web chat (issue 16, acceptance 3)', () => {
  let officer: TelegramUser;

  beforeAll(async () => {
    officer = new TelegramUser(h, 'Trần', 'Văn Tâm');
    await makeStaff(h, officer, hungMy, 'officer', 'Đại uý Trần Văn Tâm');
  });

  it('onboards on /chat, files a tip with a photo; the officer’s reply appears without reload and stays', async () => {
    const { context, page } = await browse();
    await page.goto(`${h.url}/chat`);
    await onboardOnWeb(page);

    await say(page, '/report');
    await press(page, /Bạn muốn báo về việc gì\?/, /Người, phương tiện khả nghi/);
    await bot(page, /Hãy mô tả sự việc/).waitFor();
    await say(page, HTML_TIP);
    await press(page, /chọn Bỏ qua/, /Bỏ qua/);
    await bot(page, /Bạn có ảnh/).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'anh.png', mimeType: 'image/png', buffer: PNG });
    await press(page, /Đã nhận 1\/5 ảnh/, /Xong/);
    await press(page, /gửi ẩn danh hay/, /Gửi ẩn danh/);
    const summary = bot(page, /Kiểm tra lại tin báo/);
    // The description is shown as the text it is: no element made of it, no script run.
    await expect.poll(() => summary.innerText()).toContain(HTML_TIP);
    expect(await page.locator('.chat-list b, .chat-list img[src="x"]').count()).toBe(0);
    await summary.getByRole('button', { name: /Gửi tin báo/ }).click();
    const filed = await bot(page, /Mã tin: AN-/).innerText();
    const code = /AN-[2-9A-Z]{6}/.exec(filed)![0];
    // The person's own photo is in their history.
    await expect.poll(() => page.locator('.chat-me img.chat-photo').count()).toBe(1);

    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toContain(HTML_TIP);
    const links = await officer.expect(new RegExp(`Tin ${code} có 1 ảnh gửi qua trang trò chuyện trên web`));
    const photo = await fetch(/https?:\/\/\S+/.exec(links.text)![0]);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(PNG)).toBe(true);

    await officer.pressLabel(card, /Trả lời người báo/);
    await officer.expect(new RegExp(`Gõ nội dung trả lời người báo tin ${code}`));
    await officer.send('Cảm ơn bạn. Bạn có nhớ biển số xe không?');
    await officer.expect(new RegExp(`Đã gửi trả lời cho người báo tin ${code}`));
    // Pushed into the open page.
    await bot(page, new RegExp(`Cán bộ trả lời về tin báo ${code}`)).waitFor();
    expect(await bot(page, /Cán bộ trả lời/).innerText()).toContain('Bạn có nhớ biển số xe không?');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/webchat.png' });

    await page.reload();
    await bot(page, new RegExp(`Cán bộ trả lời về tin báo ${code}`)).waitFor();
    await bot(page, /Mã tin: AN-/).waitFor();
    await context.close();
  });

  it('/deleteme on the web erases the chat’s history with the person', async () => {
    const { context, page } = await browse();
    await page.goto(`${h.url}/chat`);
    await onboardOnWeb(page);
    await say(page, '/deleteme');
    await press(page, /Bạn có chắc muốn xoá toàn bộ dữ liệu/, /Xoá vĩnh viễn/);
    await bot(page, /Đã xoá toàn bộ dữ liệu cá nhân của bạn/).waitFor();
    await page.reload();
    await bot(page, /Đã xoá toàn bộ dữ liệu cá nhân của bạn/).waitFor();
    expect(await page.getByTestId('msg-bot').count()).toBe(1);
    expect(await page.getByTestId('msg-me').count()).toBe(0);
    await context.close();
  });

  it('a send retried with the same client id is handled once', async () => {
    const device = randomBytes(32).toString('base64url');
    const send = () =>
      fetch(`${h.url}/chat/api/send`, {
        method: 'POST',
        headers: { 'x-chat-device': device, 'content-type': 'application/json' },
        body: JSON.stringify({ clientId: 'retried-0001', text: '/start' }),
      }).then((r) => r.json());
    expect(await send()).toEqual({ ok: true, duplicate: false });
    expect(await send()).toEqual({ ok: true, duplicate: true });
  });

  it('a photo over the size limit or of another type is refused, nothing stored', async () => {
    const device = randomBytes(32).toString('base64url');
    const upload = (type: string, body: Buffer) =>
      fetch(`${h.url}/chat/api/photo`, {
        method: 'POST',
        headers: { 'x-chat-device': device, 'x-chat-client-id': randomUUID(), 'content-type': type },
        body: new Uint8Array(body),
      }).then((r) => r.status);
    const big = Buffer.concat([PNG, Buffer.alloc(5120 * 1024)]);
    expect(await upload('image/png', big)).toBe(413);
    expect(await upload('image/gif', Buffer.from('GIF89a'))).toBe(415);
    // Called a JPEG, but not one.
    expect(await upload('image/jpeg', Buffer.from('<svg onload=alert(1)>'))).toBe(415);
    expect(await h.db.webPhoto.count({ where: { type: { not: 'image/png' } } })).toBe(0);
  });

  it('the widget on an allowed site opens the chat; another site is refused', async () => {
    const server = createServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><h1>Xã Hưng Mỹ</h1><script src="${h.url}/chat/widget.js" data-area="${hungMy}"></script>`),
    );
    sites.push(server);
    await new Promise<void>((done) => server.listen(allowedPort, '127.0.0.1', done));
    const { context, page } = await browse();
    await page.goto(ALLOWED);
    await page.getByRole('button', { name: 'Báo tin cho Công an xã' }).click();
    const frame = page.frameLocator('iframe');
    // The site's commune (data-area) is offered at the area question: one press, nothing to type.
    await frame.getByRole('button', { name: 'Bắt đầu' }).click();
    await press(frame, /Chọn ngôn ngữ/, /Tiếng Việt/);
    await press(frame, /Trước khi bắt đầu/, /Tôi đồng ý/);
    await press(frame, /Bạn sống ở xã\/phường nào\?/, /Xã Hưng Mỹ, Cà Mau/);
    await bot(frame, /Hoàn tất!/).waitFor();
    await context.close();

    // Not configured: no widget for it, and the chat refuses to be framed there.
    const other = await site(
      (service) =>
        `<!doctype html><script src="${service}/chat/widget.js"></script><iframe src="${service}/chat?embed=1"></iframe>`,
    );
    const refused = await browse(
      /status of 403|violates the following Content Security Policy directive: "frame-ancestors/,
    );
    await refused.page.goto(other);
    const widget = await fetch(`${h.url}/chat/widget.js`, { headers: { referer: `${other}/` } });
    expect(widget.status).toBe(403);
    expect(await refused.page.getByRole('button', { name: 'Báo tin cho Công an xã' }).count()).toBe(0);
    await expect.poll(() => refused.page.frames().some((f) => f.url().startsWith('chrome-error://'))).toBe(true);
    expect(await refused.page.frameLocator('iframe').getByRole('button', { name: 'Bắt đầu' }).count()).toBe(0);
    // Nor does the chat's API answer a page of another origin.
    const api = await fetch(`${h.url}/chat/api/send`, {
      method: 'POST',
      headers: {
        origin: other,
        'x-chat-device': randomBytes(32).toString('base64url'),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ clientId: randomUUID(), text: 'xin chào' }),
    });
    expect(api.status).toBe(403);
    await refused.context.close();
  });

  it('more than the per-IP limit from one address gets the polite slow-down message', async () => {
    const { context, page } = await browse(/status of 429/);
    await page.goto(`${h.url}/chat`);
    await page.getByRole('button', { name: 'Bắt đầu' }).waitFor();
    // Many devices from this one address, each within its own limit (each request counts, even a malformed one).
    for (let i = 0; i < 61; i++) {
      const res = await fetch(`${h.url}/chat/api/send`, {
        method: 'POST',
        headers: { 'x-chat-device': randomBytes(32).toString('base64url'), 'content-type': 'application/json' },
        body: '{}',
      });
      if (res.status === 429) break;
    }
    await say(page, 'xin chào');
    await page.getByRole('status').filter({ hasText: 'Bạn gửi hơi nhanh. Xin vui lòng chờ một phút' }).waitFor();
    // The refused message stays in the box, to send again later.
    expect(await page.getByRole('textbox').inputValue()).toBe('xin chào');
    await context.close();
  });
});
