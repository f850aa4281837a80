import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { createPerson } from '../../core/people.ts';
import { isLocale } from '../../i18n/index.ts';
import { areaSearchStep, askArea, saveArea } from './area-flow.ts';
import { CONSENT_TEXT_VERSION } from './consent.ts';
import { askLanguage } from './language.ts';

function askConsent(ctx: ChatContext): void {
  ctx.setFlow('onboarding', 'consent');
  ctx.reply(ctx.t('consent-text'), {
    menu: [
      { id: 'consent:yes', label: ctx.t('consent-accept') },
      { id: 'consent:no', label: ctx.t('consent-decline') },
    ],
  });
}

/** `/start` and any first message: language, consent, area, then the main menu. */
async function begin(ctx: ChatContext, payload: string): Promise<void> {
  if (ctx.person) {
    if (!ctx.person.user.areaCode) return askArea(ctx, 'onboarding');
    ctx.endFlow();
    ctx.showMainMenu(ctx.t('welcome-back'));
    if (payload) await ctx.nav.startPayload(ctx, payload);
    return;
  }
  ctx.setFlow('onboarding', 'language', payload ? { startPayload: payload } : {});
  ctx.reply(ctx.t('welcome'));
  askLanguage(ctx);
}

async function chooseLanguage(ctx: ChatContext, code: string): Promise<void> {
  if (!isLocale(code)) return askLanguage(ctx);
  ctx.locale = code;
  if (ctx.person) {
    ctx.person.user = await ctx.tx.user.update({ where: { id: ctx.person.user.id }, data: { locale: code } });
    ctx.endFlow();
    ctx.showMainMenu(ctx.t('language-saved'));
    return;
  }
  // Before consent the choice lives only in the dialogue state.
  ctx.setFlow('onboarding', 'consent', ctx.state.data);
  ctx.state = { ...ctx.state, locale: code };
  askConsent(ctx);
}

async function answerConsent(ctx: ChatContext, answer: string): Promise<void> {
  if (ctx.person) return ctx.showMainMenu(ctx.t('consent-already'));
  if (answer !== 'yes') {
    // Silence or refusal is not consent: forget the dialogue, keep nothing.
    ctx.state = { data: {} };
    ctx.reply(ctx.t('consent-declined'));
    return;
  }
  ctx.person = await createPerson(ctx.tx, ctx.pii, ctx.msg, {
    locale: ctx.locale,
    consentVersion: CONSENT_TEXT_VERSION,
  });
  ctx.reply(ctx.t('consent-recorded'));
  askArea(ctx, 'onboarding', { startPayload: ctx.state.data.startPayload });
}

async function pickArea(ctx: ChatContext, code: string): Promise<void> {
  const fromOnboarding = ctx.state.flow === 'area' && ctx.state.data.origin === 'onboarding';
  const payload = ctx.state.data.startPayload;
  const place = await saveArea(ctx, code);
  if (!place) return ctx.showMainMenu(ctx.t('choice-expired'));
  ctx.endFlow();
  ctx.showMainMenu(ctx.t(fromOnboarding ? 'onboarding-done' : 'area-saved', { place }));
  if (fromOnboarding && typeof payload === 'string') await ctx.nav.startPayload(ctx, payload);
}

/** While onboarding waits for a button, typed text repeats the question. */
async function onboardingStep(ctx: ChatContext): Promise<void> {
  if (ctx.state.step === 'consent') return askConsent(ctx);
  askLanguage(ctx);
}

export const onboarding: Feature = {
  name: 'onboarding',
  commands: {
    start: { guest: true, run: begin },
    language: { guest: true, run: async (ctx) => askLanguage(ctx) },
  },
  actions: {
    lang: { guest: true, run: chooseLanguage },
    consent: { guest: true, run: answerConsent },
    area: { run: pickArea },
  },
  inputs: {
    onboarding: onboardingStep,
    area: areaSearchStep,
  },
};

export { begin as beginOnboarding };
