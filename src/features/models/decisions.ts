// The periodic review ("sơ kết") of a model ends in a decision per half-year: keep, improve or retire it,
// with a note. Once for chat, the CLI and the web console.
import { z } from 'zod';
import { vietnamWallClock } from '../../core/format.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { LocalModel, ModelDecision } from '../../generated/prisma/client.ts';
import { ModelVerdict } from '../../generated/prisma/enums.ts';
import { audit } from '../staff/audit.ts';
import { modelWithin } from './access.ts';
import { retire, type NotFound } from './actions.ts';

/** A half-year, Vietnam time: "2026-H1" is January to June, "2026-H2" July to December. */
export const PERIOD = /^(\d{4})-H([12])$/;
export const DECISION_NOTE_MAX = 1000;

/** The half-year `date` falls in, in Vietnam. */
export function reviewPeriod(date = new Date()): string {
  const local = vietnamWallClock(date);
  return `${local.getUTCFullYear()}-H${local.getUTCMonth() < 6 ? 1 : 2}`;
}

/** The half-year before `period`. */
export function previousPeriod(period: string): string {
  const [, year, half] = PERIOD.exec(period)!;
  return half === '2' ? `${year}-H1` : `${Number(year) - 1}-H2`;
}

/** A decision as chat and the console take it: a half-year up to the current one, a verdict, a note. */
export const decisionInput = z.object({
  period: z
    .string()
    .regex(PERIOD)
    // "2026-H1" < "2026-H2" < "2027-H1": the strings sort as the half-years do.
    .refine((p) => p <= reviewPeriod(), 'not a half-year yet'),
  decision: z.enum(ModelVerdict),
  note: z.string().trim().max(DECISION_NOTE_MAX).default(''),
});
export type DecisionInput = z.input<typeof decisionInput>;

/**
 * Records the review's decision on a model for a half-year (replacing one made before for the same half), with
 * the same right as retiring it in chat; "retire" also retires the model. Audited; nothing written when refused.
 */
export async function recordDecision(
  scope: Scope,
  actor: Actor,
  modelId: number,
  input: DecisionInput,
): Promise<Outcome<{ model: LocalModel; decision: ModelDecision; replaced: boolean }, NotFound | 'invalid'>> {
  const model = await modelWithin(scope.tx, actor, modelId, 'manage');
  if (!model) return refuse('not-found');
  const parsed = decisionInput.safeParse(input);
  if (!parsed.success) return refuse('invalid');
  const { period, decision: verdict, note } = parsed.data;
  const where = { modelId_period: { modelId: model.id, period } };
  const before = await scope.tx.modelDecision.findUnique({ where });
  const fields = { decision: verdict, note, decidedById: actorId(actor), decidedAt: new Date() };
  const decision = await scope.tx.modelDecision.upsert({
    where,
    create: { modelId: model.id, period, ...fields },
    update: fields,
  });
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: 'model.decision',
    entity: 'LocalModel',
    entityId: String(model.id),
    details: { period, decision: verdict, ...(before && { replaced: before.decision }) },
  });
  if (verdict !== 'retire' || model.retiredAt) return { ok: true, model, decision, replaced: !!before };
  const retired = await retire(scope, actor, model.id);
  if (!retired.ok) return retired;
  return { ok: true, model: retired.model, decision, replaced: !!before };
}

/** The decisions recorded for these models, newest half-year first, with their model's area. */
export function decisionsOf(tx: Tx, modelIds: number[]) {
  return tx.modelDecision.findMany({
    where: { modelId: { in: modelIds } },
    include: { model: { select: { areaCode: true } } },
    orderBy: [{ period: 'desc' }],
  });
}
