import type { ChatContext } from '../../core/context.ts';

/** Language names are shown in their own language, whatever the current one. */
export function askLanguage(ctx: ChatContext): void {
  ctx.reply(ctx.t('language-ask'), {
    menu: [
      { id: 'lang:vi', label: 'Tiếng Việt' },
      { id: 'lang:en', label: 'English' },
    ],
  });
}
