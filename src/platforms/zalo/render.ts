import { menuNumbers } from '../../core/menu.ts';
import type { OutMessage } from '../../core/messages.ts';
import { splitText } from '../split-text.ts';

export const TEXT_LIMIT = 2000;

/** Zalo has no buttons: a menu becomes a numbered list answered by number or label (numbers as the router reads them). */
export function renderZalo(message: OutMessage): string[] {
  const numbers = message.menu && menuNumbers(message.menu);
  const list = message.menu?.map((o, i) => `${numbers![i]}. ${o.label}`).join('\n');
  const text = [message.text, list, list && message.menuHint].filter(Boolean).join('\n\n');
  return splitText(text, TEXT_LIMIT);
}
