import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { pick } from '../support/report.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

let h: Harness;
let officer: TelegramUser;
beforeAll(async () => {
  h = await startHarness();
  officer = new TelegramUser(h, 'Officer', 'Long');
  await makeStaff(h, officer, await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau'));
});
afterAll(() => h?.close());

/** A description of exactly 1,500 characters (the limit) ending in `end`, then `rest`. */
function longText(end: string, rest: string): { head: string; text: string } {
  const filler = 'Nhóm thanh niên lạ mặt tụ tập ở bãi đất trống cuối ấp mỗi tối. ';
  const body = filler.repeat(Math.ceil(1500 / filler.length)).slice(0, 1500 - end.length);
  const head = body + end;
  return { head, text: head + rest };
}

const codeIn = (msg: BotMessage) => /AN-[2-9A-Z]{6}/.exec(msg.text)![0];

/** From the place question to the code: no place, no photos, anonymous; returns the summary and the filed reply. */
async function finish(u: TelegramUser | ZaloUser) {
  await pick(u, await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  await pick(u, await u.expect(/Bạn có ảnh/), /Bỏ qua/);
  await pick(u, await u.expect(/gửi ẩn danh hay/), /Gửi ẩn danh/);
  const summary = await u.expect(/Kiểm tra lại tin báo/);
  await pick(u, summary, /Gửi tin báo/);
  return { summary, filed: await u.expect(/Mã tin: AN-/) };
}

async function startReport(u: TelegramUser | ZaloUser, text: string) {
  await u.send('/report');
  await pick(u, await u.expect(/Bạn muốn báo về việc gì\?/), /Người, phương tiện khả nghi/);
  await u.expect(/Hãy mô tả sự việc/);
  await u.send(text);
  return u.expect(/Mô tả dài \d\.\d{3} ký tự, một tin báo chứa được 1\.500 ký tự/);
}

describe('a description over the limit is not thrown away', () => {
  it('Telegram: "send the rest" files the first 1,500 characters and adds the rest to the tip’s thread', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const rest = ' PHẦN SAU: họ đi xe máy biển số 69B1-123.45, thường về hướng cầu ấp 3 lúc 23 giờ.';
    const { head, text } = longText('ĐẾN ĐÂY LÀ 1500.', rest);
    const ask = await startReport(u, text);
    expect(ask.options.map((o) => o.label)).toEqual([
      '✂️ Chỉ giữ 1.500 ký tự đầu',
      '➕ Gửi phần còn lại thành tin bổ sung',
      '✖️ Huỷ',
    ]);
    await u.pressLabel(ask, /Gửi phần còn lại/);
    const { summary, filed } = await finish(u);
    expect(summary.text).toContain(`Phần còn lại của mô tả (${rest.trim().length} ký tự): gửi tiếp ngay sau tin báo`);
    expect(filed.text).toContain(`Phần còn lại của mô tả đã được thêm vào tin ${codeIn(filed)} thành tin bổ sung.`);
    const code = codeIn(filed);

    // The officer gets the card with the first part, then the rest as the reporter's message on that tip.
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}|${code}[\\s\\S]*ĐẾN ĐÂY LÀ 1500\\.`));
    expect(card.text).toContain(head.slice(-200));
    expect(card.text).not.toContain('PHẦN SAU');
    const more = await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(more.text).toContain(rest.trim());
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code }, include: { messages: true } });
    expect(tip.messages.map((m) => m.author)).toEqual(['citizen']);
  });

  it('Zalo: "keep the first part" by number files 1,500 characters and drops the rest', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    const { head, text } = longText('HẾT PHẦN ĐẦU.', ' PHẦN BỎ ĐI: không cần gửi.');
    const ask = await startReport(u, text);
    expect(ask.text).toMatch(/1\. ✂️ Chỉ giữ 1\.500 ký tự đầu/);
    await u.send('1');
    const { summary, filed } = await finish(u);
    expect(summary.text).not.toContain('Phần còn lại');
    expect(filed.text).not.toContain('Phần còn lại');
    const code = codeIn(filed);
    const card = await officer.expect(new RegExp(`${code}[\\s\\S]*HẾT PHẦN ĐẦU\\.`));
    expect(card.text).toContain(head.slice(-200));
    expect(card.text).not.toContain('PHẦN BỎ ĐI');
    expect(await h.db.tipMessage.count({ where: { tip: { code } } })).toBe(0);
  });

  it('Zalo: typing a shorter text instead of choosing takes that text', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    await startReport(u, longText('X.', ' Y.').text);
    await u.send('Có người lạ đứng nhìn vào các nhà trong xóm lúc nửa đêm.');
    const { summary } = await finish(u);
    expect(summary.text).toContain('Nội dung: Có người lạ đứng nhìn vào các nhà trong xóm lúc nửa đêm.');
  });

  it('Zalo, urgent: filed at once with the first part, the rest following, no question asked', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    await u.send('/report');
    await pick(u, await u.expect(/Bạn muốn báo về việc gì\?/), /Người, phương tiện khả nghi/);
    await u.expect(/Hãy mô tả sự việc/);
    const { text } = longText('CÓ CƯỚP ĐANG VÀO NHÀ.', ' PHẦN SAU: hai người, một áo đen.');
    await u.send(text);
    const filed = await u.expect(/KHẨN CẤP/);
    const code = codeIn(filed);
    expect(filed.text).toContain(`Phần còn lại của mô tả đã được thêm vào tin ${code} thành tin bổ sung.`);
    await officer.expect(new RegExp(`🚨 TIN BÁO KHẨN CẤP ${code}`));
    const more = await officer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(more.text).toContain('PHẦN SAU: hai người, một áo đen.');
  });

  it('a text beyond what even the follow-ups hold is refused with its length, nothing kept', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    await u.send('/report');
    await u.pressLabel(await u.expect(/Bạn muốn báo về việc gì\?/), /Người, phương tiện khả nghi/);
    await u.expect(/Hãy mô tả sự việc/);
    await u.send('x'.repeat(6001));
    await u.expect(/Mô tả dài 6\.001 ký tự; bot nhận tối đa 6\.000 ký tự cho một tin báo/);
  });
});
