import type { ChatContext } from '../../core/context.ts';
import { formatTime } from '../../core/format.ts';
import type { StaffContext } from '../../core/guards.ts';
import { CONFIRM_FORMS, DECLINE_FORMS } from '../../core/menu.ts';
import type { MenuOption } from '../../core/messages.ts';
import { personActor } from '../../core/scope.ts';
import { areaLabel } from '../areas/search.ts';
import { tipAreaFilter } from '../staff/grants.ts';
import { cancel, festivalWithin } from './actions.ts';
import { festmChoice } from './choices.ts';
import { rsvpCounts } from './store.ts';
import { festivalDetails, leadTime } from './texts.ts';

export const home = (ctx: ChatContext): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });
export const toFestival = (ctx: ChatContext, id: number): MenuOption => ({
  id: festmChoice.pack('open', { id }),
  label: ctx.t('nav-back'),
});

/** A refused action: the dialogue ends; the way back is the festival's page, or home when it is not ours to see. */
export function refused(ctx: ChatContext, festivalId: number, reason: string): void {
  ctx.endFlow();
  ctx.reply(ctx.t(reason), { menu: [reason === 'fest-not-found' ? home(ctx) : toFestival(ctx, festivalId)] });
}

/** `/festival`: the festivals of my areas, and creating one. */
export async function manageFestivals(ctx: StaffContext): Promise<void> {
  const festivals = await ctx.tx.festival.findMany({
    where: { endsAt: { gt: new Date(Date.now() - 30 * 86_400_000) }, ...tipAreaFilter(ctx.person.grants) },
    orderBy: { startsAt: 'asc' },
    take: 20,
  });
  const menu: MenuOption[] = [
    { id: festmChoice.pack('create'), label: ctx.t('fest-create') },
    ...festivals.map((f) => ({
      id: festmChoice.pack('open', { id: f.id }),
      label: `${f.status === 'cancelled' ? '⛔' : '🎉'} #${f.id} ${f.title} · ${formatTime(ctx.locale, f.startsAt)}`,
    })),
    home(ctx),
  ];
  ctx.reply(festivals.length ? ctx.t('fest-manage-title') : ctx.t('fest-manage-empty'), { menu });
}

/** Details with RSVP counts and the reminders' schedule, and what can be done. */
export async function showManaged(ctx: StaffContext, festivalId: number, headline?: string): Promise<void> {
  const found = await festivalWithin(ctx, personActor(ctx.person), festivalId);
  if (!found.ok) return refused(ctx, festivalId, found.reason);
  const f = found.festival;
  const counts = await rsvpCounts(ctx.tx, f.id);
  const reminders = await ctx.tx.festivalReminder.findMany({ where: { festivalId: f.id }, orderBy: { dueAt: 'asc' } });
  const area = await areaLabel(ctx.tx, f.areaCode);
  const schedule = reminders.map((r) =>
    ctx.t('fest-reminder-line', {
      left: leadTime(ctx.i18n, ctx.locale, r.offsetSeconds),
      time: formatTime(ctx.locale, r.dueAt),
      status: ctx.t(`fest-reminder-${r.status}`),
    }),
  );
  const text = [
    headline,
    festivalDetails(ctx.i18n, ctx.locale, f, area),
    ctx.t(f.status === 'cancelled' ? 'fest-is-cancelled' : 'fest-counts', {
      ...counts,
      to: ctx.t(`fest-remind-${f.remindTo}`),
    }),
    schedule.length ? `${ctx.t('fest-reminders')}\n${schedule.join('\n')}` : undefined,
  ];
  const menu: MenuOption[] =
    f.status === 'scheduled'
      ? [
          { id: festmChoice.pack('move', { id: f.id }), label: ctx.t('fest-move') },
          { id: festmChoice.pack('commend', { id: f.id }), label: ctx.t('fest-commend') },
          { id: festmChoice.pack('cancel', { id: f.id }), label: ctx.t('fest-cancel') },
        ]
      : [];
  menu.push({ id: festmChoice.pack('list'), label: ctx.t('nav-back') });
  ctx.reply(text.filter(Boolean).join('\n\n'), { menu });
}

export async function askCancel(ctx: StaffContext, { id }: { id: number }): Promise<void> {
  const found = await festivalWithin(ctx, personActor(ctx.person), id);
  if (!found.ok) return refused(ctx, id, found.reason);
  ctx.reply(ctx.t('fest-cancel-confirm', { title: found.festival.title }), {
    // Typed on Zalo: "co"/"ok" cancel it, "khong" keeps it (the way back is the festival's page).
    menu: [
      { id: festmChoice.pack('cancelgo', { id }), label: ctx.t('fest-cancel'), also: [...CONFIRM_FORMS] },
      { ...toFestival(ctx, id), also: [...DECLINE_FORMS] },
    ],
  });
}

export async function applyCancel(ctx: StaffContext, { id }: { id: number }): Promise<void> {
  const outcome = await cancel(ctx, personActor(ctx.person), id);
  if (!outcome.ok) return refused(ctx, id, outcome.reason);
  await showManaged(ctx, id, ctx.t('fest-cancelled-done', { id, count: outcome.recipients }));
}
