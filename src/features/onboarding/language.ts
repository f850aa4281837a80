import type { ChatContext } from '../../core/context.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';

/** Language names are shown in their own language, whatever the current one. */
const NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** The language question; `choice` makes each option's id (onboarding and settings each answer their own). */
export function askLanguage(ctx: ChatContext, choice: (locale: Locale) => string): void {
  ctx.reply(ctx.t('language-ask'), { menu: LOCALES.map((l) => ({ id: choice(l), label: NAMES[l] })) });
}
