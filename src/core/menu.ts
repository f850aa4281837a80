import { z } from 'zod';
import type { Pii } from '../security/pii.ts';
import { fold } from './fold.ts';
import type { MenuOption } from './messages.ts';

/**
 * A menu option as kept between updates: its id and a keyed hash of its label
 * folded (no case, diacritics or emoji). Labels can name a member, so they are
 * never stored; a typed label is folded and hashed the same way.
 */
export const keptOptionSchema = z.object({ id: z.string(), answer: z.string() });
export type KeptOption = z.infer<typeof keptOptionSchema>;

const answerOf = (pii: Pii, folded: string) => pii.hash('menu-answer', folded);

export function keepMenu(pii: Pii, menu: MenuOption[]): KeptOption[] {
  return menu.map((o) => ({ id: o.id, answer: answerOf(pii, fold(o.label)) }));
}

/**
 * Reads a typed answer to the menu on screen: its number ("2", "2.") or its
 * label, ignoring case, diacritics and emoji. Returns the option id or undefined.
 */
export function resolveMenuAnswer(text: string, menu: KeptOption[] | undefined, pii: Pii): string | undefined {
  if (!menu?.length) return undefined;
  const trimmed = text.trim();
  const numbered = /^(\d{1,2})[.)]?$/.exec(trimmed);
  if (numbered) return menu[Number(numbered[1]) - 1]?.id;
  const folded = fold(trimmed);
  if (!folded) return undefined;
  const answer = answerOf(pii, folded);
  return menu.find((o) => o.answer === answer)?.id;
}

/** Splits "action:arg" choice ids. */
export function parseChoice(id: string): { action: string; arg: string } {
  const at = id.indexOf(':');
  return at < 0 ? { action: id, arg: '' } : { action: id.slice(0, at), arg: id.slice(at + 1) };
}

/** A row id as it arrives in a choice or a typed command: a positive PostgreSQL integer, or undefined. */
export function parseRowId(raw: string | number | undefined): number | undefined {
  const id =
    typeof raw === 'number' ? raw : /^#?\d{1,10}$/.test(raw?.trim() ?? '') ? Number(raw!.trim().replace('#', '')) : NaN;
  return Number.isInteger(id) && id > 0 && id <= 2_147_483_647 ? id : undefined;
}
