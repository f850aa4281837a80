import { fold } from './fold.ts';
import type { MenuOption } from './messages.ts';

/**
 * Reads a typed answer to the menu on screen: its number ("2", "2.") or its
 * label, ignoring case, diacritics and emoji. Returns the option id or undefined.
 */
export function resolveMenuAnswer(text: string, menu: MenuOption[] | undefined): string | undefined {
  if (!menu?.length) return undefined;
  const trimmed = text.trim();
  const numbered = /^(\d{1,2})[.)]?$/.exec(trimmed);
  if (numbered) return menu[Number(numbered[1]) - 1]?.id;
  const folded = fold(trimmed);
  if (!folded) return undefined;
  return menu.find((o) => fold(o.label) === folded)?.id;
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
