import type { Actor } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { modelsOfGrants, REVIEW_MAX, staffOfModel } from './store.ts';

/** `manage`: officers and admins over the model's area; `lead`: also the model's own leader. The operator may do both. */
export type ModelRight = 'manage' | 'lead';

export async function mayActOn(tx: Tx, actor: Actor, model: LocalModel, right: ModelRight): Promise<boolean> {
  if (actor.kind === 'operator') return true;
  if (right === 'lead' && model.leaderId === actor.person.user.id) return true;
  return staffOfModel(tx, actor.person.grants, model);
}

/**
 * The model, if the actor may act on it with `right`; otherwise null, the
 * same as for no model at all, so a refusal does not tell that a model exists.
 */
export async function modelWithin(
  tx: Tx,
  actor: Actor,
  modelId: number,
  right: ModelRight,
): Promise<LocalModel | null> {
  const model = await tx.localModel.findUnique({ where: { id: modelId } });
  return model && (await mayActOn(tx, actor, model, right)) ? model : null;
}

/** The models an actor reviews: those of their officer or admin areas; every model (up to the limit) for the operator. */
export function modelsWithin(tx: Tx, actor: Actor): Promise<LocalModel[]> {
  if (actor.kind === 'person') return modelsOfGrants(tx, actor.person.grants);
  return tx.localModel.findMany({
    orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
    take: REVIEW_MAX,
  });
}
