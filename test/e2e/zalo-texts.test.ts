import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { openThread, quickTip } from '../support/report.ts';
import { makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Every test file also runs test/support/zalo-texts.ts: any text to a Zalo user that speaks of buttons fails it.
let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

describe('texts fit the messenger', () => {
  it('a Zalo reporter is not offered a location button; a Zalo officer gets numbered actions, a Telegram one buttons', async () => {
    const zaloOfficer = new ZaloUser(h, 'Cán bộ Zalo văn bản');
    await makeStaff(h, zaloOfficer, hungMy);
    const telegramOfficer = new TelegramUser(h, 'Trần', 'Cán Bộ Văn Bản');
    await makeStaff(h, telegramOfficer, hungMy);
    const citizen = new ZaloUser(h);
    await onboard(citizen);

    await citizen.send('/report');
    await citizen.choose(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Lừa đảo/);
    await citizen.send('Có người nhắn tin giả danh ngân hàng xin mã OTP của bà con trong ấp.');
    const place = await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    expect(place.text).not.toMatch(/vị trí|Telegram|📍/);
    await citizen.sendImage('https://photo.zalo.example/not-a-place.jpg');
    expect((await citizen.expect(/Vui lòng gõ địa điểm/)).text).toBe('Vui lòng gõ địa điểm hoặc chọn Bỏ qua.');
    await citizen.send('Ấp 3');
    await citizen.choose(await citizen.expect(/Bạn có ảnh/), /Bỏ qua/);
    await citizen.choose(await citizen.expect(/gửi ẩn danh hay/), /Gửi ẩn danh/);
    await citizen.choose(await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
    const code = /AN-[2-9A-Z]{6}/.exec((await citizen.expect(/Mã tin: AN-/)).text)![0];

    const zaloCard = await zaloOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(zaloCard.text).toContain(`Xử lý: trả lời bằng số thứ tự ở trên, hoặc gõ /tip ${code} để xem toàn bộ tin.`);
    expect(zaloCard.text).toMatch(/\n1\. .*Tiếp nhận/);
    const telegramCard = await telegramOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(telegramCard.text).toContain(`Xử lý: bấm nút bên dưới hoặc gõ /tip ${code}`);
    expect(telegramCard.options.length).toBeGreaterThan(0);

    // The full tip with its numbered actions is one typed command away.
    await zaloOfficer.send(`/tip ${code}`);
    const opened = await zaloOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    expect(opened.text).toMatch(/\n1\. .*Tiếp nhận/);
  });

  it('a follow-up forwarded to a Zalo officer is answered by number, not by pressing', async () => {
    const officer = new ZaloUser(h, 'Cán bộ Zalo nhận thêm');
    await makeStaff(h, officer, hungMy);
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    const code = await quickTip(citizen, 'Xe tải lạ đổ đất trái phép ven kênh ấp 5 lúc nửa đêm.');
    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await openThread(citizen, code);
    await citizen.send('Xe mang biển số 69C-123.45.');
    const forwarded = await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(forwarded.text).toContain(`trả lời bằng số thứ tự ở trên, hoặc gõ /tip ${code}`);
    expect(forwarded.options.map((o) => o.label)).toEqual(['💬 Trả lời người báo', '📄 Xem tin']);
  });

  it('a thank-you reply to a notice gets a friendly answer on Zalo and Telegram; a real question does not', async () => {
    const zalo = new ZaloUser(h);
    await onboard(zalo);
    await zalo.send('Dạ cảm ơn công an xã');
    const thanks = await zalo.expect(/Cảm ơn bạn!/);
    expect(thanks.text).not.toMatch(/chưa hiểu/);
    expect(thanks.text).toMatch(/113/);
    await zalo.send('👍');
    await zalo.expect(/Dạ, bot đã nhận được tin nhắn của bạn/);

    const telegram = new TelegramUser(h, 'Ngô', 'Thị Cảm Ơn');
    await onboard(telegram);
    await telegram.send('ok cảm ơn anh');
    expect((await telegram.expect(/Cảm ơn bạn!/)).options.length).toBeGreaterThan(0);
    await telegram.send('Cho hỏi khi nào có buổi họp tổ tự quản ở ấp mình vậy?');
    await telegram.expect(/Bot chưa hiểu ý bạn/);
  });
});
