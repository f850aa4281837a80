import { describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/core/scope.ts';
import { changeStatus } from '../../src/features/tips/actions.ts';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { areaCode, invite, makeStaff } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

describe("officers' display labels (issue 13)", () => {
  it('redeeming asks for the label, re-asks a bad one, and welcomes with it; /staff label changes it', async () => {
    const u = new TelegramUser(h, 'Nguyễn', 'Văn An');
    await onboard(u);
    await u.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    const ask = await u.expect(/✅ Mã mời hợp lệ\.\n\nTên hiển thị với đồng nghiệp, ví dụ: .+ \(2–60 ký tự\)/);
    expect(ask.text).toMatch(/người báo tin không thấy tên này/);
    // Nothing is granted a name until it fits: too short, then too long, each asked again.
    await u.send('A');
    await u.expect(/Tên hiển thị cần dài từ 2 đến 60 ký tự\. Vui lòng gõ lại\.\n\nTên hiển thị với đồng nghiệp/);
    await u.send('x'.repeat(61));
    await u.expect(/Tên hiển thị cần dài từ 2 đến 60 ký tự/);
    await u.send('  Trung tá   Nguyễn Văn An ');
    const welcome = await u.expect(/Chào mừng! Bạn đã được cấp quyền Cán bộ Công an tại Xã Hưng Mỹ, Cà Mau/);
    expect(welcome.text).toMatch(/Tên hiển thị với đồng nghiệp: Trung tá Nguyễn Văn An\. Gõ \/staff label để đổi\./);
    expect(welcome.options.map((o) => o.label)).toContain('📥 Hộp tin báo');
    const grant = await h.db.staffGrant.findFirstOrThrow({ where: { areaCode: hungMy, label: { not: null } } });
    expect(grant.label).toBe('Trung tá Nguyễn Văn An');

    await u.send('/staff label');
    await u.expect(/^Tên hiển thị với đồng nghiệp, ví dụ/);
    await u.send('Thượng tá Nguyễn Văn An');
    await u.expect(/Đã lưu tên hiển thị với đồng nghiệp: Thượng tá Nguyễn Văn An\./);
    const roles = await (async () => {
      await u.send('/staff');
      return u.expect(/Vai trò của bạn:/);
    })();
    expect(roles.text).toMatch(/• Cán bộ Công an: Xã Hưng Mỹ, Cà Mau · Thượng tá Nguyễn Văn An/);
    expect(roles.text).toMatch(/Gõ \/staff label để đổi tên hiển thị/);

    // A resident who is not staff: "label" is no code and no wrong guess.
    const resident = new ZaloUser(h);
    await onboard(resident);
    await resident.send('/staff label');
    await resident.expect(/Chức năng này chỉ dành cho cán bộ/);
    expect(await h.db.auditLog.count({ where: { action: 'invite.failed' } })).toBe(0);
  });

  it('the history names who acted; the colleagues of the area are told when a tip is taken or closed', async () => {
    const area = await areaCode(h, 'Xã Tân Hưng', 'Cà Mau');
    const a = new TelegramUser(h, 'Lê', 'Văn Bình');
    const b = new ZaloUser(h, 'Trần Thị Cúc');
    await makeStaff(h, a, area, 'officer', 'Đại uý Lê Văn Bình');
    await makeStaff(h, b, area, 'officer', 'Thượng uý Trần Thị Cúc');
    const citizen = new ZaloUser(h);
    await onboard(citizen);
    await citizen.send('/settings');
    await citizen.choose(await citizen.expect(/Cài đặt/), /Khu vực/);
    await citizen.send('tan hung ca mau');
    await citizen.choose(await citizen.expect(/kết quả/), /^Xã Tân Hưng, Cà Mau$/);
    await citizen.expect(/Đã cập nhật khu vực/);
    const code = await quickTip(citizen, 'Có người lạ dò hỏi nhà nào vắng chủ trong xóm.');

    const card = await a.expect(new RegExp(`Tin báo mới ${code}`));
    await b.expect(new RegExp(`Tin báo mới ${code}`));
    await a.pressLabel(card, /Nhận xử lý/);
    const taken = await a.expectEdit(card, new RegExp(`Tin ${code}: đã chuyển sang "Đang xử lý"`));
    expect(taken.text).toMatch(/• .+: Mới – Người báo tin\n• .+: Đang xử lý – Đại uý Lê Văn Bình/);
    const told = await b.expect(new RegExp(`🙋 Đại uý Lê Văn Bình đã nhận xử lý tin báo ${code}\\.`));
    expect(told.text).toMatch(new RegExp(`gõ /tip ${code}`));
    await citizen.expect(new RegExp(`Tin báo ${code} của bạn đang được cán bộ xử lý`));

    // Closed by the operator's use case (as the CLI and HTTP callers run it): both officers are told.
    const { result } = await runUseCase(h.db, (s) => changeStatus(s, OPERATOR, code, 'resolved'));
    expect(result.ok).toBe(true);
    const closed = new RegExp(`Quản trị hệ thống đã chuyển tin báo ${code} sang "Đã xử lý xong"\\.`);
    await a.expect(closed, 10_000);
    await b.expect(closed, 10_000);

    await b.send(`/tip ${code}`);
    const view = await b.expect(/Diễn biến:/);
    expect(view.text).toMatch(
      /Diễn biến:\n• .+: Mới – Người báo tin\n• .+: Đang xử lý – Đại uý Lê Văn Bình\n• .+: Đã xử lý xong – Quản trị hệ thống/,
    );
    // Never an account: neither the officer's user id nor a messenger id.
    const officerA = await h.db.staffGrant.findFirstOrThrow({ where: { label: 'Đại uý Lê Văn Bình' } });
    expect(view.text).not.toContain(officerA.userId);
    expect(view.text).not.toContain(a.chatId);
    // Nobody is told of their own act.
    expect(a.all().some((m) => m.text.includes('Đại uý Lê Văn Bình đã nhận'))).toBe(false);
    // The staff API says the same, without translation.
    await a.send('/apitoken');
    const token = /antq_[A-Za-z0-9_-]+/.exec((await a.expect(/Mã truy cập API của bạn/)).text)![0];
    const res = await fetch(`${h.url}/api/tips/${code}`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await res.json()) as { history: Array<{ by: unknown }> }).history.map((e) => e.by)).toEqual([
      { kind: 'reporter' },
      { kind: 'officer', label: 'Đại uý Lê Văn Bình' },
      { kind: 'operator' },
    ]);
    const events = await h.db.tipEvent.findMany({ where: { tip: { code } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.status, e.byLabel])).toEqual([
      ['new', null],
      ['in_progress', 'Đại uý Lê Văn Bình'],
      ['resolved', null],
    ]);
  });
});
