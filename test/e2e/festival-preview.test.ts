import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { runCliWith } from '../support/cli.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';
import { until } from '../support/until.ts';

let h: Harness;
let hungMy: string;
beforeAll(async () => {
  h = await startHarness({ BROADCAST_RECONCILE_SECONDS: '0.5' });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
});
afterAll(async () => {
  await h?.close();
});

/** The Vietnam calendar day `days` from now at 07:30, typed as "dd/mm 07:30" (no year) or with the year. */
function typed(days: number, withYear = false): string {
  const local = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  const year = withYear ? `/${local.getUTCFullYear()}` : '';
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}${year} 07:30`;
}

/** Waits until every broadcast of the festival has finished sending. */
const allSent = (festivalId: number) =>
  until(async () => {
    const live = await h.db.broadcast.count({
      where: { festivalId, status: { in: ['scheduled', 'sending', 'paused'] } },
    });
    const queued = await h.db.delivery.count({ where: { broadcast: { festivalId }, status: 'queued' } });
    return live === 0 && queued === 0;
  }, 15_000);

describe('a festival is previewed before it is announced, and changes reach everyone it reached', () => {
  let officer: TelegramUser;
  let tgResident: TelegramUser;
  let zaloResident: ZaloUser;
  let seeded: Resident[];
  let festivalId: number;

  it('a start in the past is refused as past (a day just gone is not next year)', async () => {
    officer = new TelegramUser(h, 'Trần', 'Văn Cán Bộ');
    await makeStaff(h, officer, hungMy);
    tgResident = new TelegramUser(h, 'Phạm', 'Văn Dân');
    zaloResident = new ZaloUser(h, 'Ngô Thị Dân');
    await onboard(tgResident);
    await onboard(zaloResident);
    seeded = residents('telegram', 3, hungMy);
    await seedResidents(h.db, seeded);

    await officer.send('/festival');
    await officer.pressLabel(await officer.expect(/Ngày hội/), /Tạo Ngày hội/);
    await officer.pressLabel(await officer.expect(/Ngày hội của địa bàn nào\?/), /Xã Hưng Mỹ, Cà Mau/);
    await officer.expect(/Tên Ngày hội/);
    await officer.send('Ngày hội xem trước xã Hưng Mỹ');
    await officer.expect(/Bắt đầu lúc nào\?/);
    await officer.send(typed(-1)); // yesterday, without a year
    const refused = await officer.expect(/đã qua/);
    expect(refused.text).toMatch(/^Thời điểm .+ đã qua\. Hãy nhập một thời điểm sắp tới/);
    await officer.expect(/Bắt đầu lúc nào\?/); // the same question again
  });

  it('the preview shows the announcement as residents read it, with the recipient count; nothing is sent before confirming', async () => {
    const zaloBefore = h.zalo.textsTo(zaloResident.id).length;
    const tgBefore = h.tg.textsTo(tgResident.id).length;
    await officer.send(typed(10, true));
    await officer.expect(/Kết thúc lúc nào\?/);
    await officer.send('11:30');
    await officer.expect(/Địa điểm/);
    await officer.send('Nhà văn hoá xã Hưng Mỹ');
    await officer.pressLabel(await officer.expect(/Chương trình/), /Bỏ qua/);
    await officer.pressLabel(await officer.expect(/Gửi nhắc lịch tới ai\?/), /Người đã đăng ký tham gia/);

    // The officer, the two residents who onboarded and the three seeded ones live in Xã Hưng Mỹ.
    const preview = await officer.expect(/Xem trước thông báo/);
    expect(preview.text).toContain('(gửi tới 6 tài khoản ở Xã Hưng Mỹ, Cà Mau)');
    expect(preview.text).toContain('📢 THÔNG BÁO của Xã Hưng Mỹ, Cà Mau');
    expect(preview.text).toContain('Trân trọng kính mời bà con tham dự Ngày hội');
    expect(preview.text).toContain('Ngày hội xem trước xã Hưng Mỹ');
    const ask = await officer.expect(/Gửi thông báo này và tạo Ngày hội\?/);
    expect(ask.options.map((o) => o.label)).toContain('📢 Thông báo Ngày hội');

    // Nothing written, nothing sent yet.
    await tgResident.expectSilence(800);
    expect(h.zalo.textsTo(zaloResident.id)).toHaveLength(zaloBefore);
    expect(h.tg.textsTo(tgResident.id)).toHaveLength(tgBefore);
    for (const r of seeded) expect(h.tg.textsTo(r.id)).toEqual([]);
    expect(await h.db.festival.count({ where: { title: 'Ngày hội xem trước xã Hưng Mỹ' } })).toBe(0);
    expect(await h.db.broadcast.count({ where: { topic: 'festival' } })).toBe(0);

    await officer.pressLabel(ask, /Thông báo Ngày hội/);
    const created = await officer.expect(/Đã tạo Ngày hội #(\d+)/);
    festivalId = Number(/#(\d+)/.exec(created.text)![1]);
    await tgResident.expect(/Trân trọng kính mời/, 15_000);
    await zaloResident.expect(/Trân trọng kính mời/, 15_000);
    await allSent(festivalId);
    for (const r of seeded) expect(h.tg.textsTo(r.id).join('\n')).toContain('Trân trọng kính mời');
  });

  it('moving tells everyone the announcement reached, not only the one who said they will come', async () => {
    await tgResident.press(`fest:going:${festivalId}`);
    await tgResident.expect(/Đã ghi nhận: bạn sẽ tham gia/);

    await officer.press(`festm:move:${festivalId}`);
    await officer.expect(/Bắt đầu lúc nào\?/);
    await officer.send(typed(12, true));
    await officer.expect(/Kết thúc lúc nào\?/);
    await officer.send('11:00');
    const done = await officer.expect(/Đã đổi thời gian Ngày hội #\d+/);
    expect(done.text).toContain('Thông báo đổi giờ gửi tới 6 tài khoản');
    await tgResident.expect(/Ngày hội đổi thời gian/, 15_000);
    await zaloResident.expect(/Ngày hội đổi thời gian/, 15_000);
    await allSent(festivalId);
    for (const r of seeded) expect(h.tg.textsTo(r.id).join('\n')).toContain('Ngày hội đổi thời gian');
    const notice = await h.db.broadcast.findFirstOrThrow({ where: { festivalId }, orderBy: { id: 'desc' } });
    expect(await h.db.delivery.count({ where: { broadcastId: notice.id, status: 'sent' } })).toBe(6);
  });

  it('cancelling asks first (typed "khong" keeps it, "co" cancels), then tells them all, with the right count', async () => {
    await officer.press(`festm:cancel:${festivalId}`);
    await officer.expect(/Huỷ "Ngày hội xem trước/);
    await officer.send('khong');
    await officer.expect(/Ngày hội xem trước/);
    expect((await h.db.festival.findUniqueOrThrow({ where: { id: festivalId } })).status).toBe('scheduled');
    await officer.press(`festm:cancel:${festivalId}`);
    await officer.expect(/Huỷ "Ngày hội xem trước/);
    await officer.send('co');
    const done = await officer.expect(/Đã huỷ Ngày hội #\d+/);
    expect(done.text).toContain('Thông báo huỷ gửi tới 6 tài khoản');
    await tgResident.expect(/Ngày hội sau đây đã bị huỷ/, 15_000);
    await zaloResident.expect(/Ngày hội sau đây đã bị huỷ/, 15_000);
    await allSent(festivalId);
    for (const r of seeded) expect(h.tg.textsTo(r.id).join('\n')).toContain('Ngày hội sau đây đã bị huỷ');
    const notice = await h.db.broadcast.findFirstOrThrow({ where: { festivalId }, orderBy: { id: 'desc' } });
    expect(await h.db.delivery.count({ where: { broadcastId: notice.id, status: 'sent' } })).toBe(6);
  });

  it('the CLI previews with --draft (creating nothing) and refuses a past start', async () => {
    const env = {
      DATABASE_URL: h.config.DATABASE_URL,
      REDIS_URL: h.config.REDIS_URL!,
      REDIS_PREFIX: h.config.REDIS_PREFIX,
    };
    const args = (start: string, ...more: string[]) => [
      'festival',
      'create',
      '--area',
      hungMy,
      '--title',
      'Ngày hội nháp',
      '--start',
      start,
      '--end',
      '11:00',
      '--venue',
      'Sân vận động xã',
      ...more,
    ];
    const draft = await runCliWith(env, args(typed(20, true), '--draft'));
    expect(draft.code, draft.out).toBe(0);
    expect(draft.out).toContain('Draft (nothing created): the announcement would reach 6 accounts');
    expect(draft.out).toContain('Trân trọng kính mời bà con tham dự Ngày hội');
    expect(await h.db.festival.count({ where: { title: 'Ngày hội nháp' } })).toBe(0);

    const past = await runCliWith(env, args(typed(-1)));
    expect(past.code, past.out).toBe(2);
    expect(past.out).toMatch(/--start: ".+" reads as .+ \(Vietnam time\), which has passed/);
    expect(await h.db.festival.count({ where: { title: 'Ngày hội nháp' } })).toBe(0);
  });
});
