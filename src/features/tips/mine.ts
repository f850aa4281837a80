import { z } from 'zod';
import { loadConversation, saveConversation } from '../../core/conversation-store.ts';
import { defineFlow } from '../../core/flow.ts';
import { formatTime } from '../../core/format.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import { conversationKeyOf } from '../../core/keys.ts';
import { CONFIRM_FORMS, DECLINE_FORMS } from '../../core/menu.ts';
import { photoRefSchema, type PhotoRef } from '../../core/messages.ts';
import type { Reader } from '../../core/people.ts';
import type { Scope } from '../../core/scope.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { eventStatus, threadText, translator } from './cards.ts';
import { reopenByReporter } from './actions.ts';
import { mytipChoice, reopenChoice } from './choices.ts';
import { normalizeTipCode, tipCodeSchema } from './code.ts';
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES, MAX_PHOTOS } from './draft.ts';
import { followUpRefusal, forwardFollowUps, holdsFollowUp } from './follow-ups.ts';
import { isClosed } from './moves.ts';
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
    `${ctx.t('tip-history')}\n${events.map((e, i) => ctx.t('tip-history-line', { status: eventStatus(t, events, i), time: formatTime(ctx.locale, e.at) })).join('\n')}`,
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

/** A photo the thread takes: within the size limit (a platform that does not tell the size is trusted). */
const takesPhoto = (p: PhotoRef) => !('size' in p) || (p.size ?? 0) <= MAX_PHOTO_BYTES;

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
        const photos = all.filter(takesPhoto).slice(0, MAX_PHOTOS);
        if (!text && !photos.length) {
          return flow.again(
            draft,
            all.length ? ctx.t('report-photo-too-big', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }) : undefined,
          );
        }
        if (text && text.length > MAX_DESCRIPTION) {
          return flow.again(draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
        }
        if (await spamClosed(ctx, tip)) return;
        // A closed tip is no longer read: the message waits for the reporter's answer to "reopen it?".
        if (isClosed(tip.status)) return reopenFlow.start(ctx, { code: tip.code, text, photos });
        return flow.again(draft, await passOn(ctx, tip, text, photos));
      },
    },
  },
});

/** A tip officers rejected as spam takes nothing more: the reporter is told, and the dialogue ends. */
async function spamClosed(ctx: Ctx, tip: Tip): Promise<boolean> {
  if ((await followUpRefusal(ctx, tip))?.reason !== 'spam') return false;
  ctx.endFlow();
  ctx.showMainMenu(ctx.t('mytip-spam-closed', { code: tip.code }));
  return true;
}

/** Adds the reporter's message to the tip's thread and passes it on (or holds it for the next notice); what to tell them. */
async function passOn(ctx: Ctx, tip: Tip, text: string | undefined, photos: PhotoRef[]): Promise<string> {
  const refusal = await followUpRefusal(ctx, tip);
  if (refusal?.reason === 'too-many') return ctx.t('mytip-too-many', { code: tip.code, minutes: refusal.minutes });
  const held = await holdsFollowUp(ctx, tip);
  await addTipMessage(ctx.tx, ctx.pii, tip, { author: 'citizen', text, photos });
  if (held) return ctx.t('mytip-held', { code: tip.code, seconds: ctx.policy.FOLLOWUP_BATCH_SECONDS });
  const reached = await forwardFollowUps(ctx, tip);
  return ctx.t(reached ? 'mytip-sent' : 'mytip-stored-unrouted', { code: tip.code });
}

/**
 * The reporter wrote about (or asked to add to) a closed tip: it says so and
 * offers to reopen it. What they wrote is kept here, unsaved, until they answer:
 * reopening passes it on, "Không" drops it, and they are told which.
 */
export const reopenFlow = defineFlow({
  name: 'tip-reopen',
  access: people,
  // It holds what the reporter wrote.
  sealed: true,
  draft: z.object({
    code: tipCodeSchema.optional(),
    text: z.string().max(MAX_DESCRIPTION).optional(),
    photos: z.array(photoRefSchema).max(MAX_PHOTOS).optional(),
  }),
  steps: {
    ask: {
      async ask(ctx, { code, text, photos }, problem) {
        const tip = await ownTip(ctx, code);
        if (!tip) return tipGone(ctx);
        if (problem) ctx.reply(problem);
        const held = !!text || !!photos?.length;
        const lines = [
          ctx.t('mytip-closed', { code: tip.code, status: ctx.t(`status-${tip.status}`) }),
          held ? ctx.t('mytip-closed-held') : undefined,
          ctx.t('mytip-reopen-offer'),
        ];
        ctx.reply(lines.filter(Boolean).join('\n\n'), {
          menu: [
            {
              id: reopenChoice.pack('yes', { code: tip.code }),
              label: ctx.t(held ? 'mytip-reopen-send' : 'mytip-reopen'),
              also: [...CONFIRM_FORMS, 'mở lại'],
            },
            { id: reopenChoice.pack('no'), label: ctx.t('mytip-reopen-no'), also: [...DECLINE_FORMS] },
          ],
        });
      },
      // More written while the question is open waits with the rest, for the same answer.
      input(ctx, draft, flow) {
        const text = [draft.text, ctx.msg.text?.trim()].filter(Boolean).join('\n\n') || undefined;
        const photos = [...(draft.photos ?? []), ...(ctx.msg.photos ?? []).filter(takesPhoto)];
        if ((text?.length ?? 0) > MAX_DESCRIPTION || photos.length > MAX_PHOTOS)
          return flow.again(draft, ctx.t('mytip-closed-full'));
        return flow.again({ ...draft, text, photos });
      },
    },
  },
});

/** `tipreopen:yes:<code>`: reopened at once (reopenByReporter), then what was held is passed on and the thread stays open. */
const reopenYes = reopenFlow.at('ask', async (ctx, draft, { code }: { code: string }, flow) => {
  if (draft.code !== code) return flow.again(draft, ctx.t('choice-expired'));
  const outcome = await reopenByReporter(ctx, ctx.person, code);
  if (!outcome.ok && outcome.reason !== 'not-now') {
    if (outcome.reason === 'not-found') return tipGone(ctx);
    ctx.endFlow();
    return ctx.showMainMenu(ctx.t('mytip-spam-closed', { code }));
  }
  // 'not-now': an officer reopened it meanwhile; it is open all the same.
  const tip = outcome.tip;
  const lines = [
    outcome.ok ? ctx.t(outcome.officersTold ? 'mytip-reopened' : 'mytip-reopened-unrouted', { code }) : undefined,
    draft.text || draft.photos?.length ? await passOn(ctx, tip, draft.text, draft.photos ?? []) : undefined,
  ].filter(Boolean);
  await followUpFlow.go(ctx, 'write', { code }, lines.length ? lines.join('\n\n') : undefined);
});

const reopenNo = reopenFlow.at('ask', (ctx, draft) => {
  ctx.endFlow();
  const held = !!draft.text || !!draft.photos?.length;
  ctx.showMainMenu(ctx.t(held ? 'mytip-still-closed-held' : 'mytip-still-closed', { code: draft.code ?? '' }));
});

/** `tipreopen:<yes|no>`: the reporter's answer to "this tip is closed". */
export const reopenAction = reopenChoice.route<Ctx>({ yes: reopenYes, no: (ctx) => reopenNo(ctx, undefined) });

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
    if (await spamClosed(ctx, tip)) return;
    if (isClosed(tip.status)) return reopenFlow.start(ctx, { code: tip.code });
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
