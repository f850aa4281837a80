import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.ts';
import { conversationKeyOf } from './keys.ts';
import { keepMenu, keptOptionSchema, type KeptOption } from './menu.ts';
import type { Destination, MenuOption } from './messages.ts';
import type { Scope } from './scope.ts';
import type { Tx } from './tx.ts';

const dataSchema = z.record(z.string(), z.unknown());

/** A dialogue a command interrupted, kept aside (its data as stored, sealed drafts stay sealed) until resumed or dropped. */
export const pausedSchema = z.object({
  flow: z.string(),
  step: z.string(),
  data: dataSchema,
  /** Not yet offered back: false, offer after the command; true, the command asked a question, offer after its answer. */
  waiting: z.boolean().optional(),
});
export type PausedFlow = z.infer<typeof pausedSchema>;

export interface ConversationState {
  flow?: string;
  step?: string;
  data: Record<string, unknown>;
  /** The last menu shown, without its labels in clear: typed numbers and labels are read against it. */
  menu?: KeptOption[];
  /** The language chosen before registering (a registered person's is on their user row). */
  locale?: string;
  /** The dialogue a command interrupted, offered back after the command's answer. */
  paused?: PausedFlow;
}

/** A dialogue as loaded, with a fingerprint of what is stored (null: no row). */
export interface LoadedConversation {
  state: ConversationState;
  stored: string | null;
}

const isIdle = (s: ConversationState) =>
  !s.flow && !s.menu?.length && !Object.keys(s.data).length && !s.locale && !s.paused;
const fingerprint = (s: ConversationState) =>
  JSON.stringify([s.flow ?? null, s.step ?? null, s.data, s.menu ?? null, s.locale ?? null, s.paused ?? null]);
/** The guest's language and a paused dialogue ride in the data column, beside the dialogue's own data. */
const LOCALE_KEY = '$locale';
const PAUSED_KEY = '$paused';

export async function loadConversation(tx: Tx, key: string): Promise<LoadedConversation> {
  const row = await tx.conversation.findUnique({ where: { key } });
  if (!row) return { state: { data: {} }, stored: null };
  // A menu kept before labels were hashed does not parse: it is forgotten, as if none was shown.
  const menu = z.array(keptOptionSchema).safeParse(row.menu);
  const { [LOCALE_KEY]: locale, [PAUSED_KEY]: paused, ...data } = dataSchema.safeParse(row.data).data ?? {};
  const state: ConversationState = {
    flow: row.flow ?? undefined,
    step: row.step ?? undefined,
    data,
    menu: menu.success ? menu.data : undefined,
    locale: typeof locale === 'string' ? locale : undefined,
    // A paused dialogue that no longer parses is forgotten: it is only ever offered back.
    paused: pausedSchema.safeParse(paused).data,
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
    data: {
      ...state.data,
      ...(state.locale && { [LOCALE_KEY]: state.locale }),
      ...(state.paused && { [PAUSED_KEY]: state.paused }),
    } as Prisma.InputJsonValue,
    menu: state.menu ?? Prisma.DbNull,
  };
  await tx.conversation.upsert({ where: { key }, create: { key, ...values }, update: values });
}

/**
 * Makes `menu` the one a person's typed answers in their private chat `to` are
 * read against, for a message sent there from elsewhere (a tip card pushed to a
 * Zalo officer), so that they can answer it by number at once. Only while that
 * conversation is idle: in a dialogue, or with one paused aside, their next
 * digit keeps meaning what it means there, and false is returned (the message
 * then says how to act by command). Written in one statement that checks the row
 * as it is now, so a dialogue that started meanwhile is never overwritten. The
 * person's own update being handled at the same moment may still save its own
 * menu over this one: that reply is then the newer message on their screen.
 */
export async function offerMenu(
  scope: Pick<Scope, 'tx' | 'pii'>,
  to: Destination,
  menu: MenuOption[],
): Promise<boolean> {
  // A private chat: the person's id is the chat's (as the platforms' parsers set them).
  const key = conversationKeyOf(scope.pii, to.platform, to.chatId, to.chatId);
  const kept = JSON.stringify(keepMenu(scope.pii, menu));
  const written = await scope.tx.$executeRaw`
    INSERT INTO "Conversation" ("key", "data", "menu", "updatedAt")
    VALUES (${key}, '{}'::jsonb, ${kept}::jsonb, now())
    ON CONFLICT ("key") DO UPDATE SET "menu" = EXCLUDED."menu", "updatedAt" = now()
    WHERE "Conversation"."flow" IS NULL AND ("Conversation"."data" -> ${PAUSED_KEY}) IS NULL`;
  return written > 0;
}
