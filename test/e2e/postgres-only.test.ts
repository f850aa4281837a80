import net from 'node:net';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import { OPERATOR } from '../../src/core/scope.ts';
import { create } from '../../src/features/festivals/actions.ts';
import type { Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { onboard } from '../support/onboard.ts';
import { residents, seedResidents } from '../support/residents.ts';
import { makeStaff } from '../support/staff.ts';
import { runUseCase, TEST_POLICY } from '../support/use-cases.ts';
import { TelegramUser } from '../support/users.ts';

// QUEUE_BACKEND=postgres in the normal run (npm run test:pg runs the longer files in this mode): the service
// on PostgreSQL alone. REDIS_URL points at a listener that counts who connects: nobody may.
const redisConnections: net.Socket[] = [];
const fakeRedis = net.createServer((socket) => redisConnections.push(socket.on('error', () => undefined)));
await new Promise<void>((resolve) => fakeRedis.listen(0, '127.0.0.1', resolve));
afterAll(() => {
  for (const socket of redisConnections) socket.destroy();
  return new Promise((resolve) => fakeRedis.close(resolve));
});

let h: Harness;
let hungMy: string;
harnessInHungMy((started) => ({ h, hungMy } = started), {
  QUEUE_BACKEND: 'postgres',
  REDIS_URL: `redis://127.0.0.1:${(fakeRedis.address() as net.AddressInfo).port}`,
  TELEGRAM_RATE: '30',
  BROADCAST_RECONCILE_SECONDS: '0.5',
  FESTIVAL_REMINDERS: '2s',
});

it('/readyz names the queue backend and checks no Redis', async () => {
  const body = await (await fetch(`${h.url}/readyz`)).json();
  expect(body).toMatchObject({ status: 'ready', postgres: 'ok', queues: 'ok', queue_backend: 'postgres' });
  expect(body).not.toHaveProperty('redis');
});

it('a tip filed on Telegram reaches the officer, whose acknowledgement reaches the citizen', async () => {
  const officer = new TelegramUser(h, 'Lê', 'Văn Cán Bộ');
  await makeStaff(h, officer, hungMy);
  const citizen = new TelegramUser(h, 'Phạm', 'Thị Dân');
  await onboard(citizen);
  await citizen.send('/report');
  await citizen.pressLabel(await citizen.expect(/Bạn muốn báo về việc gì\?/), /Trộm cắp/);
  await citizen.expect(/Hãy mô tả sự việc/);
  await citizen.send('Có người lạ bẻ khoá xe máy trước chợ.');
  await citizen.expect(/Sự việc xảy ra ở đâu\?/);
  await citizen.sendLocation(9.0321, 105.0456);
  await citizen.sendPhoto('photo-a');
  await citizen.pressLabel(await citizen.expect(/Đã nhận 1\/5 ảnh/), /Xong/);
  await citizen.pressLabel(await citizen.expect(/gửi ẩn danh hay để lại số điện thoại/), /Gửi ẩn danh/);
  await citizen.pressLabel(await citizen.expect(/Kiểm tra lại tin báo/), /Gửi tin báo/);
  const code = /AN-[2-9A-Z]{6}/.exec((await citizen.expect(/Mã tin: AN-/)).text)![0];
  const card = await officer.expect(new RegExp(`Tin báo mới ${code}`));
  await officer.pressLabel(card, /Tiếp nhận/);
  await citizen.expect(new RegExp(`Tin báo ${code} của bạn đã được Công an xã tiếp nhận`));
});

it(
  'a paced broadcast: no 429, at least 27 msg/s, at most 20 connections of the process meanwhile',
  { timeout: 60_000 },
  async () => {
    const area = await h.db.area.findFirstOrThrow({ where: { level: 'commune' }, orderBy: { code: 'desc' } });
    const people = residents('telegram', 300, area.code);
    await seedResidents(h.db, people);
    h.tg.setRateLimit(30);
    // Every connection to this test's database is the service's (this file runs it in-process), but this one.
    const probe = new pg.Client({ connectionString: h.config.DATABASE_URL });
    await probe.connect();
    let most = 0;
    const sample = setInterval(() => {
      probe
        .query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        )
        .then(({ rows }) => (most = Math.max(most, rows[0].n)))
        .catch(() => undefined);
    }, 100);
    try {
      await h.db.$transaction(async (tx) => {
        const b = await createBroadcast(tx, {
          audience: { kind: 'area', areaCode: area.code },
          texts: { vi: 'Thông báo chỉ dùng PostgreSQL.' },
        });
        await controlBroadcast(tx, b.id, 'start');
      });
      const ids = new Set(people.map((p) => p.id));
      const sends = () =>
        h.tg.calls.filter((c) => c.method === 'sendMessage' && !c.error && ids.has(String(c.params.chat_id)));
      await h.tg.waitFor(() => sends().length >= people.length, 50_000);
      const times = sends()
        .map((c) => c.at)
        .sort((a, b) => a - b);
      const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
      console.log(
        `postgres-only pacing: ${rate.toFixed(2)} msg/s, 429s: ${h.tg.rateLimited}, connections at most: ${most}`,
      );
      expect(h.tg.rateLimited).toBe(0);
      expect(rate).toBeGreaterThanOrEqual(27);
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(20);
    } finally {
      clearInterval(sample);
      await probe.end();
    }
  },
);

it('a festival reminder comes at its time', async () => {
  const [going] = residents('telegram', 1, hungMy);
  await seedResidents(h.db, [going!]);
  const startsAt = new Date(Date.now() + 5_000);
  const { result: created } = await runUseCase(
    h.db,
    (scope) =>
      create(scope, OPERATOR, {
        areaCode: hungMy,
        title: 'Ngày hội chỉ PostgreSQL',
        venue: 'Nhà văn hoá',
        startsAt,
        endsAt: new Date(startsAt.getTime() + 3_600_000),
        remindTo: 'area',
      }),
    { ...TEST_POLICY, FESTIVAL_REMINDERS: [2] },
  );
  if (!created.ok) throw new Error(created.reason);
  await h.tg.waitFor(() => h.tg.textsTo(going!.id).some((t) => /còn 2 giây nữa là đến Ngày hội/.test(t)), 15_000);
});

it('never connected to Redis, though REDIS_URL was set', () => {
  expect(redisConnections).toHaveLength(0);
});
