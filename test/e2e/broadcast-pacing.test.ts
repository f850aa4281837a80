import { afterAll, beforeAll, expect, it } from 'vitest';
import { controlBroadcast } from '../../src/features/broadcasts/control.ts';
import { createBroadcast } from '../../src/broadcasting/store.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { residents, seedResidents } from '../support/residents.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ TELEGRAM_RATE: '30', BROADCAST_RECONCILE_SECONDS: '0.5' });
});
afterAll(() => h?.close());

/** Half a minute of sending at Telegram's 30 msg/s: long enough for every second to be tested against the limit. */
const RECIPIENTS = 1000;

it(
  '1,000 recipients against a Telegram that answers 429 above 30 messages in any sliding second: no 429, at least 27 msg/s',
  { timeout: 110_000 },
  async () => {
    const area = await h.db.area.findFirstOrThrow({ where: { level: 'commune' }, orderBy: { code: 'desc' } });
    const people = residents('telegram', RECIPIENTS, area.code);
    await seedResidents(h.db, people);
    h.tg.setRateLimit(30);
    const id = await h.db.$transaction(async (tx) => {
      const b = await createBroadcast(tx, {
        audience: { kind: 'area', areaCode: area.code },
        texts: { vi: 'Thông báo thử nghiệm tốc độ gửi.' },
      });
      await controlBroadcast(tx, b.id, 'start');
      return b.id;
    });
    const ids = new Set(people.map((p) => p.id));
    const sends = () =>
      h.tg.calls.filter((c) => c.method === 'sendMessage' && !c.error && ids.has(String(c.params.chat_id)));
    await h.tg.waitFor(() => sends().length >= RECIPIENTS, 100_000);
    const times = sends()
      .map((c) => c.at)
      .sort((a, b) => a - b);
    const rate = (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
    console.log(
      `pacing: ${times.length} messages in ${((times.at(-1)! - times[0]!) / 1000).toFixed(1)} s = ${rate.toFixed(2)} msg/s (${((rate / 30) * 100).toFixed(1)} % of 30), 429s: ${h.tg.rateLimited}`,
    );
    expect(h.tg.rateLimited).toBe(0);
    expect(rate).toBeGreaterThanOrEqual(27);
    expect(new Set(sends().map((c) => String(c.params.chat_id))).size).toBe(RECIPIENTS);
    // The last rows are settled just after their answers arrive.
    for (let i = 0; i < 50 && (await h.db.delivery.count({ where: { broadcastId: id, status: 'queued' } })); i++)
      await new Promise((r) => setTimeout(r, 100));
    const rows = await h.db.delivery.groupBy({ by: ['status'], where: { broadcastId: id }, _count: { _all: true } });
    expect(rows.map((r) => [r.status, r._count._all])).toEqual([['sent', RECIPIENTS]]);
  },
);
