import type { Tx } from '../../core/tx.ts';
import type { Platform } from '../../core/messages.ts';
import { Prisma, type TipCategory, type TipStatus } from '../../generated/prisma/client.ts';

/** A period of the movement's statistics: from (inclusive) to (exclusive). */
export interface Period {
  from: Date;
  to: Date;
}

/** What an area did in a period; the same figures feed `/stats` and the console's review report. */
export interface AreaStatistics {
  tips: {
    received: number;
    urgent: number;
    byStatus: Record<TipStatus, number>;
    byCategory: Partial<Record<TipCategory, number>>;
    /** Median seconds from filing to an officer's first step, over the period's tips that had one. */
    medianAcknowledgeSeconds: number | null;
    /** Median seconds from filing to "resolved", over the period's resolved tips. */
    medianResolveSeconds: number | null;
  };
  /** Registered residents today, and their messenger accounts that have not blocked the bot. */
  residents: { people: number; byPlatform: Partial<Record<Platform, number>> };
  models: { active: number; members: number };
  festivals: { held: number; going: number };
  broadcasts: { sent: number; reached: number };
}

const STATUSES: TipStatus[] = ['new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'];

/** The area and every area under it (a province's communes, a commune's hamlets). */
const subtree = (areaCode: string) => Prisma.sql`
  WITH RECURSIVE sub AS (
    SELECT code FROM "Area" WHERE code = ${areaCode}
    UNION ALL SELECT a.code FROM "Area" a JOIN sub ON a."parentCode" = sub.code
  )`;

const num = (v: bigint | number | null | undefined) => Number(v ?? 0);

/** The statistics of an area and everything under it, over a period (residents and models as they are now). */
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
  const [models] = await tx.$queryRaw<Array<{ active: bigint; members: bigint }>>`
    ${sub}
    SELECT count(DISTINCT m.id) AS active, count(ms.id) AS members
    FROM "LocalModel" m LEFT JOIN "Membership" ms ON ms."modelId" = m.id AND ms.status = 'active'
    WHERE m."areaCode" IN (SELECT code FROM sub) AND m."retiredAt" IS NULL`;
  const [festivals] = await tx.$queryRaw<Array<{ held: bigint; going: bigint }>>`
    ${sub}
    SELECT count(DISTINCT f.id) AS held, count(r."userId") FILTER (WHERE r.going) AS going
    FROM "Festival" f LEFT JOIN "Rsvp" r ON r."festivalId" = f.id
    WHERE f."areaCode" IN (SELECT code FROM sub) AND f.status = 'scheduled'
      AND f."startsAt" >= ${from} AND f."startsAt" < ${to}`;
  const [broadcasts] = await tx.$queryRaw<Array<{ sent: bigint; reached: bigint }>>`
    ${sub}
    SELECT count(DISTINCT b.id) AS sent, count(d.id) FILTER (WHERE d.status = 'sent') AS reached
    FROM "Broadcast" b LEFT JOIN "Delivery" d ON d."broadcastId" = b.id
    WHERE b."areaCode" IN (SELECT code FROM sub) AND b."startedAt" >= ${from} AND b."startedAt" < ${to}`;

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TipStatus, number>;
  const byCategory: Partial<Record<TipCategory, number>> = {};
  let received = 0;
  let urgent = 0;
  for (const row of tipRows) {
    const n = num(row.n);
    byStatus[row.status] += n;
    byCategory[row.category] = (byCategory[row.category] ?? 0) + n;
    received += n;
    urgent += num(row.urgent);
  }
  const byPlatform: Partial<Record<Platform, number>> = {};
  for (const row of residentRows) if (row.platform) byPlatform[row.platform] = num(row.n);
  return {
    tips: {
      received,
      urgent,
      byStatus,
      byCategory,
      medianAcknowledgeSeconds: times?.ack ?? null,
      medianResolveSeconds: times?.resolve ?? null,
    },
    residents: { people: num(people?.n), byPlatform },
    models: { active: num(models?.active), members: num(models?.members) },
    festivals: { held: num(festivals?.held), going: num(festivals?.going) },
    broadcasts: { sent: num(broadcasts?.sent), reached: num(broadcasts?.reached) },
  };
}
