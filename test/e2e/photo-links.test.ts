import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoLink, tipPhotos } from '../../src/features/tips/photo-links.ts';
import { fakePhotoBytes } from '../fakes/telegram.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { testPii } from '../support/people.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Photos sent on Telegram reach a Zalo officer as links to our own server, never to Telegram's file address.
const PUBLIC_URL = 'https://antq.example.vn';
let h: Harness;
let officer: ZaloUser;
let citizen: TelegramUser;

beforeAll(async () => {
  h = await startHarness({ PUBLIC_URL });
  officer = new ZaloUser(h, 'Cán bộ Zalo');
  citizen = new TelegramUser(h, 'Phạm', 'Thị Ảnh');
  await Promise.all([makeStaff(h, officer, await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau')), onboard(citizen)]);
}, 60_000);
afterAll(() => h?.close());

/** Our links in a text, as the service addressed them, fetched from the service under test instead. */
const linksIn = (text: string) =>
  [...text.matchAll(/https:\/\/antq\.example\.vn(\/photos\/\S+)/g)].map((m) => `${h.url}${m[1]}`);

describe('photos a Zalo officer cannot see inline', () => {
  it('come as signed links that return the photo; a changed, expired or unknown link is refused; no token leaks', async () => {
    await citizen.send('/report');
    await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
    await citizen.expect(/Hãy mô tả sự việc/);
    await citizen.send('Xe máy bị lấy trộm trước cửa nhà, camera có quay được người lấy.');
    await citizen.pressLabel(await citizen.expect(/chọn Bỏ qua/), /Bỏ qua/);
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    await citizen.sendPhoto('camera-1');
    await citizen.expect(/Đã nhận 1\/5 ảnh/);
    await citizen.sendPhoto('camera-2');
    await citizen.pressLabel(await citizen.expect(/Đã nhận 2\/5 ảnh/), /Xong/);
    await citizen.pressLabel(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    await citizen.pressLabel(await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
    const code = /AN-[2-9A-Z]{6}/.exec((await citizen.expect(/Mã tin: AN-/)).text)![0];

    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    const note = await officer.expect(new RegExp(`Tin ${code} có 2 ảnh gửi từ Telegram`));
    expect(note.text).toMatch(/hết hạn sau 24 giờ/);
    expect(note.text).not.toMatch(/chỉ xem được trên Telegram/);
    const links = linksIn(note.text);
    expect(links).toHaveLength(2);

    for (const [i, link] of links.entries()) {
      const res = await fetch(link);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(fakePhotoBytes(`camera-${i + 1}`));
    }
    expect(h.tg.callsTo('getFile').map((c) => c.params.file_id)).toEqual(['camera-1', 'camera-2']);

    // Opening the tip by /tip gives fresh links too.
    await officer.send(`/tip ${code}`);
    await officer.expect(/Diễn biến:/);
    expect(linksIn((await officer.expect(new RegExp(`Tin ${code} có 2 ảnh`))).text)).toHaveLength(2);

    // A link changed anywhere is refused, as is one past its 24 hours; a valid link to no photo is not found.
    const [first] = links as [string];
    const token = first.slice(first.lastIndexOf('/') + 1);
    const [source, , expires, signature] = token.split('.') as [string, string, string, string];
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('A') ? 'B' : 'A'}`;
    for (const changed of [
      `${source}.1.${expires}.${signature}`,
      `${source}.0.${Number(expires) + 3600}.${signature}`,
      `${source}.0.${expires}.${flipped}`,
      'not-a-link',
    ]) {
      expect((await fetch(`${h.url}/photos/${changed}`)).status).toBe(403);
    }
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    const expired = photoLink(testPii(), h.url, tipPhotos(tip.id, 0), Date.now() - 25 * 3600_000);
    expect((await fetch(expired)).status).toBe(403);
    expect((await fetch(photoLink(testPii(), h.url, tipPhotos(tip.id, 7)))).status).toBe(404);

    // Nothing sent to Zalo holds the bot's token or Telegram's file address.
    const toZalo = JSON.stringify(h.zalo.calls.map((c) => c.params));
    expect(toZalo).toContain('/photos/');
    expect(toZalo).not.toContain(h.tg.token);
    expect(toZalo).not.toContain('/file/bot');
  });

  it("a reporter's later photo on Telegram reaches the Zalo officer as a link too", async () => {
    const code = /AN-[2-9A-Z]{6}/.exec(citizen.all().findLast((m) => /Mã tin: AN-/.test(m.text))!.text)![0];
    await citizen.send(`/status ${code}`);
    await citizen.pressLabel(await citizen.expect(new RegExp(`Tin báo ${code}\n`)), /Gửi thêm thông tin/);
    await citizen.expect(/Gõ nội dung bổ sung hoặc gửi ảnh/);
    await citizen.sendPhoto('later-1');
    await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    const [link] = linksIn((await officer.expect(new RegExp(`Tin ${code} có 1 ảnh gửi từ Telegram`))).text);
    const res = await fetch(link!);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(fakePhotoBytes('later-1'));
  });
});
