import { VIETNAM_OFFSET_MS } from '../../core/format.ts';
import type { Tx } from '../../core/tx.ts';
import type { Platform } from '../../core/messages.ts';
import { Prisma, type TipCategory, type TipStatus } from '../../generated/prisma/client.ts';

/** A period of the movement's statistics: from (inclusive) to (exclusive). */
export interface Period {
  from: Date;
  to: Date;
}

/** The chart's step: a week (from Monday) for a period up to a quarter, a month beyond. */
export type TimeUnit = 'week' | 'month';

/** Tips filed in one week or month (Vietnam time) of the period. */
export interface TipBucket {
  /** The bucket's first day, YYYY-MM-DD in Vietnam (may fall before the period's start). */
  start: string;
  byCategory: Partial<Record<TipCategory, number>>;
}

/** A model's part in the review: members now, joins and leaves and its members' tips in the period. */
export interface ModelFigures {
  id: number;
  name: string;
  retired: boolean;
  members: number;
  joined: number;
  left: number;
  /** Tips filed in the period by its current members: few people, so shown only as a guarded count. */
  memberTips: number;
}

/** What an area did in a period; the same figures feed `/stats` and the console's review report. */
export interface AreaStatistics {
  tips: {
    received: number;
    urgent: number;
    /** Closed in any way: resolved, rejected or duplicate. */
    handled: number;
    byStatus: Record<TipStatus, number>;
    byCategory: Partial<Record<TipCategory, number>>;
    /** Of each category's tips, those handled (closed in any way). */
    handledByCategory: Partial<Record<TipCategory, number>>;
    /** Median seconds from filing to an officer's first step, over the period's tips that had one. */
    medianAcknowledgeSeconds: number | null;
    /** Median seconds from filing to "resolved", over the period's resolved tips. */
    medianResolveSeconds: number | null;
    overTime: { unit: TimeUnit; buckets: TipBucket[] };
  };
  /** Registered residents today, and their messenger accounts that have not blocked the bot. */
  residents: { people: number; byPlatform: Partial<Record<Platform, number>> };
  /**
   * Active models and their active members now; created and retired in the period; kept: active at its end and
   * created before it. Joins and leaves of members in the period.
   */
  models: {
    active: number;
    members: number;
    created: number;
    retired: number;
    kept: number;
    joined: number;
    left: number;
    list: ModelFigures[];
  };
  /** Festivals held (not cancelled) in the period, their answers ("going" is the attendance), commendations. */
  festivals: { held: number; going: number; answers: number; commendations: number; commended: number };
  /** Broadcasts started in the period: how many people they were for, and how many they reached. */
  broadcasts: { sent: number; recipients: number; reached: number };
}

const STATUSES: TipStatus[] = ['new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'];
const HANDLED: TipStatus[] = ['resolved', 'rejected', 'duplicate'];

const DAY_MS = 86_400_000;
/** Longer than this, a period's chart goes by month. */
const WEEKS_UP_TO_DAYS = 92;

export const timeUnitOf = ({ from, to }: Period): TimeUnit =>
  to.getTime() - from.getTime() > WEEKS_UP_TO_DAYS * DAY_MS ? 'month' : 'week';

/** The first day (Vietnam time) of every week or month that a period touches. */
export function bucketStarts({ from, to }: Period, unit: TimeUnit): string[] {
  const local = new Date(from.getTime() + VIETNAM_OFFSET_MS);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
  if (unit === 'month') day.setUTCDate(1);
  else day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  const end = to.getTime() + VIETNAM_OFFSET_MS;
  const starts: string[] = [];
  while (day.getTime() < end) {
    starts.push(day.toISOString().slice(0, 10));
    if (unit === 'month') day.setUTCMonth(day.getUTCMonth() + 1);
    else day.setUTCDate(day.getUTCDate() + 7);
  }
  return starts;
}

/** The area and every area under it (a province's communes, a commune's hamlets). */
const subtree = (areaCode: string) => Prisma.sql`
  WITH RECURSIVE sub AS (
    SELECT code FROM "Area" WHERE code = ${areaCode}
    UNION ALL SELECT a.code FROM "Area" a JOIN sub ON a."parentCode" = sub.code
  )`;

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** The statistics of an area and everything under it, over a period (residents and members as they are now). */
export async function areaStatistics(tx: Tx, areaCode: string, period: Period): Promise<AreaStatistics> {
  const { from, to } = period;
  const sub = subtree(areaCode);
  const tipRows = await tx.$queryRaw<Array<{ status: TipStatus; category: TipCategory; n: bigint; urgent: bigint }>>`
    ${sub}
    SELECT status, category, count(*) AS n, count(*) FILTER (WHERE urgent) AS urgent
    FROM "Tip" WHERE "areaCode" IN (SELECT code FROM sub) AND "createdAt" >= ${from} AND "createdAt" < ${to}
    GROUP BY status, category`;
  // An officer's first step (any event but the filing and the reporter's own) and the first "resolved".
  const [times] = await tx.$queryRaw<Array<{ ack: number | null; resolve: number | null }>>`
    ${sub},
    firsts AS (
      SELECT t."createdAt" AS filed,
             min(e.at) FILTER (WHERE e.status <> 'new' AND NOT e."byReporter") AS acked,
             min(e.at) FILTER (WHERE e.status = 'resolved') AS resolved
      FROM "Tip" t JOIN "TipEvent" e ON e."tipId" = t.id
      WHERE t."areaCode" IN (SELECT code FROM sub) AND t."createdAt" >= ${from} AND t."createdAt" < ${to}
      GROUP BY t.id, t."createdAt"
    )
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM acked - filed))
             FILTER (WHERE acked IS NOT NULL) AS ack,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved - filed))
             FILTER (WHERE resolved IS NOT NULL) AS resolve
    FROM firsts`;
  const residentRows = await tx.$queryRaw<Array<{ platform: Platform | null; n: bigint }>>`
    ${sub}
    SELECT i.platform, count(*) AS n
    FROM "User" u JOIN "Identity" i ON i."userId" = u.id AND i."blockedAt" IS NULL
    WHERE u."areaCode" IN (SELECT code FROM sub)
    GROUP BY i.platform`;
  const [people] = await tx.$queryRaw<Array<{ n: bigint }>>`
    ${sub} SELECT count(*) AS n FROM "User" WHERE "areaCode" IN (SELECT code FROM sub)`;
  const unit = timeUnitOf(period);
  // The week or month of each tip, on Vietnam's calendar (timestamps are stored in UTC).
  const timeRows = await tx.$queryRaw<Array<{ start: string; category: TipCategory; n: bigint }>>`
    ${sub}
    SELECT to_char(date_trunc(${unit}, "createdAt" + interval '7 hours'), 'YYYY-MM-DD') AS start, category,
           count(*) AS n
    FROM "Tip" WHERE "areaCode" IN (SELECT code FROM sub) AND "createdAt" >= ${from} AND "createdAt" < ${to}
    GROUP BY 1, 2`;
  const [models] = await tx.$queryRaw<
    Array<{ active: bigint; members: bigint; created: bigint; retired: bigint; kept: bigint }>
  >`
    ${sub}
    SELECT count(*) FILTER (WHERE m."retiredAt" IS NULL) AS active,
           coalesce(sum(ms.n) FILTER (WHERE m."retiredAt" IS NULL), 0) AS members,
           count(*) FILTER (WHERE m."createdAt" >= ${from} AND m."createdAt" < ${to}) AS created,
           count(*) FILTER (WHERE m."retiredAt" >= ${from} AND m."retiredAt" < ${to}) AS retired,
           count(*) FILTER (WHERE m."createdAt" < ${from} AND (m."retiredAt" IS NULL OR m."retiredAt" >= ${to})) AS kept
    FROM "LocalModel" m
    LEFT JOIN (SELECT "modelId", count(*) AS n FROM "Membership" WHERE status = 'active' GROUP BY "modelId") ms
      ON ms."modelId" = m.id
    WHERE m."areaCode" IN (SELECT code FROM sub)`;
  // Per model that existed in the period (joins and leaves happen only then): members now, joins and leaves, and the
  // tips its current members filed in the period.
  const modelRows = await tx.$queryRaw<
    Array<{ id: number; name: string; retired: boolean; members: bigint; joined: bigint; left: bigint; tips: bigint }>
  >`
    ${sub}
    SELECT m.id, m.name, m."retiredAt" IS NOT NULL AS retired,
      (SELECT count(*) FROM "Membership" ms WHERE ms."modelId" = m.id AND ms.status = 'active') AS members,
      (SELECT count(*) FROM "ModelEvent" e WHERE e."modelId" = m.id AND e.kind = 'join' AND e.at >= ${from} AND e.at < ${to}) AS joined,
      (SELECT count(*) FROM "ModelEvent" e WHERE e."modelId" = m.id AND e.kind = 'leave' AND e.at >= ${from} AND e.at < ${to}) AS left,
      (SELECT count(*) FROM "Membership" ms JOIN "Tip" t ON t."reporterId" = ms."userId"
        WHERE ms."modelId" = m.id AND ms.status = 'active' AND t."createdAt" >= ${from} AND t."createdAt" < ${to}) AS tips
    FROM "LocalModel" m
    WHERE m."areaCode" IN (SELECT code FROM sub) AND m."createdAt" < ${to}
      AND (m."retiredAt" IS NULL OR m."retiredAt" >= ${from})
    ORDER BY m."retiredAt" IS NOT NULL, m.name, m.id`;
  const [festivals] = await tx.$queryRaw<Array<{ held: bigint; going: bigint; answers: bigint }>>`
    ${sub}
    SELECT count(DISTINCT f.id) AS held, count(r."userId") FILTER (WHERE r.going) AS going, count(r."userId") AS answers
    FROM "Festival" f LEFT JOIN "Rsvp" r ON r."festivalId" = f.id
    WHERE f."areaCode" IN (SELECT code FROM sub) AND f.status = 'scheduled'
      AND f."startsAt" >= ${from} AND f."startsAt" < ${to}`;
  const [commendations] = await tx.$queryRaw<Array<{ n: bigint; names: bigint }>>`
    ${sub}
    SELECT count(*) AS n, coalesce(sum(cardinality(c.names)), 0) AS names
    FROM "Commendation" c JOIN "Festival" f ON f.id = c."festivalId"
    WHERE f."areaCode" IN (SELECT code FROM sub) AND c."createdAt" >= ${from} AND c."createdAt" < ${to}`;
  const [broadcasts] = await tx.$queryRaw<Array<{ sent: bigint; recipients: bigint; reached: bigint }>>`
    ${sub}
    SELECT count(*) AS sent, coalesce(sum(b."recipientCount"), 0) AS recipients,
           coalesce(sum((SELECT count(*) FROM "Delivery" d WHERE d."broadcastId" = b.id AND d.status = 'sent')), 0)
             AS reached
    FROM "Broadcast" b
    WHERE b."areaCode" IN (SELECT code FROM sub) AND b."startedAt" >= ${from} AND b."startedAt" < ${to}`;
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TipStatus, number>;
  const byCategory: Partial<Record<TipCategory, number>> = {};
  const handledByCategory: Partial<Record<TipCategory, number>> = {};
  let received = 0;
  let urgent = 0;
  for (const row of tipRows) {
    const n = num(row.n);
    byStatus[row.status] += n;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + n;
    if (HANDLED.includes(row.status)) handledByCategory[row.category] = (handledByCategory[row.category] ?? 0) + n;
    received += n;
    urgent += num(row.urgent);
  }
  const buckets: TipBucket[] = bucketStarts(period, unit).map((start) => ({ start, byCategory: {} }));
  for (const row of timeRows) {
    const bucket = buckets.find((b) => b.start === row.start);
    if (bucket) bucket.byCategory[row.category] = num(row.n);
  }
  const byPlatform: Partial<Record<Platform, number>> = {};
  for (const row of residentRows) if (row.platform) byPlatform[row.platform] = num(row.n);
  return {
    tips: {
      received,
      urgent,
      handled: HANDLED.reduce((n, s) => n + byStatus[s], 0),
      byStatus,
      byCategory,
      handledByCategory,
      medianAcknowledgeSeconds: times?.ack ?? null,
      medianResolveSeconds: times?.resolve ?? null,
      overTime: { unit, buckets },
    },
    residents: { people: num(people?.n), byPlatform },
    models: {
      active: num(models?.active),
      members: num(models?.members),
      created: num(models?.created),
      retired: num(models?.retired),
      kept: num(models?.kept),
      joined: modelRows.reduce((n, m) => n + num(m.joined), 0),
      left: modelRows.reduce((n, m) => n + num(m.left), 0),
      list: modelRows.map((m) => ({
        id: m.id,
        name: m.name,
        retired: m.retired,
        members: num(m.members),
        joined: num(m.joined),
        left: num(m.left),
        memberTips: num(m.tips),
      })),
    },
    festivals: {
      held: num(festivals?.held),
      going: num(festivals?.going),
      answers: num(festivals?.answers),
      commendations: num(commendations?.n),
      commended: num(commendations?.names),
    },
    broadcasts: {
      sent: num(broadcasts?.sent),
      recipients: num(broadcasts?.recipients),
      reached: num(broadcasts?.reached),
    },
  };
}
