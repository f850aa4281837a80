import { z } from 'zod';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import { audit } from '../staff/audit.ts';
import { lineage } from '../staff/grants.ts';
import { reachOf, tipInMyAreas } from './store.ts';

export const cannedTextSchema = z.string().trim().min(2).max(1000);

/** The ready answers for a tip of `areaCode`: its commune's and its province's, oldest first. */
export async function cannedRepliesFor(tx: Tx, areaCode: string) {
  return tx.cannedReply.findMany({
    where: { areaCode: { in: await lineage(tx, areaCode) }, retiredAt: null },
    select: { id: true, text: true, areaCode: true },
    orderBy: { id: 'asc' },
  });
}

/** Saves a ready answer for the commune of the tip being answered, for every officer there. Audited. */
export async function addCannedReply(
  scope: Scope,
  actor: Actor,
  code: string,
  raw: string,
): Promise<Outcome<{ id: number }, 'not-found' | 'invalid'>> {
  const text = cannedTextSchema.safeParse(raw);
  if (!text.success) return refuse('invalid');
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  const row = await scope.tx.cannedReply.create({
    data: { areaCode: tip.areaCode, text: text.data, createdById: actorId(actor) },
  });
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: 'canned_reply.add',
    entity: 'CannedReply',
    entityId: String(row.id),
  });
  return { ok: true, id: row.id };
}

/**
 * Takes a ready answer out of use: one of the tip's commune, or of an area the officer holds (a commune's officer
 * does not retire the province's answers). Audited.
 */
export async function retireCannedReply(
  scope: Scope,
  actor: Actor,
  code: string,
  id: number,
): Promise<Outcome<object, 'not-found'>> {
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  const reply = tip && (await cannedRepliesFor(scope.tx, tip.areaCode)).find((r) => r.id === id);
  const held = (area: string) => actor.kind === 'operator' || actor.person.grants.some((g) => g.areaCode === area);
  if (!tip || !reply || (reply.areaCode !== tip.areaCode && !held(reply.areaCode))) return refuse('not-found');
  await scope.tx.cannedReply.update({ where: { id }, data: { retiredAt: new Date() } });
  await audit(scope.tx, {
    actorId: actorId(actor),
    action: 'canned_reply.retire',
    entity: 'CannedReply',
    entityId: String(id),
  });
  return { ok: true };
}
