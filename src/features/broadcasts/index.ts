import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { hasTipRole } from '../staff/grants.ts';
import { composeAction, composeInput, startCompose } from './compose.ts';
import { manage } from './manage.ts';

/** `/broadcast` alone composes; `/broadcast <verb> <id>` steers one (typed on Zalo). */
async function broadcastCommand(ctx: ChatContext, args: string): Promise<void> {
  const [verb = '', id = ''] = args.trim().toLowerCase().split(/\s+/);
  if (!verb) return startCompose(ctx);
  if (!(await manage(ctx, verb, id))) ctx.reply(ctx.t('bc-usage'));
}

/** Buttons: `bc:<verb>:<value>`. */
async function broadcastAction(ctx: ChatContext, arg: string): Promise<void> {
  const at = arg.indexOf(':');
  const [verb, value] = at < 0 ? [arg, ''] : [arg.slice(0, at), arg.slice(at + 1)];
  if (await composeAction(ctx, verb, value)) return;
  if (!(await manage(ctx, verb, value))) ctx.reply(ctx.t('choice-expired'));
}

/** Officials' notices to residents: compose, preview, send or schedule, and steer them while they go out. */
export const broadcastsFeature: Feature = {
  name: 'broadcasts',
  commands: { broadcast: { run: broadcastCommand } },
  actions: { bc: { run: broadcastAction } },
  inputs: { broadcast: composeInput },
  mainMenu: (ctx) =>
    hasTipRole(ctx.person?.grants ?? [])
      ? [
          { id: 'bc:compose', label: ctx.t('menu-broadcast') },
          { id: 'bc:list', label: ctx.t('menu-broadcasts') },
        ]
      : [],
};
