import { runCli } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { areaCode, chooseLabel, invite, makeStaff } from '../support/staff.ts';
import { openThread, quickTip } from '../support/report.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
let officer: TelegramUser;
beforeAll(async () => {
  h = await startHarness({ TIPS_PER_HOUR: '3' });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  officer = new TelegramUser(h, 'Officer', 'Rules');
  await makeStaff(h, officer, hungMy);
});
afterAll(() => h?.close());

describe('urgent tips', () => {
  it('the urgent choice answers at once with 113/114/115/112 and the card is marked urgent', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    await u.send('/report');
    await u.choose(await u.expect(/Bạn muốn báo về việc gì\?/), /Khẩn cấp/);
    const numbers = await u.next();
    expect(numbers.text).toMatch(/113 – Công an\n• 114 – Cứu hoả, cứu nạn\n• 115 – Cấp cứu\n• 112/);
    // Issue 13: the description is asked at once (no second category question) and it files the tip.
    const ask = await u.next();
    expect(ask.text).not.toMatch(/Bạn muốn báo về việc gì\?/);
    expect(ask.options.map((o) => o.label)).not.toContain('🚨 Khẩn cấp, đang xảy ra');
    await u.send('Hai nhóm đang đánh nhau trước quán cà phê, có người bị thương.');
    const code = /AN-[2-9A-Z]{6}/.exec((await u.expect(/Đã ghi nhận tin báo KHẨN CẤP .*Mã tin/)).text)![0];
    await officer.expect(new RegExp(`🚨 TIN BÁO KHẨN CẤP ${code}`));
    await u.choose(await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
    await u.choose(await u.expect(/Bạn có ảnh/), /Bỏ qua/);
    await u.choose(await u.expect(/gửi ẩn danh hay/), /Gửi ẩn danh/);
    await u.expect(new RegExp(`Tin báo KHẨN CẤP ${code}`));
  });

  it('emergency words in the description answer at once too', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    await u.send('/report');
    await u.pressLabel(await u.expect(/Bạn muốn báo về việc gì\?/), /Việc khác/);
    await u.expect(/Hãy mô tả sự việc/);
    await u.send('CỨU TÔI VỚI, có người lạ đang phá cửa nhà tôi');
    await u.expect(/Nếu đang có nguy hiểm, hãy gọi ngay:\n• 113/);
    await u.expect(/Sự việc xảy ra ở đâu\?/);
    await u.send('/report');
    await u.pressLabel(await u.expect(/Bạn muốn báo về việc gì\?/), /Việc khác/);
    await u.send('Tôi đang nghiên cứu cách lắp camera an ninh cho xóm');
    await u.expect(/Sự việc xảy ra ở đâu\?/);
    expect(u.all().filter((m) => /gọi ngay:/.test(m.text))).toHaveLength(1);
  });
});

describe('limits, with clear messages and nothing stored before confirmation', () => {
  it('text lengths, photo count and size, phone number', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    await u.send('/report');
    await u.pressLabel(await u.expect(/Bạn muốn báo về việc gì\?/), /Ma tuý/);
    await u.expect(/Hãy mô tả sự việc/);
    await u.send('ngắn');
    await u.expect(/Mô tả hơi ngắn\. Vui lòng viết ít nhất 10 ký tự/);
    await u.send('x'.repeat(6001));
    await u.expect(/Mô tả dài 6\.001 ký tự; bot nhận tối đa 6\.000 ký tự/);
    await u.send('x'.repeat(1600));
    await u.expect(/Mô tả dài 1\.600 ký tự, một tin báo chứa được 1\.500 ký tự/);
    await u.sendPhoto('huge', { size: 25 * 1024 * 1024, caption: 'Ảnh chụp người lạ mặt giao hàng lúc nửa đêm' });
    await u.expect(/Ảnh quá lớn \(tối đa 10 MB\)/);
    await u.expect(/Sự việc xảy ra ở đâu\?/);
    await u.send('y'.repeat(201));
    await u.expect(/Địa điểm quá dài \(tối đa 200 ký tự\)/);
    await u.send('Cuối ấp 5');
    for (let i = 1; i <= 5; i++) {
      await u.sendPhoto(`p${i}`);
      await u.expect(new RegExp(`Đã nhận ${i}/5 ảnh`));
    }
    await u.sendPhoto('p6');
    const full = await u.expect(/Chỉ gửi được tối đa 5 ảnh cho một tin báo/);
    await u.pressLabel(full, /Xong/);
    await u.pressLabel(await u.expect(/gửi ẩn danh hay/), /Để lại số điện thoại/);
    await u.send('12345');
    await u.expect(/Số điện thoại chưa đúng/);
    expect(await h.db.tip.count({ where: { reporter: { identities: { some: {} } }, category: 'drugs' } })).toBe(0);
    await u.send('+84 912.345.678');
    const summary = await u.expect(/Kiểm tra lại tin báo/);
    expect(summary.text).toMatch(/Ảnh: 5/);
    expect(summary.text).toMatch(/Số điện thoại để liên hệ: 0912345678/);
    await u.pressLabel(summary, /Huỷ/);
    await u.expect(/Đã huỷ, tin báo chưa được gửi\./);
    expect(await h.db.tip.count({ where: { category: 'drugs' } })).toBe(0);
  });
});

/** The officer opens the tip and flags it as spam, confirming; the card changes in place. */
async function flagInChat(code: string): Promise<void> {
  await officer.send(`/tip ${code}`);
  const view = await officer.expect(/Diễn biến:/);
  await officer.pressLabel(view, /Tin rác/);
  await officer.pressLabel(await officer.expectEdit(view, /đánh dấu là tin rác/), /Xác nhận/);
  await officer.expectEdit(view, /đã chuyển sang "Không tiếp nhận"/);
}

describe('abuse control', () => {
  it('a person may file TIPS_PER_HOUR tips an hour, then gets a polite wait', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    for (let i = 0; i < 3; i++) await quickTip(u, `Xe máy lạ đỗ trước cổng trường số ${i} suốt buổi sáng.`);
    await u.send('/report');
    await u.expect(/Bạn đã gửi nhiều tin báo trong thời gian ngắn\. Vui lòng thử lại sau khoảng \d+ phút/);
  });

  it('a reporter flagged as spam is throttled harder: one tip a day', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const code = await quickTip(u, 'Tin thử nghiệm vô nghĩa gửi cho vui, không có thật.');
    await flagInChat(code);
    await u.expect(new RegExp(`Tin báo ${code} của bạn không được tiếp nhận xử lý`));
    await u.send('/report');
    await u.expect(/Vui lòng thử lại sau khoảng 24 giờ/);
    const audit = await h.db.auditLog.findMany({ where: { action: 'tip.flag_spam' } });
    expect(audit).toHaveLength(1);
  });

  it('a flood of messages gets one polite reply, then silence', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    await u.expectSilence(100);
    const before = u.all().length;
    // 40 at once, over the default limit of 30 a minute.
    await Promise.all(Array.from({ length: 40 }, (_, i) => u.send(`tin nhắn số ${i}`)));
    await u.expect(/Bạn đang gửi tin nhắn quá nhanh/, 15_000);
    await u.expectSilence(1000);
    const answers = u.all().slice(before);
    expect(answers.filter((m) => /quá nhanh/.test(m.text))).toHaveLength(1);
    expect(answers.length).toBeLessThan(40);
  });
});

describe('the anonymous thread is bounded', () => {
  /** What the officers were told of the tip's follow-ups, one entry per notice. */
  const notices = (code: string) =>
    officer
      .all()
      .filter((m) => m.text.startsWith(`💬 Người báo tin ${code} nhắn`))
      .map((m) => m.text);

  it('a burst reaches officers as one notice; beyond 10 an hour a follow-up is refused and not forwarded', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const code = await quickTip(u, 'Có người lạ hay đứng nhìn vào nhà dân ở đầu ngõ vào buổi tối.');
    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await openThread(u, code);
    await u.send('Tin nhắn số 1');
    await u.expect(new RegExp(`Đã chuyển tới cán bộ phụ trách tin ${code}`));
    await officer.expect(new RegExp(`Người báo tin ${code} nhắn:\n\nTin nhắn số 1`));
    for (let i = 2; i <= 10; i++) {
      await u.send(`Tin nhắn số ${i}`);
      await u.expect(new RegExp(`Đã lưu vào tin ${code}`));
    }
    let last;
    for (let i = 11; i <= 12; i++) {
      await u.send(`Tin nhắn số ${i}`);
      last = await u.expect(
        /Tin nhắn này chưa được lưu và chưa được chuyển tới cán bộ; vui lòng thử lại sau khoảng \d+ phút/,
      );
    }
    await u.pressLabel(last!, /Xong/);
    await u.expect(new RegExp(`Đã chuyển các tin nhắn của bạn tới cán bộ phụ trách tin ${code}`));
    const burst = await officer.expect(new RegExp(`Người báo tin ${code} nhắn 9 tin:`));
    expect(burst.text).toMatch(/Tin nhắn số 2\n\nTin nhắn số 3[\s\S]*Tin nhắn số 10\n\n/);
    await officer.expectSilence(300);
    expect(notices(code)).toHaveLength(2);
    expect(notices(code).join()).not.toMatch(/Tin nhắn số 1[12]/);
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(await h.db.tipMessage.count({ where: { tipId: tip.id, author: 'citizen' } })).toBe(10);
  });

  it('a tip rejected as spam forwards nothing more, and the reporter is told so', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const code = await quickTip(u, 'Nhà bên cạnh mở nhạc to, tôi báo cho vui thôi.');
    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await openThread(u, code);
    await flagInChat(code);
    await u.expect(new RegExp(`Tin báo ${code} của bạn không được tiếp nhận xử lý`));
    // Still in the thread opened before the flag (a flagged reporter is also held to half the flood limit).
    await u.send('Sao lại từ chối tin của tôi?');
    await u.expect(new RegExp(`Tin ${code} đã bị cán bộ đánh giá là tin rác, nên tin nhắn của bạn không được lưu`));
    await officer.expectSilence(300);
    expect(notices(code)).toEqual([]);
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(await h.db.tipMessage.count({ where: { tipId: tip.id, author: 'citizen' } })).toBe(0);
  });
});

describe('staff access', () => {
  it('invite codes are one-time, expire, and guessing is stopped', async () => {
    const [a, b] = [new TelegramUser(h), new ZaloUser(h)];
    await Promise.all([onboard(a), onboard(b)]);
    const code = await invite(h, 'officer', hungMy);
    await a.send(`/staff ${code.toLowerCase().replaceAll('-', ' ')}`);
    expect((await chooseLabel(a, 'Trung úy Lê Văn Tám')).text).toMatch(
      /Bạn đã được cấp quyền Cán bộ Công an tại Xã Hưng Mỹ, Cà Mau/,
    );
    await b.send(`/staff ${code}`);
    await b.expect(/Mã mời này đã được sử dụng/);
    const expired = await invite(h, 'officer', hungMy);
    await h.db.staffInvite.updateMany({ where: { usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await b.send(`/staff ${expired}`);
    await b.expect(/Mã mời đã hết hạn/);
    // Used, expired and three wrong codes: five failures within the hour.
    for (let i = 0; i < 3; i++) {
      await b.send(`/staff WRNG-CODE-${i}AAA`);
      await b.expect(/Mã mời không đúng/);
    }
    await b.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    await b.expect(/Bạn đã nhập sai mã quá nhiều lần/);
    const actions = (await h.db.auditLog.findMany({ orderBy: { id: 'asc' } })).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['invite.create', 'invite.redeem', 'invite.failed']));
  });

  it('npm run cli -- invite prints a code that works in chat; bad options exit 2', async () => {
    const cli = (args: string[]) => runCli(h, args);
    const province = (await h.db.area.findUniqueOrThrow({ where: { code: hungMy } })).parentCode!;
    const created = await cli(['invite', '--role', 'admin', '--area', province, '--days', '3']);
    expect(created.code, created.out).toBe(0);
    const code = /Invite code: (\S+)/.exec(created.out)![1]!;
    expect(created.out).toMatch(/Role admin of .+, valid until .+, usable once\./);
    const u = new TelegramUser(h);
    await onboard(u);
    await u.send(`/staff ${code}`);
    expect((await chooseLabel(u, 'Quản trị tỉnh')).text).toMatch(/Bạn đã được cấp quyền Quản trị tại/);
    const bad = await cli(['invite', '--role', 'boss', '--area', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--role: .*\n--area: must be an area code/);

    // The operator lists staff and takes the role away again; the person is no longer staff.
    const listed = (await cli(['staff', 'list', '--area', province])).out;
    const grantId = new RegExp(`^(\\S+)  admin    ${province}`, 'm').exec(listed)![1]!;
    expect(listed).not.toContain(String(u.id));
    expect((await cli(['staff', 'revoke', grantId])).out).toMatch(/^Revoked: admin of /);
    // Told by the bot, from the outbox the CLI wrote to.
    await u.expect(/Vai trò Quản trị của bạn tại .+ đã kết thúc/, 10_000);
    await u.send('/inbox');
    await u.expect(/Chức năng này chỉ dành cho cán bộ/);
    expect(await h.db.auditLog.count({ where: { action: 'grant.revoke', entityId: grantId } })).toBe(1);
    const missing = await cli(['staff', 'revoke', grantId]);
    expect(missing.code).toBe(2);
  });

  it('/staff alone asks for the code: a wrong one is asked again, the right one makes staff', async () => {
    const u = new ZaloUser(h);
    await onboard(u);
    await u.send('/staff');
    await u.expect(/hãy gõ mã mời do quản trị cấp/);
    await u.send('WRNG-CODE-9AAA');
    const again = await u.expect(/Mã mời không đúng/);
    expect(again.options.map((o) => o.label)).toEqual(['↩️ Quay lại']);
    await u.send(await invite(h, 'officer', hungMy));
    const welcome = await chooseLabel(u, 'Thiếu tá Trần Văn Hai');
    expect(welcome.text).toMatch(/Bạn đã được cấp quyền Cán bộ Công an tại Xã Hưng Mỹ, Cà Mau/);
    expect(welcome.options.map((o) => o.label)).toContain('📥 Hộp tin báo');
    // The dialogue is over: the next text is not taken as a code.
    await u.send('WRNG-CODE-8AAA');
    await u.expect(/Bot chưa hiểu ý bạn/);
  });

  it('a commune without officers: its tips rise to the province officers', async () => {
    const province = new TelegramUser(h, 'Province', 'Officer');
    const other = await areaCode(h, 'Xã Tân Hưng', 'Cà Mau');
    await makeStaff(h, province, (await h.db.area.findUniqueOrThrow({ where: { code: other } })).parentCode!);
    const u = new ZaloUser(h);
    await onboard(u);
    await u.send('/settings');
    await u.choose(await u.expect(/Cài đặt/), /Khu vực/);
    await u.send('tan hung ca mau');
    await u.choose(await u.expect(/kết quả/), /^Xã Tân Hưng, Cà Mau$/);
    await u.expect(/Đã cập nhật khu vực/);
    const code = await quickTip(u, 'Có người lạ dò hỏi nhà nào vắng chủ trong xóm.');
    const card = await province.expect(new RegExp(`Tin báo mới ${code}`));
    expect(card.text).toMatch(/Địa bàn: Xã Tân Hưng, Cà Mau/);
    expect(officer.all().some((m) => m.text.includes(code))).toBe(false);
  });
});

describe('the officer inbox and my tips', () => {
  it('inbox lists urgent first, then oldest first, eight a page', async () => {
    const inboxOfficer = new ZaloUser(h, 'Inbox Officer');
    const ward = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
    await makeStaff(h, inboxOfficer, ward);
    await inboxOfficer.send('/inbox');
    await inboxOfficer.expect(/Hộp tin báo trống/);
    const reporters = Array.from({ length: 4 }, () => new TelegramUser(h));
    for (const r of reporters) {
      await onboard(r);
      await r.send('/settings');
      await r.pressLabel(await r.expect(/Cài đặt/), /Khu vực/);
      await r.send('ba dinh ha noi');
      await r.pressLabel(await r.expect(/kết quả/), /^Phường Ba Đình, Thành phố Hà Nội$/);
      await r.expect(/Đã cập nhật khu vực/);
    }
    const codes: string[] = [];
    for (let i = 0; i < 9; i++)
      codes.push(await quickTip(reporters[i % 3]!, `Sự việc thứ ${i} ở phường Ba Đình cần kiểm tra.`));
    await h.db.tip.update({ where: { code: codes[5]! }, data: { urgent: true } });
    await inboxOfficer.send('/inbox');
    const page1 = await inboxOfficer.expect(/Hộp tin báo: 9 tin đang mở \(trang 1\/2\)/);
    const listed = page1.options.filter((o) => /AN-/.test(o.label)).map((o) => /AN-\w+/.exec(o.label)![0]);
    expect(listed).toEqual([codes[5], ...codes.filter((_, i) => i !== 5).slice(0, 7)]);
    expect(page1.options[0]!.label).toMatch(/^🚨 /);
    await inboxOfficer.choose(page1, /Trang sau/);
    const page2 = await inboxOfficer.expect(/trang 2\/2/);
    expect(page2.options.filter((o) => /AN-/.test(o.label)).map((o) => /AN-\w+/.exec(o.label)![0])).toEqual([codes[8]]);
    expect(await h.db.auditLog.count({ where: { action: 'inbox.view' } })).toBeGreaterThanOrEqual(3);
  });

  it('/status lists my tips; a follow-up photo reaches the officers; /deleteme keeps the tip, detached', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    await u.send('/status');
    await u.expect(/Bạn chưa gửi tin báo nào/);
    const code = await quickTip(u, 'Đường dây điện bị câu trộm ở cuối xóm, có thể gây cháy.', /Nguy cơ cháy/);
    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await u.send('/status');
    const list = await u.expect(/Các tin báo gần đây của bạn \(1\)/);
    await u.pressLabel(list, new RegExp(`${code} · Nguy cơ cháy, nổ · Mới`));
    const view = await u.expect(new RegExp(`Tin báo ${code}\nLoại: Nguy cơ cháy, nổ\nTrạng thái: Mới`));
    await u.pressLabel(view, /Gửi thêm thông tin/);
    await u.expect(/Gõ nội dung bổ sung hoặc gửi ảnh/);
    await u.sendPhoto('followup-photo', { caption: 'Ảnh chụp đoạn dây điện' });
    await u.expect(new RegExp(`Đã chuyển tới cán bộ phụ trách tin ${code}`));
    const note = await officer.expect(new RegExp(`Người báo tin ${code} nhắn:\n\nẢnh chụp đoạn dây điện`));
    expect(note.options.map((o) => o.label)).toEqual(['💬 Trả lời người báo', '📄 Xem tin']);
    expect((await officer.next()).raw.params.photo).toBe('followup-photo');

    await u.send('/deleteme');
    await u.pressLabel(await u.expect(/Bạn có chắc/), /Xoá vĩnh viễn/);
    await u.expect(/Đã xoá toàn bộ dữ liệu/);
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    expect(tip.reporterId).toBeNull();
    expect(tip.reporterIdentityId).toBeNull();
    await officer.send(`/tip ${code}`);
    await officer.pressLabel(await officer.expect(/Diễn biến:/), /Trả lời người báo/);
    await officer.send('Anh/chị còn ở đó không?');
    await officer.expect(/đã xoá dữ liệu hoặc chặn bot nên không nhận được trả lời/);
  });
});
