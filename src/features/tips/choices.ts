import { defineChoices, field } from '../../core/choice.ts';
import { tipCodeSchema } from './code.ts';
import type { TipMove } from './moves.ts';

const tip = { code: tipCodeSchema };

/** An officer's actions on one tip, `tip:<verb>:<code>`: buttons, numbered menus and forged data alike. */
export const tipChoice = defineChoices('tip', {
  open: tip,
  reply: tip,
  ack: tip,
  take: tip,
  resolve: tip,
  reject: tip,
  duplicate: tip,
  spam: tip,
});
export type TipVerb = keyof typeof tipChoice.verbs;

/** The status each officer button asks for; 'spam' rejects the tip and flags its reporter. */
export const VERB_MOVES = {
  ack: 'acknowledged',
  take: 'in_progress',
  resolve: 'resolved',
  reject: 'rejected',
  duplicate: 'duplicate',
  spam: 'rejected',
} as const satisfies Partial<Record<TipVerb, TipMove>>;

/** The reporter's side: their tips, one of them, a follow-up to it. */
export const mytipChoice = defineChoices('mytip', { list: {}, open: tip, add: tip, done: {} });

/** A page of the officers' inbox. */
export const inboxChoice = defineChoices('inbox', { page: { page: field.id } });
