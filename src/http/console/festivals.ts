import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorId, type Actor } from '../../core/scope.ts';
import type { Db } from '../../db/client.ts';
import { areaLabel } from '../../features/areas/search.ts';
import {
  cancel,
  commend,
  create,
  festivalWithin,
  mayManageArea,
  move,
  previewAnnouncement,
  previewChange,
  type ChangeAsked,
} from '../../features/festivals/actions.ts';
import { parseNames, rsvpCounts, rsvpCountsOf, type RsvpCounts } from '../../features/festivals/store.ts';
import { audit } from '../../features/staff/audit.ts';
import { TIP_ROLES, tipAreaFilter } from '../../features/staff/grants.ts';
import type { Festival, Prisma } from '../../generated/prisma/client.ts';
import { isLocale, type Locale } from '../../i18n/index.ts';
import { sessionOfRequest } from './session.ts';
import { badRequest, useCaseRunner, type UseCaseDeps } from './use-case.ts';

const BASE = '/console/api/festivals';

/** "2026-12-09T07:30": a day and a minute as the page's date and time fields give them, Vietnam time. */
const vietnamMinute = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
  .transform((s) => new Date(`${s}:00+07:00`))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a date and time');

const span = { startsAt: vietnamMinute, endsAt: vietnamMinute };

// Lengths and the span are the use case's to judge (its refusal is the answer); these only bound the request.
const festivalBody = z.object({
  areaCode: z.string().max(20),
  title: z.string().max(1000),
  venue: z.string().max(1000),
  programme: z.string().max(5000).default(''),
  remindTo: z.enum(['rsvp', 'area']).default('rsvp'),
  ...span,
});

const moveBody = z.object(span);
const commendBody = z.object({ names: z.string().max(20_000) });
const idParam = z.coerce.number().int().positive().max(2_147_483_647);

/** How many festivals of each kind the list shows. */
const LIST_MAX = 50;

/** The festivals an actor manages, as a Prisma filter: their areas and the communes under them, or all. */
const managedBy = (actor: Actor): Prisma.FestivalWhereInput =>
  actor.kind === 'operator' ? {} : tipAreaFilter(actor.person.grants);

/** A festival's id in the address that the actor may not manage (or that does not exist): its page is 404. */
export async function festivalHiddenFrom(db: Db, actor: Actor, rawId: string): Promise<boolean> {
  const id = idParam.safeParse(rawId);
  if (!id.success) return true;
  const festival = await db.festival.findUnique({ where: { id: id.data }, select: { areaCode: true } });
  return !festival || !(await mayManageArea(db, actor, festival.areaCode));
}

/** Where an officer may hold a festival: the areas of their officer and admin roles; the operator any province. */
async function creatableAreas(db: Db, actor: Actor): Promise<Array<{ code: string; name: string }>> {
  const where =
    actor.kind === 'operator'
      ? { level: 'province' as const }
      : { code: { in: actor.person.grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode) } };
  const areas = await db.area.findMany({ where, select: { code: true }, orderBy: { code: 'asc' } });
  const named = [];
  for (const a of areas) named.push({ code: a.code, name: await areaLabel(db, a.code) });
  return named;
}

/** Refusals by status: not the actor's (or no such festival) 404, a festival past changing 409, the rest 400. */
const refusalStatus = (reason: string) =>
  reason === 'fest-not-found' || reason === 'staff-only' ? 404 : reason === 'fest-not-now' ? 409 : 400;

const refused = (reply: FastifyReply, reason: string) => reply.code(refusalStatus(reason)).send({ error: reason });

const summary = (f: Festival & { area: { name: string } }, counts: RsvpCounts) => ({
  id: f.id,
  title: f.title,
  area: { code: f.areaCode, name: f.area.name },
  venue: f.venue,
  startsAt: f.startsAt.toISOString(),
  endsAt: f.endsAt.toISOString(),
  status: f.status,
  ...counts,
});

/**
 * The console's festival days, behind the session guard: the chat's use cases (create, move, cancel, commend,
 * and their previews) run as the session's actor, so an officer does here exactly what chat lets them, in their
 * areas only. A festival elsewhere answers 404, as an unknown one does.
 */
export function registerConsoleFestivals(api: FastifyInstance, deps: UseCaseDeps): void {
  const { db, i18n } = deps;
  const run = useCaseRunner(deps);
  const actorOf = (req: FastifyRequest) => sessionOfRequest(req).actor;
  /** The page's language for previews: the person's chat language, as chat shows them. */
  const localeOf = (actor: Actor): Locale =>
    actor.kind === 'person' && isLocale(actor.person.user.locale) ? actor.person.user.locale : i18n.defaultLocale;
  const auditView = (actor: Actor, action: string, entityId?: string) =>
    audit(db, { actorId: actorId(actor), action, entity: 'Festival', entityId });
  const festivalId = (req: FastifyRequest<{ Params: { id: string } }>) => idParam.safeParse(req.params.id);

  api.get(BASE, async (req, reply) => {
    const actor = actorOf(req);
    const now = new Date();
    const within = managedBy(actor);
    const include = { area: { select: { name: true } } };
    const upcoming = await db.festival.findMany({
      where: { ...within, endsAt: { gt: now } },
      include,
      orderBy: { startsAt: 'asc' },
      take: LIST_MAX,
    });
    const past = await db.festival.findMany({
      where: { ...within, endsAt: { lte: now } },
      include,
      orderBy: { startsAt: 'desc' },
      take: LIST_MAX,
    });
    const shown = [...upcoming, ...past];
    const counts = await rsvpCountsOf(
      db,
      shown.map((f) => f.id),
    );
    const festivals = shown.map((f) => summary(f, counts.get(f.id)!));
    await auditView(actor, 'console.festivals.list');
    reply.header('cache-control', 'no-store');
    return { festivals, areas: await creatableAreas(db, actor), leadTimes: deps.policy.FESTIVAL_REMINDERS };
  });

  api.get<{ Params: { id: string } }>(`${BASE}/:id`, async (req, reply) => {
    const id = festivalId(req);
    const actor = actorOf(req);
    const found = id.success ? await run((scope) => festivalWithin(scope, actor, id.data)) : undefined;
    if (!found?.ok) return refused(reply, 'fest-not-found');
    const f = found.festival;
    const area = await db.area.findUniqueOrThrow({ where: { code: f.areaCode }, select: { name: true } });
    const reminders = await db.festivalReminder.findMany({ where: { festivalId: f.id }, orderBy: { dueAt: 'asc' } });
    const commendations = await db.commendation.findMany({
      where: { festivalId: f.id },
      orderBy: { createdAt: 'asc' },
    });
    await auditView(actor, 'console.festival.view', String(f.id));
    reply.header('cache-control', 'no-store');
    return {
      ...summary({ ...f, area }, await rsvpCounts(db, f.id)),
      areaLabel: await areaLabel(db, f.areaCode),
      programme: f.programme,
      remindTo: f.remindTo,
      reminders: reminders.map((r) => ({
        offsetSeconds: r.offsetSeconds,
        dueAt: r.dueAt.toISOString(),
        status: r.status,
      })),
      commendations: commendations.map((c) => ({ names: c.names, at: c.createdAt.toISOString() })),
    };
  });

  api.post(`${BASE}/preview`, async (req, reply) => {
    const body = festivalBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const actor = actorOf(req);
    // The preview counts an area's residents: only for an area the actor may hold a festival in.
    if (!(await mayManageArea(db, actor, body.data.areaCode))) return refused(reply, 'staff-only');
    const preview = await run((scope) => previewAnnouncement(scope, localeOf(actor), body.data));
    return preview.ok ? preview : refused(reply, preview.reason);
  });

  api.post(BASE, async (req, reply) => {
    const body = festivalBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const actor = actorOf(req);
    const created = await run((scope) => create(scope, actor, body.data));
    if (!created.ok) return refused(reply, created.reason);
    return { id: created.festival.id, recipients: created.recipients };
  });

  /** What moving and cancelling take: a new time, or nothing. */
  const changes: Record<'move' | 'cancel', z.ZodType<ChangeAsked>> = {
    move: moveBody.transform((s) => ({ kind: 'moved' as const, ...s })),
    cancel: z.object({}).transform(() => ({ kind: 'cancelled' as const })),
  };
  for (const [path, schema] of Object.entries(changes)) {
    const read = (req: FastifyRequest<{ Params: { id: string } }>) => ({
      id: festivalId(req),
      body: schema.safeParse(req.body ?? {}),
    });
    // What residents would read and how many: the page shows it before the officer confirms.
    api.post<{ Params: { id: string } }>(`${BASE}/:id/${path}/preview`, async (req, reply) => {
      const { id, body } = read(req);
      if (!id.success) return refused(reply, 'fest-not-found');
      if (!body.success) return badRequest(reply, body.error);
      const actor = actorOf(req);
      const preview = await run((scope) => previewChange(scope, actor, localeOf(actor), id.data, body.data));
      return preview.ok ? preview : refused(reply, preview.reason);
    });
    api.post<{ Params: { id: string } }>(`${BASE}/:id/${path}`, async (req, reply) => {
      const { id, body } = read(req);
      if (!id.success) return refused(reply, 'fest-not-found');
      if (!body.success) return badRequest(reply, body.error);
      const actor = actorOf(req);
      const asked = body.data;
      const outcome = await run((scope) =>
        asked.kind === 'moved'
          ? move(scope, actor, id.data, asked.startsAt, asked.endsAt)
          : cancel(scope, actor, id.data),
      );
      if (!outcome.ok) return refused(reply, outcome.reason);
      return { status: outcome.festival.status, recipients: outcome.recipients };
    });
  }

  api.post<{ Params: { id: string } }>(`${BASE}/:id/commend`, async (req, reply) => {
    const id = festivalId(req);
    if (!id.success) return refused(reply, 'fest-not-found');
    const body = commendBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const actor = actorOf(req);
    // Found first: a festival elsewhere is 404 whatever the names.
    const found = await run((scope) => festivalWithin(scope, actor, id.data));
    if (!found.ok) return refused(reply, found.reason);
    const names = parseNames(body.data.names);
    if (!names) return refused(reply, 'fest-bad-names');
    const outcome = await run((scope) => commend(scope, actor, id.data, names));
    return outcome.ok ? { count: outcome.commendation.names.length } : refused(reply, outcome.reason);
  });
}
