import { z } from 'zod';
import { defineChoices } from '../../core/choice.ts';
import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { defineFlow } from '../../core/flow.ts';
import { isRegistered, people, registered, type PersonContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { areaFlow } from '../onboarding/area-flow.ts';
import { onboardingFlow } from '../onboarding/index.ts';
import { askLanguage } from '../onboarding/language.ts';
import { privacyChoice } from '../privacy/index.ts';

const NOTICE_KINDS = ['festival', 'models', 'general'] as const;
type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Which of the user's columns each kind of notice is. */
const NOTICE_FIELDS = {
  festival: 'noticeFestival',
  models: 'noticeModels',
  general: 'noticeGeneral',
} as const satisfies Record<NoticeKind, string>;

/** The settings menu and what its screens offer. */
export const settingsChoice = defineChoices('settings', {
  show: {},
  language: {},
  area: {},
  notices: {},
  lang: { locale: z.enum(LOCALES) },
  toggle: { kind: z.enum(NOTICE_KINDS) },
  stop: {},
  resume: {},
});

function showSettings(ctx: ChatContext): void {
  ctx.reply(ctx.t('settings-title'), {
    menu: [
      { id: settingsChoice.pack('language'), label: ctx.t('settings-language') },
      { id: settingsChoice.pack('area'), label: ctx.t('settings-area') },
      { id: settingsChoice.pack('notices'), label: ctx.t('settings-notices') },
      { id: privacyChoice.pack('mydata'), label: ctx.t('settings-mydata') },
      { id: privacyChoice.pack('deleteme'), label: ctx.t('settings-deleteme') },
      { id: 'home', label: ctx.t('nav-back') },
    ],
  });
}

function showNotices(ctx: PersonContext, headline?: string): void {
  const { user } = ctx.person;
  const mark = (on: boolean) => (on ? '✅' : '⬜');
  const menu: MenuOption[] = NOTICE_KINDS.map((kind) => ({
    id: settingsChoice.pack('toggle', { kind }),
    label: `${mark(user[NOTICE_FIELDS[kind]])} ${ctx.t(`notice-${kind}`)}`,
  }));
  menu.push(
    user.optedOutAt
      ? { id: settingsChoice.pack('resume'), label: ctx.t('notice-resume') }
      : { id: settingsChoice.pack('stop'), label: ctx.t('notice-stop') },
    { id: settingsChoice.pack('show'), label: ctx.t('nav-back') },
  );
  const status = ctx.t(user.optedOutAt ? 'notices-status-stopped' : 'notices-status-on');
  ctx.reply([headline, status, ctx.t('notices-title')].filter(Boolean).join('\n\n'), { menu });
}

/** The screens of the settings that take an answer: the language, the notices. */
export const settingsFlow = defineFlow({
  name: 'settings',
  access: people,
  draft: z.object({}),
  steps: {
    language: {
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        askLanguage(ctx, (locale) => settingsChoice.pack('lang', { locale }));
      },
    },
    notices: {
      ask: (ctx, _draft, note) => showNotices(ctx, note),
    },
  },
});

async function setOptOut(ctx: PersonContext, stopped: boolean): Promise<void> {
  ctx.person.user = await ctx.tx.user.update({
    where: { id: ctx.person.user.id },
    data: { optedOutAt: stopped ? new Date() : null },
  });
}

const saveLanguage = settingsFlow.at('language', async (ctx, _draft, { locale }: { locale: Locale }, flow) => {
  ctx.person.user = await ctx.tx.user.update({ where: { id: ctx.person.user.id }, data: { locale } });
  ctx.locale = locale;
  flow.end();
  // Staff have a command menu of their own (see the welcome of /staff), described in the language they had.
  const roles = ctx.person.grants.map((g) => g.role);
  ctx.showMainMenu(ctx.t('language-saved'), roles.length ? { commandsFor: roles } : {});
});

const toggle = settingsFlow.at('notices', async (ctx, draft, { kind }: { kind: NoticeKind }, flow) => {
  const field = NOTICE_FIELDS[kind];
  const { user } = ctx.person;
  ctx.person.user = await ctx.tx.user.update({ where: { id: user.id }, data: { [field]: !user[field] } });
  return flow.again(draft);
});

const optOut = (stopped: boolean) =>
  settingsFlow.at('notices', async (ctx, draft, _value, flow) => {
    await setOptOut(ctx, stopped);
    return flow.again(draft, ctx.t(stopped ? 'stop-done' : 'resume-done'));
  });

const settingsAction = settingsChoice.route<PersonContext>({
  show: (ctx) => {
    settingsFlow.end(ctx);
    showSettings(ctx);
  },
  language: (ctx) => settingsFlow.start(ctx, {}, 'language'),
  area: (ctx) => areaFlow.start(ctx, { origin: 'settings' }),
  notices: (ctx) => settingsFlow.start(ctx, {}, 'notices'),
  lang: saveLanguage,
  toggle,
  stop: optOut(true),
  resume: optOut(false),
});

/** `/language`: a guest chooses it at the start of onboarding, a registered person in the settings. */
async function language(ctx: ChatContext): Promise<void> {
  if (isRegistered(ctx)) return settingsFlow.start(ctx, {}, 'language');
  await onboardingFlow.start(ctx);
}

export const settingsFeature: Feature = {
  name: 'settings',
  commands: {
    settings: { run: registered(showSettings) },
    language: { guest: true, run: language },
    stop: {
      run: registered(async (ctx) => {
        await setOptOut(ctx, true);
        ctx.showMainMenu(ctx.t('stop-done'));
      }),
    },
  },
  actions: {
    [settingsChoice.action]: { run: registered(settingsAction) },
    // "Back" to the main menu, from any screen: it leaves the dialogue it was offered in.
    home: {
      run: async (ctx) => {
        ctx.endFlow();
        ctx.showMainMenu();
      },
    },
  },
  flows: [settingsFlow],
  mainMenu: (ctx) => [{ id: settingsChoice.pack('show'), label: ctx.t('menu-settings') }],
};
