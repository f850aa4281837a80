import { z } from 'zod';
import { loadConversation, saveConversation } from '../../core/conversation-store.ts';
import { defineFlow } from '../../core/flow.ts';
import { formatTime } from '../../core/format.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import { conversationKeyOf } from '../../core/keys.ts';
import type { Reader } from '../../core/people.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { threadText, translator } from './cards.ts';
import { mytipChoice } from './choices.ts';
import { normalizeTipCode, tipCodeSchema } from './code.ts';
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES, MAX_PHOTOS } from './draft.ts';
import { followUpRefusal, forwardFollowUps, holdsFollowUp } from './follow-ups.ts';
import { addTipMessage, readThread, readTip } from './store.ts';

type Ctx = PersonContext;

const LIST = 10;

/** Only the reporter's own tips: another code reads as "not found". */
function ownTip(ctx: Ctx, code: string | undefined): Promise<Tip | null> {
  if (!code) return Promise.resolve(null);
  return ctx.tx.tip.findFirst({ where: { code, reporterId: ctx.person.user.id } });
}

/** `/status`: my tips and their status; `/status <code>`: one of them with its thread. */
export async function myTips(ctx: Ctx, arg: string): Promise<void> {
  ctx.endFlow();
  if (arg) return showMyTip(ctx, arg);
  const tips = await ctx.tx.tip.findMany({
    where: { reporterId: ctx.person.user.id },
    orderBy: { createdAt: 'desc' },
    take: LIST,
  });
  if (!tips.length) return ctx.showMainMenu(ctx.t('mytips-none'));
  const menu = tips.map((tip) => ({
    id: mytipChoice.pack('open', { code: tip.code }),
    label: `${tip.code} · ${ctx.t(`cat-${tip.category}`)} · ${ctx.t(`status-${tip.status}`)}`,
  }));
  ctx.reply(ctx.t('mytips-title', { count: tips.length }), {
    menu: [...menu, { id: 'home', label: ctx.t('nav-back') }],
  });
}

async function showMyTip(ctx: Ctx, rawCode: string): Promise<void> {
  const tip = await ownTip(ctx, normalizeTipCode(rawCode));
  if (!tip) return ctx.showMainMenu(ctx.t('tip-not-found'));
  const t = translator(ctx, ctx.locale);
  const [events, thread] = await Promise.all([
    ctx.tx.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: 'asc' } }),
    readThread(ctx.tx, ctx.pii, tip.id),
  ]);
  const content = readTip(ctx.pii, tip);
  const parts = [
    ctx.t('mytip-view', {
      code: tip.code,
      category: ctx.t(`cat-${tip.category}`),
      status: ctx.t(`status-${tip.status}`),
      time: formatTime(ctx.locale, tip.createdAt),
      text: content.description,
    }),
    `${ctx.t('tip-history')}\n${events.map((e) => ctx.t('tip-history-line', { status: t(`status-${e.status}`), time: formatTime(ctx.locale, e.at) })).join('\n')}`,
    thread.length ? `${ctx.t('tip-thread')}\n${threadText(t, thread, 'citizen')}` : undefined,
  ];
  ctx.reply(parts.filter(Boolean).join('\n\n'), {
    menu: [
      { id: mytipChoice.pack('add', { code: tip.code }), label: ctx.t('mytip-add') },
      { id: mytipChoice.pack('list'), label: ctx.t('mytip-all') },
      { id: 'home', label: ctx.t('nav-back') },
    ],
  });
}

function tipGone(ctx: Ctx): void {
  ctx.endFlow();
  ctx.showMainMenu(ctx.t('tip-not-found'));
}

/** The reporter's follow-up or answer (text and/or photos) is added to the tip and reaches its officers. */
export const followUpFlow = defineFlow({
  name: 'tip-thread',
  access: people,
  // Optional only so that a draft that lost its code can be read at all: the step then ends the dialogue.
  draft: z.object({ code: tipCodeSchema.optional() }),
  steps: {
    write: {
      ask(ctx, { code }, note) {
        if (!code) return tipGone(ctx);
        ctx.reply(note ?? ctx.t('mytip-write', { code }), {
          menu: [{ id: mytipChoice.pack('done'), label: ctx.t('mytip-done') }],
        });
      },
      async input(ctx, draft, flow) {
        const tip = await ownTip(ctx, draft.code);
        if (!tip) return tipGone(ctx);
        const text = ctx.msg.text?.trim();
        const all = ctx.msg.photos ?? [];
        const photos = all.filter((p) => !('size' in p) || (p.size ?? 0) <= MAX_PHOTO_BYTES).slice(0, MAX_PHOTOS);
        if (!text && !photos.length) {
          return flow.again(
            draft,
            all.length ? ctx.t('report-photo-too-big', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }) : undefined,
          );
        }
        if (text && text.length > MAX_DESCRIPTION) {
          return flow.again(draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
        }
        const refusal = await followUpRefusal(ctx, tip);
        if (refusal?.reason === 'spam') {
          ctx.endFlow();
          return ctx.showMainMenu(ctx.t('mytip-spam-closed', { code: tip.code }));
        }
        if (refusal) return flow.again(draft, ctx.t('mytip-too-many', { code: tip.code, minutes: refusal.minutes }));
        const held = await holdsFollowUp(ctx, tip);
        await addTipMessage(ctx.tx, ctx.pii, tip, { author: 'citizen', text, photos });
        if (held) {
          return flow.again(draft, ctx.t('mytip-held', { code: tip.code, seconds: ctx.policy.FOLLOWUP_BATCH_SECONDS }));
        }
        const reached = await forwardFollowUps(ctx, tip);
        return flow.again(draft, ctx.t(reached ? 'mytip-sent' : 'mytip-stored-unrouted', { code: tip.code }));
      },
    },
  },
});

/**
 * Opens the reporter's side of the thread, so their next message answers the
 * officer, unless they are in the middle of another dialogue. A private chat's
 * id is its person's id on both messengers.
 */
export async function openFollowUp(scope: Scope, reporter: Reader, code: string): Promise<boolean> {
  const key = conversationKeyOf(scope.pii, reporter.to.platform, reporter.to.chatId, reporter.to.chatId);
  const { state, stored } = await loadConversation(scope.tx, key);
  if (state.flow && state.flow !== followUpFlow.name) return false;
  await saveConversation(scope.tx, key, followUpFlow.stateAt(scope.pii, 'write', { code }), stored);
  return true;
}

/** `mytip:<verb>[:<code>]`: list, open, add (or answer), done. */
export const myTipAction = mytipChoice.route<Ctx>({
  list: (ctx) => myTips(ctx, ''),
  open: (ctx, { code }) => myTips(ctx, code),
  add: async (ctx, { code }) => {
    const tip = await ownTip(ctx, code);
    if (!tip) return ctx.showMainMenu(ctx.t('tip-not-found'));
    await followUpFlow.start(ctx, { code: tip.code });
  },
  done: async (ctx) => {
    // Follow-ups held in a burst go to the officers now, in one notice.
    const open = followUpFlow.read(ctx);
    const tip = open.status === 'ok' ? await ownTip(ctx, open.draft.code) : null;
    const reached = tip ? await forwardFollowUps(ctx, tip) : false;
    ctx.endFlow();
    if (reached === false) return ctx.showMainMenu();
    ctx.showMainMenu(ctx.t(reached ? 'mytip-sent-all' : 'mytip-stored-unrouted', { code: tip!.code }));
  },
});
