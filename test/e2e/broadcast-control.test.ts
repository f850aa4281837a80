import { runCliWith } from '../support/cli.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { residents, seedResidents } from '../support/residents.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';
import { until } from '../support/until.ts';

let h: Harness;
let hungMy: string;
beforeAll(async () => {
  // Slow pacing keeps a broadcast running long enough to steer it; jobs already waiting for a
  // slot when it is paused still go out (concurrency ÷ rate = 0.8 s here).
  h = await startHarness({ BROADCAST_RECONCILE_SECONDS: '0.5', ZALO_RATE: '5', BROADCAST_CONCURRENCY: '4' });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
});
afterAll(() => h?.close());

describe('a Zalo officer steers a broadcast by typing', () => {
  it('composes by numbers, schedules, then sends, pauses, resumes and cancels; gets progress and the report', async () => {
    const people = residents('zalo', 40, hungMy);
    await seedResidents(h.db, people);
    const officer = new ZaloUser(h, 'Cán bộ Zalo');
    await makeStaff(h, officer, hungMy);

    // Scheduled: stored with its time, nothing sent; then cancelled.
    await officer.send('/broadcast');
    await officer.choose(await officer.expect(/địa bàn nào\?/), /Xã Hưng Mỹ/);
    await officer.choose(await officer.expect(/Gửi tới những ai\?/), /Chỉ người dùng Zalo$/);
    await officer.expect(/Hãy gửi nội dung thông báo/);
    await officer.send('Ngắn');
    await officer.expect(/Nội dung cần từ 5 đến 3\.500 ký tự \(bạn đã gửi 4\)/);
    await officer.send('Họp tổ an ninh tự quản lúc 19 giờ tối thứ Bảy.');
    await officer.choose(await officer.expect(/bản tiếng Anh/), /Bỏ qua/);
    await officer.expect(/Người dân sẽ nhận được như sau:/);
    const preview = await officer.expect(/Số người nhận hiện tại: 41 \(Telegram 0, Zalo 41, Zalo OA 0\)/);
    await officer.choose(preview, /Hẹn giờ gửi/);
    await officer.send('hôm qua');
    await officer.expect(/Không đọc được thời điểm này/);
    // A month ahead, 07:30 Vietnam time.
    const day = new Date(Date.now() + 30 * 86_400_000 + 7 * 3_600_000);
    const [dd, mm, yyyy] = [day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear()];
    const pad = (n: number) => String(n).padStart(2, '0');
    await officer.send(`${dd}/${mm}/${yyyy} 07:30`);
    const when = new RegExp(`vào lúc (Thứ \\S+|Chủ Nhật), ${pad(dd)}/${pad(mm)}/${yyyy}, 07:30\\?`);
    await officer.choose(await officer.expect(when), /Xác nhận/);
    const scheduled = await officer.expect(/Thông báo #(\d+) sẽ được gửi lúc/);
    const first = Number(/#(\d+)/.exec(scheduled.text)![1]);
    const stored = await h.db.broadcast.findUniqueOrThrow({ where: { id: first } });
    expect([stored.status, stored.scheduledAt?.toISOString()]).toEqual([
      'scheduled',
      new Date(Date.UTC(yyyy, mm - 1, dd, 0, 30)).toISOString(),
    ]);
    await officer.send(`/broadcast cancel ${first}`);
    // Cancelling asks first; "khong" keeps it scheduled, "co" cancels.
    await officer.expect(new RegExp(`Huỷ thông báo #${first} \\(đã hẹn giờ\\)\\?`));
    await officer.send('khong');
    await officer.expect(new RegExp(`Thông báo #${first}: đã hẹn giờ`));
    expect((await h.db.broadcast.findUniqueOrThrow({ where: { id: first } })).status).toBe('scheduled');
    await officer.send(`/broadcast cancel ${first}`);
    await officer.expect(new RegExp(`Huỷ thông báo #${first}`));
    await officer.send('co');
    await officer.expect(new RegExp(`Thông báo #${first}: đã huỷ`));

    // Sent now, steered while it runs (5 msgs/s: 41 recipients take ~8 s).
    await officer.send('/broadcast');
    await officer.choose(await officer.expect(/địa bàn nào\?/), /Xã Hưng Mỹ/);
    await officer.choose(await officer.expect(/Gửi tới những ai\?/), /Tất cả người dân/);
    await officer.expect(/Hãy gửi nội dung thông báo/);
    await officer.send('Thông báo lịch tuần tra đêm của tổ tự quản.');
    await officer.choose(await officer.expect(/bản tiếng Anh/), /Bỏ qua/);
    await officer.choose(await officer.expect(/Số người nhận hiện tại: 41/), /Gửi ngay/);
    await officer.choose(await officer.expect(/Gửi thông báo ngay tới 41 người\?/), /Xác nhận/);
    const started = await officer.expect(/Thông báo #(\d+) đang được gửi/);
    const id = Number(/#(\d+)/.exec(started.text)![1]);
    const marker = 'lịch tuần tra đêm';
    const got = () => people.filter((p) => h.zalo.textsTo(p.id).some((t) => t.includes(marker))).length;
    await h.zalo.waitFor(() => got() >= 5, 10_000);
    await officer.send(`/broadcast pause ${id}`);
    await officer.expect(new RegExp(`Thông báo #${id}: tạm dừng`));
    await new Promise((r) => setTimeout(r, 2000)); // jobs in flight land
    const atPause = got();
    await new Promise((r) => setTimeout(r, 2000));
    expect(got()).toBe(atPause);
    await officer.send(`/broadcast resume ${id}`);
    await officer.expect(new RegExp(`Thông báo #${id}: đang gửi`));
    await h.zalo.waitFor(() => got() > atPause + 3, 10_000);
    await officer.send(`/broadcast status ${id}`);
    const status = await officer.expect(
      /Đã gửi \d+, bị chặn 0, lỗi 0, bỏ qua 0, ngoài khung tương tác 0, đang chờ \d+ \(tổng 41\)/,
    );
    expect(status.options.map((o) => o.label)).toEqual(['🔄 Xem tiến độ', '⏸ Tạm dừng', '⛔ Huỷ gửi', '↩️ Quay lại']);
    await officer.send(`/broadcast cancel ${id}`);
    await officer.choose(await officer.expect(new RegExp(`Huỷ thông báo #${id}`)), /Huỷ gửi/);
    await officer.expect(new RegExp(`Thông báo #${id}: đã huỷ`));
    await new Promise((r) => setTimeout(r, 3000)); // sends already waiting for a slot land
    const counts = await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, c._count._all]));
    expect(byStatus.queued ?? 0).toBe(0);
    expect((byStatus.sent ?? 0) + (byStatus.skipped ?? 0)).toBe(41);
    expect(got()).toBe(
      (byStatus.sent ?? 0) - (h.zalo.textsTo(officer.id).some((t) => t.startsWith('📢') && t.includes(marker)) ? 1 : 0),
    );
    await officer.send('/broadcast list');
    const list = await officer.expect(/Các thông báo gần đây của địa bàn bạn/);
    expect(list.options.map((o) => o.label).slice(0, 2)).toEqual([
      `#${id} · đã huỷ · 41 người nhận`,
      `#${first} · đã huỷ · 0 người nhận`,
    ]);
  });

  it('an officer of another commune, and residents, cannot see or steer it', async () => {
    const b = await h.db.$transaction(async (tx) => {
      const created = await createBroadcast(tx, {
        audience: { kind: 'area', areaCode: hungMy },
        texts: { vi: 'Thông báo của xã Hưng Mỹ.' },
      });
      await controlBroadcast(tx, created.id, 'pause');
      return created;
    });
    const other = new TelegramUser(h, 'Cán', 'Bộ Khác');
    await makeStaff(h, other, await areaCode(h, 'Phường Ba Đình', 'Hà Nội'));
    for (const command of [`/broadcast status ${b.id}`, `/broadcast cancel ${b.id}`, `/broadcast resume ${b.id}`]) {
      await other.send(command);
      await other.expect(/Không tìm thấy thông báo này, hoặc bạn không có quyền quản lý nó/);
    }
    await other.press(`bc:cancel:${b.id}`);
    await other.expect(/Không tìm thấy thông báo này/);
    await other.press(`bc:area:${hungMy}`);
    await other.expect(/Chức năng này chỉ dành cho cán bộ/);
    const resident = new TelegramUser(h);
    await onboard(resident);
    await resident.send(`/broadcast cancel ${b.id}`);
    await resident.expect(/Chức năng này chỉ dành cho cán bộ/);
    await resident.send('/broadcast');
    await resident.expect(/Chức năng này chỉ dành cho cán bộ/);
    expect((await h.db.broadcast.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('draft');
  });
});

describe('operators', () => {
  it('npm run cli -- broadcast: create, status, bad input; /metrics shows the delivery queues', async () => {
    // The service's settings as an operator writes them (a parsed list such as FESTIVAL_REMINDERS does not print back).
    const cliEnv = Object.fromEntries(
      Object.entries(h.config)
        .filter(([, v]) => v !== undefined && !Array.isArray(v))
        .map(([k, v]) => [k, String(v)]),
    );
    const cli = (...args: string[]) => runCliWith(cliEnv, ['broadcast', ...args]);
    const area = (await h.db.area.findFirstOrThrow({ where: { level: 'commune' }, orderBy: { code: 'desc' }, skip: 3 }))
      .code;
    await seedResidents(h.db, residents('telegram', 3, area));
    const bad = await cli('create', '--area', area);
    expect(bad.code).toBe(2);
    expect(bad.out).toMatch(/--text: /);
    expect((await cli('create', '--area', area, '--all', '--text', 'Hai đích')).code).toBe(2);
    expect((await cli('create', '--area', '99999999', '--text', 'Không có xã này')).out).toMatch(/No area with code/);
    expect((await cli('create', '--area', area, '--text', 'Giờ đã qua', '--at', '01/01/2020 07:00')).code).toBe(2);
    const created = await cli('create', '--area', area, '--text', 'Thông báo từ dòng lệnh.', '--platform', 'telegram');
    expect(created.code).toBe(0);
    const id = Number(
      /Broadcast #(\d+): sending; 3 recipients now \(Telegram 3, Zalo 0, Zalo OA 0\)/.exec(created.out)![1],
    );
    await until(async () => (await h.db.broadcast.findUniqueOrThrow({ where: { id } })).status === 'done');
    const status = await cli('status', String(id));
    expect(status.out).toMatch(
      new RegExp(
        `Notice #${id}: done\\nSent 3, blocked 0, failed 0, skipped 0, outside the interaction window 0, waiting 0 \\(total 3\\)`,
      ),
    );
    expect((await cli('status', '424242')).code).toBe(2);
    expect((await cli('list')).out).toMatch(new RegExp(`#${id}  done`));
    const audit = await h.db.auditLog.findMany({ where: { entity: 'Broadcast', entityId: String(id) } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['broadcast.create', null]]);

    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/antq_broadcast_queue_jobs\{platform="telegram",state="waiting"\} \d+/);
    expect(metrics).toMatch(/antq_broadcast_deliveries_total\{platform="telegram",outcome="sent"\} \d+/);
  });
});
