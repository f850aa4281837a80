import type { Actor } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { staffOfModel } from './store.ts';

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
