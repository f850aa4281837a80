import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { VIETNAM_OFFSET_MS } from '../../core/format.ts';
import { PLATFORM_NAMES, platformSchema } from '../../core/messages.ts';
import { actorId, type Actor } from '../../core/scope.ts';
import type { Db } from '../../db/client.ts';
import { mayReadStatistics, statisticsAreasOf } from '../../features/stats/access.ts';
import { disclosedStatistics, reportTables } from '../../features/stats/report.ts';
import { areaStatistics, type Period } from '../../features/stats/statistics.ts';
import { audit } from '../../features/staff/audit.ts';
import { CONSOLE_PATH } from '../../features/console/links.ts';
import { sessionOfRequest } from './session.ts';
import { areaCodeParam, dayParam, vietnamDayStart } from './params.ts';
import { badRequest } from './use-case.ts';

const DAY_MS = 86_400_000;
/** A review covers a year at most (two half-years, or a year's summary). */
const MAX_DAYS = 366;

/** The area and the period, days in Vietnam, both ends included; left out: the first area, this half-year. */
const periodQuery = z
  .object({
    area: areaCodeParam.optional(),
    from: dayParam.optional(),
    to: dayParam.optional(),
  })
  .refine((q) => !q.from === !q.to, { message: 'from and to go together', path: ['to'] });

const dayOf = (instant: Date) => new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/** The half-year (January–June or July–December, Vietnam time) that `now` falls in. */
function currentHalfYear(now: Date): { from: string; to: string } {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  return local.getUTCMonth() < 6
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

const placeOf = (area: { name: string; parent: { name: string } | null }) =>
  area.parent ? `${area.name}, ${area.parent.name}` : area.name;

type Asked =
  | { ok: true; area: { code: string; name: string }; days: { from: string; to: string }; period: Period }
  | { ok: false; status: 400 | 404; error: string | z.ZodError };

/** The area (within the actor's) and the period a request asks for. */
async function askedFor(db: Db, actor: Actor, query: unknown): Promise<Asked> {
  const q = periodQuery.safeParse(query);
  if (!q.success) return { ok: false, status: 400, error: q.error };
  const days = q.data.from && q.data.to ? { from: q.data.from, to: q.data.to } : currentHalfYear(new Date());
  const period = { from: vietnamDayStart(days.from), to: new Date(vietnamDayStart(days.to).getTime() + DAY_MS) };
  const length = (period.to.getTime() - period.from.getTime()) / DAY_MS;
  if (length < 1 || length > MAX_DAYS) return { ok: false, status: 400, error: `to: 1 to ${MAX_DAYS} days from from` };
  const code = q.data.area ?? (await statisticsAreasOf(db, actor))[0]?.code;
  if (!code || !(await mayReadStatistics(db, actor, code)))
    return { ok: false, status: 404, error: 'no such area of yours' };
  const area = await db.area.findUniqueOrThrow({
    where: { code },
    select: { code: true, name: true, parent: { select: { name: true } } },
  });
  return { ok: true, area: { code, name: placeOf(area) }, days, period };
}

/**
 * The statistics section's API: an area's figures over a period (the same `areaStatistics` as chat's `/stats`),
 * and the periodic review report's tables. Areas outside the actor's answer 404, as unknown ones do.
 */
export function registerConsoleStats(api: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const asked = async (req: FastifyRequest) => {
    const { actor } = sessionOfRequest(req);
    return { actor, found: await askedFor(db, actor, req.query) };
  };
  const refuse = (reply: FastifyReply, { status, error }: Extract<Asked, { ok: false }>) =>
    typeof error === 'string' ? reply.code(status).send({ error }) : badRequest(reply, error);
  const auditView = (actor: Actor, action: string, area: string, days: { from: string; to: string }) =>
    audit(db, {
      actorId: actorId(actor),
      action,
      entity: 'Area',
      entityId: area,
      details: { areaCode: area, ...days },
    });

  api.get(`${CONSOLE_PATH}/api/stats`, async (req, reply) => {
    const { actor, found } = await asked(req);
    if (!found.ok) return refuse(reply, found);
    const statistics = await areaStatistics(db, found.area.code, found.period);
    const areas = await statisticsAreasOf(db, actor);
    await auditView(actor, 'console.stats.view', found.area.code, found.days);
    reply.header('cache-control', 'no-store');
    return {
      area: found.area,
      ...found.days,
      areas: areas.map((a) => ({ code: a.code, name: placeOf(a) })),
      statistics: disclosedStatistics(statistics),
      /** Residents by messenger, named as people name them. */
      platforms: platformSchema.options
        .filter((p) => statistics.residents.byPlatform[p])
        .map((p) => ({ name: PLATFORM_NAMES[p], count: statistics.residents.byPlatform[p]! })),
    };
  });

  api.get(`${CONSOLE_PATH}/api/stats/report`, async (req, reply) => {
    const { actor, found } = await asked(req);
    if (!found.ok) return refuse(reply, found);
    const statistics = await areaStatistics(db, found.area.code, found.period);
    await auditView(actor, 'console.report.view', found.area.code, found.days);
    reply.header('cache-control', 'no-store');
    return { area: found.area, ...found.days, madeOn: dayOf(new Date()), tables: reportTables(statistics) };
  });
}
