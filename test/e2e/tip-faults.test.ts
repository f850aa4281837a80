import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ownDatabase, startHarness, type Harness } from '../support/harness.ts';
import { onboard } from '../support/onboard.ts';
import { startProcessHarness, type ProcessHarness } from '../support/process-harness.ts';
import { areaCode, makeStaff } from '../support/staff.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { TelegramUser, ZaloUser, type BotMessage } from '../support/users.ts';

/** Files a tip up to its confirmation question. */
async function reachConfirmation(u: TelegramUser | ZaloUser): Promise<BotMessage> {
  const choose = (m: BotMessage, label: RegExp) =>
    u instanceof TelegramUser ? u.pressLabel(m, label) : u.choose(m, label);
  await u.send('/report');
  await choose(await u.expect(/Bạn muốn báo về việc gì\?/), /Cờ bạc/);
  await u.expect(/Hãy mô tả sự việc/);
  await u.send('Có sới bạc tụ tập đông người vào tối thứ bảy ở nhà kho cuối ấp.');
  await choose(await u.expect(/chọn Bỏ qua/), /Bỏ qua/);
  await choose(await u.expect(/Bạn có ảnh/), /Bỏ qua/);
  await choose(await u.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
  return u.expect(/Kiểm tra lại tin báo/);
}

async function postUntilTaken(h: Harness, platform: 'telegram' | 'zalo', body: unknown): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await h.post(platform, body)).status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the update was never taken');
}

describe('PostgreSQL down at confirmation', () => {
  let h: Harness;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let dropDatabase: () => Promise<unknown>;
  beforeAll(async () => {
    const database = await ownDatabase();
    dropDatabase = database.drop;
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(target);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    h = await startHarness({ DATABASE_URL: viaProxy.toString() });
    // The commune has an officer, so a filed tip is answered as one that reached the police.
    await makeStaff(h, new TelegramUser(h, 'Officer', 'Faults'), await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau'));
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await dropDatabase?.();
  });

  it.each(['telegram', 'zalo'] as const)(
    '%s: the citizen is told to retry, no code is issued; the platform retry creates exactly one tip',
    async (platform) => {
      const citizen = platform === 'telegram' ? new TelegramUser(h) : new ZaloUser(h);
      await onboard(citizen);
      const confirm = await reachConfirmation(citizen);
      const send =
        citizen instanceof TelegramUser
          ? citizen.pressUpdate(confirm.options.find((o) => /Gửi tin báo/.test(o.label))!.data!)
          : citizen.event('message.text.received', {
              text: confirm.options.find((o) => /Gửi tin báo/.test(o.label))!.data,
            });

      await proxy.cut();
      const down = await h.post(platform, send);
      expect(down.status).toBe(503);
      const told = await citizen.expect(
        /tạm thời gián đoạn nên tin nhắn vừa rồi CHƯA được ghi nhận\. Vui lòng thử lại/,
      );
      expect(told.text).not.toMatch(/AN-/);
      // The platform retries while the database is still away: no second notice within a minute, no code.
      expect((await h.post(platform, send)).status).toBe(503);
      await citizen.expectSilence(300);

      await proxy.restore();
      await postUntilTaken(h, platform, send);
      const filed = await citizen.expect(/Đã ghi nhận tin báo của bạn\. Mã tin: AN-/);
      const code = /AN-[2-9A-Z]{6}/.exec(filed.text)![0];
      // Another retry of the same update, and the citizen pressing again: still one tip.
      expect((await h.post(platform, send)).status).toBe(200);
      // Pressing the old button again (Telegram) finds the dialogue over; typing "1" again (Zalo)
      // now means the first entry of the main menu on screen: a new report.
      if (citizen instanceof TelegramUser) {
        await citizen.post(citizen.pressUpdate(String(confirm.options.find((o) => /Gửi tin báo/.test(o.label))!.data)));
        await citizen.expect(/Lựa chọn này không còn hiệu lực/);
      } else {
        await citizen.send('1');
        await citizen.expect(/Bạn muốn báo về việc gì\?/);
      }
      const identity = await h.db.tip.findUniqueOrThrow({ where: { code } });
      expect(await h.db.tip.count({ where: { reporterId: identity.reporterId } })).toBe(1);
    },
  );
});

describe('killed between storing a tip and notifying the officers', () => {
  let p: ProcessHarness;
  beforeAll(async () => {
    p = await startProcessHarness();
    await p.start();
  });
  afterEach((ctx) => {
    if (ctx.task.result?.state === 'fail' && p.proc) console.log(p.proc.output().slice(-5000));
  });
  afterAll(() => p?.close());

  it('notifies them after the restart: the notification was queued durably with the tip', async () => {
    const officer = new TelegramUser(p);
    await makeStaff(p, officer, await areaCode(p, 'Xã Hưng Mỹ', 'Cà Mau'));
    const citizen = new ZaloUser(p);
    await onboard(citizen);
    const confirm = await reachConfirmation(citizen);

    // Telegram (the officer's messenger) fails the card twice; the process dies before the third try.
    const errorsBefore = p.tg.callsTo('sendMessage').filter((c) => c.error).length;
    p.tg.failNext('sendMessage', { error_code: 502, description: 'Bad Gateway' }, 2);
    await citizen.choose(confirm, /Gửi tin báo/);
    const code = /AN-[2-9A-Z]{6}/.exec((await citizen.expect(/Mã tin: AN-/)).text)![0];
    await p.tg.waitFor(() => p.tg.callsTo('sendMessage').filter((c) => c.error).length === errorsBefore + 2, 10_000);
    await p.kill();
    expect(await p.db.tip.count({ where: { code } })).toBe(1);
    expect(p.tg.textsTo(officer.id).some((t) => t.includes(code))).toBe(false);

    await p.start();
    const card = await officer.expect(new RegExp(`Tin báo mới ${code}`), 20_000);
    expect(card.text).toMatch(/Cờ bạc, cá độ/);
    await officer.expectSilence(500);
    expect(p.tg.textsTo(officer.id).filter((t) => t.includes(`Tin báo mới ${code}`))).toHaveLength(1);
  });
});
