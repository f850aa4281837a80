import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import { createModel, leaveModel, requestJoin } from '../../src/features/models/store.ts';
import { findIdentity, startHarness, type Harness } from '../support/harness.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';
import { until } from '../support/until.ts';

let h: Harness;
/** Deliveries in progress at once: what can already be on its way when Telegram first answers 429. */
const SLOTS = 4;
let hungMy: string;
let baDinh: string;
beforeAll(async () => {
  h = await startHarness({ BROADCAST_RECONCILE_SECONDS: '0.5', BROADCAST_CONCURRENCY: String(SLOTS) });
  hungMy = await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau');
  baDinh = await areaCode(h, 'Phường Ba Đình', 'Hà Nội');
});
afterAll(() => h?.close());

const VI =
  'Ngày hội Toàn dân bảo vệ an ninh Tổ quốc tổ chức lúc 7 giờ 30 ngày 19/8 tại nhà văn hoá xã. <b>Mời bà con tham dự</b> *đông đủ*!';
const EN = 'The national security festival starts at 7:30 on 19 August at the commune cultural house. All welcome!';

/** Sends of the fake to one chat, as texts. */
const textsTo = (r: Resident) => (r.platform === 'telegram' ? h.tg : h.zalo).textsTo(r.id);

/** Starts a broadcast the way the CLI does, straight in the database. */
async function startDirect(people: Resident[], area: string) {
  await seedResidents(h.db, people);
  const b = await h.db.$transaction(async (tx) => {
    const created = await createBroadcast(tx, { audience: { kind: 'area', areaCode: area }, texts: { vi: VI } });
    const started = await controlBroadcast(tx, created.id, 'start');
    if (!started.ok) throw new Error('not started');
    return started.broadcast;
  });
  return b.id;
}

const waitDone = (id: number) =>
  until(
    async () => (await h.db.broadcast.findUniqueOrThrow({ where: { id }, select: { status: true } })).status === 'done',
    30_000,
  );

/** A commune of its own for each test, so audiences do not overlap. */
let nextCommune = 0;
async function freshCommune(): Promise<string> {
  const area = await h.db.area.findFirstOrThrow({
    where: { level: 'commune' },
    orderBy: { code: 'asc' },
    skip: 500 + nextCommune++,
  });
  return area.code;
}

describe('an officer broadcasts to a commune', () => {
  it('reaches every resident once, in their language, on both messengers; /stop and blocked excluded; report = ledger', async () => {
    const tgPeople = residents('telegram', 100, hungMy, (n) => (n % 4 === 0 ? 'en' : 'vi'));
    const zaloPeople = residents('zalo', 100, hungMy, (n) => (n % 5 === 0 ? 'en' : 'vi'));
    const elsewhere = residents('telegram', 10, baDinh);
    await seedResidents(h.db, [...tgPeople, ...zaloPeople, ...elsewhere]);
    const [tgStopper, tgBlocked] = [tgPeople[1]!, tgPeople[2]!];
    const [zaloStopper, zaloBlocked] = [zaloPeople[1]!, zaloPeople[2]!];
    // /stop through the chat, as residents do; blocking shows up only when the platform answers 403.
    const stopper = Object.assign(new TelegramUser(h), { id: Number(tgStopper.id) });
    await stopper.send('/stop');
    await stopper.expect(/Bạn sẽ không nhận thêm thông báo nào/);
    const zStopper = Object.assign(new ZaloUser(h), { id: zaloStopper.id });
    await zStopper.send('/stop');
    await zStopper.expect(/Bạn sẽ không nhận thêm thông báo nào/);
    h.tg.block(tgBlocked.id);
    h.zalo.block(zaloBlocked.id);

    const officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
    await makeStaff(h, officer, hungMy);
    await officer.send('/broadcast');
    await officer.pressLabel(
      await officer.expect(/Gửi thông báo tới người dân của địa bàn nào\?/),
      /Xã Hưng Mỹ, Cà Mau/,
    );
    await officer.pressLabel(await officer.expect(/Gửi tới những ai\?/), /Tất cả người dân/);
    await officer.expect(/Hãy gửi nội dung thông báo \(5–3\.500 ký tự\)/);
    await officer.send(VI);
    await officer.expect(/bản tiếng Anh/);
    await officer.send(EN);
    const sample = await officer.expect(/Người dân sẽ nhận được như sau:/);
    expect(sample.text).toContain('📢 THÔNG BÁO của Xã Hưng Mỹ, Cà Mau');
    expect(sample.text).toContain(VI);
    // 200 residents and the officer, less the two who sent /stop (the blocked ones are not known yet).
    const preview = await officer.expect(/Số người nhận hiện tại: 199 \(Telegram 100, Zalo 99, Zalo OA 0\)/);
    await officer.pressLabel(preview, /Gửi ngay/);
    await officer.pressLabel(await officer.expect(/Gửi thông báo ngay tới 199 người\?/), /Xác nhận/);
    const started = await officer.expect(/Thông báo #(\d+) đang được gửi/);
    const id = Number(/#(\d+)/.exec(started.text)![1]);
    expect(started.options.map((o) => o.label)).toEqual(['🔄 Xem tiến độ', '⏸ Tạm dừng', '⛔ Huỷ gửi', '↩️ Quay lại']);

    const report = await officer.expect(/📊 Báo cáo thông báo #\d+/, 30_000);
    const b = await h.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect(b.status).toBe('done');

    for (const r of [...tgPeople, ...zaloPeople]) {
      const got = textsTo(r).filter((t) => t.includes('THÔNG BÁO') || t.includes('NOTICE'));
      if (r === tgStopper || r === zaloStopper || r === tgBlocked || r === zaloBlocked) {
        expect(got, r.id).toEqual([]);
        continue;
      }
      expect(got, r.id).toHaveLength(1);
      if (r.locale === 'en') {
        expect(got[0]).toBe(
          `📢 NOTICE from Xã Hưng Mỹ, Cà Mau\n\n${EN}\n\n(Type /stop if you no longer want to receive notices.)`,
        );
      } else {
        expect(got[0]).toBe(
          `📢 THÔNG BÁO của Xã Hưng Mỹ, Cà Mau\n\n${VI}\n\n(Gõ /stop nếu bạn không muốn nhận thông báo nữa.)`,
        );
      }
    }
    // Plain text: what the officer typed is not read as markup.
    const sent = h.tg.messagesTo(tgPeople[3]!.id)[0]!;
    expect(sent.params.parse_mode).toBeUndefined();
    for (const r of elsewhere) expect(textsTo(r)).toEqual([]);
    // Blocked accounts were tried once, marked, never retried.
    for (const r of [tgBlocked, zaloBlocked]) {
      expect(
        (r.platform === 'telegram' ? h.tg : h.zalo).calls.filter((c) => String(c.params.chat_id) === r.id),
      ).toHaveLength(1);
      expect((await findIdentity(h, r.platform, r.id))!.blockedAt).not.toBeNull();
    }

    // The ledger: one row per recipient; the report's figures are its counts.
    const rows = await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    const ledger = Object.fromEntries(rows.map((r) => [r.status, r._count._all]));
    expect(ledger).toEqual({ sent: 197, blocked: 2 });
    expect(report.text).toContain(
      'Đã gửi 197, bị chặn 2, lỗi 0, bỏ qua 0, ngoài khung tương tác 0, đang chờ 0 (tổng 199).',
    );
    expect(report.text).toMatch(/Thời gian: \d+ phút \d+ giây/);
    expect(b.recipientCount).toBe(199);
  });

  it('residents who /stop after the fan-out are skipped at send time; a paused broadcast sends nothing until resumed', async () => {
    const area = await freshCommune();
    const people = residents('zalo', 30, area);
    const id = await startDirect(people, area);
    await h.db.broadcast.update({ where: { id }, data: { status: 'paused' } });
    await until(async () => (await h.db.broadcast.findUniqueOrThrow({ where: { id } })).fanoutDoneAt);
    const late = Object.assign(new ZaloUser(h), { id: people[0]!.id });
    await late.send('/stop');
    await late.expect(/Bạn sẽ không nhận thêm thông báo nào/);
    await new Promise((r) => setTimeout(r, 1500));
    expect(people.flatMap(textsTo).filter((t) => t.includes('THÔNG BÁO'))).toEqual([]);

    await h.db.$transaction((tx) => controlBroadcast(tx, id, 'resume'));
    await waitDone(id);
    expect(textsTo(people[0]!).filter((t) => t.includes('THÔNG BÁO'))).toEqual([]);
    for (const r of people.slice(1)) expect(textsTo(r).filter((t) => t.includes('THÔNG BÁO'))).toHaveLength(1);
    const skipped = await h.db.delivery.findMany({ where: { broadcastId: id, status: 'skipped' } });
    expect(skipped.map((d) => d.error)).toEqual(['stopped']);
  });

  it("a model's notice goes to members who are still members when it is sent", async () => {
    const area = await freshCommune();
    const people = residents('zalo', 4, area);
    await seedResidents(h.db, people);
    const users = await Promise.all(people.map(async (r) => (await findIdentity(h, r.platform, r.id))!.userId));
    const id = await h.db.$transaction(async (tx) => {
      const model = await createModel(tx, {
        areaCode: area,
        name: 'Tổ an ninh khu phố',
        kind: 'team',
        description: '',
        joinPolicy: 'open',
        createdById: null,
      });
      for (const userId of users) await requestJoin(tx, model, userId, false);
      const b = await createBroadcast(tx, { audience: { kind: 'model', modelId: model.id }, texts: { vi: VI } });
      await controlBroadcast(tx, b.id, 'start');
      // Held until every recipient is written, so one can leave between fan-out and send.
      await tx.broadcast.update({ where: { id: b.id }, data: { status: 'paused' } });
      return { broadcast: b.id, model: model.id };
    });
    await until(async () => (await h.db.broadcast.findUniqueOrThrow({ where: { id: id.broadcast } })).fanoutDoneAt);
    expect((await h.db.broadcast.findUniqueOrThrow({ where: { id: id.broadcast } })).recipientCount).toBe(4);
    await h.db.$transaction((tx) => leaveModel(tx, id.model, users[0]!));
    await h.db.$transaction((tx) => controlBroadcast(tx, id.broadcast, 'resume'));
    await waitDone(id.broadcast);
    expect(textsTo(people[0]!).filter((t) => t.includes('Tổ an ninh khu phố'))).toEqual([]);
    for (const r of people.slice(1)) expect(textsTo(r).filter((t) => t.includes('Tổ an ninh khu phố'))).toHaveLength(1);
    const skipped = await h.db.delivery.findMany({ where: { broadcastId: id.broadcast, status: 'skipped' } });
    expect(skipped.map((d) => d.error)).toEqual(['left audience']);
  });
});

describe('platform answers', () => {
  it('429 with retry_after pauses the whole queue for that long and retries without using an attempt', async () => {
    const area = await freshCommune();
    const people = residents('telegram', 20, area);
    // Telegram's flood control: the first message and every one sent in the next 2 s answer 429.
    h.tg.floodFromNext(2);
    const id = await startDirect(people, area);
    await waitDone(id);
    const calls = h.tg.calls.filter(
      (c) => c.method === 'sendMessage' && people.some((p) => p.id === String(c.params.chat_id)),
    );
    const limited = calls.find((c) => c.error?.error_code === 429)!;
    expect(limited).toBeDefined();
    // Nothing new starts during the wait: only what the other slots had already sent off can arrive in it
    // (at most one each, however slow the machine).
    const during = calls.filter((c) => c !== limited && c.at >= limited.at && c.at < limited.at + 1900);
    expect(during.length).toBeLessThanOrEqual(SLOTS - 1);
    for (const r of people) expect(h.tg.textsTo(r.id)).toHaveLength(1);
    const rows = await h.db.delivery.findMany({ where: { broadcastId: id } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['sent', 1]));
  });

  it('5xx is retried with backoff and delivered once; 403 blocked is never retried', async () => {
    const area = await freshCommune();
    const people = residents('zalo', 5, area);
    h.zalo.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway', httpStatus: 502 }, 2);
    h.zalo.block(people[4]!.id);
    const id = await startDirect(people, area);
    await waitDone(id);
    for (const r of people.slice(0, 4)) expect(h.zalo.textsTo(r.id)).toHaveLength(1);
    const rows = await h.db.delivery.findMany({ where: { broadcastId: id }, orderBy: { id: 'asc' } });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(4);
    expect(rows.filter((r) => r.status === 'blocked')).toHaveLength(1);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeGreaterThanOrEqual(2);
    // One 403 and nothing after it (an earlier 502 of the injected two may have hit this person too).
    const toBlocked = h.zalo.calls.filter((c) => c.params.chat_id === people[4]!.id);
    expect(toBlocked.filter((c) => c.error?.error_code === 403)).toHaveLength(1);
    expect(toBlocked.at(-1)!.error?.error_code).toBe(403);
  });
});
