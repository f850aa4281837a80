import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCliWith } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { createModelInChat, decodeQr } from '../support/models.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
let baDinh: string;
beforeAll(async () => {
  h = await startHarness({ BROADCAST_RECONCILE_SECONDS: '0.5' });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  baDinh = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
});
afterAll(() => h?.close());

const NOTICE_1 = 'Tối nay 19 giờ họp tổ camera an ninh tại nhà văn hoá ấp 3.';
const NOTICE_2 = 'Nhắc bà con kiểm tra camera trước cổng, báo ngay khi có người lạ.';

describe('a self-managed model, end to end on both messengers', () => {
  it('joins by deep link (Telegram) and by code (Zalo), leader approves, notices reach members until they leave', async () => {
    const officer = new TelegramUser(h, 'Lê', 'Văn Công An');
    await makeStaff(h, officer, hungMy);
    const model = await createModelInChat(h, officer, 'Camera an ninh ấp 3');

    // The leader (on Zalo) redeems the invite and gets the code to print.
    const leader = new ZaloUser(h, 'Trần Văn Trưởng');
    await onboard(leader);
    await leader.send(`/staff ${model.leaderInvite}`);
    // The welcome says what a leader does, not tip cards or /inbox (which are for officers).
    const welcome = await leader.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình "Camera an ninh ấp 3"/);
    expect(welcome.text).toContain('Bạn duyệt người xin tham gia, gửi thông báo tới thành viên');
    expect(welcome.text).toContain('mã tham gia và đường dẫn của mô hình'); // no QR image on Zalo
    expect(welcome.text).not.toMatch(/inbox|Tin báo mới/);
    const share = await leader.expect(/mã tham gia: MH-/);
    expect(share.text).toContain(`https://t.me/antq_test_bot?start=m_${model.code}`);
    await leader.expect(/Bạn là trưởng mô hình "Camera an ninh ấp 3"/);

    // Resident A opens the Telegram deep link as a new user: onboarding first, then the model's page.
    const a = new TelegramUser(h, 'Phạm', 'Thị Hoa');
    await a.send(`/start m_${model.code}`);
    await a.pressLabel(await a.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await a.pressLabel(await a.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
    await a.expect(/Bạn sống ở xã\/phường nào\?/);
    await a.send('hung my');
    await a.pressLabel(await a.expect(/kết quả/), /Xã Hưng Mỹ, Cà Mau/);
    await a.expect(/Hoàn tất!/);
    const page = await a.expect(/Camera an ninh ấp 3\nLoại: Camera an ninh/);
    expect(page.text).toContain('Tham gia: cần trưởng mô hình duyệt');
    await a.pressLabel(page, /Tham gia/);
    await a.pressLabel(await a.expect(/cho trưởng mô hình thấy tên/), /Đồng ý hiện tên/);
    await a.expect(/Đã gửi yêu cầu tham gia "Camera an ninh ấp 3"/);
    // Stored before the reply: the request is in PostgreSQL.
    expect(await h.db.membership.count({ where: { modelId: model.id, status: 'pending' } })).toBe(1);

    // The leader hears of it on Zalo, with A's display name (A agreed), and approves by numbers.
    const ask = await leader.expect(/Có người muốn tham gia "Camera an ninh ấp 3": Phạm Thị Hoa/);
    expect(ask.text).toContain('/models');
    await leader.send('/models');
    await leader.choose(await leader.expect(/Mô hình bạn phụ trách/), /Camera an ninh ấp 3/);
    await leader.choose(await leader.expect(/Thành viên: 0/), /Yêu cầu chờ duyệt \(1\)/);
    await leader.choose(await leader.expect(/đang chờ duyệt/), /Duyệt: Phạm Thị Hoa/);
    await a.expect(/Bạn đã được duyệt vào "Camera an ninh ấp 3"/);

    // Resident B on Zalo types the code from the poster, joins without showing the name.
    const b = new ZaloUser(h, 'Võ Văn Kín');
    await onboard(b);
    await b.send(model.code.toLowerCase());
    const bPage = await b.expect(/Camera an ninh ấp 3\nLoại: Camera an ninh/);
    await b.choose(bPage, /Tham gia/);
    await b.choose(await b.expect(/cho trưởng mô hình thấy tên/), /Không hiện tên/);
    await b.expect(/Đã gửi yêu cầu/);
    const askB = await leader.expect(/Có người muốn tham gia "Camera an ninh ấp 3": Người dân \(ẩn tên\)/);
    expect(askB.text).not.toContain('Võ Văn Kín');
    await leader.send('/models');
    await leader.choose(await leader.expect(/Mô hình bạn phụ trách/), /Camera an ninh ấp 3/);
    await leader.choose(await leader.expect(/Thành viên: 1/), /Yêu cầu chờ duyệt \(1\)/);
    await leader.choose(await leader.expect(/đang chờ duyệt/), /Duyệt: Người dân \(ẩn tên\)/);
    await b.expect(/Bạn đã được duyệt/);

    // The member list shows only names members agreed to show, never account ids.
    await leader.send('/models');
    await leader.choose(await leader.expect(/Mô hình bạn phụ trách/), /Camera an ninh ấp 3/);
    await leader.choose(await leader.expect(/Thành viên: 2/), /Danh sách thành viên/);
    const list = await leader.expect(/Thành viên của "Camera an ninh ấp 3": 2 người \(1 người không hiện tên\)/);
    expect(list.text).toContain('1. Phạm Thị Hoa');
    expect(list.text).not.toContain('Võ Văn Kín');
    expect(list.text).not.toContain(b.id);
    expect(list.text).not.toContain(String(a.id));

    // A notice from the leader reaches both members, in one message each, and nobody else.
    const bystander = new TelegramUser(h);
    await onboard(bystander);
    const sendNotice = async (text: string, members: number) => {
      await leader.send('/models');
      await leader.choose(await leader.expect(/Mô hình bạn phụ trách/), /Camera an ninh ấp 3/);
      await leader.choose(await leader.expect(/Camera an ninh ấp 3\nLoại/), /Gửi thông báo cho thành viên/);
      await leader.expect(/Hãy gửi nội dung thông báo cho thành viên "Camera an ninh ấp 3"/);
      await leader.send(text);
      await leader.choose(
        await leader.expect(new RegExp(`Gửi thông báo này tới ${members} thành viên của "Camera an ninh ấp 3"`)),
        /Xác nhận/,
      );
      await leader.expect(/Thông báo #\d+ đang được gửi/);
      await leader.expect(/📊 Báo cáo thông báo #\d+/, 20_000);
    };
    await sendNotice(NOTICE_1, 2);
    const heading = '📢 THÔNG BÁO của Camera an ninh ấp 3 (Xã Hưng Mỹ, Cà Mau)';
    expect((await a.expect(/THÔNG BÁO của Camera an ninh ấp 3/)).text).toBe(
      `${heading}\n\n${NOTICE_1}\n\n(Gõ /stop nếu bạn không muốn nhận thông báo nữa.)`,
    );
    expect((await b.expect(/THÔNG BÁO của Camera an ninh ấp 3/)).text).toContain(NOTICE_1);

    // A leaves through /groups; the next notice reaches B only.
    await a.send('/groups');
    await a.pressLabel(await a.expect(/Các mô hình tự quản ở Xã Hưng Mỹ, Cà Mau/), /Camera an ninh ấp 3/);
    await a.pressLabel(await a.expect(/Bạn là thành viên/), /Rời mô hình/);
    await a.expect(/Bạn đã rời "Camera an ninh ấp 3"/);
    await sendNotice(NOTICE_2, 1);
    await b.expect(new RegExp(NOTICE_2.slice(0, 30)));
    await a.expectSilence(800);
    const notices = (u: TelegramUser | ZaloUser) => u.all().filter((m) => m.text.includes(heading));
    expect(notices(a).map((m) => m.text.includes(NOTICE_1))).toEqual([true]);
    expect(notices(b)).toHaveLength(2);
    expect(notices(bystander)).toEqual([]);

    // The review the officer sees: members now; joins, leaves, notices of the last 90 days.
    await officer.send('/models');
    const review = await officer.expect(/Tổng kết mô hình \(90 ngày qua\)/);
    expect(review.text).toContain(
      `#${model.id} Camera an ninh ấp 3: 1 thành viên, 0 chờ duyệt; 2 tham gia, 1 rời; 2 thông báo; 0 tin báo của thành viên`,
    );
    // The one member files a tip: a count that small could point at them, so the review says "< 5".
    await quickTip(b, 'Có người lạ đi dò xét các nhà trong ấp vào ban đêm.');
    await officer.send('/models');
    const after = await officer.expect(/Tổng kết mô hình \(90 ngày qua\)/);
    expect(after.text).toContain('2 thông báo; < 5 tin báo của thành viên');
  });

  it('the QR code decodes to the deep link, in chat and from the CLI; an open model joins at once', async () => {
    const officer = new TelegramUser(h);
    await makeStaff(h, officer, hungMy);
    const model = await createModelInChat(h, officer, 'Tổ tự quản khóm 2');
    const link = `https://t.me/antq_test_bot?start=m_${model.code}`;
    // The share message is a photo (the QR) with the code and the link as its caption.
    expect(model.share.raw.method).toBe('sendPhoto');
    expect(model.share.text).toContain(link);
    const upload = model.share.raw.files?.photo;
    expect(upload?.filename).toBe(`${model.code}.png`);
    expect(decodeQr(upload!.content)).toBe(link);

    const out = path.join(tmpdir(), `antq-qr-${model.id}-${Date.now()}.png`);
    const qr = await runCliWith(
      { DATABASE_URL: h.config.DATABASE_URL, TELEGRAM_BOT_TOKEN: h.tg.token, TELEGRAM_API_ROOT: h.tg.apiRoot },
      ['models', 'qr', String(model.id), '--out', out],
    );
    expect(qr.code, qr.out).toBe(0);
    expect(qr.out).toContain(`QR code of ${link} written to ${out}`);
    expect(decodeQr(readFileSync(out))).toBe(link);
    rmSync(out);

    // CLI: an open model; a Zalo resident joins it at once with /join.
    const created = await runCliWith({ DATABASE_URL: h.config.DATABASE_URL }, [
      'models',
      'create',
      '--area',
      hungMy,
      '--name',
      'CLB Thanh niên xung kích',
      '--kind',
      'club',
      '--policy',
      'open',
    ]);
    expect(created.code, created.out).toBe(0);
    const code = /join code (MH-[A-Z0-9]{6}) \(open\)/.exec(created.out)![1]!;
    const z = new ZaloUser(h);
    await onboard(z);
    await z.send(`/join ${code}`);
    await z.choose(await z.expect(/CLB Thanh niên xung kích/), /Tham gia/);
    await z.choose(await z.expect(/thấy tên/), /Đồng ý hiện tên/);
    await z.expect(/Bạn đã tham gia "CLB Thanh niên xung kích"/);
    const bad = await runCliWith({ DATABASE_URL: h.config.DATABASE_URL }, [
      'models',
      'create',
      '--area',
      hungMy,
      '--name',
      'X',
      '--kind',
      'castle',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--name: .*\n--kind: /);
  });

  it('staff of another commune cannot manage the model; residents cannot lead it', async () => {
    const officer = new TelegramUser(h);
    await makeStaff(h, officer, hungMy);
    const model = await createModelInChat(h, officer, 'Tôn giáo đoàn kết giáo xứ');
    const member = new TelegramUser(h, 'Đỗ', 'Văn Xin');
    await onboard(member);
    await member.send(`/join ${model.code}`);
    await member.pressLabel(await member.expect(/Tôn giáo đoàn kết giáo xứ\nLoại/), /Tham gia/);
    await member.pressLabel(await member.expect(/thấy tên/), /Đồng ý hiện tên/);
    await member.expect(/Đã gửi yêu cầu/);
    // No leader yet: the commune's officers are asked.
    const asked = await officer.expect(/Có người muốn tham gia "Tôn giáo đoàn kết giáo xứ": Đỗ Văn Xin/);
    expect(asked.options.map((o) => o.label)).toEqual(['✅ Duyệt', '❌ Từ chối']);
    const request = await h.db.membership.findFirstOrThrow({ where: { modelId: model.id } });

    const other = new TelegramUser(h, 'Hoàng', 'Ba Đình');
    await makeStaff(h, other, baDinh);
    await other.send('/models');
    const list = await other.expect(/chưa có mô hình|Tổng kết/);
    expect(list.options.map((o) => o.label).join('|')).not.toContain('Tôn giáo đoàn kết giáo xứ');
    for (const forged of ['retire', 'reactivate', 'leaderinvite', 'review', 'notice', 'members', 'requests', 'qr']) {
      await other.press(`mdl:${forged}:${model.id}`);
      await other.expect(/Không tìm thấy mô hình này, hoặc bạn không có quyền/);
    }
    await other.press(`mdl:approve:${request.id}`);
    await other.expect(/Không tìm thấy mô hình này, hoặc bạn không có quyền/);
    // A member is not the leader.
    await member.press(`mdl:approve:${request.id}`);
    await member.expect(/Không tìm thấy mô hình này, hoặc bạn không có quyền/);
    await member.press(`mdl:members:${model.id}`);
    await member.expect(/Không tìm thấy mô hình này, hoặc bạn không có quyền/);

    const after = await h.db.localModel.findUniqueOrThrow({ where: { id: model.id } });
    expect(after.retiredAt).toBeNull();
    expect(after.leaderId).toBeNull();
    expect((await h.db.membership.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('pending');
    expect(await h.db.staffInvite.count({ where: { modelId: model.id } })).toBe(1);
    expect(await h.db.broadcast.count({ where: { modelId: model.id } })).toBe(0);

    // The commune's own officer decides in the leader's absence (one approved, one declined), and retires the model.
    await officer.press(`mdl:approve:${request.id}`);
    await member.expect(/Bạn đã được duyệt vào "Tôn giáo đoàn kết giáo xứ"/);
    const declined = new ZaloUser(h);
    await onboard(declined);
    await declined.send(model.code);
    await declined.choose(await declined.expect(/Tôn giáo đoàn kết giáo xứ\nLoại/), /Tham gia/);
    await declined.choose(await declined.expect(/thấy tên/), /Không hiện tên/);
    await declined.expect(/Đã gửi yêu cầu/);
    await officer.press(`mdl:requests:${model.id}`);
    await officer.pressLabel(await officer.expect(/đang chờ duyệt/), /Từ chối: Người dân \(ẩn tên\) #1/);
    await declined.expect(/Yêu cầu tham gia "Tôn giáo đoàn kết giáo xứ" của bạn chưa được chấp nhận/);
    await officer.expect(/Không còn yêu cầu nào chờ duyệt/);
    await officer.press(`mdl:retire:${model.id}`);
    await officer.expect(/đã ngừng hoạt động/);
    await member.send('/groups');
    const groups = await member.expect(/mô hình tự quản/i);
    expect(groups.options.map((o) => o.label).join('|')).not.toContain('Tôn giáo đoàn kết giáo xứ');
  });
});
