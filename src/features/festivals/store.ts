import { z } from 'zod';
import { parseRowId } from '../../core/menu.ts';
import type { Tx } from '../../core/tx.ts';
import type { Festival, Prisma, ReminderAudience, StaffGrant } from '../../generated/prisma/client.ts';
import type { I18n } from '../../i18n/index.ts';
import { areaLabel } from '../areas/search.ts';
import { controlBroadcast } from '../broadcasts/control.ts';
import { createBroadcast } from '../../broadcasting/store.ts';
import { audit } from '../staff/audit.ts';
import { covers, lineage, TIP_ROLES } from '../staff/grants.ts';
import { dropReminders, planReminders } from './reminders.ts';
import { commendationTexts, noticeTexts, rsvpButtons, type FestivalNotice } from './texts.ts';

export const FESTIVAL_LIMITS = { title: 150, venue: 200, programme: 1500, names: 50, name: 120 };
/** A festival lasts at most this long. */
const MAX_DAYS = 7;

/** The end comes after the start, within MAX_DAYS. */
export const validSpan = (startsAt: Date, endsAt: Date) =>
  endsAt > startsAt && endsAt.getTime() - startsAt.getTime() <= MAX_DAYS * 86_400_000;

/** What staff enter for a festival, checked the same in chat and in the CLI. */
export const festivalInputSchema = z
  .object({
    areaCode: z.string().min(1),
    title: z.string().trim().min(3).max(FESTIVAL_LIMITS.title),
    venue: z.string().trim().min(3).max(FESTIVAL_LIMITS.venue),
    programme: z.string().trim().max(FESTIVAL_LIMITS.programme).default(''),
    startsAt: z.date(),
    endsAt: z.date(),
    remindTo: z.enum(['rsvp', 'area']).default('rsvp'),
  })
  .refine((f) => validSpan(f.startsAt, f.endsAt), {
    message: `the end must come after the start, within ${MAX_DAYS} days`,
    path: ['endsAt'],
  });
export type FestivalInput = z.input<typeof festivalInputSchema>;

/** Who acts: a staff user (id and the messenger account that gets reports) or the CLI (null). */
export interface Actor {
  userId: string | null;
  identityId?: string;
}

/** Writes the announcement (or a change notice) as a broadcast and starts it; the caller wakes the engine. */
async function notify(tx: Tx, i18n: I18n, f: Festival, kind: FestivalNotice, actor: Actor): Promise<number> {
  const area = await areaLabel(tx, f.areaCode);
  const toArea = kind === 'announce';
  const b = await createBroadcast(tx, {
    authorId: actor.userId ?? undefined,
    authorIdentityId: actor.identityId,
    audience: toArea ? { kind: 'area', areaCode: f.areaCode } : { kind: 'festival', festivalId: f.id },
    festivalId: f.id,
    topic: 'festival',
    texts: noticeTexts(i18n, f, area, kind),
    buttons: kind === 'cancelled' ? [] : rsvpButtons(i18n, f.id),
  });
  await controlBroadcast(tx, b.id, 'start');
  return b.id;
}

const auditFestival = (tx: Tx, actor: Actor, action: string, f: Festival, details?: Prisma.InputJsonObject) =>
  audit(tx, { actorId: actor.userId, action, entity: 'Festival', entityId: String(f.id), details });

/** Creates the festival, its reminder ledger and its announcement to the area, in one transaction. */
export async function createFestival(
  tx: Tx,
  i18n: I18n,
  input: FestivalInput,
  offsets: number[],
  actor: Actor,
): Promise<{ festival: Festival; announcementId: number }> {
  const data = festivalInputSchema.parse(input);
  const festival = await tx.festival.create({
    data: { ...data, remindTo: data.remindTo as ReminderAudience, createdById: actor.userId },
  });
  await planReminders(tx, festival, offsets);
  const announcementId = await notify(tx, i18n, festival, 'announce', actor);
  await auditFestival(tx, actor, 'festival.create', festival, { areaCode: festival.areaCode, announcementId });
  return { festival, announcementId };
}

export type ChangeResult = { ok: true; festival: Festival; noticeId: number } | { ok: false; error: 'state' | 'time' };

/** A new time: reminders are planned again for it, and those who said "going" are told. */
export async function moveFestival(
  tx: Tx,
  i18n: I18n,
  current: Festival,
  startsAt: Date,
  endsAt: Date,
  offsets: number[],
  actor: Actor,
): Promise<ChangeResult> {
  if (current.status !== 'scheduled') return { ok: false, error: 'state' };
  const checked = festivalInputSchema.safeParse({ ...current, startsAt, endsAt });
  if (!checked.success || startsAt <= new Date()) return { ok: false, error: 'time' };
  const festival = await tx.festival.update({ where: { id: current.id }, data: { startsAt, endsAt } });
  await planReminders(tx, festival, offsets);
  const noticeId = await notify(tx, i18n, festival, 'moved', actor);
  await auditFestival(tx, actor, 'festival.move', festival, {
    from: current.startsAt.toISOString(),
    to: startsAt.toISOString(),
  });
  return { ok: true, festival, noticeId };
}

/** Cancelled: pending reminders are dropped, its notices still going out stop, and those who said "going" are told. */
export async function cancelFestival(tx: Tx, i18n: I18n, current: Festival, actor: Actor): Promise<ChangeResult> {
  const moved = await tx.festival.updateMany({
    where: { id: current.id, status: 'scheduled' },
    data: { status: 'cancelled' },
  });
  if (!moved.count) return { ok: false, error: 'state' };
  const festival = await tx.festival.findUniqueOrThrow({ where: { id: current.id } });
  await dropReminders(tx, festival.id);
  // An invitation or reminder still going out stops: nobody should be invited to a cancelled day.
  const live = await tx.broadcast.findMany({
    where: { festivalId: festival.id, status: { in: ['draft', 'scheduled', 'sending', 'paused'] } },
    select: { id: true },
  });
  for (const b of live) await controlBroadcast(tx, b.id, 'cancel');
  const noticeId = await notify(tx, i18n, festival, 'cancelled', actor);
  await auditFestival(tx, actor, 'festival.cancel', festival);
  return { ok: true, festival, noticeId };
}

/** Announces commended people or collectives of a festival to its area. */
export async function commend(tx: Tx, i18n: I18n, festival: Festival, names: string[], actor: Actor) {
  const b = await createBroadcast(tx, {
    authorId: actor.userId ?? undefined,
    authorIdentityId: actor.identityId,
    audience: { kind: 'area', areaCode: festival.areaCode },
    festivalId: festival.id,
    topic: 'festival',
    texts: commendationTexts(i18n, festival, names),
  });
  await controlBroadcast(tx, b.id, 'start');
  const row = await tx.commendation.create({
    data: { festivalId: festival.id, names, broadcastId: b.id, createdById: actor.userId },
  });
  await auditFestival(tx, actor, 'festival.commend', festival, { commendationId: row.id, count: names.length });
  return { commendation: row, broadcastId: b.id };
}

/** "Nguyễn Văn A; Tổ tự quản số 3\nB": one name a line or separated by ";", each 2–120 characters. */
export function parseNames(text: string): string[] | undefined {
  const names = text
    .split(/[;\n]/)
    .map((n) => n.trim())
    .filter(Boolean);
  const ok =
    names.length > 0 &&
    names.length <= FESTIVAL_LIMITS.names &&
    names.every((n) => n.length >= 2 && n.length <= FESTIVAL_LIMITS.name);
  return ok ? names : undefined;
}

/** RSVP: going or not; stored once per person (a new answer replaces the old). */
export async function answerRsvp(tx: Tx, festivalId: number, userId: string, going: boolean): Promise<void> {
  await tx.rsvp.upsert({
    where: { festivalId_userId: { festivalId, userId } },
    create: { festivalId, userId, going },
    update: { going },
  });
}

export async function rsvpCounts(tx: Tx, festivalId: number): Promise<{ going: number; notGoing: number }> {
  const rows = await tx.rsvp.groupBy({ by: ['going'], where: { festivalId }, _count: { _all: true } });
  const n = (going: boolean) => rows.find((r) => r.going === going)?._count._all ?? 0;
  return { going: n(true), notGoing: n(false) };
}

/** Upcoming festivals a resident of `areaCode` is invited to: of their commune or their province. */
export async function upcomingFor(tx: Tx, areaCode: string, now = new Date()): Promise<Festival[]> {
  return tx.festival.findMany({
    where: { status: 'scheduled', endsAt: { gt: now }, areaCode: { in: await lineage(tx, areaCode) } },
    orderBy: { startsAt: 'asc' },
    take: 10,
  });
}

/** The festival a choice or command names, if any. */
export async function findFestival(tx: Tx, raw: string | number | undefined): Promise<Festival | null> {
  const id = parseRowId(raw);
  return id ? tx.festival.findUnique({ where: { id } }) : null;
}

/** A festival staff may manage: one of an area they hold an officer or admin role over. */
export async function festivalForStaff(tx: Tx, grants: StaffGrant[], raw: string | number | undefined) {
  const f = await findFestival(tx, raw);
  return f && (await covers(tx, grants, TIP_ROLES, f.areaCode)) ? f : null;
}
