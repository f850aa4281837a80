import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';

async function help(ctx: ChatContext): Promise<void> {
  if (!ctx.person) return ctx.reply(ctx.t('help-guest'));
  ctx.showMainMenu(ctx.t('help'));
}

export const helpFeature: Feature = {
  name: 'help',
  commands: { help: { guest: true, run: help } },
  actions: { help: { run: help } },
  mainMenu: (ctx) => [{ id: 'help', label: ctx.t('menu-help') }],
};
