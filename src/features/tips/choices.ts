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
  reopen: tip,
});
export type TipVerb = keyof typeof tipChoice.verbs;

/** The status each officer button asks for; 'spam' rejects the tip and flags its reporter ('reopen': see moves.ts). */
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

/** The verbs that close a tip: each asks for a confirmation (and takes a note for the reporter) first. */
export const CLOSE_VERBS = ['resolve', 'reject', 'duplicate', 'spam'] as const satisfies readonly TipVerb[];
export type CloseVerb = (typeof CLOSE_VERBS)[number];

/** The confirmation of a close, `tipclose:<yes|no>:<code>`: the code keeps an old button from closing another tip. */
export const closeChoice = defineChoices('tipclose', { yes: tip, no: tip });

/** The reporter's answer to "this tip is closed": reopen it (and pass on what they wrote), or leave it. */
export const reopenChoice = defineChoices('tipreopen', { yes: tip, no: {} });
