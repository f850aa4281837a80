import { deliveryFigures } from '../../broadcasting/store.ts';
import type { ChatContext } from '../../core/context.ts';
import type { StaffContext } from '../../core/guards.ts';
import { CONFIRM_FORMS, DECLINE_FORMS } from '../../core/menu.ts';
import type { MenuOption } from '../../core/messages.ts';
import { personActor } from '../../core/scope.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { tipAreaFilter } from '../staff/grants.ts';
import { broadcastWithin, cancel, discard, pause, resume, type BroadcastRefusal } from './actions.ts';
import { broadcastChoice } from './choices.ts';
import { statusText } from './report.ts';

const LIST_SIZE = 10;

/** The one answer to each refusal of a broadcast action. */
export function refusalText(ctx: ChatContext, reason: BroadcastRefusal, id: number | undefined): string {
  if (reason === 'state') return ctx.t('bc-not-now', { id: String(id) });
  return ctx.t(reason === 'area' ? 'staff-only' : 'bc-not-found');
}

/** A broadcast staff may cancel: one under way or waiting (a draft is discarded instead). */
const cancellable = (b: Broadcast) => ['scheduled', 'sending', 'paused'].includes(b.status);

/** What can be done to a broadcast in its state, as buttons (numbered on Zalo). */
export function manageMenu(ctx: ChatContext, b: Broadcast): MenuOption[] {
  const actions: Array<['status' | 'pause' | 'resume' | 'cancel', boolean]> = [
    ['status', true],
    ['pause', b.status === 'sending' || b.status === 'scheduled'],
    ['resume', b.status === 'paused'],
    ['cancel', cancellable(b)],
  ];
  return [
    ...actions
      .filter(([, ok]) => ok)
      .map(([verb]) => ({ id: broadcastChoice.pack(verb, { id: b.id }), label: ctx.t(`bc-do-${verb}`) })),
    { id: 'home', label: ctx.t('nav-back') },
  ];
}

async function showStatus(ctx: ChatContext, b: Broadcast): Promise<void> {
  const figures = await deliveryFigures(ctx.tx, b.id);
  ctx.reply(statusText(ctx.i18n, ctx.locale, b, figures), { menu: manageMenu(ctx, b) });
}

/** A broadcast's counts and what can be done to it. */
async function status(ctx: StaffContext, id: number): Promise<void> {
  const found = await broadcastWithin(ctx.tx, personActor(ctx.person), id);
  if (!found.ok) return ctx.reply(refusalText(ctx, found.reason, id));
  await showStatus(ctx, found.broadcast);
}

/** Pause, resume or cancel, then the broadcast as it stands. */
async function steer(ctx: StaffContext, id: number, act: typeof pause): Promise<void> {
  const actor = personActor(ctx.person);
  const outcome = await act(ctx, actor, id);
  if (!outcome.ok) {
    // Refused for its state: what can be done instead.
    const found = outcome.reason === 'state' ? await broadcastWithin(ctx.tx, actor, id) : undefined;
    return ctx.reply(refusalText(ctx, outcome.reason, id), found?.ok ? { menu: manageMenu(ctx, found.broadcast) } : {});
  }
  ctx.endFlow();
  await showStatus(ctx, outcome.broadcast);
}

/** Cancelling cannot be undone (those not yet reached never get it): it asks first; "Không" shows the broadcast as it goes on. */
async function askCancel(ctx: StaffContext, id: number): Promise<void> {
  const found = await broadcastWithin(ctx.tx, personActor(ctx.person), id);
  if (!found.ok) return ctx.reply(refusalText(ctx, found.reason, id));
  const b = found.broadcast;
  if (!cancellable(b)) return ctx.reply(refusalText(ctx, 'state', id), { menu: manageMenu(ctx, b) });
  ctx.reply(ctx.t('bc-cancel-confirm', { id: String(id), status: ctx.t(`bc-state-${b.status}`) }), {
    menu: [
      { id: broadcastChoice.pack('cancelgo', { id }), label: ctx.t('bc-do-cancel'), also: [...CONFIRM_FORMS] },
      { id: broadcastChoice.pack('status', { id }), label: ctx.t('bc-cancel-keep'), also: [...DECLINE_FORMS] },
    ],
  });
}

/** Discarding a draft in composition (a broadcast or a leader's notice): it never started, so nothing to report. */
async function drop(ctx: StaffContext, id: number): Promise<void> {
  const outcome = await discard(ctx, personActor(ctx.person), id);
  if (!outcome.ok) return ctx.reply(refusalText(ctx, outcome.reason, id));
  ctx.endFlow();
  ctx.showMainMenu(ctx.t('bc-discarded'));
}

/** What staff do to one broadcast, by its id: the same as buttons and as `/broadcast <verb> <id>`. */
export const steering = {
  status,
  pause: (ctx: StaffContext, id: number) => steer(ctx, id, pause),
  resume: (ctx: StaffContext, id: number) => steer(ctx, id, resume),
  cancel: askCancel,
  cancelgo: (ctx: StaffContext, id: number) => steer(ctx, id, cancel),
  drop,
};

/** The latest broadcasts of the officer's areas. */
export async function list(ctx: StaffContext): Promise<void> {
  const rows = await ctx.tx.broadcast.findMany({
    where: { ...tipAreaFilter(ctx.person.grants), status: { not: 'draft' } },
    orderBy: { id: 'desc' },
    take: LIST_SIZE,
  });
  if (!rows.length) return ctx.showMainMenu(ctx.t('bc-list-empty'));
  const menu = rows.map((b) => ({
    id: broadcastChoice.pack('status', { id: b.id }),
    label: `#${b.id} · ${ctx.t(`bc-state-${b.status}`)} · ${ctx.t('bc-list-recipients', { count: b.recipientCount })}`,
  }));
  ctx.reply(ctx.t('bc-list-title'), { menu: [...menu, { id: 'home', label: ctx.t('nav-back') }] });
}
