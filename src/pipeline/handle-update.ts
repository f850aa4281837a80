import type { Policy } from '../config.ts';
import type { InboundUpdate, OutboundMessage } from '../generated/prisma/client.ts';
import { ChatContext, type ChatDirectory, type Wake } from '../core/context.ts';
import { loadConversation, saveConversation, type ConversationState } from '../core/conversation-store.ts';
import { conversationKeyOf } from '../core/keys.ts';
import { incomingSchema, type Incoming, type Platform, type PressAnswer } from '../core/messages.ts';
import { findPerson, identityHash, refreshDisplayName, type Person } from '../core/people.ts';
import type { Router } from '../core/router.ts';
import type { Tx } from '../core/tx.ts';
import { hasWindow, type WindowSettings } from '../core/window.ts';
import type { Db } from '../db/client.ts';
import { isLocale, type I18n, type Locale } from '../i18n/index.ts';
import type { Pii } from '../security/pii.ts';
import { capabilitiesOf } from '../platforms/capabilities.ts';
import { releaseHeld, writeOutbox } from './outbox.ts';

export interface HandleDeps {
  db: Db;
  pii: Pii;
  i18n: I18n;
  router: Router;
  policy: Policy;
  /** What handlers may ask each platform about a chat (e.g. a group's member count). */
  messengers?: ReadonlyMap<Platform, ChatDirectory>;
}

export interface Handled {
  incoming: Incoming;
  /** The messages written, to this chat and others, in order. */
  written: OutboundMessage[];
  /** Background work to start now that the changes are committed. */
  wakes: ReadonlySet<Wake>;
  /** How the handler answered the button press, if it did (said to the presser alone, right away). */
  press: PressAnswer | undefined;
  /** Messages held for this person's next message, now pending again (older than `written`). */
  released: number;
}

/** A chat is answered in its person's language, else the one chosen before registering, else the default. */
function localeOf(i18n: I18n, person: Person | null, state: ConversationState): Locale {
  if (person && isLocale(person.user.locale)) return person.user.locale;
  return isLocale(state.locale) ? state.locale : i18n.defaultLocale;
}

/** The language this chat's person is answered in, read apart from handling (e.g. to say an update failed). */
export async function chatLocale(tx: Tx, pii: Pii, i18n: I18n, incoming: Incoming): Promise<Locale> {
  const person = await findPerson(tx, pii, incoming.platform, incoming.userId);
  const key = conversationKeyOf(pii, incoming.platform, incoming.chatId, incoming.userId);
  return localeOf(i18n, person, (await loadConversation(tx, key)).state);
}

/**
 * The person wrote, pressed or followed (not left) on a platform with an interaction window: their last
 * interaction moves to the update's time (never ahead of ours), and what was held in this chat for their next
 * message is released. Elsewhere nothing is written: it would be one more write on every update, read by nobody.
 */
async function noteInteraction(
  tx: Tx,
  pii: Pii,
  windows: WindowSettings,
  incoming: Incoming,
  chatKey: string,
): Promise<number> {
  const { platform, userId } = incoming;
  if (incoming.kind === 'blocked' || !hasWindow(windows, platform)) return 0;
  await tx.identity.updateMany({
    where: { platform, platformIdHash: identityHash(pii, platform, userId) },
    data: { lastInteractionAt: new Date(Math.min(incoming.date, Date.now())) },
  });
  return releaseHeld(tx, chatKey);
}

/**
 * Handles one inbox row in one transaction: dialogue state, domain writes, the
 * replies (into the outbox) and the row's own "done" mark commit together or not at all.
 * Returns null when another worker already handled the row.
 */
export async function handleUpdate(deps: HandleDeps, row: InboundUpdate): Promise<Handled | null> {
  const { db, pii, i18n, router } = deps;
  if (!row.payloadEnc) return null;
  const incoming = incomingSchema.parse(pii.decryptJson(row.payloadEnc));
  const conversationKey = conversationKeyOf(pii, incoming.platform, incoming.chatId, incoming.userId);
  return db.$transaction(
    async (tx) => {
      // Claiming the row first makes a concurrent handler wait here, then find it done.
      const claimed = await tx.inboundUpdate.updateMany({
        where: { id: row.id, status: 'pending' },
        data: { status: 'done', processedAt: new Date(), payloadEnc: null, lastError: null },
      });
      if (claimed.count === 0) return null;
      const person = await findPerson(tx, pii, incoming.platform, incoming.userId);
      if (person) await refreshDisplayName(tx, pii, person, incoming.displayName);
      const { state, stored } = await loadConversation(tx, conversationKey);
      const locale = localeOf(i18n, person, state);
      const ctx = new ChatContext(
        incoming,
        tx,
        pii,
        i18n,
        person,
        state,
        locale,
        router,
        deps.policy,
        { id: row.id, chatKey: row.chatKey, at: row.receivedAt },
        capabilitiesOf(incoming.platform, incoming.chatType),
        deps.messengers?.get(incoming.platform),
      );
      await router.handle(ctx);
      // After handling: a person registered by this update has an identity to stamp by now.
      const released = await noteInteraction(tx, pii, deps.policy, incoming, row.chatKey);
      await saveConversation(tx, conversationKey, ctx.finalState(), stored);
      return {
        incoming,
        written: await writeOutbox(tx, pii, ctx.outgoing),
        wakes: ctx.wakes,
        press: ctx.pressAnswer,
        released,
      };
    },
    { timeout: 15_000, maxWait: 5_000 },
  );
}
