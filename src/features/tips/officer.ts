import { z } from 'zod';
import type { ChatContext } from '../../core/context.ts';
import { defineFlow } from '../../core/flow.ts';
import { formatTime } from '../../core/format.ts';
import { isStaff, staff, staffOf, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import type { Tip, TipEvent } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { audit } from '../staff/audit.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { changeStatus, reopenTip, replyToTipster, type StatusOutcome } from './actions.ts';
import {
  AFTER_ACTIONS,
  eventStatus,
  officerActions,
  photoMessages,
  threadText,
  tipDetails,
  translator,
} from './cards.ts';
import { OPEN_STATUSES } from './categories.ts';
import { eventActor } from './history.ts';
import { inboxChoice, tipChoice, VERB_MOVES, type TipVerb } from './choices.ts';
import { askClose } from './close.ts';
import { tipCodeSchema } from './code.ts';
import { MAX_DESCRIPTION } from './draft.ts';
import type { TipMove } from './moves.ts';
import { listTips, readThread, readTip, tipInMyAreas } from './store.ts';
import { photoLinker, tipPhotos } from './photo-links.ts';

type Ctx = StaffContext;

const PAGE = 8;

/**
 * One answer for "no such tip" and "not yours": the reply must not tell which. A press is answered to the
 * presser alone, and the card keeps its buttons: in a station group everyone would read a reply, and the
 * area's officers still need the buttons.
 */
export function notFound(ctx: ChatContext): void {
  ctx.endFlow();
  if (ctx.answerPress({ text: ctx.t('tip-press-refused'), alert: true })) return;
  ctx.reply(ctx.t('tip-not-found'));
}

/**
 * A route on one tip (`/tip`, its buttons, also in station groups) for officers
 * and admins. Anyone else is answered like an unknown code: whether a code
 * exists is not theirs to learn.
 */
export function forOfficers<A extends unknown[]>(run: (ctx: Ctx, ...args: A) => Promise<void>) {
  return async (ctx: ChatContext, ...args: A): Promise<void> =>
    isStaff(ctx, TIP_ROLES) ? run(ctx, ...args) : notFound(ctx);
}

/** Open tips of the officer's areas, urgent first, then oldest first. */
async function showInbox(ctx: Ctx, requested: number): Promise<void> {
  const { total, pages, page, tips } = await listTips(ctx.tx, ctx.staffGrants, OPEN_STATUSES, requested, PAGE);
  await audit(ctx.tx, {
    actorId: ctx.person.user.id,
    action: 'inbox.view',
    entity: 'Tip',
    details: { page, shown: tips.map((t) => t.code) },
  });
  const menu = tips.map((tip) => ({
    id: tipChoice.pack('open', { code: tip.code }),
    label: [
      `${tip.urgent ? '🚨 ' : ''}${tip.code}`,
      ctx.t(`cat-${tip.category}`),
      ctx.t(`status-${tip.status}`),
      tip.area.name,
    ].join(' · '),
  }));
  if (page > 1) menu.push({ id: inboxChoice.pack('page', { page: page - 1 }), label: ctx.t('inbox-prev') });
  if (page < pages) menu.push({ id: inboxChoice.pack('page', { page: page + 1 }), label: ctx.t('inbox-next') });
  menu.push({ id: 'home', label: ctx.t('nav-back') });
  ctx.reply(total ? ctx.t('inbox-title', { count: total, page, pages }) : ctx.t('inbox-empty'), { menu });
}

/** `/inbox [page]`. */
export const inboxCommand = staff(TIP_ROLES, (ctx, arg: string) => showInbox(ctx, Number.parseInt(arg, 10) || 1));

export const inboxAction = staff(TIP_ROLES, inboxChoice.route<Ctx>({ page: (ctx, { page }) => showInbox(ctx, page) }));

/** Who made a step of a tip's history, as officers read it: the officer's display label, the reporter or the operator. */
function actedBy(t: (id: string) => string, tip: Tip, e: TipEvent): string {
  const actor = eventActor(tip, e);
  if (actor.kind === 'officer') return actor.label ?? t('tip-by-officer');
  return t(actor.kind === 'reporter' ? 'tip-by-reporter' : 'tip-by-operator');
}

/**
 * A tip as the officer works on it: details, history, thread and the actions its status allows. `replaces`
 * is the card to change in place (its photos are already shown under it); otherwise it is sent anew with them.
 */
export async function showTip(ctx: Ctx, tip: Tip, headline?: string, replaces?: number): Promise<void> {
  const t = translator(ctx, ctx.locale);
  const [area, events, thread] = await Promise.all([
    areaLabel(ctx.tx, tip.areaCode),
    ctx.tx.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: 'asc' } }),
    readThread(ctx.tx, ctx.pii, tip.id),
  ]);
  const content = readTip(ctx.pii, tip);
  const history = events.map((e, i) =>
    ctx.t('tip-history-by', {
      status: eventStatus(t, events, i),
      time: formatTime(ctx.locale, e.at),
      by: actedBy(t, tip, e),
    }),
  );
  const parts = [
    headline,
    // Opened in a station group, everyone there reads it.
    tipDetails(t, ctx.locale, tip, content, area, ctx.msg.chatType === 'private' ? 'private' : 'group'),
    `${ctx.t('tip-history')}\n${history.join('\n')}`,
    thread.length ? `${ctx.t('tip-thread')}\n${threadText(t, thread, 'officer')}` : undefined,
  ];
  await audit(ctx.tx, { actorId: ctx.person.user.id, action: 'tip.view', entity: 'Tip', entityId: tip.id });
  ctx.reply(parts.filter(Boolean).join('\n\n'), {
    menu: [
      ...officerActions(t, tip),
      { id: inboxChoice.pack('page', { page: 1 }), label: ctx.t('menu-inbox'), n: AFTER_ACTIONS },
    ],
    replaces,
  });
  if (replaces !== undefined && ctx.can.edit) return;
  const link = photoLinker(ctx);
  const linkOf = link && ((i: number) => link(tipPhotos(tip.id, i)));
  for (const message of photoMessages(t, ctx.here.platform, tip.code, content.photos, linkOf))
    ctx.send(ctx.here, message);
}

async function openTip(ctx: Ctx, code: string): Promise<void> {
  const tip = await tipInMyAreas(ctx.tx, ctx.staffGrants, code);
  if (!tip) return notFound(ctx);
  ctx.endFlow();
  await showTip(ctx, tip);
}

/**
 * A status change as the officer sees it: the tip as it is now, headed by what happened, on the card that was
 * pressed (changed in place where the messenger can; else a new card).
 */
export function presentMove(ctx: Ctx, outcome: StatusOutcome): Promise<void> | void {
  if (!outcome.ok && outcome.reason === 'not-found') return notFound(ctx);
  const { tip } = outcome;
  const status = ctx.t(`status-${tip.status}`);
  const said = !outcome.ok
    ? 'tip-status-unchanged'
    : outcome.awaitingReporter
      ? 'tip-status-set-waiting'
      : 'tip-status-set';
  const headline = ctx.t(said, { code: tip.code, status });
  return showTip(ctx, tip, headline, ctx.editable);
}

const setStatus = async (ctx: Ctx, code: string, to: TipMove) =>
  presentMove(ctx, await changeStatus(ctx, personActor(ctx.person), code, to));

/** The officer's reply to the reporter (text and/or photos), typed after "reply". */
export const replyFlow = defineFlow({
  name: 'tip-reply',
  access: staffOf(TIP_ROLES),
  // Optional only so that a draft that lost its code can be read at all: the step then ends the dialogue.
  // `card`: the card whose button started the reply, brought up to date in place once it is sent.
  draft: z.object({ code: tipCodeSchema.optional(), card: z.number().int().optional() }),
  steps: {
    write: {
      ask(ctx, { code }, problem) {
        if (!code) return notFound(ctx);
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('tip-reply-ask', { code }), {
          menu: [{ id: tipChoice.pack('open', { code }), label: ctx.t('report-cancel') }],
        });
      },
      async input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        const outcome = await replyToTipster(ctx, personActor(ctx.person), draft.code ?? '', {
          text,
          photos: ctx.msg.photos,
        });
        if (!outcome.ok) {
          if (outcome.reason === 'empty') return flow.again(draft);
          if (outcome.reason === 'too-long')
            return flow.again(draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
          return notFound(ctx);
        }
        flow.end();
        const said = !outcome.reporterTold
          ? 'tip-reply-no-reporter'
          : outcome.awaitingReporter
            ? 'tip-reply-waiting'
            : 'tip-reply-sent';
        const done = ctx.t(said, { code: outcome.tip.code });
        if (draft.card === undefined || !ctx.can.edit) return showTip(ctx, outcome.tip, done);
        // The card above now shows the reply in its thread; what happened is said here, under the typed reply.
        await showTip(ctx, outcome.tip, undefined, draft.card);
        ctx.reply(done);
      },
    },
  },
});

async function startReply(ctx: Ctx, code: string): Promise<void> {
  const tip = await tipInMyAreas(ctx.tx, ctx.staffGrants, code);
  if (!tip) return notFound(ctx);
  await replyFlow.start(ctx, { code: tip.code, card: ctx.editable });
}

const ON_TIP: Record<TipVerb, (ctx: Ctx, code: string) => Promise<void>> = {
  open: openTip,
  reply: startReply,
  ack: (ctx, code) => setStatus(ctx, code, VERB_MOVES.ack),
  take: (ctx, code) => setStatus(ctx, code, VERB_MOVES.take),
  // Closing asks first (close.ts); reopening undoes it.
  resolve: (ctx, code) => askClose(ctx, 'resolve', code),
  reject: (ctx, code) => askClose(ctx, 'reject', code),
  duplicate: (ctx, code) => askClose(ctx, 'duplicate', code),
  spam: (ctx, code) => askClose(ctx, 'spam', code),
  reopen: async (ctx, code) => presentMove(ctx, await reopenTip(ctx, personActor(ctx.person), code)),
};

/**
 * `tip:<verb>:<code>` from buttons, numbered menus and forged data alike: every
 * press is checked again, and a malformed one reads as an unknown tip.
 */
export const tipAction = forOfficers(async (ctx, arg: string) => {
  // A card's buttons stay for the next action (and for the other officers of a station group).
  ctx.keepPressedButtons();
  const choice = tipChoice.unpack(arg);
  if (!choice) return notFound(ctx);
  ctx.endFlow();
  await ON_TIP[choice.verb](ctx, choice.value.code);
});

/** `/tip <code>`: an officer opens a tip by its code (the way to act on Zalo). */
export const tipCommand = forOfficers((ctx, arg: string) => openTip(ctx, arg));
