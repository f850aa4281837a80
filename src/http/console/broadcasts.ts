import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { audienceSchema } from '../../broadcasting/audience.ts';
import { textsSchema } from '../../broadcasting/content.ts';
import { deliveryFigures } from '../../broadcasting/store.ts';
import { actorId, type Actor } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { areaLabel } from '../../features/areas/search.ts';
import {
  broadcastsSeenBy,
  broadcastWithin,
  cancel,
  draft,
  pause,
  resume,
  start,
  type BroadcastOutcome,
} from '../../features/broadcasts/actions.ts';
import { schedulable } from '../../features/broadcasts/compose.ts';
import { audienceWithin, previewBroadcast, recipientCount } from '../../features/broadcasts/preview.ts';
import { audit } from '../../features/staff/audit.ts';
import { TIP_ROLES, tipAreaFilter } from '../../features/staff/grants.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { sessionOfRequest } from './session.ts';
import { badRequest, useCaseRunner, type UseCaseDeps } from './use-case.ts';

const BASE = '/console/api/broadcasts';
/** Broadcasts the list shows, newest first. */
const LIST_SIZE = 30;

const audienceBody = z.object({ audience: audienceSchema });
const previewBody = audienceBody.extend({ texts: textsSchema });
const startBody = z.object({ at: z.iso.datetime().optional() });
const idParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

type Steer = typeof pause;
const STEERS: Record<'pause' | 'resume' | 'cancel', Steer> = { pause, resume, cancel };

const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'no such broadcast in your areas' });
const outsideAreas = (reply: FastifyReply) => reply.code(404).send({ error: 'audience outside your areas' });

/** A broadcast as the list shows it: its state and the ledger's counts, for the progress bar. */
async function summaryOf(tx: Tx, b: Broadcast) {
  const figures = await deliveryFigures(tx, b.id);
  const texts = textsSchema.parse(b.texts);
  return {
    id: b.id,
    status: b.status,
    area: b.areaCode ? await areaLabel(tx, b.areaCode) : null,
    text: texts.vi,
    recipientCount: b.recipientCount,
    /** Every recipient written: the count is final and the bar's 100 % is the whole audience. */
    fannedOut: b.fanoutDoneAt !== null,
    counts: figures.counts,
    holds: figures.holds.map((h) => ({ platform: h.platform, until: h.until.toISOString(), queued: h.queued })),
    createdAt: b.createdAt.toISOString(),
    scheduledAt: b.scheduledAt?.toISOString() ?? null,
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/** The areas, models and festivals the compose form offers: those the actor may send to, as chat offers them. */
async function composeOptions(tx: Tx, actor: Actor) {
  const within = actor.kind === 'operator' ? {} : tipAreaFilter(actor.person.grants);
  const codes =
    actor.kind === 'operator'
      ? (await tx.area.findMany({ where: { level: 'province' }, select: { code: true } })).map((a) => a.code)
      : actor.person.grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  const areas = [];
  for (const code of [...new Set(codes)].sort()) areas.push({ code, name: await areaLabel(tx, code) });
  const models = await tx.localModel.findMany({
    where: { ...within, retiredAt: null },
    select: { id: true, name: true },
    orderBy: { name: 'asc' },
  });
  const festivals = await tx.festival.findMany({
    where: { ...within, status: 'scheduled' },
    select: { id: true, title: true, startsAt: true },
    orderBy: { startsAt: 'desc' },
    take: 50,
  });
  return {
    areas,
    models,
    festivals: festivals.map((f) => ({ id: f.id, title: f.title, startsAt: f.startsAt.toISOString() })),
  };
}

/**
 * The console's broadcasts: the list with its progress figures, one broadcast's report, and composing, starting
 * and steering one through the same use cases as chat and the CLI, as the session's actor. A broadcast or an
 * audience outside the actor's areas answers 404, as an unknown one does.
 */
export function registerConsoleBroadcasts(api: FastifyInstance, deps: UseCaseDeps): void {
  const { db, i18n } = deps;
  const run = useCaseRunner(deps);
  const actorOf = (req: FastifyRequest) => sessionOfRequest(req).actor;
  const record = (actor: Actor, action: string, b: Broadcast) =>
    audit(db, {
      actorId: actorId(actor),
      action: `console.broadcast.${action}`,
      entity: 'Broadcast',
      entityId: String(b.id),
    });

  /** A use case's answer: the broadcast as it stands, 404 outside the actor's areas, 409 when its state forbids it. */
  const answer = async (reply: FastifyReply, actor: Actor, action: string, outcome: BroadcastOutcome) => {
    if (!outcome.ok) return outcome.reason === 'state' ? reply.code(409).send({ error: 'not-now' }) : notFound(reply);
    await record(actor, action, outcome.broadcast);
    return db.$transaction((tx) => summaryOf(tx, outcome.broadcast));
  };

  api.get(`${BASE}/options`, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return db.$transaction((tx) => composeOptions(tx, actorOf(req)));
  });

  api.get(BASE, async (req, reply) => {
    const actor = actorOf(req);
    reply.header('cache-control', 'no-store');
    return db.$transaction(async (tx) => {
      const rows = await tx.broadcast.findMany({
        where: { ...broadcastsSeenBy(actor), status: { not: 'draft' } },
        orderBy: { id: 'desc' },
        take: LIST_SIZE,
      });
      const broadcasts = [];
      for (const b of rows) broadcasts.push(await summaryOf(tx, b));
      return { broadcasts };
    });
  });

  api.get(`${BASE}/:id`, async (req, reply) => {
    const id = idParam.safeParse(req.params);
    if (!id.success) return notFound(reply);
    reply.header('cache-control', 'no-store');
    const found = await db.$transaction(async (tx) => {
      const within = await broadcastWithin(tx, actorOf(req), id.data.id);
      return within.ok ? { ...(await summaryOf(tx, within.broadcast)), texts: within.broadcast.texts } : null;
    });
    return found ?? notFound(reply);
  });

  api.post(`${BASE}/count`, async (req, reply) => {
    const body = audienceBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const counted = await db.$transaction((tx) => recipientCount(tx, actorOf(req), body.data.audience));
    return counted.ok ? counted.count : outsideAreas(reply);
  });

  api.post(`${BASE}/preview`, async (req, reply) => {
    const body = previewBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const shown = await db.$transaction((tx) =>
      previewBroadcast(tx, i18n, actorOf(req), body.data.audience, body.data.texts),
    );
    return shown.ok ? { previews: shown.previews } : outsideAreas(reply);
  });

  // A draft, as chat's preview writes one; started (or scheduled) by the next call.
  api.post(BASE, async (req, reply) => {
    const body = previewBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const actor = actorOf(req);
    // An unknown model or festival is refused here, before the use case would look it up.
    if (!(await db.$transaction((tx) => audienceWithin(tx, actor, body.data.audience))).ok) return outsideAreas(reply);
    const outcome = await run((scope) => draft(scope, actor, body.data));
    return answer(reply, actor, 'create', outcome);
  });

  api.post(`${BASE}/:id/start`, async (req, reply) => {
    const id = idParam.safeParse(req.params);
    if (!id.success) return notFound(reply);
    const body = startBody.safeParse(req.body ?? {});
    if (!body.success) return badRequest(reply, body.error);
    const at = body.data.at ? new Date(body.data.at) : undefined;
    if (at && !schedulable(at)) return reply.code(400).send({ error: 'at: not within the schedule window' });
    const actor = actorOf(req);
    return answer(reply, actor, 'start', await run((scope) => start(scope, actor, id.data.id, at)));
  });

  for (const [verb, steer] of Object.entries(STEERS)) {
    api.post(`${BASE}/:id/${verb}`, async (req, reply) => {
      const id = idParam.safeParse(req.params);
      if (!id.success) return notFound(reply);
      const actor = actorOf(req);
      return answer(reply, actor, verb, await run((scope) => steer(scope, actor, id.data.id)));
    });
  }
}
