import type { OutMessage } from '../../core/messages.ts';
import { splitText } from '../split-text.ts';

export const TEXT_LIMIT = 2000;

/** Zalo has no buttons: a menu becomes a numbered list answered by number or label. */
export function renderZalo(message: OutMessage): string[] {
  const list = message.menu?.map((o, i) => `${i + 1}. ${o.label}`).join('\n');
  const text = [message.text, list, list && message.menuHint].filter(Boolean).join('\n\n');
  return splitText(text, TEXT_LIMIT);
}
