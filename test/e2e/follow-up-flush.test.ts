import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { openThread, quickTip } from '../support/report.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';

let h: Harness;
let officer: TelegramUser;
beforeAll(async () => {
  h = await startHarness({ FOLLOWUP_BATCH_SECONDS: '2' });
  officer = new TelegramUser(h, 'Officer', 'Flush');
  await makeStaff(h, officer, await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau'));
});
afterAll(() => h?.close());

describe('held follow-ups', () => {
  it('reach the officers after the batching window even if the reporter never presses "Xong"', async () => {
    const u = new TelegramUser(h);
    await onboard(u);
    const code = await quickTip(u, 'Có xe tải lạ đổ trộm rác ra bờ kênh vào ban đêm.');
    await officer.expect(new RegExp(`Tin báo mới ${code}`));
    await openThread(u, code);
    await u.send('Biển số xe có số 69C');
    await officer.expect(new RegExp(`Người báo tin ${code} nhắn:\n\nBiển số xe có số 69C`));
    await u.send('Xe màu xanh');
    await u.expect(new RegExp(`Đã lưu vào tin ${code}`));
    await u.send('Thường đến lúc 2 giờ sáng');
    await u.expect(new RegExp(`Đã lưu vào tin ${code}`));
    // No "Xong", no further message: the workers' flush passes the two on as one notice.
    const notice = await officer.expect(new RegExp(`Người báo tin ${code} nhắn 2 tin:`), 8_000);
    expect(notice.text).toMatch(/Xe màu xanh\n\nThường đến lúc 2 giờ sáng/);
    await officer.expectSilence(2500);
    const held = await h.db.tipMessage.count({ where: { author: 'citizen', forwardedAt: null } });
    expect(held).toBe(0);
  });
});
