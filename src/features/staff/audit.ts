import { Prisma } from '../../generated/prisma/client.ts';
import type { Tx } from '../../core/tx.ts';

export interface AuditEntry {
  /** The staff user's id; null for the operator's CLI. */
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string;
  details?: Prisma.InputJsonValue;
}

/** Records a staff action in the transaction that performs it: no action without its record. */
export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}

export interface AuditFilter {
  /** Entries about this area or anything under it (commune, hamlet). */
  areaCode?: string;
  /** Entries by this user, about them, or about a role they hold. */
  userId?: string;
  /** Actions starting with this ("tip." or "invite"). */
  actionPrefix?: string;
  /** Entries about any of these areas or anything under them (an admin's areas); undefined: no such limit. */
  within?: string[];
  /** Entries by these users (null: the operator). */
  actorIds?: (string | null)[];
  /** From this moment on, and before that one. */
  from?: Date;
  to?: Date;
  /** The next page: entries older than this id. */
  beforeId?: bigint;
  limit: number;
}

export interface AuditRow {
  id: bigint;
  at: Date;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details: Prisma.JsonValue;
  /** The area the entry concerns, where one is known. */
  areaCode: string | null;
}

/**
 * The latest audit entries, newest first. An entry's area is the one its details
 * name, or that of the tip, model, festival, broadcast, grant or station group it is about. The rows
 * hold ids, codes and areas only: what is audited never carries personal data.
 */
export function auditEntries(tx: Tx, filter: AuditFilter): Promise<AuditRow[]> {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.actionPrefix) where.push(Prisma.sql`starts_with(a.action, ${filter.actionPrefix})`);
  // By them, about them, or about one of their roles.
  if (filter.userId)
    where.push(
      Prisma.sql`(a."actorId" = ${filter.userId} OR a."entityId" = ${filter.userId} OR g."userId" = ${filter.userId})`,
    );
  if (filter.areaCode)
    where.push(Prisma.sql`x."areaCode" IN (
      SELECT code FROM "Area" WHERE code = ${filter.areaCode} OR "parentCode" = ${filter.areaCode}
        OR "parentCode" IN (SELECT code FROM "Area" WHERE "parentCode" = ${filter.areaCode}))`);
  if (filter.within)
    where.push(Prisma.sql`x."areaCode" IN (
      SELECT code FROM "Area" WHERE code = ANY(${filter.within}) OR "parentCode" = ANY(${filter.within})
        OR "parentCode" IN (SELECT code FROM "Area" WHERE "parentCode" = ANY(${filter.within})))`);
  if (filter.actorIds) {
    const ids = filter.actorIds.filter((id) => id !== null);
    const operator = filter.actorIds.includes(null) ? Prisma.sql`a."actorId" IS NULL` : Prisma.sql`FALSE`;
    where.push(Prisma.sql`(a."actorId" = ANY(${ids}) OR ${operator})`);
  }
  if (filter.from) where.push(Prisma.sql`a.at >= ${filter.from}`);
  if (filter.to) where.push(Prisma.sql`a.at < ${filter.to}`);
  if (filter.beforeId !== undefined) where.push(Prisma.sql`a.id < ${filter.beforeId}`);
  return tx.$queryRaw<AuditRow[]>`
    SELECT a.id, a.at, a."actorId", a.action, a.entity, a."entityId", a.details, x."areaCode"
    FROM "AuditLog" a
    LEFT JOIN "Tip" t ON a.entity = 'Tip' AND t.id = a."entityId"
    LEFT JOIN "LocalModel" m ON m.id::text = CASE WHEN a.entity = 'LocalModel' THEN a."entityId" ELSE a.details->>'modelId' END
    LEFT JOIN "Festival" f ON a.entity = 'Festival' AND f.id::text = a."entityId"
    LEFT JOIN "Broadcast" b ON a.entity = 'Broadcast' AND b.id::text = a."entityId"
    LEFT JOIN "StaffGrant" g ON a.entity = 'StaffGrant' AND g.id = a."entityId"
    LEFT JOIN "StationChat" s ON a.entity = 'StationChat' AND s.id = a."entityId"
    CROSS JOIN LATERAL (
      SELECT COALESCE(
        a.details->>'areaCode', t."areaCode", m."areaCode", f."areaCode", b."areaCode", g."areaCode", s."areaCode"
      ) AS "areaCode"
    ) x
    WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY a.id DESC
    LIMIT ${filter.limit}`;
}
