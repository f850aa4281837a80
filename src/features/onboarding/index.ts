import { z } from 'zod';
import { defineChoices } from '../../core/choice.ts';
import type { ChatContext } from '../../core/context.ts';
import type { Feature } from '../../core/feature.ts';
import { defineFlow } from '../../core/flow.ts';
import { isRegistered, registered, type PersonContext } from '../../core/guards.ts';
import { createPerson } from '../../core/people.ts';
import { LOCALES, type Locale } from '../../i18n/index.ts';
import { areaAction, areaChoice, areaFlow, startPayloadSchema } from './area-flow.ts';
import { CONSENT_FORMS, CONSENT_TEXT_VERSION } from './consent.ts';
import { askLanguage } from './language.ts';

/** The buttons (and numbered answers) of a guest's first dialogue. */
export const onboardingChoice = defineChoices('onboarding', {
  lang: { locale: z.enum(LOCALES) },
  accept: {},
  decline: {},
});

/** A guest's first dialogue: language, then consent; the area follows once they are registered. */
export const onboardingFlow = defineFlow({
  name: 'onboarding',
  draft: z.object({ startPayload: startPayloadSchema.optional() }),
  // The payload can be an invite code carried from a first `/staff CODE`.
  sealed: true,
  steps: {
    language: {
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        askLanguage(ctx, (locale) => onboardingChoice.pack('lang', { locale }));
      },
    },
    consent: {
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('consent-text'), {
          menu: [
            { id: onboardingChoice.pack('accept'), label: ctx.t('consent-accept'), also: [...CONSENT_FORMS.accept] },
            { id: onboardingChoice.pack('decline'), label: ctx.t('consent-decline'), also: [...CONSENT_FORMS.decline] },
          ],
        });
      },
    },
  },
});

/** `/start` and any first message: language, consent, area, then the main menu (and the deep link, if any). */
async function begin(ctx: ChatContext, payload: string): Promise<void> {
  const link = startPayloadSchema.safeParse(payload);
  const startPayload = link.success ? link.data : undefined;
  if (isRegistered(ctx)) {
    if (!ctx.person.user.areaCode) return areaFlow.start(ctx, { origin: 'onboarding', startPayload });
    ctx.endFlow();
    ctx.showMainMenu(ctx.t('welcome-back'));
    if (payload) await ctx.nav.startPayload(ctx, payload);
    return;
  }
  ctx.reply(ctx.t('welcome'));
  await onboardingFlow.start(ctx, { startPayload });
}

/** Before consent the language lives only in the dialogue state (kept apart from the draft by the store). */
const chooseLanguage = onboardingFlow.at('language', (ctx, draft, { locale }: { locale: Locale }, flow) => {
  ctx.locale = locale;
  ctx.state = { ...ctx.state, locale };
  return flow.go('consent', draft);
});

/** Consent registers the person, in the language they chose; the area comes next. */
const accept = onboardingFlow.at('consent', async (ctx, draft) => {
  const person = await createPerson(ctx.tx, ctx.pii, ctx.msg, {
    locale: ctx.locale,
    consentVersion: CONSENT_TEXT_VERSION,
  });
  // From here the language is on the user row.
  ctx.state = { ...ctx.state, locale: undefined };
  const registeredCtx: PersonContext = Object.assign(ctx, { person });
  registeredCtx.reply(registeredCtx.t('consent-recorded'));
  await areaFlow.start(registeredCtx, { origin: 'onboarding', startPayload: draft.startPayload });
});

/** Silence or refusal is not consent: forget the dialogue, keep nothing. */
const decline = onboardingFlow.at('consent', (ctx) => {
  ctx.state = { data: {} };
  ctx.reply(ctx.t('consent-declined'));
});

const onboardingAction = onboardingChoice.route({
  lang: chooseLanguage,
  accept: (ctx, value) => (isRegistered(ctx) ? ctx.showMainMenu(ctx.t('consent-already')) : accept(ctx, value)),
  decline,
});

export const onboarding: Feature = {
  name: 'onboarding',
  commands: {
    start: { guest: true, run: begin },
  },
  actions: {
    [onboardingChoice.action]: { guest: true, run: onboardingAction },
    [areaChoice.action]: { run: registered(areaAction) },
  },
  flows: [onboardingFlow, areaFlow],
};

export { begin as beginOnboarding };
