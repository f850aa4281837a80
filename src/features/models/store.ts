import { guardedCount } from '../../core/disclosure.ts';
import type { Tx } from '../../core/tx.ts';
import type {
  JoinPolicy,
  LocalModel,
  Membership,
  MembershipStatus,
  ModelKind,
  StaffGrant,
} from '../../generated/prisma/client.ts';
import { parseRowId } from '../../core/menu.ts';
import { lineage, TIP_ROLES } from '../staff/grants.ts';
import { randomCode } from '../staff/invites.ts';

export const MODEL_KINDS: ModelKind[] = ['camera', 'team', 'religious', 'club', 'other'];
export const MODEL_NAME = { min: 3, max: 100 };
export const MODEL_DESCRIPTION_MAX = 1000;

const CODE = /^MH-[2-9A-HJKMNP-Z]{6}$/;

/** "mh-7k3q9p", "MH 7K3Q9P", "MH7K3Q9P" and "7K3Q9P" all mean MH-7K3Q9P; anything else is not a code. */
export function normalizeJoinCode(text: string): string | undefined {
  const raw = text.trim().toUpperCase().replace(/\s+/g, '');
  const code = raw.startsWith('MH') ? `MH-${raw.slice(2).replace(/^-/, '')}` : `MH-${raw}`;
  return CODE.test(code) ? code : undefined;
}

async function newJoinCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = `MH-${randomCode(6)}`;
    if (!(await tx.localModel.findUnique({ where: { joinCode: code }, select: { id: true } }))) return code;
  }
}

export interface NewModel {
  areaCode: string;
  name: string;
  kind: ModelKind;
  description: string;
  joinPolicy: JoinPolicy;
  /** A staff user's id; null for the CLI. */
  createdById: string | null;
}

/** The model a choice or command names, if any. */
export async function findModel(tx: Tx, raw: string | number | undefined): Promise<LocalModel | null> {
  const id = parseRowId(raw);
  return id ? tx.localModel.findUnique({ where: { id } }) : null;
}

export async function createModel(tx: Tx, input: NewModel): Promise<LocalModel> {
  return tx.localModel.create({ data: { ...input, joinCode: await newJoinCode(tx) } });
}

/** Whether a person may manage a model: an officer or admin over its area. */
export async function staffOfModel(tx: Tx, grants: StaffGrant[], model: LocalModel): Promise<boolean> {
  const held = grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  if (!held.length) return false;
  return (await lineage(tx, model.areaCode)).some((code) => held.includes(code));
}

/** Officers and admins over an area (its own, or else those of the province): who decides for a model without a leader. */
export async function officersOver(tx: Tx, areaCode: string): Promise<string[]> {
  for (const code of await lineage(tx, areaCode)) {
    const grants = await tx.staffGrant.findMany({
      where: { areaCode: code, role: { in: TIP_ROLES } },
      select: { userId: true },
      distinct: ['userId'],
    });
    if (grants.length) return grants.map((g) => g.userId);
  }
  return [];
}

/** Active models a resident of `areaCode` can join: of their commune, its hamlets, or (from a hamlet) its commune. */
export async function modelsNear(tx: Tx, areaCode: string): Promise<LocalModel[]> {
  const up = await lineage(tx, areaCode);
  const commune = (await tx.area.findMany({ where: { code: { in: up }, level: 'commune' } }))[0]?.code ?? areaCode;
  return tx.localModel.findMany({
    where: { retiredAt: null, OR: [{ areaCode: commune }, { area: { parentCode: commune } }] },
    orderBy: [{ name: 'asc' }],
    take: 30,
  });
}

export type JoinOutcome = 'joined' | 'requested' | 'already-member' | 'already-pending' | 'retired';

/** Joins an open model at once, or asks the leader of an approval model. One row per person and model. */
export async function requestJoin(
  tx: Tx,
  model: LocalModel,
  userId: string,
  showName: boolean,
): Promise<{ outcome: JoinOutcome; membership?: Membership }> {
  if (model.retiredAt) return { outcome: 'retired' };
  const current = await tx.membership.findUnique({ where: { modelId_userId: { modelId: model.id, userId } } });
  if (current?.status === 'active') return { outcome: 'already-member', membership: current };
  if (current?.status === 'pending') return { outcome: 'already-pending', membership: current };
  const status: MembershipStatus = model.joinPolicy === 'open' ? 'active' : 'pending';
  const now = new Date();
  const membership = await tx.membership.upsert({
    where: { modelId_userId: { modelId: model.id, userId } },
    create: { modelId: model.id, userId, status, showName, ...(status === 'active' && { decidedAt: now }) },
    update: { status, showName, requestedAt: now, decidedAt: status === 'active' ? now : null },
  });
  if (status === 'active') await tx.modelEvent.create({ data: { modelId: model.id, kind: 'join' } });
  return { outcome: status === 'active' ? 'joined' : 'requested', membership };
}

/** Approves or declines a pending request, once (two leaders pressing together decide once). */
export async function decideRequest(tx: Tx, membershipId: number, approve: boolean): Promise<Membership | null> {
  const moved = await tx.membership.updateMany({
    where: { id: membershipId, status: 'pending' },
    data: { status: approve ? 'active' : 'declined', decidedAt: new Date() },
  });
  if (!moved.count) return null;
  const membership = await tx.membership.findUniqueOrThrow({ where: { id: membershipId } });
  if (approve) await tx.modelEvent.create({ data: { modelId: membership.modelId, kind: 'join' } });
  return membership;
}

/** Leaves a model (or withdraws a pending request); returns false when there was nothing to leave. */
export async function leaveModel(tx: Tx, modelId: number, userId: string): Promise<boolean> {
  const current = await tx.membership.findUnique({ where: { modelId_userId: { modelId, userId } } });
  if (!current || (current.status !== 'active' && current.status !== 'pending')) return false;
  await tx.membership.update({ where: { id: current.id }, data: { status: 'left', decidedAt: new Date() } });
  if (current.status === 'active') await tx.modelEvent.create({ data: { modelId, kind: 'leave' } });
  return true;
}

export interface ModelReview {
  model: LocalModel;
  members: number;
  pending: number;
  joins: number;
  leaves: number;
  notices: number;
  tips: number;
}

/** A review's figures as they may be shown: members' tips only as "< 5" when few (see reviewModels). */
export const shownReview = ({ members, pending, joins, leaves, notices, tips }: ModelReview) => ({
  members,
  pending,
  joins,
  leaves,
  notices,
  // A model's members are few: a small count of their tips could point at one of them.
  tips: guardedCount(tips),
});

/** Days the periodic review ("sơ kết, tổng kết") looks back. */
export const REVIEW_DAYS = 90;

/**
 * Per model: active members and pending requests now; joins, leaves, notices
 * sent and tips filed by current members in the last REVIEW_DAYS days.
 */
export async function reviewModels(tx: Tx, models: LocalModel[], now = new Date()): Promise<ModelReview[]> {
  if (!models.length) return [];
  const ids = models.map((m) => m.id);
  const since = new Date(now.getTime() - REVIEW_DAYS * 86_400_000);
  // Sequential: `tx` may be a transaction, which runs one query at a time.
  const memberships = await tx.membership.groupBy({
    by: ['modelId', 'status'],
    where: { modelId: { in: ids } },
    _count: { _all: true },
  });
  const events = await tx.modelEvent.groupBy({
    by: ['modelId', 'kind'],
    where: { modelId: { in: ids }, at: { gte: since } },
    _count: { _all: true },
  });
  const notices = await tx.broadcast.groupBy({
    by: ['modelId'],
    where: { modelId: { in: ids }, status: { notIn: ['draft', 'cancelled'] }, createdAt: { gte: since } },
    _count: { _all: true },
  });
  const tips = await tx.$queryRaw<Array<{ modelId: number; n: bigint }>>`
    SELECT m."modelId", count(t.id) AS n FROM "Membership" m
    JOIN "Tip" t ON t."reporterId" = m."userId" AND t."createdAt" >= ${since}
    WHERE m."modelId" = ANY(${ids}::int[]) AND m.status = 'active'
    GROUP BY m."modelId"`;
  const count = <R extends { modelId: number | null; _count: { _all: number } }>(
    rows: R[],
    id: number,
    pick: (r: R) => boolean = () => true,
  ) => rows.filter((r) => r.modelId === id && pick(r)).reduce((n, r) => n + r._count._all, 0);
  return models.map((model) => ({
    model,
    members: count(memberships, model.id, (r) => r.status === 'active'),
    pending: count(memberships, model.id, (r) => r.status === 'pending'),
    joins: count(events, model.id, (r) => r.kind === 'join'),
    leaves: count(events, model.id, (r) => r.kind === 'leave'),
    notices: count(notices, model.id),
    tips: Number(tips.find((t) => t.modelId === model.id)?.n ?? 0),
  }));
}

/** How many models a review lists at most. */
export const REVIEW_MAX = 50;

/** Models one may review: those of the areas one holds an officer or admin role over (and their communes). */
export function modelsOfGrants(tx: Tx, grants: StaffGrant[], includeRetired = true): Promise<LocalModel[]> {
  const held = grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  return tx.localModel.findMany({
    where: {
      ...(!includeRetired && { retiredAt: null }),
      OR: [
        { areaCode: { in: held } },
        { area: { parentCode: { in: held } } },
        { area: { parent: { parentCode: { in: held } } } },
      ],
    },
    orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take: REVIEW_MAX,
  });
}
