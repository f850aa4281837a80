import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { runCli } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { residents, seedResidents } from '../support/residents.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';
import { until } from '../support/until.ts';

let h: Harness;
let hungMy: string;
let baDinh: string;
let redis: Redis;
let reminderQueue: Queue;
beforeAll(async () => {
  // Default lead times: 7 days, 1 day, 2 hours.
  h = await startHarness({ BROADCAST_RECONCILE_SECONDS: '0.5' });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  baDinh = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
  redis = new Redis(h.config.REDIS_URL!, { maxRetriesPerRequest: null });
  reminderQueue = new Queue('reminders', { connection: redis, prefix: h.config.REDIS_PREFIX });
});
afterAll(async () => {
  await reminderQueue?.close();
  redis?.disconnect();
  await h?.close();
});

/** "27/11/2026 07:30" in Vietnam time, minute precision, as an officer types it. */
function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/** The next 07:30 in Vietnam `days` days from now. */
function morningIn(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 0, 30));
}

/** Reminder jobs waiting in Redis: id → when they will run. */
async function delayedReminders(): Promise<Map<string, number>> {
  const jobs = await reminderQueue.getJobs(['delayed', 'waiting']);
  return new Map(jobs.filter((j) => j?.name === 'remind').map((j) => [j.id!, j.timestamp + (j.opts.delay ?? 0)]));
}

const DAY = 86_400_000;

describe('festival days', () => {
  let officer: TelegramUser;
  let tgResident: TelegramUser;
  let zaloResident: ZaloUser;
  let festivalId: number;
  let start: Date;

  it('an officer creates one 8 days ahead: announced to the area, three reminders planned at 7 days, 1 day and 2 hours', async () => {
    officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
    await makeStaff(h, officer, hungMy);
    tgResident = new TelegramUser(h, 'Phạm', 'Văn Dân');
    zaloResident = new ZaloUser(h, 'Ngô Thị Dân');
    await onboard(tgResident);
    await onboard(zaloResident);
    const elsewhere = residents('telegram', 3, baDinh);
    await seedResidents(h.db, elsewhere);

    start = morningIn(8);
    await officer.send('/festival');
    await officer.pressLabel(await officer.expect(/Ngày hội/), /Tạo Ngày hội/);
    await officer.pressLabel(await officer.expect(/Ngày hội của địa bàn nào\?/), /Xã Hưng Mỹ, Cà Mau/);
    await officer.expect(/Tên Ngày hội/);
    await officer.send('Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ');
    await officer.expect(/Bắt đầu lúc nào\?/);
    await officer.send('ngày mai 7 giờ'); // not a date: asked again
    await officer.expect(/Không đọc được thời điểm này/);
    await officer.send(vietnamTime(start));
    await officer.expect(/Kết thúc lúc nào\?/);
    await officer.send('06:00'); // before the start
    await officer.expect(/Giờ kết thúc phải sau giờ bắt đầu/);
    await officer.send('11:30');
    await officer.expect(/Địa điểm/);
    await officer.send('Nhà văn hoá xã Hưng Mỹ');
    await officer.expect(/Chương trình/);
    await officer.send('Văn nghệ; trao thưởng; ký cam kết an toàn, an ninh trật tự');
    const remind = await officer.expect(/Bot sẽ tự nhắc lịch trước 7 ngày, 1 ngày, 2 giờ\. Gửi nhắc lịch tới ai\?/);
    await officer.pressLabel(remind, /Người đã đăng ký tham gia/);
    // The announcement is previewed before it is sent (test/e2e/festival-preview.test.ts covers the preview).
    await officer.pressLabel(await officer.expect(/Gửi thông báo này và tạo Ngày hội\?/), /Thông báo Ngày hội/);
    const created = await officer.expect(/Đã tạo Ngày hội #(\d+)/);
    festivalId = Number(/#(\d+)/.exec(created.text)![1]);
    expect(created.text).toContain('Đăng ký: 0 tham gia, 0 không tham gia');
    expect(created.text).toMatch(/trước 7 ngày: .* – đã hẹn\n• trước 1 ngày: .* – đã hẹn\n• trước 2 giờ: .* – đã hẹn/);

    // The ledger: three reminders at exactly the lead times before the start.
    const reminders = await h.db.festivalReminder.findMany({ where: { festivalId }, orderBy: { dueAt: 'asc' } });
    expect(reminders.map((r) => [r.offsetSeconds, r.status, start.getTime() - r.dueAt.getTime()])).toEqual([
      [7 * 86_400, 'pending', 7 * DAY],
      [86_400, 'pending', DAY],
      [7200, 'pending', 2 * 3_600_000],
    ]);
    // Redis holds one delayed job each, due at the same moments.
    const jobs = await until(async () => {
      const found = await delayedReminders();
      return reminders.every((r) => found.has(`rem-${r.id}-${r.dueAt.getTime()}`)) && found;
    });
    for (const r of reminders)
      expect(
        Math.abs((jobs as Map<string, number>).get(`rem-${r.id}-${r.dueAt.getTime()}`)! - r.dueAt.getTime()),
      ).toBeLessThan(2000);

    // The announcement reaches the commune's residents (buttons on Telegram, /festivals on Zalo), nobody elsewhere.
    const announced = await tgResident.expect(/Trân trọng kính mời bà con tham dự Ngày hội/, 15_000);
    expect(announced.text).toContain('📢 THÔNG BÁO của Xã Hưng Mỹ, Cà Mau');
    expect(announced.text).toContain('🏛 Địa điểm: Nhà văn hoá xã Hưng Mỹ');
    expect(announced.options.map((o) => o.label)).toEqual(['✅ Tôi sẽ tham gia', '❌ Không tham gia']);
    const zaloAnnounced = await zaloResident.expect(/Trân trọng kính mời/, 15_000);
    expect(zaloAnnounced.text).toContain('gõ /festivals');
    for (const r of elsewhere) expect(h.tg.textsTo(r.id)).toEqual([]);

    // RSVP: Telegram by the announcement's button, Zalo through /festivals by numbers.
    await tgResident.pressLabel(announced, /Tôi sẽ tham gia/);
    await tgResident.expect(/Đã ghi nhận: bạn sẽ tham gia "Ngày hội Toàn dân/);
    await zaloResident.send('/festivals');
    await zaloResident.choose(await zaloResident.expect(/Ngày hội sắp diễn ra/), /Ngày hội Toàn dân/);
    const zPage = await zaloResident.expect(/Bạn có tham gia không\?/);
    expect(zPage.options.map((o) => o.label)).not.toContain('📅 Thêm vào lịch (.ics)');
    await zaloResident.choose(zPage, /Tôi sẽ tham gia/);
    await zaloResident.expect(/Đã ghi nhận: bạn sẽ tham gia/);

    // The calendar file on Telegram.
    await tgResident.send('/festivals');
    await tgResident.pressLabel(await tgResident.expect(/Ngày hội sắp diễn ra/), /Ngày hội Toàn dân/);
    await tgResident.pressLabel(await tgResident.expect(/Bạn đã đăng ký tham gia/), /Thêm vào lịch/);
    await tgResident.expect(/tệp lịch/);
    const file = await tgResident.expect(/Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ/);
    expect(file.raw.method).toBe('sendDocument');
    const ics = file.raw.files!.document!;
    expect(ics.filename).toBe(`ngay-hoi-${festivalId}.ics`);
    // Long lines come folded (CRLF and a space); a calendar unfolds them.
    const text = ics.content.toString('utf8').replace(/\r\n /g, '');
    const stamp = (d: Date) =>
      d
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d{3}/, '');
    expect(text).toContain(`DTSTART:${stamp(start)}\r\n`);
    expect(text).toContain(`DTEND:${stamp(new Date(start.getTime() + 4 * 3_600_000))}\r\n`);
    expect(text).toContain('LOCATION:Nhà văn hoá xã Hưng Mỹ\\, Xã Hưng Mỹ\\, Cà Mau\r\n');
    expect(text).toContain('DESCRIPTION:Văn nghệ\\; trao thưởng\\; ký cam kết an toàn\\, an ninh trật tự');

    await officer.press(`festm:open:${festivalId}`);
    await officer.expect(/Đăng ký: 2 tham gia, 0 không tham gia\. Nhắc lịch gửi tới: người đã đăng ký tham gia\./);
  });

  it('moving it reschedules the reminders (old jobs removed) and tells those coming', async () => {
    const before = await h.db.festivalReminder.findMany({ where: { festivalId } });
    const newStart = morningIn(9);
    await officer.press(`festm:move:${festivalId}`);
    await officer.expect(/Bắt đầu lúc nào\?/);
    await officer.send(vietnamTime(newStart));
    await officer.expect(/Kết thúc lúc nào\?/);
    await officer.send('12:00');
    await officer.expect(/Đã đổi thời gian Ngày hội #\d+; nhắc lịch đã được hẹn lại/);
    const after = await h.db.festivalReminder.findMany({ where: { festivalId }, orderBy: { dueAt: 'asc' } });
    expect(after.map((r) => newStart.getTime() - r.dueAt.getTime())).toEqual([7 * DAY, DAY, 2 * 3_600_000]);
    const wanted = after.map((r) => `rem-${r.id}-${r.dueAt.getTime()}`);
    const stale = before.map((r) => `rem-${r.id}-${r.dueAt.getTime()}`);
    await until(async () => {
      const jobs = await delayedReminders();
      return wanted.every((id) => jobs.has(id)) && !stale.some((id) => jobs.has(id));
    });
    for (const u of [tgResident, zaloResident]) {
      const moved = await u.expect(/Ngày hội đổi thời gian/, 15_000);
      expect(moved.text).toContain('Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ');
    }
  });

  it('cancelling drops the reminders from the ledger and from Redis, and tells those coming', async () => {
    await officer.press(`festm:cancel:${festivalId}`);
    await officer.pressLabel(await officer.expect(/Huỷ "Ngày hội Toàn dân/), /Huỷ Ngày hội/);
    await officer.expect(/Đã huỷ Ngày hội #\d+/);
    const rows = await h.db.festivalReminder.findMany({ where: { festivalId } });
    expect(rows.map((r) => r.status)).toEqual(['dropped', 'dropped', 'dropped']);
    await until(async () => {
      const jobs = await delayedReminders();
      return !rows.some((r) => [...jobs.keys()].some((id) => id.startsWith(`rem-${r.id}-`)));
    });
    for (const u of [tgResident, zaloResident]) await u.expect(/Ngày hội sau đây đã bị huỷ/, 15_000);
    await zaloResident.send('/festivals');
    await zaloResident.expect(/Chưa có Ngày hội nào sắp diễn ra/);
  });

  it('the CLI creates one; an officer announces commendations in chat; another commune is refused everything', async () => {
    const cli = await runCli(h, [
      'festival',
      'create',
      '--area',
      hungMy,
      '--title',
      'Ngày hội xã Hưng Mỹ 2027',
      '--start',
      vietnamTime(morningIn(30)),
      '--end',
      '11:00',
      '--venue',
      'Sân vận động xã',
      '--remind',
      'area',
    ]);
    expect(cli.code, cli.out).toBe(0);
    const id = Number(/Festival #(\d+)/.exec(cli.out)![1]);
    expect(cli.out.match(/reminder \d+s before: .* pending/g)).toHaveLength(3);
    await tgResident.expect(/Ngày hội xã Hưng Mỹ 2027/, 15_000);

    await officer.press(`festm:commend:${id}`);
    await officer.expect(/Gõ tên các cá nhân, tập thể được khen thưởng/);
    await officer.send('Nguyễn Văn An\nTổ tự quản ấp 3; Câu lạc bộ Camera an ninh');
    await officer.pressLabel(await officer.expect(/Công bố khen thưởng 3 cá nhân\/tập thể/), /Xác nhận/);
    await officer.expect(/Đã công bố khen thưởng 3 cá nhân\/tập thể/);
    const commended = await zaloResident.expect(/Khen thưởng tại "Ngày hội xã Hưng Mỹ 2027"/, 15_000);
    expect(commended.text).toContain('• Nguyễn Văn An\n• Tổ tự quản ấp 3\n• Câu lạc bộ Camera an ninh');
    expect((await h.db.commendation.findFirstOrThrow({ where: { festivalId: id } })).names).toHaveLength(3);

    // An officer of Phường Ba Đình: not listed, and every forged press is refused.
    const other = new TelegramUser(h);
    await makeStaff(h, other, baDinh);
    await other.send('/festival');
    const list = await other.expect(/Ngày hội/);
    expect(list.options.map((o) => o.label).join('|')).not.toContain('Hưng Mỹ');
    for (const verb of ['open', 'move', 'cancel', 'cancelgo', 'commend']) {
      await other.press(`festm:${verb}:${id}`);
      await other.expect(/Không tìm thấy Ngày hội này, hoặc bạn không có quyền/);
    }
    const f = await h.db.festival.findUniqueOrThrow({ where: { id } });
    expect(f.status).toBe('scheduled');
    expect(await h.db.festivalReminder.count({ where: { festivalId: id, status: 'pending' } })).toBe(3);
    // A resident elsewhere can neither see nor answer it; a resident cannot manage it.
    await other.press('settings:area');
    await other.expect(/Bạn sống ở xã\/phường nào\?/);
    await other.send('ba dinh ha noi');
    await other.pressLabel(await other.expect(/kết quả/), /^Phường Ba Đình, Thành phố Hà Nội$/);
    await other.expect(/Đã cập nhật khu vực/);
    const outsider = (await findIdentity(h, 'telegram', String(other.id)))!;
    await other.press(`fest:going:${id}`);
    await other.expect(/Không tìm thấy Ngày hội này/);
    expect(await h.db.rsvp.count({ where: { festivalId: id, userId: outsider.userId } })).toBe(0);
    await tgResident.press(`festm:cancel:${id}`);
    await tgResident.expect(/Chức năng này chỉ dành cho cán bộ|Không tìm thấy Ngày hội này/);
    expect((await h.db.festival.findUniqueOrThrow({ where: { id } })).status).toBe('scheduled');
  });
});
