import type { Actor } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { covers, TIP_ROLES } from '../staff/grants.ts';

/** The areas whose statistics an actor may read: those of their officer or admin roles and everything under them. */
export async function mayReadStatistics(tx: Tx, actor: Actor, areaCode: string): Promise<boolean> {
  if (actor.kind === 'operator') return (await tx.area.count({ where: { code: areaCode } })) > 0;
  return covers(tx, actor.person.grants, TIP_ROLES, areaCode);
}

/**
 * The areas an actor may pick, in the order offered: their roles' areas and the communes under them (the provinces
 * for the operator). The first is the one shown by default.
 */
export function statisticsAreasOf(tx: Tx, actor: Actor) {
  const held =
    actor.kind === 'operator'
      ? undefined
      : [...new Set(actor.person.grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode))];
  return tx.area.findMany({
    where: held
      ? { OR: [{ code: { in: held } }, { parentCode: { in: held }, level: 'commune' }] }
      : { level: 'province' },
    select: { code: true, name: true, level: true, parent: { select: { name: true } } },
    orderBy: [{ level: 'asc' }, { name: 'asc' }],
  });
}
