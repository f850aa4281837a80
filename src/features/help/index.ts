import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { isRegistered } from '../../core/guards.ts';
import { isAcknowledgement } from './acknowledgement.ts';

/** Guests are pointed to /start (and the emergency numbers); registered people get the guide and the menu. */
async function help(ctx: ChatContext): Promise<void> {
  if (!isRegistered(ctx)) return ctx.reply(ctx.t('help-guest'));
  ctx.showMainMenu(ctx.t('help'));
}

export const helpFeature: Feature = {
  name: 'help',
  commands: { help: { guest: true, run: help } },
  actions: { help: { run: help } },
  mainMenu: (ctx) => [{ id: 'help', label: ctx.t('menu-help') }],
  // A courtesy reply to a notice ("Dạ cảm ơn công an xã") is answered kindly, not as a misunderstanding.
  freeText: async (ctx, text) => {
    if (!isAcknowledgement(text)) return false;
    ctx.showMainMenu(ctx.t('acknowledged'));
    return true;
  },
};
