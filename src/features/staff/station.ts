import { defineChoices, field } from '../../core/choice.ts';
import { personActor } from '../../core/scope.ts';
import type { PersonContext } from '../../core/guards.ts';
import { areaLabel } from '../areas/search.ts';
import { linkStation, unlinkStation } from './actions.ts';
import { TIP_ROLES } from './grants.ts';

/** The confirmation under `/station`: link the group to the named area, or leave it as it is. */
export const stationChoice = defineChoices('stn', { link: { area: field.text }, cancel: {} });

/**
 * `/station` in a group: the officer first sees how many people the group has
 * (every one of them will read the cards) and confirms; `/station off` unlinks.
 */
export async function stationCommand(ctx: PersonContext, arg: string): Promise<void> {
  if (ctx.msg.chatType !== 'group') return ctx.showMainMenu(ctx.t('station-group-only'));
  const grant = ctx.person.grants.find((g) => TIP_ROLES.includes(g.role));
  if (!grant) return ctx.reply(ctx.t('staff-only'));
  if (arg.trim().toLowerCase() === 'off') {
    await unlinkStation(ctx, personActor(ctx.person), ctx.here);
    return ctx.reply(ctx.t('station-unlinked'));
  }
  const area = await areaLabel(ctx.tx, grant.areaCode);
  const count = await ctx.memberCount();
  const members = count === undefined ? ctx.t('station-members-unknown') : ctx.t('station-members', { count });
  ctx.reply(`${members}\n${ctx.t('station-confirm', { area })}`, {
    menu: [
      { id: stationChoice.pack('link', { area: grant.areaCode }), label: ctx.t('station-link') },
      { id: stationChoice.pack('cancel'), label: ctx.t('station-cancel') },
    ],
  });
}

/** The confirmation's buttons, pressed in the group: whoever presses must be an officer of that area. */
export const stationAction = stationChoice.route<PersonContext>({
  async link(ctx, { area }) {
    if (ctx.msg.chatType !== 'group') return ctx.showMainMenu(ctx.t('station-group-only'));
    const outcome = await linkStation(ctx, personActor(ctx.person), ctx.here, area);
    // Told to the presser alone where the press can be answered; the officer's buttons stay.
    if (!outcome.ok) {
      if (!ctx.answerPress({ text: ctx.t('staff-only'), alert: true })) ctx.reply(ctx.t('staff-only'));
      return;
    }
    ctx.reply(ctx.t('station-linked', { area: await areaLabel(ctx.tx, area) }));
  },
  // Only staff may call it off: anyone else in the group is told privately, and the buttons stay.
  cancel(ctx) {
    if (ctx.person.grants.some((g) => TIP_ROLES.includes(g.role))) return ctx.reply(ctx.t('station-not-linked'));
    if (!ctx.answerPress({ text: ctx.t('staff-only'), alert: true })) ctx.reply(ctx.t('staff-only'));
  },
});
