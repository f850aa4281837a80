import { describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { chooseLabel, invite, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started));

const unroutedGauge = async () => {
  const text = await (await fetch(`${h.url}/metrics`)).text();
  return Number(/^antq_tips_unrouted (\d+)$/m.exec(text)?.[1]);
};

describe('a tip where no officer is', () => {
  it('tells the citizen the truth, counts it, tells the admins, and lists it in the first officer’s welcome', async () => {
    // An admin of another province: the only staff there is.
    const hanoi = await h.db.area.findFirstOrThrow({ where: { level: 'province', name: { contains: 'Hà Nội' } } });
    const admin = new TelegramUser(h, 'Trần', 'Quản Trị');
    await makeStaff(h, admin, hanoi.code, 'admin');

    const citizen = new ZaloUser(h, 'Nguyễn Thị Dân');
    await onboard(citizen);
    const code = await quickTip(citizen, 'Có người lạ đi dò xét các nhà trong xóm vào ban đêm.');
    const filed = citizen.all().findLast((m) => m.text.includes(`Mã tin: ${code}`))!;
    expect(filed.text).toMatch(/chưa có cán bộ công an nào xem được tin này/);
    expect(filed.text).toMatch(/gọi ngay 113/);
    expect(filed.text).not.toMatch(/đã được thông báo/);

    expect(await unroutedGauge()).toBe(1);

    const told = await admin.expect(new RegExp(`Tin báo ${code}`));
    expect(told.text).toMatch(/chưa đến được cán bộ nào/);
    expect(told.text).toMatch(/Xã Hưng Mỹ, Cà Mau/);
    expect(told.text).toMatch(/Người, phương tiện khả nghi/);
    expect(told.text).not.toMatch(/dò xét/);

    // A follow-up is kept with the tip, and the citizen is not told it reached anyone.
    await citizen.send(`/status ${code}`);
    await citizen.choose(await citizen.expect(new RegExp(`Tin báo ${code}\n`)), /Gửi thêm thông tin/);
    await citizen.expect(/Gõ nội dung bổ sung hoặc gửi ảnh/);
    await citizen.send('Hai người, đi xe máy không biển số.');
    const kept = await citizen.expect(new RegExp(`Đã lưu vào tin ${code}`));
    expect(kept.text).toMatch(/chưa có cán bộ công an nào nhận tin báo qua bot/);
    expect(kept.text).not.toMatch(/Đã chuyển/);

    const officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
    await onboard(officer);
    await officer.send(`/staff ${await invite(h, 'officer', hungMy)}`);
    const welcome = await chooseLabel(officer, 'Đại uý Lê Văn Cán Bộ');
    expect(welcome.text).toMatch(/Tin báo đang chờ/);
    expect(welcome.text).toMatch(
      new RegExp(
        `${code} · Người, phương tiện khả nghi · (Thứ \\S+|Chủ Nhật), \\d{2}\\/\\d{2}\\/\\d{4}, \\d{2}:\\d{2}`,
      ),
    );

    expect(await unroutedGauge()).toBe(0);
  });
});
