import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { onboard, reachAreaStep } from '../support/onboard.ts';
import { pick } from '../support/report.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

/** A resident's main menu in Vietnamese, in order. */
const MAIN_MENU_VI = ['📣 Báo tin', '📋 Tin đã báo', '🏘 Mô hình tự quản', '🎉 Ngày hội', '⚙️ Cài đặt', '❓ Trợ giúp'];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('Telegram: a citizen from /start to /deleteme', () => {
  it('onboards in Vietnamese, switches to English, stops, reads and erases their data', async () => {
    const u = new TelegramUser(h, 'Khánh', 'Nguyễn');
    await u.send('/start');
    await u.expect(/Xin chào! Đây là trợ lý/);
    const language = await u.expect(/Chọn ngôn ngữ/);
    expect(language.options.map((o) => o.label)).toEqual(['Tiếng Việt', 'English']);

    await u.pressLabel(language, /Tiếng Việt/);
    const consent = await u.expect(/Trước khi bắt đầu/);
    expect(consent.text).toContain('Nếu không đồng ý, bot sẽ không lưu gì về bạn.');
    // Nothing is stored about the person before they consent.
    expect(await findIdentity(h, 'telegram', u.chatId)).toBeNull();

    await u.pressLabel(consent, /Tôi đồng ý/);
    await u.expect(/Sự đồng ý của bạn đã được ghi nhận/);
    const ask = await u.expect(/Bạn sống ở xã\/phường nào\?/);
    // No location button: a location cannot place the person in a commune (see the report's place step for one).
    expect(ask.options).toEqual([]);

    // One shared anyway (the attachment menu) is answered, and the name asked for.
    await u.sendLocation(9.03, 105.03);
    await u.expect(/chưa xác định được xã\/phường từ vị trí này/);

    await u.send('hung my');
    const matches = await u.expect(/Tìm thấy \d+ kết quả/);
    const labels = matches.options.map((o) => o.label);
    expect(labels).toContain('Xã Hưng Mỹ, Cà Mau');
    expect(labels).toContain('Xã Hưng Mỹ, Vĩnh Long');

    await u.pressLabel(matches, /^Xã Hưng Mỹ, Cà Mau$/);
    const done = await u.expect(/Hoàn tất! Khu vực của bạn: Xã Hưng Mỹ, Cà Mau\./);
    expect(done.options.map((o) => o.label)).toEqual(MAIN_MENU_VI);

    const user = (await findIdentity(h, 'telegram', u.chatId))!.user;
    expect(user.areaCode).toBe('32140');
    expect(user.consentVersion).toBe('2025-07-01.1');
    expect(Date.now() - user.consentAt.getTime()).toBeLessThan(60_000);
    expect(user.locale).toBe('vi');

    // Switch to English.
    await u.send('/language');
    const lang = await u.expect(/Choose your language/);
    await u.pressLabel(lang, /English/);
    const switched = await u.expect(/Switched to English\./);
    expect(switched.options.map((o) => o.label)).toEqual([
      '📣 Report',
      '📋 My reports',
      '🏘 Local models',
      '🎉 Festival days',
      '⚙️ Settings',
      '❓ Help',
    ]);

    // /stop is stored and confirmed in the person's language.
    await u.send('/stop');
    await u.expect(/Stopped\. You will not receive any more notices\./);

    // /mydata shows what is stored, decrypted for the person only.
    await u.send('/mydata');
    const data = await u.expect(/What the bot stores about you/);
    expect(data.text).toContain('Telegram account: Khánh Nguyễn');
    expect(data.text).toContain('Area: Xã Hưng Mỹ, Cà Mau');
    expect(data.text).toContain('notice version 2025-07-01.1');
    expect(data.text).toMatch(/Notices: stopped since/);

    // /deleteme asks first, then erases everything.
    await u.send('/deleteme');
    const confirm = await u.expect(/Are you sure you want to erase all your data/);
    await u.pressLabel(confirm, /Erase for good/);
    await u.expect(/All your personal data has been erased/);
    const after = await h.service.db.user.findUnique({ where: { id: user.id } });
    expect(after).toBeNull();
    expect(await h.service.db.identity.count({ where: { userId: user.id } })).toBe(0);

    // A new message starts over, in Vietnamese.
    await u.send('xin chào');
    await u.expect(/Xin chào! Đây là trợ lý/);
  });

  it('a start link naming a commune (a_<code>: the web widget, a poster) offers it at the area question', async () => {
    const u = new TelegramUser(h, 'Lan', 'Trần');
    await u.send('/start a_32140');
    await u.pressLabel(await u.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await u.pressLabel(await u.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
    const ask = await u.expect(/Bạn sống ở xã\/phường nào\?/);
    expect(ask.options.map((o) => o.label)).toEqual(['Xã Hưng Mỹ, Cà Mau']);
    await u.pressLabel(ask, /Xã Hưng Mỹ, Cà Mau/);
    await u.expect(/Hoàn tất!/);
    const identity = await findIdentity(h, 'telegram', u.chatId);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: identity!.userId } })).areaCode).toBe('32140');
  });

  it('refusing consent stores nothing and ends the dialogue', async () => {
    const u = new TelegramUser(h);
    const before = await h.service.db.user.count();
    await u.send('/start');
    const language = await u.expect(/Chọn ngôn ngữ/);
    await u.pressLabel(language, /Tiếng Việt/);
    const consent = await u.expect(/Trước khi bắt đầu/);
    await u.pressLabel(consent, /Không đồng ý/);
    // Refusing still leaves the person with the emergency numbers.
    await u.expect(/Bot không lưu thông tin nào của bạn[\s\S]*khẩn cấp, hãy gọi ngay 113/);
    expect(await h.service.db.user.count()).toBe(before);
    // Silence is not consent: typing something else does not register them either.
    await u.send('tôi muốn báo tin');
    await u.expect(/Xin chào! Đây là trợ lý/);
    expect(await h.service.db.user.count()).toBe(before);
  });
});

describe('Zalo: the same dialogue as numbered lists', () => {
  it('onboards by typing numbers and labels, switches to English, stops, reads and erases their data', async () => {
    const u = new ZaloUser(h, 'Lê Thị Hoa');
    await u.send('Xin chào');
    await u.expect(/Xin chào! Đây là trợ lý/);
    const language = await u.expect(/Chọn ngôn ngữ/);
    expect(language.text).toContain('1. Tiếng Việt\n2. English');
    expect(language.text).toContain('Trả lời bằng số thứ tự hoặc tên mục.');

    await u.send('1');
    const consent = await u.expect(/Trước khi bắt đầu/);
    expect(consent.options.map((o) => o.label)).toEqual(['✅ Tôi đồng ý', '❌ Không đồng ý']);
    // Answering by label, without diacritics, works too.
    await u.send('toi dong y', { wrapped: true });
    await u.expect(/Sự đồng ý của bạn đã được ghi nhận/);
    await u.expect(/Bạn sống ở xã\/phường nào\?/);

    await u.send('hung my');
    const matches = await u.expect(/Tìm thấy \d+ kết quả/);
    await u.choose(matches, /^Xã Hưng Mỹ, Cà Mau$/);
    const done = await u.expect(/Hoàn tất! Khu vực của bạn: Xã Hưng Mỹ, Cà Mau\./);
    expect(done.options.map((o) => o.label)).toEqual(MAIN_MENU_VI);

    // Settings -> Language -> English, all by number.
    await u.send('5');
    const settings = await u.expect(/^Cài đặt/);
    await u.choose(settings, /Ngôn ngữ/);
    const lang = await u.expect(/Choose your language/);
    await u.choose(lang, /English/);
    await u.expect(/Switched to English\./);

    await u.send('/stop');
    await u.expect(/Stopped\. You will not receive any more notices\./);

    await u.send('/mydata');
    const data = await u.expect(/What the bot stores about you/);
    expect(data.text).toContain('Zalo account: Lê Thị Hoa');
    expect(data.text).toContain('Area: Xã Hưng Mỹ, Cà Mau');

    await u.send('/deleteme');
    const confirm = await u.expect(/Are you sure/);
    await u.choose(confirm, /Erase for good/);
    await u.expect(/All your personal data has been erased/);
    await u.expectSilence(300);
  });

  it('places a resident typing an old address through the 2025 mappings', async () => {
    const u = new ZaloUser(h);
    await reachAreaStep(u);
    await u.send('xã Hòa Mỹ, huyện Cái Nước');
    const matches = await u.expect(/kết quả/);
    expect(matches.options[0]?.label).toMatch(/^Xã Hưng Mỹ, Cà Mau \(trước đây: Xã Hoà Mỹ, Huyện Cái Nước\)$/);
    await u.send('khong co xa nay');
    await u.expect(/Không tìm thấy xã\/phường nào khớp với "khong co xa nay"/);
  });
});

describe('the location button is offered only where a location can be used', () => {
  async function placeStep(u: TelegramUser | ZaloUser) {
    await onboard(u);
    await u.send('/report');
    await pick(u, await u.expect(/Bạn muốn báo về việc gì\?/), /Người, phương tiện khả nghi/);
    await u.expect(/Hãy mô tả sự việc/);
    await u.send('Có người lạ đi dò xét các nhà trong xóm vào ban đêm.');
    return u.expect(/Sự việc xảy ra ở đâu\?/);
  }

  it('Telegram: the place step has the 📍 button, and a shared location is taken', async () => {
    const u = new TelegramUser(h);
    const ask = await placeStep(u);
    expect(ask.options.map((o) => o.label)).toEqual(['📍 Gửi vị trí của tôi']);
    expect(ask.text).toContain('hoặc gửi vị trí bằng nút 📍 Gửi vị trí của tôi.');
    await u.expect(/chọn Bỏ qua/);
    await u.sendLocation(9.03, 105.03);
    await u.expect(/Bạn có ảnh/);
  });

  it('Zalo: no button and no word of one, at the area step or the place step', async () => {
    const u = new ZaloUser(h);
    const ask = await placeStep(u);
    expect(ask.text).toBe('Sự việc xảy ra ở đâu? Gõ địa điểm (ví dụ: chợ Hưng Mỹ, gần cầu ấp 3).');
    const said = u.all().map((m) => m.text);
    expect(said.filter((t) => /📍|nút|Telegram|vị trí/.test(t))).toEqual([]);
  });
});
