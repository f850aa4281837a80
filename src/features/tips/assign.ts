import { privateChatsOf } from '../../core/people.ts';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { audit } from '../staff/audit.ts';
import { lineage, TIP_ROLES } from '../staff/grants.ts';
import { labelOf } from '../staff/labels.ts';
import { changeStatus } from './actions.ts';
import { tipNotice, translator } from './cards.ts';
import { tipChoice } from './choices.ts';
import { isClosed } from './moves.ts';
import { reachOf, tipInMyAreas } from './store.ts';

/** A colleague a tip may be given to: an officer or admin over its commune or province, by their label. */
export interface Colleague {
  userId: string;
  label: string | null;
}

/** Those who may work on a tip of `areaCode`: the tip roles over it and the areas above it. */
export async function colleaguesFor(tx: Tx, areaCode: string): Promise<Colleague[]> {
  const grants = await tx.staffGrant.findMany({
    where: { areaCode: { in: await lineage(tx, areaCode) }, role: { in: TIP_ROLES } },
    select: { userId: true },
    distinct: ['userId'],
  });
  return Promise.all(grants.map(async (g) => ({ userId: g.userId, label: await labelOf(tx, g.userId, areaCode) })));
}

export type AssignOutcome = Outcome<{ tip: Tip; colleague: Colleague }, 'not-found' | 'not-colleague' | 'closed'>;

/**
 * Gives an open tip to a named colleague of its area: the reporter's answers go to them from now on, and they are
 * told in their private chat. Audited; nothing written when refused.
 */
export async function assignTip(scope: Scope, actor: Actor, code: string, colleagueId: string): Promise<AssignOutcome> {
  const { tx } = scope;
  const tip = await tipInMyAreas(tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  if (isClosed(tip.status)) return refuse('closed');
  const colleague = (await colleaguesFor(tx, tip.areaCode)).find((c) => c.userId === colleagueId);
  if (!colleague) return refuse('not-colleague');
  // A new tip is acknowledged by the giving, as chat acknowledges it: recorded, and the reporter told.
  if (tip.status === 'new') {
    const acknowledged = await changeStatus(scope, actor, tip.code, 'acknowledged');
    if (!acknowledged.ok) return refuse('closed');
  }
  const given = await tx.tip.update({ where: { id: tip.id }, data: { assigneeId: colleague.userId } });
  const byLabel = actor.kind === 'person' ? await labelOf(tx, actor.person.user.id, tip.areaCode) : null;
  await audit(tx, {
    actorId: actorId(actor),
    action: 'tip.assign',
    entity: 'Tip',
    entityId: tip.id,
    details: { to: colleague.label ?? colleague.userId },
  });
  if (colleague.userId !== actorId(actor)) await tellAssignee(scope, given, colleague, byLabel);
  return { ok: true, tip: given, colleague };
}

async function tellAssignee(scope: Scope, tip: Tip, colleague: Colleague, byLabel: string | null): Promise<void> {
  const chats = await privateChatsOf(scope.tx, scope.pii, [colleague.userId], scope.i18n.defaultLocale);
  for (const chat of chats) {
    const t = translator(scope, chat.locale);
    const by = byLabel ?? t('tip-by-officer');
    const text = t('tip-assigned-to-you', { code: tip.code, by });
    const open = [{ id: tipChoice.pack('open', { code: tip.code }), label: t('tip-action-open') }];
    scope.send(chat.to, await tipNotice(scope, t, { ...chat, place: 'private' }, tip.code, text, open));
  }
}
