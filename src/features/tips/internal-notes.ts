import { z } from 'zod';
import { actorId, refuse, type Actor, type Outcome, type Scope } from '../../core/scope.ts';
import type { Tx } from '../../core/tx.ts';
import type { Pii } from '../../security/pii.ts';
import { audit } from '../staff/audit.ts';
import { labelOf } from '../staff/labels.ts';
import { MAX_DESCRIPTION } from './draft.ts';
import { reachOf, tipInMyAreas } from './store.ts';

export const internalNoteSchema = z.string().trim().min(1).max(MAX_DESCRIPTION);

export interface InternalNote {
  /** The officer by the label they went by; null for the operator or an officer without one. */
  by: string | null;
  text: string;
  at: Date;
}

/** The notes officers keep on a tip, oldest first (up to the last 200): never shown or sent to the reporter. */
export async function internalNotes(tx: Tx, pii: Pii, tipId: string): Promise<InternalNote[]> {
  const rows = await tx.tipNote.findMany({ where: { tipId }, orderBy: { id: 'desc' }, take: 200 });
  return rows.reverse().map((r) => ({ by: r.authorLabel, text: pii.decrypt(r.textEnc), at: r.createdAt }));
}

/** Keeps a note on a tip for the officers of its area, encrypted like the tip; the reporter is not told. */
export async function addInternalNote(
  scope: Scope,
  actor: Actor,
  code: string,
  raw: string,
): Promise<Outcome<{ note: InternalNote }, 'not-found' | 'invalid'>> {
  const text = internalNoteSchema.safeParse(raw);
  if (!text.success) return refuse('invalid');
  const tip = await tipInMyAreas(scope.tx, reachOf(actor), code);
  if (!tip) return refuse('not-found');
  const by = actor.kind === 'person' ? await labelOf(scope.tx, actor.person.user.id, tip.areaCode) : null;
  const row = await scope.tx.tipNote.create({
    data: { tipId: tip.id, authorId: actorId(actor), authorLabel: by, textEnc: scope.pii.encrypt(text.data) },
  });
  await audit(scope.tx, { actorId: actorId(actor), action: 'tip.note', entity: 'Tip', entityId: tip.id });
  return { ok: true, note: { by, text: text.data, at: row.createdAt } };
}
