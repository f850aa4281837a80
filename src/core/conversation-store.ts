import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.ts';
import { keptOptionSchema, type KeptOption } from './menu.ts';
import type { Tx } from './tx.ts';

const dataSchema = z.record(z.string(), z.unknown());

export interface ConversationState {
  flow?: string;
  step?: string;
  data: Record<string, unknown>;
  /** The last menu shown, without its labels in clear: typed numbers and labels are read against it. */
  menu?: KeptOption[];
  /** The language chosen before registering (a registered person's is on their user row). */
  locale?: string;
}

/** A dialogue as loaded, with a fingerprint of what is stored (null: no row). */
export interface LoadedConversation {
  state: ConversationState;
  stored: string | null;
}

const isIdle = (s: ConversationState) => !s.flow && !s.menu?.length && !Object.keys(s.data).length && !s.locale;
const fingerprint = (s: ConversationState) =>
  JSON.stringify([s.flow ?? null, s.step ?? null, s.data, s.menu ?? null, s.locale ?? null]);
/** The guest's language rides in the data column, beside the dialogue's own data. */
const LOCALE_KEY = '$locale';

export async function loadConversation(tx: Tx, key: string): Promise<LoadedConversation> {
  const row = await tx.conversation.findUnique({ where: { key } });
  if (!row) return { state: { data: {} }, stored: null };
  // A menu kept before labels were hashed does not parse: it is forgotten, as if none was shown.
  const menu = z.array(keptOptionSchema).safeParse(row.menu);
  const { [LOCALE_KEY]: locale, ...data } = dataSchema.safeParse(row.data).data ?? {};
  const state: ConversationState = {
    flow: row.flow ?? undefined,
    step: row.step ?? undefined,
    data,
    menu: menu.success ? menu.data : undefined,
    locale: typeof locale === 'string' ? locale : undefined,
  };
  return { state, stored: fingerprint(state) };
}

/** Writes only what changed; an idle dialogue (no flow, menu or data) keeps no row. */
export async function saveConversation(tx: Tx, key: string, state: ConversationState, stored: string | null) {
  if (isIdle(state)) {
    if (stored !== null) await tx.conversation.deleteMany({ where: { key } });
    return;
  }
  if (fingerprint(state) === stored) return;
  const values = {
    flow: state.flow ?? null,
    step: state.step ?? null,
    data: (state.locale ? { ...state.data, [LOCALE_KEY]: state.locale } : state.data) as Prisma.InputJsonValue,
    menu: state.menu ?? Prisma.DbNull,
  };
  await tx.conversation.upsert({ where: { key }, create: { key, ...values }, update: values });
}
