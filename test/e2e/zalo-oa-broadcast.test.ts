import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';

const DAY = 86_400_000;
/** The -211 pause of these tests (an hour by default). */
const QUOTA_RETRY_S = 3;
const CS = '/v3.0/oa/message/cs';
const VI = 'Công an xã thông báo: tối nay tuần tra an ninh khu dân cư, bà con lưu ý đóng cửa cẩn thận.';

let h: Harness;
let officer: TelegramUser;
let hungMy: string;
beforeAll(async () => {
  h = await startHarness({
    BROADCAST_RECONCILE_SECONDS: '0.5',
    BROADCAST_CONCURRENCY: '4',
    // Paced (the pacer is what holds every OA send after -211), fast enough for 200 followers.
    ZALO_OA_RATE: '200',
    ZALO_OA_QUOTA_RETRY_SECONDS: String(QUOTA_RETRY_S),
  });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  officer = new TelegramUser(h, 'Trần', 'Văn Cán Bộ');
  await makeStaff(h, officer, hungMy);
});
afterAll(() => h?.close());

/** A commune of its own for each test, so audiences do not overlap. */
let nextCommune = 0;
async function freshCommune(): Promise<string> {
  const area = await h.db.area.findFirstOrThrow({
    where: { level: 'commune' },
    orderBy: { code: 'asc' },
    skip: 700 + nextCommune++,
  });
  return area.code;
}

/** OA followers the service and the fake OA both know, each having last written `ago` ms before now. */
async function followers(count: number, area: string, ago: (n: number) => number): Promise<Resident[]> {
  const people = residents('zalo_oa', count, area).map((r, n) => ({
    ...r,
    lastInteractionAt: new Date(Date.now() - ago(n)),
  }));
  await seedResidents(h.db, people);
  return people;
}

const csCallsTo = (r: Resident) => h.oa.callsTo(CS).filter((c) => c.params.recipient?.user_id === r.id);

/** Started straight in the database, as the officer's, so that its notes go to the officer. */
async function startAsOfficer(area: string): Promise<number> {
  const identity = await findIdentity(h, 'telegram', officer.chatId);
  return h.db.$transaction(async (tx) => {
    const b = await createBroadcast(tx, {
      authorId: identity!.userId,
      authorIdentityId: identity!.id,
      audience: { kind: 'area', areaCode: area, platforms: ['zalo_oa'] },
      texts: { vi: VI },
    });
    const started = await controlBroadcast(tx, b.id, 'start');
    if (!started.ok) throw new Error('not started');
    return b.id;
  });
}

const ledger = async (broadcastId: number) =>
  Object.fromEntries(
    (await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId }, _count: { _all: true } })).map((r) => [
      r.status,
      r._count._all,
    ]),
  );

describe('a broadcast to Zalo OA followers', () => {
  it('composed for "Zalo OA" only: 150 sent, the 50 silent for 8 days reported outside the window, never sent to', async () => {
    const people = await followers(200, hungMy, (n) => (n < 50 ? 8 * DAY : 3600_000));
    const [silent, active] = [people.slice(0, 50), people.slice(50)];
    // The OA agrees: it would answer -230 to the silent ones.
    for (const r of active) h.oa.userInteracted(r.id);

    await officer.send('/broadcast');
    await officer.pressLabel(await officer.expect(/Gửi thông báo tới người dân của địa bàn nào\?/), /Xã Hưng Mỹ/);
    const who = await officer.expect(/Gửi tới những ai\?/);
    expect(who.options.map((o) => o.label)).toContain('Chỉ người dùng Zalo OA');
    await officer.pressLabel(who, /Chỉ người dùng Zalo OA/);
    await officer.expect(/Hãy gửi nội dung thông báo/);
    await officer.send(VI);
    await officer.pressLabel(await officer.expect(/bản tiếng Anh/), /Bỏ qua/);
    const preview = await officer.expect(/Số người nhận hiện tại: 200 \(Telegram 0, Zalo 0, Zalo OA 200\)/);
    await officer.pressLabel(preview, /Gửi ngay/);
    await officer.pressLabel(await officer.expect(/Gửi thông báo ngay tới 200 người\?/), /Xác nhận/);
    const id = Number(/#(\d+)/.exec((await officer.expect(/Thông báo #\d+ đang được gửi/)).text)![1]);

    const report = await officer.expect(/📊 Báo cáo thông báo #\d+/, 30_000);
    expect(report.text).toContain(
      'Đã gửi 150, bị chặn 0, lỗi 0, bỏ qua 0, ngoài khung tương tác 50, đang chờ 0 (tổng 200).',
    );
    expect(await ledger(id)).toEqual({ sent: 150, outside_window: 50 });
    for (const r of active)
      expect(h.oa.sendsTo(r.id).map((s) => s.message.text)).toEqual([expect.stringContaining(VI)]);
    // Known to be outside the window: the OA was not asked.
    for (const r of silent) expect(csCallsTo(r)).toEqual([]);

    // Each answer's quota is read: one free reply of 8 used.
    const metrics = await (await fetch(`${h.url}/metrics`)).text();
    expect(metrics).toMatch(/antq_zalo_oa_quota_remaining\{quota_type="reply"\} 7/);
    expect(metrics).toMatch(/antq_zalo_oa_quota_total\{quota_type="reply"\} 8/);
    expect(metrics).toMatch(/antq_broadcast_deliveries_total\{platform="zalo_oa",outcome="outside_window"\} 50/);
  });

  it('followers the service thinks are inside the window but the OA refuses (-230) are outside the window, not failed', async () => {
    const area = await freshCommune();
    const people = await followers(20, area, () => 3600_000);
    // The OA has seen 15 of them lately; the other 5 it answers -230 (the service's record was wrong).
    for (const r of people.slice(5)) h.oa.userInteracted(r.id);
    const id = await startAsOfficer(area);

    const report = await officer.expect(new RegExp(`📊 Báo cáo thông báo #${id}`), 30_000);
    expect(report.text).toContain(
      'Đã gửi 15, bị chặn 0, lỗi 0, bỏ qua 0, ngoài khung tương tác 5, đang chờ 0 (tổng 20).',
    );
    const refused = await h.db.delivery.findMany({ where: { broadcastId: id, status: 'outside_window' } });
    expect(refused).toHaveLength(5);
    expect(refused.every((d) => d.error?.startsWith('-230'))).toBe(true);
    // Asked once each: not retried blindly.
    for (const r of people.slice(0, 5)) expect(csCallsTo(r)).toHaveLength(1);
  });

  it('-211 (quota spent) pauses every OA send, tells the author once, and the rest goes out after the pause', async () => {
    const area = await freshCommune();
    const people = await followers(30, area, () => 3600_000);
    for (const r of people) h.oa.userInteracted(r.id);
    // The first sends in flight (up to the concurrency) are refused with -211.
    h.oa.failNext(CS, { error: -211, message: 'Out of quota' }, 3);
    const id = await startAsOfficer(area);

    const held = await officer.expect(/hết hạn mức gửi tin/, 15_000);
    expect(held.text).toMatch(
      new RegExp(
        `^⚠️ Thông báo #${id}: Zalo OA hết hạn mức gửi tin\\. Tin qua Zalo OA tạm dừng đến .+, \\d{2}:\\d{2}\\.\\n`,
      ),
    );
    // Its figures say what waits, and why.
    expect(held.text).toMatch(/⏸ Zalo OA: \d+ tin đang chờ, tạm dừng đến .+ vì hết hạn mức gửi tin\./);

    const report = await officer.expect(new RegExp(`📊 Báo cáo thông báo #${id}`), 30_000);
    expect(report.text).toContain(
      'Đã gửi 30, bị chặn 0, lỗi 0, bỏ qua 0, ngoài khung tương tác 0, đang chờ 0 (tổng 30).',
    );
    expect(report.text).not.toMatch(/tạm dừng/);
    for (const r of people) expect(h.oa.sendsTo(r.id)).toHaveLength(1);
    // Told once, though several sends met the same pause.
    const notes = officer.all().filter((m) => /hết hạn mức gửi tin\. Tin qua/.test(m.text));
    expect(notes).toHaveLength(1);

    // Nothing was tried on the OA during the pause: the first call after the refusals came once it was over.
    const calls = h.oa.callsTo(CS).filter((c) => people.some((r) => r.id === c.params.recipient?.user_id));
    const lastRefusal = calls.filter((c) => c.error?.error === -211).at(-1)!;
    const after = calls.filter((c) => c.at > lastRefusal.at + 200);
    expect(after.length).toBeGreaterThan(0);
    expect(Math.min(...after.map((c) => c.at)) - lastRefusal.at).toBeGreaterThanOrEqual(QUOTA_RETRY_S * 1000 - 300);
  });
});
