import { z } from 'zod';
import type { Pii } from '../security/pii.ts';
import { fold } from './fold.ts';
import type { MenuOption } from './messages.ts';

/**
 * A menu option as kept between updates: its id, a keyed hash of its label
 * folded (no case, diacritics, emoji or punctuation), and keyed hashes of the
 * other forms it accepts (its label and synonyms, spaces dropped). Labels can
 * name a member, so they are never stored; a typed answer is hashed the same way.
 */
export const keptOptionSchema = z.object({
  id: z.string(),
  answer: z.string(),
  forms: z.array(z.string()).optional(),
  /** Its number as shown; menus kept before numbers were fixed lack it and are numbered by position. */
  n: z.number().int().positive().optional(),
});
export type KeptOption = z.infer<typeof keptOptionSchema>;

const answerOf = (pii: Pii, folded: string) => pii.hash('menu-answer', folded);
/** "dong y", "đồng ý!", "dongy" are one form: people drop spaces as often as accents. */
const formOf = (pii: Pii, text: string) => {
  const compact = fold(text).replace(/ /g, '');
  return compact ? pii.hash('menu-form', compact) : undefined;
};

/**
 * Each option's number in a numbered menu: its own `n` where it has one (an
 * action that keeps its number whichever others are offered), else one past
 * the number before it.
 */
export function menuNumbers(menu: ReadonlyArray<{ n?: number }>): number[] {
  let last = 0;
  return menu.map((o) => (last = o.n ?? last + 1));
}

/** Typed words that answer "yes" to a confirmation, as people write them ("co", "ok", "dong y"). */
export const CONFIRM_FORMS = ['có', 'ok', 'đồng ý', 'yes', 'xác nhận'] as const;
/** Typed words that answer "no": nothing is done ("khong", "thoi"). */
export const DECLINE_FORMS = ['không', 'thôi', 'no'] as const;

export function keepMenu(pii: Pii, menu: MenuOption[]): KeptOption[] {
  const numbers = menuNumbers(menu);
  return menu.map((o, i) => {
    const forms = [o.label, ...(o.also ?? [])].map((f) => formOf(pii, f)).filter((f) => f !== undefined);
    return { id: o.id, answer: answerOf(pii, fold(o.label)), forms: [...new Set(forms)], n: numbers[i]! };
  });
}

/** What a typed text says to the menu on screen. */
export type MenuAnswer = { kind: 'option'; id: string } | { kind: 'ambiguous' } | { kind: 'none' };

/**
 * Reads a typed answer to the menu on screen: an option's number ("2", "2.") as shown,
 * or its label, or one of the short forms an option accepts. A form two
 * options accept answers neither: the question is asked again.
 */
export function readMenuAnswer(text: string, menu: KeptOption[] | undefined, pii: Pii): MenuAnswer {
  if (!menu?.length) return { kind: 'none' };
  const trimmed = text.trim();
  const numbered = /^(\d{1,2})[.)]?$/.exec(trimmed);
  if (numbered) {
    const numbers = menuNumbers(menu);
    const ids = [...new Set(menu.filter((_, i) => numbers[i] === Number(numbered[1])).map((o) => o.id))];
    if (ids.length > 1) return { kind: 'ambiguous' };
    return ids.length ? { kind: 'option', id: ids[0]! } : { kind: 'none' };
  }
  const folded = fold(trimmed);
  if (!folded) return { kind: 'none' };
  const answer = answerOf(pii, folded);
  const form = formOf(pii, folded);
  // The whole label first: "Không tham gia" is that option even where "không" alone would be ambiguous.
  for (const matches of [
    (o: KeptOption) => o.answer === answer,
    (o: KeptOption) => !!form && !!o.forms?.includes(form),
  ]) {
    const ids = [...new Set(menu.filter(matches).map((o) => o.id))];
    if (ids.length === 1) return { kind: 'option', id: ids[0]! };
    if (ids.length > 1) return { kind: 'ambiguous' };
  }
  return { kind: 'none' };
}

/** The option id a typed answer picks, or undefined (nothing, or more than one). */
export function resolveMenuAnswer(text: string, menu: KeptOption[] | undefined, pii: Pii): string | undefined {
  const read = readMenuAnswer(text, menu, pii);
  return read.kind === 'option' ? read.id : undefined;
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
