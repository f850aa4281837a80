import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Commendation, Festival, Prisma } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { controlBroadcast } from '../broadcasts/control.ts';
import { renderBroadcast } from '../../broadcasting/content.ts';
import type { Locale } from '../../i18n/index.ts';
import { countAudience, type Audience } from '../../broadcasting/audience.ts';
import { createBroadcast } from '../../broadcasting/store.ts';
import { audit } from '../staff/audit.ts';
import { covers, TIP_ROLES } from '../staff/grants.ts';
import { dropReminders, planReminders } from './reminders.ts';
import { festivalInputSchema, namesSchema, type FestivalInput } from './store.ts';
import { commendationTexts, noticeTexts, rsvpButtons, type FestivalNotice, type FestivalShown } from './texts.ts';

/*
 * What officers do with festival days, once for the chat, the CLI and the web:
 * each use case checks who acts, writes the rows, the audit entry and the
 * broadcasts that tell residents, and asks for the workers it needs.
 * Refusals are message ids, so every caller can show them in its reader's language.
 */

/** Officers and admins manage the festivals of their areas (and everything under them); the operator manages all. */
export const mayManageArea = (tx: Tx, actor: Actor, areaCode: string): Promise<boolean> | boolean =>
  actor.kind === 'operator' || covers(tx, actor.person.grants, TIP_ROLES, areaCode);

/** The one way to reach a festival to manage: within the actor's areas, or "not found" (whether it exists or not). */
export async function festivalWithin(
  scope: Scope,
  actor: Actor,
  festivalId: number,
): Promise<Outcome<{ festival: Festival }, 'fest-not-found'>> {
  const festival = await scope.tx.festival.findUnique({ where: { id: festivalId } });
  if (!festival || !(await mayManageArea(scope.tx, actor, festival.areaCode))) return refuse('fest-not-found');
  return { ok: true, festival };
}

/** The broadcast's author: the officer's account gets its report; the operator's broadcasts have none. */
const authorOf = (actor: Actor) =>
  actor.kind === 'person' ? { authorId: actor.person.user.id, authorIdentityId: actor.person.identity.id } : {};

/** Who a notice is for: the announcement the area; a change everyone the festival's messages reached, and those going. */
const noticeAudience = (f: Pick<Festival, 'id' | 'areaCode'>, kind: FestivalNotice): Audience =>
  kind === 'announce' ? { kind: 'area', areaCode: f.areaCode } : { kind: 'festival', festivalId: f.id, reached: true };

/** A notice as a resident reads it in `locale`, and how many accounts its audience counts now. Writes nothing. */
async function renderNotice(
  scope: Scope,
  locale: Locale,
  f: FestivalShown & Pick<Festival, 'id' | 'areaCode'>,
  kind: FestivalNotice,
): Promise<{ text: string; recipients: number; area: string }> {
  const area = await areaLabel(scope.tx, f.areaCode);
  const { text } = renderBroadcast(scope.i18n, locale, {
    texts: noticeTexts(scope.i18n, f, area, kind),
    photo: null,
    from: area,
    buttons: [],
  });
  return { text, area, recipients: (await countAudience(scope.tx, noticeAudience(f, kind), 'festival')).total };
}

/**
 * The announcement `create` would send, as a resident of the area reads it in `locale`,
 * and how many accounts it would reach now. Writes nothing; a start already passed is refused as `create` would.
 */
export async function previewAnnouncement(
  scope: Scope,
  locale: Locale,
  input: FestivalInput,
): Promise<Outcome<{ text: string; recipients: number; area: string }, 'fest-invalid' | 'fest-bad-time'>> {
  const parsed = festivalInputSchema.safeParse(input);
  if (!parsed.success) return refuse('fest-invalid');
  if (parsed.data.startsAt <= new Date()) return refuse('fest-bad-time');
  return { ok: true, ...(await renderNotice(scope, locale, { id: 0, ...parsed.data }, 'announce')) };
}

/** Why a festival cannot move to this time now, if it cannot. */
function moveRefusal(current: Festival, startsAt: Date, endsAt: Date): 'fest-not-now' | 'fest-bad-time' | undefined {
  if (current.status !== 'scheduled') return 'fest-not-now';
  if (!festivalInputSchema.safeParse({ ...current, startsAt, endsAt }).success || startsAt <= new Date())
    return 'fest-bad-time';
  return undefined;
}

export type ChangeAsked = { kind: 'moved'; startsAt: Date; endsAt: Date } | { kind: 'cancelled' };

/**
 * The notice `move` or `cancel` would send, as a resident reads it in `locale`, and how many accounts it
 * would reach now; refused as the change itself would be. Writes nothing.
 */
export async function previewChange(
  scope: Scope,
  actor: Actor,
  locale: Locale,
  festivalId: number,
  change: ChangeAsked,
): Promise<
  Outcome<{ text: string; recipients: number; area: string }, 'fest-not-found' | 'fest-not-now' | 'fest-bad-time'>
> {
  const found = await festivalWithin(scope, actor, festivalId);
  if (!found.ok) return found;
  const current = found.festival;
  const refusal =
    change.kind === 'moved'
      ? moveRefusal(current, change.startsAt, change.endsAt)
      : current.status !== 'scheduled'
        ? 'fest-not-now'
        : undefined;
  if (refusal) return refuse(refusal);
  const shown = change.kind === 'moved' ? { ...current, startsAt: change.startsAt, endsAt: change.endsAt } : current;
  return { ok: true, ...(await renderNotice(scope, locale, shown, change.kind)) };
}

/** The announcement or a change notice, started at once; with the number of accounts it is for. */
async function notify(
  scope: Scope,
  actor: Actor,
  f: Festival,
  kind: FestivalNotice,
): Promise<{ noticeId: number; recipients: number }> {
  const area = await areaLabel(scope.tx, f.areaCode);
  const audience = noticeAudience(f, kind);
  const recipients = (await countAudience(scope.tx, audience, 'festival')).total;
  const b = await createBroadcast(scope.tx, {
    ...authorOf(actor),
    audience,
    festivalId: f.id,
    topic: 'festival',
    texts: noticeTexts(scope.i18n, f, area, kind),
    buttons: kind === 'cancelled' ? [] : rsvpButtons(scope.i18n, f.id),
  });
  await controlBroadcast(scope.tx, b.id, 'start');
  return { noticeId: b.id, recipients };
}

const auditFestival = (scope: Scope, actor: Actor, action: string, f: Festival, details?: Prisma.InputJsonObject) =>
  audit(scope.tx, { actorId: actorId(actor), action, entity: 'Festival', entityId: String(f.id), details });

export type CreateRefusal = 'fest-invalid' | 'staff-only' | 'fest-area-unknown' | 'fest-bad-time';

/** A festival day: its row, its reminder ledger and its announcement to the area. */
export async function create(
  scope: Scope,
  actor: Actor,
  input: FestivalInput,
): Promise<Outcome<{ festival: Festival; announcementId: number; recipients: number }, CreateRefusal>> {
  const parsed = festivalInputSchema.safeParse(input);
  if (!parsed.success) return refuse('fest-invalid');
  const data = parsed.data;
  if (!(await mayManageArea(scope.tx, actor, data.areaCode))) return refuse('staff-only');
  if (!(await scope.tx.area.findUnique({ where: { code: data.areaCode } }))) return refuse('fest-area-unknown');
  if (data.startsAt <= new Date()) return refuse('fest-bad-time');
  const festival = await scope.tx.festival.create({ data: { ...data, createdById: actorId(actor) } });
  await planReminders(scope.tx, festival, scope.policy.FESTIVAL_REMINDERS);
  const { noticeId: announcementId, recipients } = await notify(scope, actor, festival, 'announce');
  await auditFestival(scope, actor, 'festival.create', festival, { areaCode: festival.areaCode, announcementId });
  scope.wake('broadcasts');
  scope.wake('reminders');
  return { ok: true, festival, announcementId, recipients };
}

export type Change = Outcome<
  { festival: Festival; noticeId: number; recipients: number },
  'fest-not-found' | 'fest-not-now' | 'fest-bad-time'
>;

/** A new time: the reminders are planned again for it, and everyone the announcement reached is told. */
export async function move(
  scope: Scope,
  actor: Actor,
  festivalId: number,
  startsAt: Date,
  endsAt: Date,
): Promise<Change> {
  const found = await festivalWithin(scope, actor, festivalId);
  if (!found.ok) return found;
  const current = found.festival;
  const refusal = moveRefusal(current, startsAt, endsAt);
  if (refusal) return refuse(refusal);
  const festival = await scope.tx.festival.update({ where: { id: current.id }, data: { startsAt, endsAt } });
  await planReminders(scope.tx, festival, scope.policy.FESTIVAL_REMINDERS);
  const notice = await notify(scope, actor, festival, 'moved');
  await auditFestival(scope, actor, 'festival.move', festival, {
    from: current.startsAt.toISOString(),
    to: startsAt.toISOString(),
  });
  scope.wake('broadcasts');
  scope.wake('reminders');
  return { ok: true, festival, ...notice };
}

/** Cancelled: pending reminders are dropped, its messages still going out stop, and everyone they reached is told. */
export async function cancel(scope: Scope, actor: Actor, festivalId: number): Promise<Change> {
  const found = await festivalWithin(scope, actor, festivalId);
  if (!found.ok) return found;
  const { tx } = scope;
  const moved = await tx.festival.updateMany({
    where: { id: festivalId, status: 'scheduled' },
    data: { status: 'cancelled' },
  });
  if (!moved.count) return refuse('fest-not-now');
  const festival = await tx.festival.findUniqueOrThrow({ where: { id: festivalId } });
  await dropReminders(tx, festival.id);
  // An invitation or reminder still going out stops: nobody should be invited to a cancelled day.
  const live = await tx.broadcast.findMany({
    where: { festivalId: festival.id, status: { in: ['draft', 'scheduled', 'sending', 'paused'] } },
    select: { id: true },
  });
  for (const b of live) await controlBroadcast(tx, b.id, 'cancel');
  const notice = await notify(scope, actor, festival, 'cancelled');
  await auditFestival(scope, actor, 'festival.cancel', festival);
  scope.wake('broadcasts');
  scope.wake('reminders');
  return { ok: true, festival, ...notice };
}

/** Announces the people or collectives commended at a festival to its area. */
export async function commend(
  scope: Scope,
  actor: Actor,
  festivalId: number,
  names: string[],
): Promise<
  Outcome<{ commendation: Commendation; broadcastId: number }, 'fest-not-found' | 'fest-not-now' | 'fest-bad-names'>
> {
  const found = await festivalWithin(scope, actor, festivalId);
  if (!found.ok) return found;
  const { festival } = found;
  if (festival.status !== 'scheduled') return refuse('fest-not-now');
  const checked = namesSchema.safeParse(names);
  if (!checked.success) return refuse('fest-bad-names');
  const b = await createBroadcast(scope.tx, {
    ...authorOf(actor),
    audience: { kind: 'area', areaCode: festival.areaCode },
    festivalId: festival.id,
    topic: 'festival',
    texts: commendationTexts(scope.i18n, festival, checked.data),
  });
  await controlBroadcast(scope.tx, b.id, 'start');
  const commendation = await scope.tx.commendation.create({
    data: { festivalId: festival.id, names: checked.data, broadcastId: b.id, createdById: actorId(actor) },
  });
  await auditFestival(scope, actor, 'festival.commend', festival, {
    commendationId: commendation.id,
    count: checked.data.length,
  });
  scope.wake('broadcasts');
  return { ok: true, commendation, broadcastId: b.id };
}
