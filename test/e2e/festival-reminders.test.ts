import { afterAll, beforeAll, expect, it } from 'vitest';
import { identityHash } from '../../src/core/people.ts';
import { I18n } from '../../src/i18n/index.ts';
import { Pii } from '../../src/security/pii.ts';
import { ENCRYPTION_KEY } from '../support/harness.ts';
import { OPERATOR, type Scope } from '../../src/core/scope.ts';
import { cancel, create, move } from '../../src/features/festivals/actions.ts';
import { inScope } from '../../src/pipeline/run-scope.ts';
import { startProcessHarness, type ProcessHarness } from '../support/process-harness.ts';
import { forgetQueueData } from '../support/queue-data.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';
import { TEST_POLICY } from '../support/use-cases.ts';

// Lead times of seconds instead of days: the same code paths, on a clock a test can wait for.
const OFFSETS = [9, 6, 3];
const i18n = new I18n();
const policy = {
  ...TEST_POLICY,
  FESTIVAL_REMINDERS: OFFSETS,
};
let h: ProcessHarness;
let communes: string[];

beforeAll(async () => {
  h = await startProcessHarness({ FESTIVAL_REMINDERS: '9s,6s,3s', BROADCAST_RECONCILE_SECONDS: '1' });
  communes = (
    await h.db.area.findMany({ where: { level: 'commune' }, orderBy: { code: 'asc' }, skip: 900, take: 5 })
  ).map((a) => a.code);
  await h.start();
}, 60_000);
afterAll(() => h?.close());

/** Residents of a commune: the first answered "going", the second "not going", the third nothing. */
async function people(area: string): Promise<{ going: Resident; notGoing: Resident; silent: Resident }> {
  const [going, notGoing, silent] = residents('telegram', 3, area);
  await seedResidents(h.db, [going!, notGoing!, silent!]);
  return { going: going!, notGoing: notGoing!, silent: silent! };
}

async function rsvp(festivalId: number, r: Resident, going: boolean) {
  const pii = new Pii(ENCRYPTION_KEY);
  const identity = await h.db.identity.findUniqueOrThrow({
    where: { platform_platformIdHash: { platform: r.platform, platformIdHash: identityHash(pii, r.platform, r.id) } },
  });
  await h.db.rsvp.create({ data: { festivalId, userId: identity.userId, going } });
}

/** A use case run as the operator, as the CLI runs it (the running service picks the change up). */
async function asOperator<T>(run: (scope: Scope) => Promise<T>): Promise<T> {
  return (await inScope({ db: h.db, pii: new Pii(ENCRYPTION_KEY), i18n, policy }, run)).result;
}

/** A festival as the CLI creates it (announcement, reminder ledger), starting `inMs` from now. */
async function festival(area: string, inMs: number, remindTo: 'rsvp' | 'area' = 'rsvp') {
  const startsAt = new Date(Date.now() + inMs);
  const created = await asOperator((s) =>
    create(s, OPERATOR, {
      areaCode: area,
      title: `Ngày hội thử ${area}`,
      venue: 'Nhà văn hoá',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      remindTo,
    }),
  );
  if (!created.ok) throw new Error(created.reason);
  return created.festival;
}

/** When each reminder reached a chat (the fake Telegram's clock), by its lead time in seconds. */
function remindersTo(r: Resident): Map<number, number> {
  const got = new Map<number, number>();
  for (const c of h.tg.messagesTo(r.id)) {
    const m = /còn (\d+) giây nữa là đến Ngày hội/.exec(String(c.params.text ?? ''));
    if (m) got.set(Number(m[1]), (got.get(Number(m[1])) ?? 0) > 0 ? -1 : c.at);
  }
  return got;
}

const waitFor = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a kill -9 and a lost Redis in between lose no reminder: they are rebuilt from PostgreSQL', async () => {
  const area = communes[1]!;
  const p = await people(area);
  const f = await festival(area, 16_000, 'area');
  await waitFor(1500); // the running service has scheduled the jobs
  await h.kill();
  await forgetQueueData({ ...h.env, DATABASE_URL: h.env.DATABASE_URL!, REDIS_PREFIX: h.env.REDIS_PREFIX! });
  await h.start();
  const restarted = Date.now();
  for (const r of [p.going, p.notGoing, p.silent]) await h.tg.waitFor(() => remindersTo(r).size === 3, 25_000);
  await waitFor(500);
  for (const r of [p.going, p.notGoing, p.silent]) {
    const got = remindersTo(r);
    for (const offset of OFFSETS) expect(got.get(offset), `${r.id} ${offset}s`).toBeGreaterThan(0);
  }
  // The ones due once the new process was up (and had had a reconcile pass, 1 s) came on time. How long the
  // restart takes depends on the machine's load: the ones due while it started are only required to come.
  const dueAfterRestart = OFFSETS.filter((offset) => f.startsAt.getTime() - offset * 1000 > restarted + 1000);
  expect(dueAfterRestart.length, 'the restart took longer than the test allows').toBeGreaterThan(0);
  for (const offset of dueAfterRestart)
    expect(remindersTo(p.going).get(offset)! - (f.startsAt.getTime() - offset * 1000)).toBeLessThan(2000);
}, 60_000);

// The two below share the running service, each in communes of its own: they wait for their clocks side by side.
it.concurrent(
  'three reminders arrive at their times, once each, only to those who said they are going',
  async ({ expect }) => {
    const area = communes[0]!;
    const p = await people(area);
    const f = await festival(area, 12_000);
    await rsvp(f.id, p.going, true);
    await rsvp(f.id, p.notGoing, false);
    await h.tg.waitFor(() => remindersTo(p.going).size === 3, 20_000);
    await waitFor(500);
    const got = remindersTo(p.going);
    for (const offset of OFFSETS) {
      const due = f.startsAt.getTime() - offset * 1000;
      const at = got.get(offset)!;
      expect(at, `reminder ${offset}s before (-1: twice)`).toBeGreaterThanOrEqual(due - 50);
      expect(at - due, `reminder ${offset}s before arrived late`).toBeLessThan(2000);
    }
    expect(remindersTo(p.notGoing).size).toBe(0);
    expect(remindersTo(p.silent).size).toBe(0);
    // Everyone of the commune had the announcement.
    for (const r of [p.going, p.notGoing, p.silent])
      expect(h.tg.textsTo(r.id).filter((t) => t.includes('Trân trọng kính mời'))).toHaveLength(1);
    const rows = await h.db.festivalReminder.findMany({ where: { festivalId: f.id } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  },
  40_000,
);

it.concurrent(
  'moving reschedules to the new times (nothing at the old ones); cancelling drops them',
  async ({ expect }) => {
    const [movedArea, cancelledArea] = [communes[2]!, communes[3]!];
    const moved = await people(movedArea);
    const cancelled = await people(cancelledArea);
    const a = await festival(movedArea, 20_000);
    const b = await festival(cancelledArea, 16_000);
    await rsvp(a.id, moved.going, true);
    await rsvp(b.id, cancelled.going, true);
    await waitFor(1000);
    const newStart = new Date(Date.now() + 12_000);
    await asOperator((s) => move(s, OPERATOR, a.id, newStart, new Date(newStart.getTime() + 3_600_000)));
    await asOperator((s) => cancel(s, OPERATOR, b.id));

    await h.tg.waitFor(() => remindersTo(moved.going).size === 3, 20_000);
    const got = remindersTo(moved.going);
    for (const offset of OFFSETS) {
      const due = newStart.getTime() - offset * 1000;
      expect(got.get(offset)! - due, `${offset}s before the new time`).toBeLessThan(2000);
      expect(got.get(offset)!).toBeGreaterThanOrEqual(due - 50);
    }
    expect(h.tg.textsTo(moved.going.id).filter((t) => t.includes('Ngày hội đổi thời gian'))).toHaveLength(1);
    // Past the old times too: still exactly three reminders, and none for the cancelled festival.
    await waitFor(Math.max(0, a.startsAt.getTime() - 2000 - Date.now()));
    expect([...remindersTo(moved.going).values()].every((at) => at > 0)).toBe(true);
    expect(remindersTo(moved.going).size).toBe(3);
    expect(remindersTo(cancelled.going).size).toBe(0);
    expect(h.tg.textsTo(cancelled.going.id).filter((t) => t.includes('đã bị huỷ'))).toHaveLength(1);
    const dropped = await h.db.festivalReminder.findMany({ where: { festivalId: b.id } });
    expect(dropped.map((r) => r.status)).toEqual(['dropped', 'dropped', 'dropped']);
  },
  60_000,
);
