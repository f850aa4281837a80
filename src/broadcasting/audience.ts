import { z } from 'zod';
import { platformSchema, type Platform } from '../core/messages.ts';
import type { Tx } from '../core/tx.ts';
import { Prisma, type BroadcastTopic } from '../generated/prisma/client.ts';
import { LOCALES } from '../i18n/index.ts';

const filters = {
  platforms: z.array(platformSchema).min(1).optional(),
  locales: z.array(z.enum(LOCALES)).min(1).optional(),
};

/**
 * Who a broadcast is for: residents of an area (and everything under it), the
 * active members of a model, the people who answered "going" to a festival (with
 * `reached`, also everyone a message of that festival was sent to), or all
 * residents; each filtered by platform and language.
 */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), areaCode: z.string().min(1), ...filters }),
  z.object({ kind: z.literal('model'), modelId: z.number().int().positive(), ...filters }),
  z.object({
    kind: z.literal('festival'),
    festivalId: z.number().int().positive(),
    reached: z.boolean().optional(),
    ...filters,
  }),
  z.object({ kind: z.literal('all'), ...filters }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** The resident's setting each topic obeys ("which notices to receive"). */
const topicSetting: Record<BroadcastTopic, Prisma.Sql> = {
  general: Prisma.sql`u."noticeGeneral"`,
  festival: Prisma.sql`u."noticeFestival"`,
  models: Prisma.sql`u."noticeModels"`,
};

/**
 * Conditions on `"Identity" i JOIN "User" u` for the accounts a broadcast may
 * reach now: in the audience, not stopped (/stop), not blocked, wanting the topic.
 * Erased people have no rows left to match.
 */
export function recipientFilter(audience: Audience, topic: BroadcastTopic): Prisma.Sql {
  const parts = [Prisma.sql`u."optedOutAt" IS NULL`, Prisma.sql`i."blockedAt" IS NULL`, topicSetting[topic]];
  if (audience.kind === 'area') {
    const code = audience.areaCode;
    // Areas are at most three levels deep: province → commune → hamlet.
    parts.push(Prisma.sql`u."areaCode" IN (
      SELECT a.code FROM "Area" a WHERE a.code = ${code} OR a."parentCode" = ${code}
        OR a."parentCode" IN (SELECT c.code FROM "Area" c WHERE c."parentCode" = ${code}))`);
  }
  if (audience.kind === 'model')
    parts.push(Prisma.sql`u.id IN (SELECT m."userId" FROM "Membership" m
      WHERE m."modelId" = ${audience.modelId} AND m.status = 'active')`);
  if (audience.kind === 'festival') {
    const going = Prisma.sql`u.id IN (SELECT r."userId" FROM "Rsvp" r
      WHERE r."festivalId" = ${audience.festivalId} AND r.going)`;
    // A change of plan goes to everyone the announcement reached, not only those who answered.
    const reached = Prisma.sql`i.id IN (SELECT d."identityId" FROM "Delivery" d
      JOIN "Broadcast" b ON b.id = d."broadcastId" WHERE b."festivalId" = ${audience.festivalId} AND d.status = 'sent')`;
    parts.push(audience.reached ? Prisma.sql`(${going} OR ${reached})` : going);
  }
  if (audience.platforms) parts.push(Prisma.sql`i.platform::text IN (${Prisma.join(audience.platforms)})`);
  if (audience.locales) parts.push(Prisma.sql`u.locale IN (${Prisma.join(audience.locales)})`);
  return Prisma.join(parts, ' AND ');
}

export type AudienceCount = Record<Platform, number> & { total: number };

/** How many accounts the broadcast would reach now, by platform (for the preview). */
export async function countAudience(tx: Tx, audience: Audience, topic: BroadcastTopic): Promise<AudienceCount> {
  const rows = await tx.$queryRaw<Array<{ platform: Platform; n: bigint }>>`
    SELECT i.platform, count(*) AS n FROM "Identity" i JOIN "User" u ON u.id = i."userId"
    WHERE ${recipientFilter(audience, topic)} GROUP BY i.platform`;
  const by = Object.fromEntries(platformSchema.options.map((p) => [p, 0])) as Record<Platform, number>;
  for (const r of rows) by[r.platform] = Number(r.n);
  return { ...by, total: Object.values(by).reduce((a, n) => a + n, 0) };
}
