import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

describe('/stats: the figures of an officer’s commune', () => {
  it('counts the tips by status and category, the time to a first step, and the residents by messenger', async () => {
    const officer = new TelegramUser(h, 'Đỗ', 'Văn Thống Kê');
    await makeStaff(h, officer, hungMy);
    const onTelegram = new TelegramUser(h, 'Phạm', 'Thị Dân');
    const onZalo = new ZaloUser(h, 'Lê Văn Dân');
    await onboard(onTelegram);
    await onboard(onZalo);
    const first = await quickTip(onTelegram, 'Có người lạ bẻ khoá xe máy trước chợ.', /Trộm cắp/);
    await quickTip(onZalo, 'Xe đạp của cháu bị lấy mất ở trường.', /Trộm cắp/);
    await quickTip(onZalo, 'Có người gọi điện giả danh công an đòi chuyển tiền.', /Lừa đảo/);
    const card = await officer.expect(new RegExp(`Tin báo mới ${first}`));
    await officer.pressLabel(card, /Tiếp nhận/);
    await officer.expectEdit(card, new RegExp(`Tin ${first}: đã chuyển sang "Đã tiếp nhận"`));

    await officer.send('/stats');
    const stats = await officer.expect(/📊 Thống kê Xã Hưng Mỹ, Cà Mau, 30 ngày qua/);
    expect(stats.text).toMatch(/Tin báo nhận: 3 \(khẩn cấp 0\)\. Mới 2, đã tiếp nhận 1, đang xử lý 0, đã xử lý xong 0/);
    expect(stats.text).toMatch(/Theo loại: Trộm cắp, cướp giật 2, Lừa đảo, lừa đảo qua mạng 1\./);
    // Seconds in this test: the smallest unit shown is a minute. Nothing resolved yet.
    expect(stats.text).toMatch(/tiếp nhận \(trung vị\): 1 phút; đến khi xử lý xong: chưa có\./);
    // The residents as SQL counts them: the officer is one of the commune's people too.
    const byPlatform = await h.db.identity.groupBy({
      by: ['platform'],
      where: { user: { areaCode: hungMy }, blockedAt: null },
      _count: { _all: true },
    });
    const count = (p: string) => byPlatform.find((r) => r.platform === p)?._count._all ?? 0;
    const people = await h.db.user.count({ where: { areaCode: hungMy } });
    expect(stats.text).toContain(
      `Người dân đã đăng ký: ${people} (Telegram ${count('telegram')}, Zalo ${count('zalo')}).`,
    );
    expect(stats.text).toMatch(/Mô hình tự quản đang hoạt động: 0, 0 thành viên\./);
  });

  it('asks again for a number of days it cannot use, and is for officers only', async () => {
    const officer = new TelegramUser(h, 'Đỗ', 'Văn Hỏi Lại');
    await makeStaff(h, officer, hungMy);
    await officer.send('/stats mười');
    await officer.expect(/Gõ \/stats để xem 30 ngày qua, hoặc \/stats kèm số ngày \(1–366\)/);
    await officer.send('/stats 400');
    await officer.expect(/Gõ \/stats để xem 30 ngày qua/);
    await officer.send('/stats 7');
    await officer.expect(/📊 Thống kê Xã Hưng Mỹ, Cà Mau, 7 ngày qua/);

    const citizen = new ZaloUser(h, 'Trần Văn Tò Mò');
    await onboard(citizen);
    await citizen.send('/stats');
    const refused = await citizen.expect(/cán bộ/);
    expect(refused.text).not.toMatch(/📊/);
  });
});
