import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pii } from '../../src/security/pii.ts';
import { ENCRYPTION_KEY, startHarness, type Harness } from '../support/harness.ts';
import { onboard, reachAreaStep } from '../support/onboard.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

let h: Harness;
let tgOfficer: TelegramUser;
let zaloOfficer: ZaloUser;
const pii = new Pii(ENCRYPTION_KEY);
beforeAll(async () => {
  h = await startHarness();
  const hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  tgOfficer = new TelegramUser(h, 'Officer', 'Urgent');
  await makeStaff(h, tgOfficer, hungMy);
  zaloOfficer = new ZaloUser(h, 'Cán bộ Zalo khẩn');
  await makeStaff(h, zaloOfficer, hungMy);
});
afterAll(() => h?.close());

const codeIn = (msg: BotMessage) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];

/** The card reached both officers' chats: checked before the citizen answers anything more. */
async function cardsArrived(code: string, text: RegExp) {
  for (const officer of [tgOfficer, zaloOfficer]) {
    const card = await officer.expect(new RegExp(`🚨 TIN BÁO KHẨN CẤP ${code}`));
    expect(card.text).toMatch(text);
    expect(card.text).toMatch(/Địa bàn: Xã Hưng Mỹ, Cà Mau/);
  }
  const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
  expect(tip.urgent).toBe(true);
  return tip;
}

describe('an urgent report is filed and delivered at once, then added to', () => {
  it('Zalo: "🚨 Khẩn cấp" asks the description right away; the card is out before the next question is answered', async () => {
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    await citizen.send('Báo tin');
    await citizen.choose(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Khẩn cấp/);
    expect((await citizen.next()).text).toMatch(/113 – Công an\n• 114/);
    const ask = await citizen.next();
    expect(ask.text).toMatch(/Gõ ngay vài dòng: chuyện gì đang xảy ra/);
    expect(ask.text).not.toMatch(/Bạn muốn báo về việc gì/);
    await citizen.send('Có cướp đang vào nhà hàng xóm, hai người cầm dao');

    const filed = await citizen.expect(/Đã ghi nhận tin báo KHẨN CẤP và đã chuyển ngay cho cán bộ/);
    expect(filed.text).toMatch(/113 – Công an\n• 114 – Cứu hoả, cứu nạn\n• 115 – Cấp cứu\n• 112/);
    const code = codeIn(filed);
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    const tip = await cardsArrived(code, /Loại: Việc khác[\s\S]*cầm dao/);
    expect(tip.placeEnc).toBeNull();

    await citizen.send('Nhà số 12, ấp 4');
    await citizen.expect(new RegExp(`Đã bổ sung vào tin ${code} và chuyển cho cán bộ`));
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    for (const officer of [tgOfficer, zaloOfficer]) {
      expect((await officer.expect(new RegExp(`bổ sung cho tin ${code}`))).text).toMatch(/Địa điểm: Nhà số 12, ấp 4/);
    }
    await citizen.sendImage('https://photo.zalo.example/urgent.jpg');
    await citizen.expect(new RegExp(`Đã bổ sung vào tin ${code}`));
    await citizen.choose(await citizen.expect(/Đã nhận 1\/5 ảnh/), /Xong/);
    for (const officer of [tgOfficer, zaloOfficer]) {
      expect((await officer.expect(new RegExp(`bổ sung cho tin ${code}`))).text).toMatch(/Ảnh: 1/);
      expect((await officer.next()).raw.params.photo).toBe('https://photo.zalo.example/urgent.jpg');
    }
    await citizen.choose(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Để lại số/);
    await citizen.send('0912 345 678');
    await citizen.expect(new RegExp(`Đã bổ sung vào tin ${code}`));
    await citizen.expect(new RegExp(`Xong\\. Tin báo KHẨN CẤP ${code}`));
    expect((await tgOfficer.expect(new RegExp(`bổ sung cho tin ${code}`))).text).toMatch(/0912345678/);

    const row = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(pii.decrypt(row.placeEnc!)).toBe('Nhà số 12, ấp 4');
    expect(row.photoCount).toBe(1);
    expect(pii.decrypt(row.contactEnc!)).toBe('0912345678');
    expect(row.anonymous).toBe(false);
    expect(await h.db.tip.count({ where: { reporterId: row.reporterId } })).toBe(1);
  });

  it('Telegram: emergency words file the tip with its category; the location and a photo follow to the same tip', async () => {
    const citizen = new TelegramUser(h);
    await onboard(citizen);
    await citizen.send('/report');
    await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Đánh nhau/);
    await citizen.expect(/Hãy mô tả sự việc/);
    await citizen.send('Cứu tôi với, có người đang đánh nhau bằng gậy trước chợ');
    const filed = await citizen.expect(/Đã ghi nhận tin báo KHẨN CẤP và đã chuyển ngay cho cán bộ/);
    expect(filed.text).toMatch(/Nếu đang có nguy hiểm, hãy gọi ngay:\n• 113/);
    const code = codeIn(filed);
    await citizen.expect(/Sự việc xảy ra ở đâu\?/);
    await cardsArrived(code, /Loại: Đánh nhau[\s\S]*đánh nhau bằng gậy/);

    await citizen.sendLocation(9.0321, 105.0456);
    await citizen.expect(new RegExp(`Đã bổ sung vào tin ${code} và chuyển cho cán bộ`));
    await citizen.expect(/Bạn có ảnh về sự việc không\?/);
    for (const officer of [tgOfficer, zaloOfficer]) {
      const update = await officer.expect(new RegExp(`bổ sung cho tin ${code}`));
      expect(update.text).toMatch(/Vị trí: 9\.03210, 105\.04560/);
    }
    await citizen.sendPhoto('urgent-photo');
    await citizen.pressLabel(await citizen.expect(/Đã nhận 1\/5 ảnh/), /Xong/);
    expect((await tgOfficer.expect(new RegExp(`bổ sung cho tin ${code}`))).text).toMatch(/Ảnh: 1/);
    expect((await tgOfficer.next()).raw.params.photo).toBe('urgent-photo');
    await zaloOfficer.expect(new RegExp(`bổ sung cho tin ${code}`));
    await citizen.pressLabel(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
    await citizen.expect(new RegExp(`Xong\\. Tin báo KHẨN CẤP ${code}`));

    const row = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(row.category).toBe('violence');
    expect(pii.decryptJson(row.locationEnc!)).toEqual({ latitude: 9.0321, longitude: 105.0456 });
    expect(row.photoCount).toBe(1);
    expect(row.anonymous).toBe(true);
  });

  it('with no officer in the area the reporter is told so, not "đã chuyển"; stopping keeps the filed tip', async () => {
    const citizen = new ZaloUser(h);
    await reachAreaStep(citizen);
    await citizen.send('ba dinh ha noi');
    await citizen.choose(await citizen.expect(/kết quả/), /^Phường Ba Đình, Thành phố Hà Nội$/);
    await citizen.expect(/Hoàn tất!/);
    await citizen.send('Báo tin');
    await citizen.choose(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Khẩn cấp/);
    await citizen.expect(/Gõ ngay vài dòng/);
    await citizen.send('Cháy nhà ở đầu ngõ, khói rất nhiều');
    const filed = await citizen.expect(/Đã lưu tin báo KHẨN CẤP/);
    expect(filed.text).toMatch(/chưa có cán bộ nào nhận tin qua bot/);
    expect(filed.text).not.toMatch(/đã chuyển/);
    expect(filed.text).toMatch(/113 – Công an/);
    const code = codeIn(filed);
    await citizen.send('Ngõ 5');
    const added = await citizen.expect(new RegExp(`Đã bổ sung vào tin ${code}`));
    expect(added.text).not.toMatch(/chuyển cho cán bộ/);
    await citizen.choose(await citizen.expect(/Bạn có ảnh về sự việc không\?/), /Huỷ/);
    const stopped = await citizen.expect(/Đã dừng bổ sung/);
    expect(stopped.text).toMatch(new RegExp(`Tin báo ${code} vẫn giữ`));
    expect(citizen.all().some((m) => /tin báo chưa được gửi/.test(m.text))).toBe(false);
    const row = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(pii.decrypt(row.placeEnc!)).toBe('Ngõ 5');
  });
});
