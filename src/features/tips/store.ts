import type { PhotoRef } from '../../core/messages.ts';
import type { Tx } from '../../core/tx.ts';
import type { Prisma, StaffGrant, Tip, TipCategory, TipStatus } from '../../generated/prisma/client.ts';
import type { Pii } from '../../security/pii.ts';
import type { Person } from '../../core/people.ts';
import type { Actor } from '../../core/scope.ts';
import { hasTipRole, TIP_ROLES, tipAreaFilter } from '../staff/grants.ts';
import { labelOf } from '../staff/labels.ts';
import { newTipCode, normalizeTipCode, tipCodeForm } from './code.ts';
import type { CompleteDraft } from './draft.ts';

/** The commune a tip belongs to: the reporter's commune (a hamlet's parent). */
async function communeOf(tx: Tx, areaCode: string): Promise<string> {
  const area = await tx.area.findUnique({ where: { code: areaCode }, select: { level: true, parentCode: true } });
  return area?.level === 'hamlet' && area.parentCode ? area.parentCode : areaCode;
}

/** The PostgreSQL channel told the commune of each tip filed (on commit): the console's inbox shows it live. */
export const TIP_FILED_CHANNEL = 'antq_tip_filed';

/** Stores a complete tip from the reporter's area and its first status in one go (the caller's transaction). */
export async function fileTip(
  tx: Tx,
  pii: Pii,
  reporter: Person,
  reporterArea: string,
  draft: CompleteDraft,
): Promise<Tip> {
  const areaCode = await communeOf(tx, reporterArea);
  await tx.$executeRaw`SELECT pg_notify(${TIP_FILED_CHANNEL}, ${areaCode})`;
  return tx.tip.create({
    data: {
      code: await newTipCode(tx),
      reporterId: reporter.user.id,
      reporterIdentityId: reporter.identity.id,
      areaCode,
      category: draft.category,
      urgent: draft.urgent,
      anonymous: draft.anonymous,
      descriptionEnc: pii.encrypt(draft.description),
      placeEnc: draft.place ? pii.encrypt(draft.place) : null,
      locationEnc: draft.location ? pii.encryptJson(draft.location) : null,
      photosEnc: draft.photos.length ? pii.encryptJson(draft.photos) : null,
      photoCount: draft.photos.length,
      contactEnc: !draft.anonymous && draft.contact ? pii.encrypt(draft.contact) : null,
      events: { create: { status: 'new' } },
    },
  });
}

/** A tip's content, decrypted for a screen. Holds nothing that identifies the reporter. */
export interface TipContent {
  description: string;
  place?: string;
  location?: { latitude: number; longitude: number };
  photos: PhotoRef[];
  /** Only when the reporter chose to leave a number. */
  contact?: string;
}

export function readTip(pii: Pii, tip: Tip): TipContent {
  return {
    description: pii.decrypt(tip.descriptionEnc),
    place: tip.placeEnc ? pii.decrypt(tip.placeEnc) : undefined,
    location: tip.locationEnc ? pii.decryptJson(tip.locationEnc) : undefined,
    photos: tip.photosEnc ? pii.decryptJson<PhotoRef[]>(tip.photosEnc) : [],
    contact: tip.contactEnc ? pii.decrypt(tip.contactEnc) : undefined,
  };
}

/** Who moves a tip: an officer (by user id), the operator, or the reporter reopening their own tip (no id kept). */
export type Mover = { officerId: string } | 'operator' | 'reporter';

/**
 * Moves a tip to `to` if it is still in one of `from` (two officers pressing at
 * once: one wins); records who and when, with the label the officer goes by
 * (the history names them by it, never by an account). Returns the updated tip or null.
 */
export async function moveTip(
  tx: Tx,
  tip: Tip,
  from: readonly TipStatus[],
  to: TipStatus,
  by: Mover,
  assign = false,
): Promise<Tip | null> {
  const officerId = typeof by === 'object' ? by.officerId : null;
  const moved = await tx.tip.updateMany({
    where: { id: tip.id, status: { in: [...from] } },
    data: { status: to, ...(assign && officerId && { assigneeId: officerId }) },
  });
  if (moved.count === 0) return null;
  const byLabel = officerId ? await labelOf(tx, officerId, tip.areaCode) : null;
  await tx.tipEvent.create({
    data: { tipId: tip.id, status: to, byId: officerId, byLabel, byReporter: by === 'reporter' },
  });
  return tx.tip.findUniqueOrThrow({ where: { id: tip.id } });
}

export interface ThreadMessage {
  author: 'citizen' | 'officer';
  officerId?: string | null;
  text?: string;
  photos: PhotoRef[];
}

export async function addTipMessage(tx: Tx, pii: Pii, tip: Tip, m: ThreadMessage): Promise<void> {
  await tx.tipMessage.create({
    data: {
      tipId: tip.id,
      author: m.author,
      officerId: m.officerId ?? null,
      textEnc: m.text ? pii.encrypt(m.text) : null,
      photosEnc: m.photos.length ? pii.encryptJson(m.photos) : null,
    },
  });
}

/** The last messages of a tip's thread, oldest first. */
export async function readThread(
  tx: Tx,
  pii: Pii,
  tipId: string,
  take = 10,
): Promise<Array<ThreadMessage & { id: bigint }>> {
  const rows = await tx.tipMessage.findMany({ where: { tipId }, orderBy: { id: 'desc' }, take });
  return rows.reverse().map((r) => ({
    id: r.id,
    author: r.author,
    text: r.textEnc ? pii.decrypt(r.textEnc) : undefined,
    photos: r.photosEnc ? pii.decryptJson<PhotoRef[]>(r.photosEnc) : [],
  }));
}

/** Whose tips an actor may work on: those of the areas of their grants, or every tip (the operator). */
export type TipReach = readonly StaffGrant[] | 'everywhere';

export const reachOf = (actor: Actor): TipReach => (actor.kind === 'operator' ? 'everywhere' : actor.person.grants);

/**
 * The tip with this code if it lies within `reach` (an officer or admin role
 * over its area); null for an unknown code, a tip elsewhere and a role without
 * tips alike, so a refusal never tells which.
 */
export async function tipInMyAreas(tx: Tx, reach: TipReach, rawCode: string): Promise<Tip | null> {
  const code = normalizeTipCode(rawCode);
  if (!code || (reach !== 'everywhere' && !hasTipRole([...reach]))) return null;
  if (reach === 'everywhere') return tx.tip.findFirst({ where: { code } });
  // The areas first, then one lookup by code within them: an unknown code and a tip of another area then cost
  // the same (a join on the area, evaluated only for a code that exists, made the latter measurably slower).
  const areas = await tipAreaCodes(tx, [...reach]);
  return tx.tip.findFirst({ where: { code, areaCode: { in: areas } } });
}

/** The areas whose tips these grants reach: the held areas and the communes under them (tips sit at commune level). */
async function tipAreaCodes(tx: Tx, grants: StaffGrant[]): Promise<string[]> {
  const held = grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  const below = await tx.area.findMany({ where: { parentCode: { in: held } }, select: { code: true } });
  return [...held, ...below.map((a) => a.code)];
}

/** `area` and the communes under it, as far as `reached` goes: an area outside it narrows to nothing. */
async function areasWithin(tx: Tx, reached: readonly string[] | 'everywhere', area: string): Promise<string[]> {
  const under = await tx.area.findMany({
    where: { OR: [{ code: area }, { parentCode: area }] },
    select: { code: true },
  });
  return under.map((a) => a.code).filter((c) => reached === 'everywhere' || reached.includes(c));
}

/** The areas whose tips `reach` covers, as codes; 'everywhere' for the operator. */
export const reachedAreas = async (tx: Tx, reach: TipReach): Promise<readonly string[] | 'everywhere'> =>
  reach === 'everywhere' ? reach : tipAreaCodes(tx, [...reach]);

/** The areas an inbox may be narrowed to: those held and the communes under them; every province for the operator. */
export async function inboxAreas(tx: Tx, reach: TipReach) {
  const where =
    reach === 'everywhere' ? { level: 'province' as const } : { code: { in: await tipAreaCodes(tx, [...reach]) } };
  return tx.area.findMany({ where, select: { code: true, name: true }, orderBy: [{ level: 'asc' }, { name: 'asc' }] });
}

/** Tips of the holder's areas that no officer has opened yet ('new'), oldest first: what a newcomer should look at. */
export function waitingTips(tx: Tx, grants: readonly StaffGrant[], take = 10) {
  return tx.tip.findMany({
    where: { status: 'new', ...tipAreaFilter([...grants]) },
    orderBy: [{ urgent: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
    select: { code: true, category: true, urgent: true, createdAt: true },
    take,
  });
}
export type WaitingTip = Awaited<ReturnType<typeof waitingTips>>[number];

/**
 * Where no officer sees a commune's tips: the commune and its province have no
 * officer or admin and no linked station group (what areaOfficers finds).
 * A Prisma filter on tips, for counting them.
 */
export async function unroutedTipFilter(tx: Tx) {
  const [grants, stations] = await Promise.all([
    tx.staffGrant.findMany({ where: { role: { in: TIP_ROLES } }, select: { areaCode: true }, distinct: ['areaCode'] }),
    tx.stationChat.findMany({ select: { areaCode: true }, distinct: ['areaCode'] }),
  ]);
  const routed = [...grants, ...stations].map((r) => r.areaCode);
  return {
    areaCode: { notIn: routed },
    area: { OR: [{ parentCode: null }, { parentCode: { notIn: routed } }] },
  };
}

/** A page of the tips in the holder's areas with the given statuses: urgent first, then oldest first. */
export function listTips(
  tx: Tx,
  grants: readonly StaffGrant[],
  statuses: readonly TipStatus[],
  page: number,
  size: number,
) {
  return findTips(tx, grants, { statuses }, 'urgent', page, size);
}

/** What the console's inbox narrows tips to; each field left out narrows nothing. */
export interface TipFilter {
  statuses?: readonly TipStatus[];
  category?: TipCategory;
  urgent?: boolean;
  /** Filed at or after. */
  from?: Date;
  /** Filed before. */
  to?: Date;
  /** A code or the start of one ("AN-7K", "7k3"). */
  code?: string;
  /** One area within reach: its tips and those of the communes under it. */
  area?: string;
  /** Only tips with a shared point (the map). */
  located?: boolean;
}

/** urgent: urgent first, then oldest first (the chat inbox's order); newest / oldest: by filing time only. */
export type TipSort = 'urgent' | 'newest' | 'oldest';

const ORDER: Record<TipSort, Prisma.TipOrderByWithRelationInput[]> = {
  urgent: [{ urgent: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
  newest: [{ createdAt: 'desc' }, { id: 'desc' }],
  oldest: [{ createdAt: 'asc' }, { id: 'asc' }],
};

/** The Prisma filter for tips of these areas (or everywhere) that match `filter`. */
function tipWhere(areas: readonly string[] | 'everywhere', filter: TipFilter): Prisma.TipWhereInput {
  const code = filter.code?.trim() && tipCodeForm(filter.code);
  return {
    ...(areas !== 'everywhere' && { areaCode: { in: [...areas] } }),
    ...(filter.statuses && { status: { in: [...filter.statuses] } }),
    ...(filter.category && { category: filter.category }),
    ...(filter.urgent !== undefined && { urgent: filter.urgent }),
    ...((filter.from || filter.to) && { createdAt: { gte: filter.from, lt: filter.to } }),
    ...(code && { code: { startsWith: code } }),
    ...(filter.located && { locationEnc: { not: null } }),
  };
}

/**
 * A page of the tips within `reach` matching `filter`, in `sort` order (the chat inbox, the staff API and the
 * console alike); a page past the last gives the last.
 */
export async function findTips(tx: Tx, reach: TipReach, filter: TipFilter, sort: TipSort, page: number, size: number) {
  // The areas as codes first: `areaCode IN (...)` walks the inbox index, where a join on the area's parent scanned
  // every tip (bench:console, 10,000 tips in a commune).
  const reached = reach === 'everywhere' ? reach : await tipAreaCodes(tx, [...reach]);
  const where = tipWhere(filter.area ? await areasWithin(tx, reached, filter.area) : reached, filter);
  const total = await tx.tip.count({ where });
  const pages = Math.max(1, Math.ceil(total / size));
  const current = Math.min(pages, Math.max(1, page));
  const tips = await tx.tip.findMany({
    where,
    orderBy: ORDER[sort],
    skip: (current - 1) * size,
    take: size,
    include: { area: { select: { name: true } } },
  });
  return { total, pages, page: current, tips };
}
