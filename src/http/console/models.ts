import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorId, type Actor } from '../../core/scope.ts';
import { CONSOLE_PATH } from '../../features/console/links.ts';
import { modelsWithin, modelWithin } from '../../features/models/access.ts';
import { inviteLeader, LEADER_INVITE_DAYS } from '../../features/models/actions.ts';
import { decisionsOf, previousPeriod, recordDecision, reviewPeriod } from '../../features/models/decisions.ts';
import { joinLink, qrPng } from '../../features/models/share.ts';
import { REVIEW_DAYS, reviewModels, shownReview, type ModelReview } from '../../features/models/store.ts';
import { audit } from '../../features/staff/audit.ts';
import { labelOf } from '../../features/staff/labels.ts';
import type { Db } from '../../db/client.ts';
import type { ModelDecision, Prisma } from '../../generated/prisma/client.ts';
import { ModelVerdict } from '../../generated/prisma/enums.ts';
import { sessionOfRequest } from './session.ts';
import { badRequest, useCaseRunner, type UseCaseDeps } from './use-case.ts';

const API = `${CONSOLE_PATH}/api/models`;

const modelParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

// Checked again, in full, by the use case; here only so that a malformed body is a 400 naming the field.
const decisionBody = z.object({
  period: z.string().max(10),
  decision: z.enum(ModelVerdict),
  note: z.string().max(10_000).default(''),
});

type IdRequest = { Params: { id: string } };

export interface ConsoleModelsDeps extends UseCaseDeps {
  /** The Telegram bot's username when the settings do not name it (asked of Telegram). */
  botUsername?: () => Promise<string | undefined>;
}

/**
 * The review of models ("sơ kết") in the console: the figures of the actor's models per commune, the decision
 * per half-year, leader invites and the join poster. The same use cases and rights as chat; a model outside the
 * actor's areas answers 404, as an unknown one does.
 */
export function registerConsoleModels(api: FastifyInstance, deps: ConsoleModelsDeps): void {
  const { db } = deps;
  const run = useCaseRunner(deps);
  const auditView = (actor: Actor, action: string, entityId?: number, details?: Prisma.InputJsonObject) =>
    audit(db, {
      actorId: actorId(actor),
      action,
      entity: 'LocalModel',
      entityId: entityId === undefined ? undefined : String(entityId),
      details,
    });
  /** Deep links name the bot; without its username the poster has the code only. */
  const linkOf = async (joinCode: string) => {
    const bot = deps.policy.TELEGRAM_BOT_USERNAME ?? (await deps.botUsername?.());
    return bot ? joinLink(bot, joinCode) : null;
  };

  api.get(API, async (req) => {
    const { actor } = sessionOfRequest(req);
    const models = await modelsWithin(db, actor);
    const review = await reviewModels(db, models);
    const ids = models.map((m) => m.id);
    const decisions = await decisionsOf(db, ids);
    const areas = await db.area.findMany({
      where: { code: { in: [...new Set(models.map((m) => m.areaCode))] } },
      include: { parent: true },
    });
    const labelsOf = deciders(db);
    const communes = new Map<string, { code: string; name: string; models: Array<ReturnType<typeof modelRow>> }>();
    for (const r of review) {
      const area = areas.find((a) => a.code === r.model.areaCode)!;
      // A hamlet's model is reviewed with its commune's.
      const commune = area.level === 'hamlet' && area.parent ? area.parent : area;
      const group = communes.get(commune.code) ?? { code: commune.code, name: commune.name, models: [] };
      communes.set(commune.code, group);
      const own = [];
      for (const d of decisions.filter((x) => x.modelId === r.model.id)) own.push(await decisionView(d, labelsOf));
      group.models.push(modelRow(r, area.name, own));
    }
    await auditView(actor, 'console.models.review', undefined, { models: models.length });
    const period = reviewPeriod();
    return { days: REVIEW_DAYS, periods: [period, previousPeriod(period)], communes: [...communes.values()] };
  });

  api.post<IdRequest>(`${API}/:id/decision`, async (req, reply) => {
    const params = modelParams.safeParse(req.params);
    if (!params.success) return badRequest(reply, params.error);
    const body = decisionBody.safeParse(req.body);
    if (!body.success) return badRequest(reply, body.error);
    const { actor } = sessionOfRequest(req);
    const outcome = await run((scope) => recordDecision(scope, actor, params.data.id, body.data));
    if (!outcome.ok)
      return outcome.reason === 'not-found'
        ? reply.code(404).send({ error: 'no such model in your areas' })
        : reply.code(400).send({ error: 'period: a half-year up to now; note: at most 1000 characters' });
    const { decision, model, replaced } = outcome;
    return { period: decision.period, decision: decision.decision, retired: model.retiredAt !== null, replaced };
  });

  api.post<IdRequest>(`${API}/:id/leader-invite`, async (req, reply) => {
    const params = modelParams.safeParse(req.params);
    if (!params.success) return badRequest(reply, params.error);
    const { actor } = sessionOfRequest(req);
    const outcome = await run((scope) => inviteLeader(scope, actor, params.data.id));
    if (!outcome.ok) return reply.code(404).send({ error: 'no such model in your areas' });
    reply.header('cache-control', 'no-store');
    return { code: outcome.code, expiresAt: outcome.expiresAt.toISOString(), days: LEADER_INVITE_DAYS };
  });

  api.get<IdRequest>(`${API}/:id/poster`, async (req, reply) => {
    const params = modelParams.safeParse(req.params);
    if (!params.success) return badRequest(reply, params.error);
    const { actor } = sessionOfRequest(req);
    const model = await modelWithin(db, actor, params.data.id, 'manage');
    if (!model) return reply.code(404).send({ error: 'no such model in your areas' });
    const area = await db.area.findUniqueOrThrow({ where: { code: model.areaCode } });
    await auditView(actor, 'console.model.poster', model.id);
    const link = await linkOf(model.joinCode);
    return {
      id: model.id,
      name: model.name,
      area: area.name,
      joinCode: model.joinCode,
      retired: model.retiredAt !== null,
      link,
      qr: link ? `${API}/${model.id}/qr.png` : null,
    };
  });

  api.get<IdRequest>(`${API}/:id/qr.png`, async (req, reply) => {
    const params = modelParams.safeParse(req.params);
    if (!params.success) return badRequest(reply, params.error);
    const { actor } = sessionOfRequest(req);
    const model = await modelWithin(db, actor, params.data.id, 'manage');
    const link = model && (await linkOf(model.joinCode));
    if (!link) return reply.code(404).send({ error: 'no such model in your areas, or no Telegram link' });
    return reply
      .headers({ 'cache-control': 'private, max-age=3600' })
      .type('image/png')
      .send(await qrPng(link));
  });
}

/** A model's line of the review: its figures, members' tips only as a bucket when few. */
function modelRow(r: ModelReview, area: string, decisions: Array<Awaited<ReturnType<typeof decisionView>>>) {
  return {
    id: r.model.id,
    name: r.model.name,
    area,
    joinCode: r.model.joinCode,
    retired: r.model.retiredAt !== null,
    hasLeader: r.model.leaderId !== null,
    ...shownReview(r),
    decisions,
  };
}

/** Who decided, by the label they act under over the model's area: each asked once per answer. */
function deciders(db: Db) {
  const labels = new Map<string, Promise<string | null>>();
  return (userId: string, areaCode: string) => {
    const key = `${userId}:${areaCode}`;
    if (!labels.has(key)) labels.set(key, labelOf(db, userId, areaCode));
    return labels.get(key)!;
  };
}

async function decisionView(d: ModelDecision & { model: { areaCode: string } }, labelFor: ReturnType<typeof deciders>) {
  return {
    period: d.period,
    decision: d.decision,
    note: d.note,
    at: d.decidedAt.toISOString(),
    by: d.decidedById
      ? { kind: 'officer' as const, label: await labelFor(d.decidedById, d.model.areaCode) }
      : { kind: 'operator' as const },
  };
}
