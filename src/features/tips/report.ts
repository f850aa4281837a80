import { z } from 'zod';
import { defineChoices } from '../../core/choice.ts';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import type { MenuOption, PhotoRef } from '../../core/messages.ts';
import { TipCategory } from '../../generated/prisma/enums.ts';
import { areaLabel } from '../areas/search.ts';
import { areaOfficers } from './audience.ts';
import { officerCard, photoMessages, sendToEach, tipDetails } from './cards.ts';
import { CATEGORIES } from './categories.ts';
import {
  completeDraftSchema,
  draftSchema,
  MAX_DESCRIPTION,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MAX_PLACE,
  MIN_DESCRIPTION,
  normalizePhone,
  type Draft,
} from './draft.ts';
import { soundsUrgent } from './emergency.ts';
import { minutesUntilNextTip } from './limits.ts';
import { fileTip, readTip } from './store.ts';

/** Buttons and numbered answers of the report dialogue. */
export const reportChoice = defineChoices('report', {
  start: {},
  cancel: {},
  urgent: {},
  cat: { category: z.enum(TipCategory) },
  skip: {},
  done: {},
  anon: {},
  contact: {},
  send: {},
});

type Ctx = PersonContext;
type Steps = 'category' | 'description' | 'location' | 'photos' | 'identity' | 'contact' | 'confirm';
type Control = FlowControl<Draft, Steps>;

const cancel = (ctx: Ctx): MenuOption => ({ id: reportChoice.pack('cancel'), label: ctx.t('report-cancel') });
const option = (ctx: Ctx, verb: 'skip' | 'done' | 'anon' | 'contact' | 'send', label: string): MenuOption => ({
  id: reportChoice.pack(verb),
  label: ctx.t(label),
});

/** Whether the place question may mention sharing a location: only where this chat can send one. */
const canShare = (ctx: Ctx) => ({ share: ctx.can.shareLocation ? 'yes' : 'no' });

/** "about 20 minutes", or in hours once it is long. */
function rateLimited(ctx: Ctx, minutes: number): string {
  return minutes < 90
    ? ctx.t('report-rate-limited', { minutes })
    : ctx.t('report-rate-limited-hours', { hours: Math.round(minutes / 60) });
}

/** Adds photos within the limits; returns why not, if a photo was refused. */
function addPhotos(ctx: Ctx, draft: Draft, photos: PhotoRef[]): string | undefined {
  for (const photo of photos) {
    if (draft.photos.length >= MAX_PHOTOS) return ctx.t('report-photo-limit', { max: MAX_PHOTOS });
    if ('size' in photo && (photo.size ?? 0) > MAX_PHOTO_BYTES) {
      return ctx.t('report-photo-too-big', { mb: MAX_PHOTO_BYTES / 1024 / 1024 });
    }
    draft.photos.push(photo);
  }
  return undefined;
}

function summary(ctx: Ctx, draft: Draft): string {
  return [
    ctx.t('report-summary-title'),
    ctx.t('tip-card-category', { category: ctx.t(`cat-${draft.category}`) }),
    ...(draft.urgent ? [ctx.t('report-summary-urgent')] : []),
    ctx.t('tip-card-description', { text: draft.description ?? '' }),
    ...(draft.place ? [ctx.t('tip-card-place', { place: draft.place })] : []),
    ...(draft.location
      ? [
          ctx.t('tip-card-location', {
            lat: draft.location.latitude.toFixed(5),
            lng: draft.location.longitude.toFixed(5),
          }),
        ]
      : []),
    ctx.t('report-summary-photos', { count: draft.photos.length }),
    draft.anonymous
      ? ctx.t('report-summary-anonymous')
      : ctx.t('report-summary-contact', { phone: draft.contact ?? '' }),
  ].join('\n');
}

/** `/report`, "Báo tin": category, description, place, photos, anonymity, confirmation. */
export const reportFlow = defineFlow({
  name: 'report',
  access: people,
  draft: draftSchema,
  // The description, the place and a phone number are personal content.
  sealed: true,
  steps: {
    category: {
      ask(ctx, draft, problem) {
        if (problem) ctx.reply(problem);
        const menu: MenuOption[] = CATEGORIES.map((c) => ({
          id: reportChoice.pack('cat', { category: c }),
          label: ctx.t(`cat-${c}`),
        }));
        if (!draft.urgent) menu.unshift({ id: reportChoice.pack('urgent'), label: ctx.t('report-urgent') });
        ctx.reply(ctx.t('report-ask-category'), { menu: [...menu, cancel(ctx)] });
      },
    },
    description: {
      needs: ['category'],
      ask(ctx, draft, problem) {
        ctx.reply(problem ?? ctx.t('report-ask-description', { category: ctx.t(`cat-${draft.category}`) }), {
          menu: [cancel(ctx)],
        });
      },
      input(ctx, draft, flow) {
        const { text: raw, photos } = ctx.msg;
        const photoProblem = photos ? addPhotos(ctx, draft, photos) : undefined;
        const text = raw?.trim() ?? '';
        if (!text)
          return flow.again(
            draft,
            photoProblem ?? ctx.t(photos ? 'report-photo-need-text' : 'report-ask-description-again'),
          );
        if (text.length < MIN_DESCRIPTION)
          return flow.again(draft, ctx.t('report-description-short', { min: MIN_DESCRIPTION }));
        if (text.length > MAX_DESCRIPTION)
          return flow.again(draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
        if (photoProblem) ctx.reply(photoProblem);
        if (!draft.urgent && soundsUrgent(text)) {
          draft.urgent = true;
          ctx.reply(ctx.t('emergency-numbers'));
        }
        return flow.go('location', { ...draft, description: text });
      },
    },
    location: {
      needs: ['category', 'description'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('report-ask-location', canShare(ctx)), { requestLocation: true });
        ctx.reply(ctx.t('report-location-skip-hint'), {
          menu: [option(ctx, 'skip', 'report-skip'), cancel(ctx)],
        });
      },
      input(ctx, draft, flow) {
        const { location, text } = ctx.msg;
        if (location) return flow.go('photos', { ...draft, location });
        const place = text?.trim();
        if (!place) return flow.again(draft, ctx.t('report-location-expected', canShare(ctx)));
        if (place.length > MAX_PLACE) return flow.again(draft, ctx.t('report-place-long', { max: MAX_PLACE }));
        return flow.go('photos', { ...draft, place });
      },
    },
    photos: {
      needs: ['category', 'description'],
      ask(ctx, draft, note = ctx.t('report-ask-photos', { max: MAX_PHOTOS })) {
        const next = draft.photos.length
          ? option(ctx, 'done', 'report-photos-done')
          : option(ctx, 'skip', 'report-skip');
        ctx.reply(note, { menu: [next, cancel(ctx)] });
      },
      input(ctx, draft, flow) {
        const { photos } = ctx.msg;
        if (!photos?.length) return flow.again(draft, ctx.t('report-photo-expected', { max: MAX_PHOTOS }));
        const problem = addPhotos(ctx, draft, photos);
        return flow.again(
          draft,
          problem ?? ctx.t('report-photo-received', { count: draft.photos.length, max: MAX_PHOTOS }),
        );
      },
    },
    identity: {
      needs: ['category', 'description'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('report-ask-identity'), {
          menu: [option(ctx, 'anon', 'report-anonymous'), option(ctx, 'contact', 'report-leave-contact'), cancel(ctx)],
        });
      },
    },
    contact: {
      needs: ['category', 'description'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('report-ask-contact'), {
          menu: [option(ctx, 'anon', 'report-anonymous'), cancel(ctx)],
        });
      },
      input(ctx, draft, flow) {
        const phone = normalizePhone(ctx.msg.text ?? '');
        if (!phone) return flow.again(draft, ctx.t('report-contact-invalid'));
        return flow.go('confirm', { ...draft, contact: phone, anonymous: false });
      },
    },
    confirm: {
      needs: ['category', 'description'],
      ask(ctx, draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(summary(ctx, draft), { menu: [option(ctx, 'send', 'report-send'), cancel(ctx)] });
      },
    },
  },
});

export async function startReport(ctx: Ctx): Promise<void> {
  if (!ctx.person.user.areaCode) return ctx.showMainMenu(ctx.t('report-need-area'));
  const minutes = await minutesUntilNextTip(ctx);
  if (minutes) return ctx.showMainMenu(rateLimited(ctx, minutes));
  await reportFlow.start(ctx);
}

/** The tip is stored, then the reporter gets the code and the officers the card, all in one transaction. */
async function submit(ctx: Ctx, draft: Draft, flow: Control): Promise<void> {
  const complete = completeDraftSchema.safeParse(draft);
  if (!complete.success) return flow.go('category', draft, ctx.t('flow-draft-reset'));
  const minutes = await minutesUntilNextTip(ctx);
  const { areaCode } = ctx.person.user;
  flow.end();
  if (!areaCode) return ctx.showMainMenu(ctx.t('report-need-area'));
  if (minutes) return ctx.showMainMenu(rateLimited(ctx, minutes));
  const tip = await fileTip(ctx.tx, ctx.pii, ctx.person, areaCode, complete.data);
  const content = readTip(ctx.pii, tip);
  const area = await areaLabel(ctx.tx, tip.areaCode);
  const readers = await areaOfficers(ctx.tx, ctx.pii, tip.areaCode, ctx.i18n.defaultLocale);
  sendToEach(ctx, readers, (t, reader) => [
    officerCard(t, reader.to.platform, tip, tipDetails(t, reader.locale, tip, content, area, reader.place)),
    ...photoMessages(t, reader.to.platform, tip.code, content.photos),
  ]);
  ctx.showMainMenu(ctx.t(tip.urgent ? 'report-filed-urgent' : 'report-filed', { code: tip.code }));
}

const anonymous = (_ctx: Ctx, draft: Draft, _v: unknown, flow: Control) =>
  flow.go('confirm', { ...draft, anonymous: true, contact: undefined });

/** What each choice does, and at which step it counts. */
export const reportAction = reportChoice.route<Ctx>({
  start: startReport,
  cancel: (ctx) => {
    reportFlow.end(ctx);
    ctx.showMainMenu(ctx.t('report-cancelled'));
  },
  urgent: reportFlow.at('category', (ctx, draft, _v, flow) => {
    ctx.reply(ctx.t('emergency-numbers'));
    return flow.again({ ...draft, urgent: true });
  }),
  cat: reportFlow.at('category', (_ctx, draft, { category }: { category: TipCategory }, flow) =>
    flow.go('description', { ...draft, category }),
  ),
  skip: reportFlow.at(['location', 'photos'], (ctx, draft, _v, flow) =>
    flow.go(ctx.state.step === 'location' ? 'photos' : 'identity', draft),
  ),
  done: reportFlow.at('photos', (_ctx, draft, _v, flow) => flow.go('identity', draft)),
  anon: reportFlow.at(['identity', 'contact'], anonymous),
  contact: reportFlow.at('identity', (_ctx, draft, _v, flow) => flow.go('contact', draft)),
  send: reportFlow.at('confirm', (ctx, draft, _v, flow) => submit(ctx, draft, flow)),
});
