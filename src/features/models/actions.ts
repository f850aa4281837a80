// What officers, leaders and the operator do with models, once for chat, the
// CLI and the web console: each use case checks the actor, writes the rows, the
// audit entry and the messages to others in the caller's transaction, and
// writes nothing when it refuses.
import { z } from 'zod';
import { privateChatsOf } from '../../core/people.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Area, LocalModel, Membership } from '../../generated/prisma/client.ts';
import { JoinPolicy, ModelKind } from '../../generated/prisma/enums.ts';
import { audit } from '../staff/audit.ts';
import { covers, TIP_ROLES } from '../staff/grants.ts';
import { createInvite } from '../staff/invites.ts';
import { modelWithin } from './access.ts';
import { createModel as storeModel, decideRequest, MODEL_DESCRIPTION_MAX, MODEL_NAME } from './store.ts';

/** No such model, or not the actor's to handle: one reason, so a refusal does not tell them apart. */
export type NotFound = 'not-found';

/** A new model, as chat, the CLI and the web console take it. */
export const modelInput = z.object({
  areaCode: z.string().regex(/^\d{1,8}$/),
  name: z.string().trim().min(MODEL_NAME.min).max(MODEL_NAME.max),
  kind: z.enum(ModelKind),
  description: z.string().trim().max(MODEL_DESCRIPTION_MAX).default(''),
  joinPolicy: z.enum(JoinPolicy).default('approval'),
});
export type ModelInput = z.input<typeof modelInput>;

/** `no-area`: no commune or ward with that code; `not-allowed`: not one of the actor's areas. */
export type CreateRefusal = 'invalid' | 'no-area' | 'not-allowed';

/** Where the actor may create a model: a commune or ward (not a province) their officer or admin grants cover. */
export async function modelArea(
  tx: Tx,
  actor: Actor,
  areaCode: string,
): Promise<Outcome<{ area: Area }, Exclude<CreateRefusal, 'invalid'>>> {
  const area = await tx.area.findUnique({ where: { code: areaCode } });
  if (!area || area.level === 'province') return refuse('no-area');
  if (actor.kind === 'person' && !(await covers(tx, actor.person.grants, TIP_ROLES, area.code)))
    return refuse('not-allowed');
  return { ok: true, area };
}

/** A model in one of the actor's communes or wards; audited. */
export async function createModel(
  scope: Scope,
  actor: Actor,
  input: ModelInput,
): Promise<Outcome<{ model: LocalModel; area: Area }, CreateRefusal>> {
  const parsed = modelInput.safeParse(input);
  if (!parsed.success) return refuse('invalid');
  const fields = parsed.data;
  const where = await modelArea(scope.tx, actor, fields.areaCode);
  if (!where.ok) return where;
  const { area } = where;
  const model = await storeModel(scope.tx, { ...fields, createdById: actorId(actor) });
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: 'model.create',
    entity: 'LocalModel',
    entityId: String(model.id),
    details: { areaCode: model.areaCode, kind: model.kind, joinPolicy: model.joinPolicy },
  });
  return { ok: true, model, area };
}

/** Retires (members stay, notices stop) or brings back a model. */
async function setRetired(
  scope: Scope,
  actor: Actor,
  modelId: number,
  retired: boolean,
): Promise<Outcome<{ model: LocalModel }, NotFound>> {
  const model = await modelWithin(scope.tx, actor, modelId, 'manage');
  if (!model) return refuse('not-found');
  const updated = await scope.tx.localModel.update({
    where: { id: model.id },
    data: { retiredAt: retired ? (model.retiredAt ?? new Date()) : null },
  });
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: retired ? 'model.retire' : 'model.reactivate',
    entity: 'LocalModel',
    entityId: String(model.id),
  });
  return { ok: true, model: updated };
}

export const retire = (scope: Scope, actor: Actor, modelId: number) => setRetired(scope, actor, modelId, true);
export const reactivate = (scope: Scope, actor: Actor, modelId: number) => setRetired(scope, actor, modelId, false);

/** `already-decided`: someone decided the request first (two leaders pressing together decide once). */
export type DecideRefusal = NotFound | 'already-decided';
export type Decided = Outcome<{ model: LocalModel; membership: Membership }, DecideRefusal>;

/** The model's leader, or an officer over it, decides a request; the person is told in their language. */
async function decide(scope: Scope, actor: Actor, membershipId: number, approve: boolean): Promise<Decided> {
  const request = await scope.tx.membership.findUnique({ where: { id: membershipId } });
  const model = request && (await modelWithin(scope.tx, actor, request.modelId, 'lead'));
  if (!request || !model) return refuse('not-found');
  const membership = await decideRequest(scope.tx, request.id, approve);
  if (!membership) return refuse('already-decided');
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: approve ? 'model.approve' : 'model.decline',
    entity: 'Membership',
    entityId: String(request.id),
    details: { modelId: model.id },
  });
  for (const reader of await privateChatsOf(scope.tx, scope.pii, [request.userId], scope.i18n.defaultLocale)) {
    const t = scope.i18n.translator(reader.locale);
    scope.send(reader.to, { text: t(approve ? 'mdl-approved' : 'mdl-declined', { name: model.name }) });
  }
  return { ok: true, model, membership };
}

export const approveMember = (scope: Scope, actor: Actor, membershipId: number) =>
  decide(scope, actor, membershipId, true);
export const declineMember = (scope: Scope, actor: Actor, membershipId: number) =>
  decide(scope, actor, membershipId, false);

/** Days a leader invite stays valid, unless told otherwise, and at most. */
export const LEADER_INVITE_DAYS = 7;
export const LEADER_INVITE_MAX_DAYS = 30;

/** A one-time code that makes whoever sends `/staff <code>` the model's leader (audited as an invite). */
export async function inviteLeader(
  scope: Scope,
  actor: Actor,
  modelId: number,
  days = LEADER_INVITE_DAYS,
): Promise<Outcome<{ model: LocalModel; code: string; expiresAt: Date }, NotFound | 'invalid-days'>> {
  const model = await modelWithin(scope.tx, actor, modelId, 'manage');
  if (!model) return refuse('not-found');
  if (!Number.isInteger(days) || days < 1 || days > LEADER_INVITE_MAX_DAYS) return refuse('invalid-days');
  const { code, expiresAt } = await createInvite(scope.tx, scope.pii, {
    role: 'leader',
    areaCode: model.areaCode,
    days,
    createdBy: actorId(actor) ?? 'cli',
    modelId: model.id,
  });
  return { ok: true, model, code, expiresAt };
}
