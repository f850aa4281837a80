import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personActor, type Actor, type Scope } from '../../src/core/scope.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import {
  cancel,
  commend,
  create,
  move,
  previewAnnouncement,
  previewChange,
} from '../../src/features/festivals/actions.ts';
import { ownDatabase } from '../support/harness.ts';
import { seedPerson } from '../support/people.ts';
import { runUseCase, TEST_POLICY } from '../support/use-cases.ts';
import { areaCode } from '../support/staff.ts';
import type { TestDatabase } from '../support/database.ts';

const DAY = 86_400_000;
const policy = {
  ...TEST_POLICY,
  FESTIVAL_REMINDERS: [7 * 86_400, 86_400, 7200],
};

let database: TestDatabase;
let db: Db;
let hungMy: string;
/** Officer of Xã Hưng Mỹ (Cà Mau): may act. */
let officer: Actor;
let officerIds: { userId: string; identityId: string };
/** Officer of Phường Ba Đình (Hà Nội), and a model leader of Hưng Mỹ: refused. */
let refused: Array<[string, Actor]>;

beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  const baDinh = await areaCode({ db }, 'Phường Ba Đình', 'Hà Nội');
  const o = await seedPerson(db, { areaCode: hungMy, roles: [{ role: 'officer', areaCode: hungMy }] });
  officer = personActor(o);
  officerIds = { userId: o.user.id, identityId: o.identity.id };
  refused = [
    [
      'an officer of Phường Ba Đình',
      personActor(await seedPerson(db, { roles: [{ role: 'officer', areaCode: baDinh }] })),
    ],
    ['a leader of Hưng Mỹ', personActor(await seedPerson(db, { roles: [{ role: 'leader', areaCode: hungMy }] }))],
  ];
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

/** A use case without any chat: one transaction, its outbox rows and the workers it asks for. */
const run = <T>(useCase: (scope: Scope) => Promise<T>) => runUseCase(db, useCase, policy);

/** Everything a festival use case may write: a refused call leaves all of it as it was. */
async function everything() {
  return {
    festivals: await db.festival.findMany({ orderBy: { id: 'asc' } }),
    reminders: await db.festivalReminder.findMany({ orderBy: { id: 'asc' } }),
    broadcasts: await db.broadcast.findMany({ orderBy: { id: 'asc' } }),
    commendations: await db.commendation.count(),
    audit: await db.auditLog.count(),
    outbox: await db.outboundMessage.count(),
  };
}

/** Each refused actor gets `reason`, and nothing is written or woken. */
async function expectRefused<T>(reason: string, useCase: (scope: Scope, actor: Actor) => Promise<T>) {
  for (const [who, actor] of refused) {
    const before = await everything();
    const { result, written, wakes } = await run((s) => useCase(s, actor));
    expect(result, who).toEqual({ ok: false, reason });
    expect(written, who).toEqual([]);
    expect([...wakes], who).toEqual([]);
    expect(await everything(), who).toEqual(before);
  }
}

const auditOf = (action: string, festivalId: number) =>
  db.auditLog.findMany({ where: { action, entity: 'Festival', entityId: String(festivalId) } });

/** The next 07:30 in Vietnam `days` days from now. */
function morningIn(days: number): Date {
  const d = new Date(Date.now() + days * DAY + 7 * 3_600_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 0, 30));
}

describe('festival use cases, without any chat', () => {
  let festivalId: number;
  const start = morningIn(8);
  const input = () => ({
    areaCode: hungMy,
    title: 'Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ',
    venue: 'Nhà văn hoá xã Hưng Mỹ',
    programme: 'Văn nghệ; trao thưởng',
    startsAt: start,
    endsAt: new Date(start.getTime() + 4 * 3_600_000),
  });

  it('create: refused to another commune’s officer and to a leader; nothing is written', async () => {
    await expectRefused('staff-only', (s, actor) => create(s, actor, input()));
  });

  it('create: an officer of Hưng Mỹ creates it, with its reminders, its announcement to the area and an audit entry', async () => {
    const { result, written, wakes } = await run((s) => create(s, officer, input()));
    if (!result.ok) throw new Error(result.reason);
    festivalId = result.festival.id;
    expect(result.festival).toMatchObject({ areaCode: hungMy, status: 'scheduled', createdById: officerIds.userId });
    const reminders = await db.festivalReminder.findMany({ where: { festivalId }, orderBy: { dueAt: 'asc' } });
    expect(reminders.map((r) => [r.status, start.getTime() - r.dueAt.getTime()])).toEqual([
      ['pending', 7 * DAY],
      ['pending', DAY],
      ['pending', 2 * 3_600_000],
    ]);
    const announcement = await db.broadcast.findUniqueOrThrow({ where: { id: result.announcementId } });
    expect(announcement).toMatchObject({
      festivalId,
      status: 'sending',
      topic: 'festival',
      areaCode: hungMy,
      authorId: officerIds.userId,
      authorIdentityId: officerIds.identityId,
      audience: expect.objectContaining({ kind: 'area', areaCode: hungMy }),
    });
    expect((announcement.texts as { vi: string }).vi).toContain('Trân trọng kính mời bà con tham dự Ngày hội');
    expect(await auditOf('festival.create', festivalId)).toMatchObject([
      { actorId: officerIds.userId, details: { areaCode: hungMy, announcementId: result.announcementId } },
    ]);
    // Residents are told by the broadcast's fan-out, not by messages of this transaction.
    expect(written).toEqual([]);
    expect([...wakes].sort()).toEqual(['broadcasts', 'reminders']);
  });

  it('previews: the announcement, a move and a cancel as residents would read them; a past start and other areas refused; nothing written', async () => {
    const before = await everything();
    const announced = await run((s) => previewAnnouncement(s, 'vi', input()));
    expect(announced.result).toMatchObject({ ok: true, area: 'Xã Hưng Mỹ, Cà Mau' });
    const past = morningIn(-2);
    const late = await run((s) =>
      previewAnnouncement(s, 'vi', { ...input(), startsAt: past, endsAt: new Date(past.getTime() + 3_600_000) }),
    );
    expect(late.result).toEqual({ ok: false, reason: 'fest-bad-time' });
    const later = morningIn(9);
    const moved = await run((s) =>
      previewChange(s, officer, 'vi', festivalId, {
        kind: 'moved',
        startsAt: later,
        endsAt: new Date(later.getTime() + 3_600_000),
      }),
    );
    if (!moved.result.ok) throw new Error(moved.result.reason);
    expect(moved.result.text).toContain('Ngày hội đổi thời gian');
    const toPast = await run((s) =>
      previewChange(s, officer, 'vi', festivalId, { kind: 'moved', startsAt: past, endsAt: later }),
    );
    expect(toPast.result).toEqual({ ok: false, reason: 'fest-bad-time' });
    const cancelled = await run((s) => previewChange(s, officer, 'vi', festivalId, { kind: 'cancelled' }));
    expect(cancelled.result).toMatchObject({ ok: true, text: expect.stringContaining('đã bị huỷ') });
    for (const [who, actor] of refused) {
      const elsewhere = await run((s) => previewChange(s, actor, 'vi', festivalId, { kind: 'cancelled' }));
      expect(elsewhere.result, who).toEqual({ ok: false, reason: 'fest-not-found' });
    }
    expect(await everything()).toEqual(before);
  });

  it('move: refused to another commune’s officer and to a leader; times, status and reminders unchanged', async () => {
    const later = morningIn(9);
    await expectRefused('fest-not-found', (s, actor) =>
      move(s, actor, festivalId, later, new Date(later.getTime() + 3_600_000)),
    );
  });

  it('move: the officer moves it; reminders follow, those going are told, audited', async () => {
    const later = morningIn(9);
    const { result, wakes } = await run((s) =>
      move(s, officer, festivalId, later, new Date(later.getTime() + DAY / 6)),
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.festival.startsAt).toEqual(later);
    const reminders = await db.festivalReminder.findMany({ where: { festivalId }, orderBy: { dueAt: 'asc' } });
    expect(reminders.map((r) => later.getTime() - r.dueAt.getTime())).toEqual([7 * DAY, DAY, 2 * 3_600_000]);
    const notice = await db.broadcast.findUniqueOrThrow({ where: { id: result.noticeId } });
    expect(notice).toMatchObject({
      festivalId,
      status: 'sending',
      audience: expect.objectContaining({ kind: 'festival', festivalId }),
    });
    expect((notice.texts as { vi: string }).vi).toContain('Ngày hội đổi thời gian');
    expect(await auditOf('festival.move', festivalId)).toMatchObject([
      { actorId: officerIds.userId, details: { from: start.toISOString(), to: later.toISOString() } },
    ]);
    expect([...wakes].sort()).toEqual(['broadcasts', 'reminders']);
  });

  it('commend: refused to another commune’s officer and to a leader; nothing is announced', async () => {
    await expectRefused('fest-not-found', (s, actor) => commend(s, actor, festivalId, ['Nguyễn Văn An']));
  });

  it('commend: the officer announces the names to the area, audited', async () => {
    const names = ['Nguyễn Văn An', 'Tổ tự quản ấp 3'];
    const { result, wakes } = await run((s) => commend(s, officer, festivalId, names));
    if (!result.ok) throw new Error(result.reason);
    expect(result.commendation).toMatchObject({ festivalId, names, broadcastId: result.broadcastId });
    const b = await db.broadcast.findUniqueOrThrow({ where: { id: result.broadcastId } });
    expect(b).toMatchObject({
      festivalId,
      status: 'sending',
      audience: expect.objectContaining({ kind: 'area', areaCode: hungMy }),
    });
    expect((b.texts as { vi: string }).vi).toContain('• Nguyễn Văn An\n• Tổ tự quản ấp 3');
    expect(await auditOf('festival.commend', festivalId)).toMatchObject([
      { actorId: officerIds.userId, details: { commendationId: result.commendation.id, count: 2 } },
    ]);
    expect([...wakes]).toEqual(['broadcasts']);
  });

  it('cancel: refused to another commune’s officer and to a leader; still scheduled, reminders pending', async () => {
    await expectRefused('fest-not-found', (s, actor) => cancel(s, actor, festivalId));
    expect((await db.festival.findUniqueOrThrow({ where: { id: festivalId } })).status).toBe('scheduled');
  });

  it('cancel: the officer cancels it; reminders dropped, its messages still going out stop, those going are told', async () => {
    const live = await db.broadcast.findMany({ where: { festivalId }, select: { id: true } });
    const { result, wakes } = await run((s) => cancel(s, officer, festivalId));
    if (!result.ok) throw new Error(result.reason);
    expect(result.festival.status).toBe('cancelled');
    const reminders = await db.festivalReminder.findMany({ where: { festivalId } });
    expect(reminders.map((r) => r.status)).toEqual(['dropped', 'dropped', 'dropped']);
    const stopped = await db.broadcast.findMany({ where: { id: { in: live.map((b) => b.id) } } });
    expect(stopped.map((b) => b.status)).toEqual(live.map(() => 'cancelled'));
    const notice = await db.broadcast.findUniqueOrThrow({ where: { id: result.noticeId } });
    expect(notice).toMatchObject({
      status: 'sending',
      audience: expect.objectContaining({ kind: 'festival', festivalId }),
    });
    expect((notice.texts as { vi: string }).vi).toContain('Ngày hội sau đây đã bị huỷ');
    expect(await auditOf('festival.cancel', festivalId)).toMatchObject([{ actorId: officerIds.userId }]);
    expect([...wakes].sort()).toEqual(['broadcasts', 'reminders']);
    // Once cancelled, nothing more can be done to it.
    expect((await run((s) => cancel(s, officer, festivalId))).result).toEqual({ ok: false, reason: 'fest-not-now' });
  });
});
