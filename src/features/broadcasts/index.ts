import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { grantsOf, staff, type StaffContext } from '../../core/guards.ts';
import { parseRowId } from '../../core/menu.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { broadcastChoice } from './choices.ts';
import { chooseArea, composeChoices, composeFlow, startCompose } from './compose.ts';
import { list, refusalText, steering } from './manage.ts';

/** Officers steer their areas' broadcasts, leaders their own notices. */
const STEER_ROLES: StaffRole[] = ['officer', 'admin', 'leader'];

const steerBy = (verb: keyof typeof steering) =>
  staff(STEER_ROLES, (ctx, { id }: { id: number }) => steering[verb](ctx, id));

/** `/broadcast <verb> <id>`, as typed on Zalo: the same as the buttons. */
const steerTyped = staff(STEER_ROLES, async (ctx: StaffContext, verb: keyof typeof steering, raw: string) => {
  const id = parseRowId(raw);
  if (!id) return ctx.reply(refusalText(ctx, 'not-found', undefined));
  await steering[verb](ctx, id);
});

/** `/broadcast` alone composes; `/broadcast list`, `/broadcast <verb> <id>` steer. */
async function broadcastCommand(ctx: ChatContext, args: string): Promise<void> {
  const [verb = '', id = ''] = args.trim().toLowerCase().split(/\s+/);
  if (!verb) return staff(TIP_ROLES, startCompose)(ctx);
  if (verb === 'list') return staff(TIP_ROLES, list)(ctx);
  if (Object.hasOwn(steering, verb)) return steerTyped(ctx, verb as keyof typeof steering, id);
  ctx.reply(ctx.t('bc-usage'));
}

const broadcastAction = broadcastChoice.route({
  compose: staff(TIP_ROLES, startCompose),
  list: staff(TIP_ROLES, list),
  area: staff(TIP_ROLES, (ctx, { code }: { code: string }) => chooseArea(ctx, code)),
  who: composeChoices.who,
  'skip-en': composeChoices.skipEnglish,
  now: composeChoices.now,
  later: composeChoices.later,
  go: composeChoices.go,
  drop: steerBy('drop'),
  status: steerBy('status'),
  pause: steerBy('pause'),
  resume: steerBy('resume'),
  cancel: steerBy('cancel'),
  cancelgo: steerBy('cancelgo'),
});

/** Officials' notices to residents: compose, preview, send or schedule, and steer them while they go out. */
export const broadcastsFeature: Feature = {
  name: 'broadcasts',
  commands: { broadcast: { run: broadcastCommand, menuFor: TIP_ROLES } },
  actions: { [broadcastChoice.action]: { run: broadcastAction } },
  flows: [composeFlow],
  mainMenu: (ctx) =>
    grantsOf(ctx, TIP_ROLES).length
      ? [
          { id: broadcastChoice.pack('compose'), label: ctx.t('menu-broadcast') },
          { id: broadcastChoice.pack('list'), label: ctx.t('menu-broadcasts') },
        ]
      : [],
};
