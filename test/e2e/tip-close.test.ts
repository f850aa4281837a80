import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

let h: Harness;
let zaloOfficer: ZaloUser;
let tgOfficer: TelegramUser;
beforeAll(async () => {
  h = await startHarness();
  const hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  zaloOfficer = new ZaloUser(h, 'Cán bộ Zalo');
  await makeStaff(h, zaloOfficer, hungMy);
  tgOfficer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
  await makeStaff(h, tgOfficer, hungMy);
});
afterAll(() => h?.close());

/** A Zalo menu as the officer reads it: number → label. */
const numbered = (m: BotMessage) => Object.fromEntries(m.options.map((o) => [o.data, o.label]));

const tipOf = (code: string) =>
  h.db.tip.findUniqueOrThrow({
    where: { code },
    include: { events: { orderBy: { id: 'asc' } }, messages: { orderBy: { id: 'asc' } } },
  });

describe('on Zalo, a digit means one action on every tip, and closing asks first', () => {
  it('the same number on a new and an acknowledged tip; "khong" keeps it open; a note reaches the reporter; reopen', async () => {
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    const code = await quickTip(citizen, 'Điện thoại của tôi bị mất ở quán cà phê đầu chợ Hưng Mỹ chiều nay.');

    await zaloOfficer.expect(new RegExp(`Tin báo mới ${code}`)); // the card, pointing to /tip
    await zaloOfficer.send(`/tip ${code}`);
    const fresh = await zaloOfficer.expect(new RegExp(`Tin báo mới ${code}[\\s\\S]*Diễn biến:`));
    expect(numbered(fresh)).toEqual({
      '1': '👁️ Tiếp nhận',
      '2': '🙋 Nhận xử lý',
      '3': '💬 Trả lời người báo',
      '4': '✅ Đã xử lý xong',
      '5': '⛔ Không tiếp nhận',
      '6': '🔁 Trùng tin',
      '7': '🚫 Tin rác',
      '9': '📥 Hộp tin báo',
    });
    await zaloOfficer.send('1');
    const acked = await zaloOfficer.expect(new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));
    // "Tiếp nhận" is gone; every other action keeps its number.
    expect(numbered(acked)).toEqual({
      '2': '🙋 Nhận xử lý',
      '3': '💬 Trả lời người báo',
      '4': '✅ Đã xử lý xong',
      '5': '⛔ Không tiếp nhận',
      '6': '🔁 Trùng tin',
      '7': '🚫 Tin rác',
      '9': '📥 Hộp tin báo',
    });

    // "6" asks before closing it as a duplicate; "khong" leaves it as it was, and the reporter hears nothing.
    await zaloOfficer.send('6');
    const ask = await zaloOfficer.expect(new RegExp(`Đóng tin báo ${code} với trạng thái "Trùng tin đã báo"\\?`));
    expect(ask.text).toMatch(/Có thể gõ một ghi chú ngắn về kết quả/);
    expect(numbered(ask)).toEqual({ '1': '✅ Xác nhận', '2': '↩️ Không' });
    await zaloOfficer.send('khong');
    await zaloOfficer.expect(new RegExp(`Tin ${code} chưa bị đóng, vẫn ở trạng thái "Đã tiếp nhận"`));
    expect((await tipOf(code)).status).toBe('acknowledged');

    // "4" with a note: typed text becomes the note and the question is asked again with it; nothing is written yet.
    await zaloOfficer.send('4');
    await zaloOfficer.expect(new RegExp(`Đóng tin báo ${code} với trạng thái "Đã xử lý xong"\\?`));
    await zaloOfficer.send('Đã bắt được đối tượng, điện thoại đã trả lại cho chủ.');
    const withNote = await zaloOfficer.expect(
      /Ghi chú gửi người báo tin: "Đã bắt được đối tượng, điện thoại đã trả lại cho chủ\." \(gõ lại để sửa\)/,
    );
    expect(withNote.text).toMatch(new RegExp(`Đóng tin báo ${code}`));
    const pending = await tipOf(code);
    expect([pending.status, pending.messages.length]).toEqual(['acknowledged', 0]);
    await citizen.expectSilence(300);
    await zaloOfficer.send('co');
    const closed = await zaloOfficer.expect(new RegExp(`Tin ${code}: đã chuyển sang "Đã xử lý xong"`));
    const told = await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong`));
    expect(told.text).toMatch(/Cán bộ ghi chú: Đã bắt được đối tượng, điện thoại đã trả lại cho chủ\./);
    expect(numbered(closed)).toEqual({ '3': '💬 Trả lời người báo', '8': '🔓 Mở lại tin', '9': '📥 Hộp tin báo' });

    // Reopened by "8": back to acknowledged (nobody had taken it), the reporter is told, the history shows it.
    await zaloOfficer.send('8');
    const reopened = await zaloOfficer.expect(new RegExp(`Tin ${code}: đã chuyển sang "Đã tiếp nhận"`));
    expect(reopened.text).toMatch(
      /Diễn biến:\n.*Mới – .*\n.*Đã tiếp nhận – .*\n.*Đã xử lý xong – .*\n.*Mở lại, Đã tiếp nhận – /,
    );
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được cán bộ mở lại để xem xét tiếp`));
    const tip = await tipOf(code);
    expect(tip.status).toBe('acknowledged');
    expect(tip.events.map((e) => e.status)).toEqual(['new', 'acknowledged', 'resolved', 'acknowledged']);
    const audit = await h.db.auditLog.findMany({ where: { entityId: tip.id, action: 'tip.reopen' } });
    expect(audit.map((a) => a.details)).toEqual([{ from: 'resolved', to: 'acknowledged', by: 'officer' }]);
  });
});

describe('on Telegram, buttons show what the status allows; closing asks first', () => {
  it('take, reject after "Xác nhận", reopen back to the officer who took it', async () => {
    const citizen = new TelegramUser(h);
    await onboard(citizen);
    const code = await quickTip(citizen, 'Nhóm thanh niên tụ tập đua xe trên đường ven sông mỗi tối.');
    const card = await tgOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    await tgOfficer.pressLabel(card, /Nhận xử lý/);
    // Every press changes the card in place.
    const taken = await tgOfficer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"`));
    expect(taken.options.map((o) => o.label)).toEqual([
      '💬 Trả lời người báo',
      '✅ Đã xử lý xong',
      '⛔ Không tiếp nhận',
      '🔁 Trùng tin',
      '🚫 Tin rác',
      '📥 Hộp tin báo',
    ]);
    await tgOfficer.pressLabel(taken, /Không tiếp nhận/);
    const ask = await tgOfficer.expectEdit(
      card,
      new RegExp(`Đóng tin báo ${code} với trạng thái "Không tiếp nhận"\\?`),
    );
    expect(ask.options.map((o) => o.label)).toEqual(['✅ Xác nhận', '↩️ Không']);
    expect((await tipOf(code)).status).toBe('in_progress');
    // Only an officer of the area confirms: to anyone else, even the reporter, the tip does not exist.
    const forged = await citizen.press(`tipclose:yes:${code}`);
    expect(await citizen.pressAnswer(forged)).toEqual({
      alert: true,
      text: 'Chỉ cán bộ công an của khu vực mới thao tác được tin báo này.',
    });
    await tgOfficer.pressLabel(ask, /Xác nhận/);
    const closed = await tgOfficer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Không tiếp nhận"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn không được tiếp nhận xử lý`));
    expect(closed.options.map((o) => o.label)).toEqual(['💬 Trả lời người báo', '🔓 Mở lại tin', '📥 Hộp tin báo']);
    // The confirmation's button, pressed again, does nothing more.
    await tgOfficer.pressLabel(ask, /Xác nhận/);
    await tgOfficer.expectEdit(card, /Lựa chọn này không còn hiệu lực/);

    await tgOfficer.pressLabel(closed, /Mở lại tin/);
    await tgOfficer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được cán bộ mở lại`));
    expect((await tipOf(code)).status).toBe('in_progress');
  });
});

describe("a reporter's message on a closed tip", () => {
  it('says the tip is closed and offers reopening: pressing it reopens and passes the message on; "khong" keeps it closed', async () => {
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    const code = await quickTip(citizen, 'Xe máy của tôi bị lấy trộm trước cửa nhà đêm qua, xe Wave màu xanh.');
    const card = await tgOfficer.expect(new RegExp(`Tin báo mới ${code}`));
    // The officer's reply opens the reporter's thread; then the tip is resolved.
    await tgOfficer.pressLabel(card, /Trả lời người báo/);
    await tgOfficer.expect(/Gõ nội dung trả lời/);
    await tgOfficer.send('Đã tìm thấy xe của bạn, mời bạn lên trụ sở nhận lại.');
    await tgOfficer.expect(/Đã gửi trả lời/);
    await citizen.expect(/Cán bộ trả lời về tin báo/);
    await tgOfficer.pressLabel(card, /Đã xử lý xong/);
    await tgOfficer.pressLabel(await tgOfficer.expectEdit(card, new RegExp(`Đóng tin báo ${code}`)), /Xác nhận/);
    await tgOfficer.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đã xử lý xong"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong`));

    await citizen.send('Xe nhận về bị mất gương, tôi nghĩ còn đồ khác bị lấy.');
    const offer = await citizen.expect(new RegExp(`Tin ${code} đã đóng \\("Đã xử lý xong"\\)`));
    expect(offer.text).toMatch(/Tin nhắn vừa rồi chưa được lưu và chưa được chuyển tới cán bộ/);
    expect(offer.options.map((o) => o.label)).toEqual(['🔓 Mở lại và gửi tin nhắn', '↩️ Không']);
    await tgOfficer.expectSilence(300);
    // A second message while the question is open waits with the first.
    await citizen.send('Mất cả mũ bảo hiểm để trong cốp.');
    const offered = await citizen.expect(new RegExp(`Tin ${code} đã đóng`));
    await citizen.choose(offered, /Mở lại/);
    const reopened = await citizen.expect(new RegExp(`Đã mở lại tin ${code}; cán bộ phụ trách đã được báo`));
    expect(reopened.text).toMatch(new RegExp(`Đã chuyển tới cán bộ phụ trách tin ${code}`));
    const notice = await tgOfficer.expect(new RegExp(`Người báo tin đã mở lại tin ${code}`));
    expect(notice.text).toMatch(/trước đó: "Đã xử lý xong"\); tin trở lại trạng thái "Đã tiếp nhận"/);
    expect(notice.options.map((o) => o.label)).toEqual(['📄 Xem tin', '💬 Trả lời người báo']);
    const forwarded = await tgOfficer.expect(new RegExp(`Người báo tin ${code} nhắn`));
    expect(forwarded.text).toMatch(/Xe nhận về bị mất gương, tôi nghĩ còn đồ khác bị lấy\.\n\nMất cả mũ bảo hiểm/);
    const tip = await tipOf(code);
    expect(tip.status).toBe('acknowledged');
    expect(tip.messages.map((m) => m.author)).toEqual(['officer', 'citizen']);
    const audit = await h.db.auditLog.findMany({ where: { entityId: tip.id, action: 'tip.reopen' } });
    expect(audit.map((a) => a.details)).toEqual([{ from: 'resolved', to: 'acknowledged', by: 'reporter' }]);
    // No id of the reporter's in the audit log or the history: the step reads as theirs, nothing more.
    expect(audit.map((a) => a.actorId)).toEqual([null]);

    // Closed again: asking to add to it offers reopening; "khong" leaves it closed and nothing is sent.
    await citizen.choose(reopened, /Xong/);
    await tgOfficer.send(`/tip ${code}`);
    const view = await tgOfficer.expect(/Diễn biến:/);
    expect(view.text).toMatch(/Mở lại, Đã tiếp nhận – Người báo tin/);
    await tgOfficer.pressLabel(view, /Đã xử lý xong/);
    await tgOfficer.pressLabel(await tgOfficer.expectEdit(view, new RegExp(`Đóng tin báo ${code}`)), /Xác nhận/);
    await tgOfficer.expectEdit(view, new RegExp(`Tin ${code}: đã chuyển sang "Đã xử lý xong"`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được xử lý xong`));
    await citizen.send(`/status ${code}`);
    await citizen.choose(await citizen.expect(new RegExp(`Tin báo ${code}\n`)), /Gửi thêm thông tin/);
    const again = await citizen.expect(new RegExp(`Tin ${code} đã đóng`));
    expect(again.options.map((o) => o.label)).toEqual(['🔓 Mở lại tin báo', '↩️ Không']);
    await citizen.send('khong');
    await citizen.expect(new RegExp(`Tin ${code} vẫn đóng\\.`));
    expect((await tipOf(code)).status).toBe('resolved');
    await tgOfficer.expectSilence(300);
  });
});
