import type { ChatContext } from '../../core/context.ts';
import { areaLabel } from '../areas/search.ts';
import type { MenuOption, PhotoRef } from '../../core/messages.ts';
import { areaOfficers } from './audience.ts';
import { officerCard, photoMessages, sendToEach, tipDetails } from './cards.ts';
import { CATEGORIES, isCategory } from './categories.ts';
import {
  draftSchema,
  MAX_DESCRIPTION,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MAX_PLACE,
  MIN_DESCRIPTION,
  normalizePhone,
  readDraft,
  writeDraft,
  type Draft,
} from './draft.ts';
import { soundsUrgent } from './emergency.ts';
import { minutesUntilNextTip } from './limits.ts';
import { fileTip, readTip } from './store.ts';

/** "about 20 minutes", or in hours once it is long. */
function rateLimited(ctx: ChatContext, minutes: number): string {
  return minutes < 90
    ? ctx.t('report-rate-limited', { minutes })
    : ctx.t('report-rate-limited-hours', { hours: Math.round(minutes / 60) });
}

const cancel = (ctx: ChatContext): MenuOption => ({ id: 'report:cancel', label: ctx.t('report-cancel') });

/** `/report`, "Báo tin": category, description, place, photos, anonymity, confirmation. */
export async function startReport(ctx: ChatContext): Promise<void> {
  if (!ctx.person!.user.areaCode) return ctx.showMainMenu(ctx.t('report-need-area'));
  const minutes = await minutesUntilNextTip(ctx);
  if (minutes) return ctx.showMainMenu(rateLimited(ctx, minutes));
  askCategory(ctx, draftSchema.parse({}));
}

function emergencyNotice(ctx: ChatContext): void {
  ctx.reply(ctx.t('emergency-numbers'));
}

function askCategory(ctx: ChatContext, draft: Draft): void {
  writeDraft(ctx, 'category', draft);
  const menu: MenuOption[] = CATEGORIES.map((c) => ({ id: `report:cat:${c}`, label: ctx.t(`cat-${c}`) }));
  if (!draft.urgent) menu.unshift({ id: 'report:urgent', label: ctx.t('report-urgent') });
  ctx.reply(ctx.t('report-ask-category'), { menu: [...menu, cancel(ctx)] });
}

function askDescription(ctx: ChatContext, draft: Draft, problem?: string): void {
  writeDraft(ctx, 'description', draft);
  ctx.reply(problem ?? ctx.t('report-ask-description', { category: ctx.t(`cat-${draft.category}`) }), {
    menu: [cancel(ctx)],
  });
}

function askLocation(ctx: ChatContext, draft: Draft, problem?: string): void {
  writeDraft(ctx, 'location', draft);
  ctx.reply(problem ?? ctx.t('report-ask-location'), { requestLocation: true });
  ctx.reply(ctx.t('report-location-skip-hint'), {
    menu: [{ id: 'report:skip', label: ctx.t('report-skip') }, cancel(ctx)],
  });
}

function askPhotos(ctx: ChatContext, draft: Draft, text = ctx.t('report-ask-photos', { max: MAX_PHOTOS })): void {
  writeDraft(ctx, 'photos', draft);
  const next = draft.photos.length
    ? { id: 'report:done', label: ctx.t('report-photos-done') }
    : { id: 'report:skip', label: ctx.t('report-skip') };
  ctx.reply(text, { menu: [next, cancel(ctx)] });
}

function askIdentity(ctx: ChatContext, draft: Draft): void {
  writeDraft(ctx, 'identity', draft);
  ctx.reply(ctx.t('report-ask-identity'), {
    menu: [
      { id: 'report:anon', label: ctx.t('report-anonymous') },
      { id: 'report:contact', label: ctx.t('report-leave-contact') },
      cancel(ctx),
    ],
  });
}

function askContact(ctx: ChatContext, draft: Draft, problem?: string): void {
  writeDraft(ctx, 'contact', draft);
  ctx.reply(problem ?? ctx.t('report-ask-contact'), {
    menu: [{ id: 'report:anon', label: ctx.t('report-anonymous') }, cancel(ctx)],
  });
}

function askConfirm(ctx: ChatContext, draft: Draft): void {
  writeDraft(ctx, 'confirm', draft);
  const lines = [
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
  ];
  ctx.reply(lines.join('\n'), {
    menu: [{ id: 'report:send', label: ctx.t('report-send') }, cancel(ctx)],
  });
}

/** Re-asks the question of the current step (after an answer that does not fit it). */
function askAgain(ctx: ChatContext, draft: Draft, problem?: string): void {
  switch (ctx.state.step) {
    case 'description':
      return askDescription(ctx, draft, problem);
    case 'location':
      return askLocation(ctx, draft, problem);
    case 'photos':
      return askPhotos(ctx, draft, problem);
    case 'identity':
      if (problem) ctx.reply(problem);
      return askIdentity(ctx, draft);
    case 'contact':
      return askContact(ctx, draft, problem);
    case 'confirm':
      if (problem) ctx.reply(problem);
      return askConfirm(ctx, draft);
    default:
      if (problem) ctx.reply(problem);
      return askCategory(ctx, draft);
  }
}

/** Adds photos within the limits; returns why not, if a photo was refused. */
function addPhotos(ctx: ChatContext, draft: Draft, photos: PhotoRef[]): string | undefined {
  for (const photo of photos) {
    if (draft.photos.length >= MAX_PHOTOS) return ctx.t('report-photo-limit', { max: MAX_PHOTOS });
    if ('size' in photo && (photo.size ?? 0) > MAX_PHOTO_BYTES) {
      return ctx.t('report-photo-too-big', { mb: MAX_PHOTO_BYTES / 1024 / 1024 });
    }
    draft.photos.push(photo);
  }
  return undefined;
}

function takeDescription(ctx: ChatContext, draft: Draft): void {
  const { text: raw, photos } = ctx.msg;
  const photoProblem = photos ? addPhotos(ctx, draft, photos) : undefined;
  const text = raw?.trim() ?? '';
  if (!text) {
    return askDescription(
      ctx,
      draft,
      photoProblem ?? ctx.t(photos ? 'report-photo-need-text' : 'report-ask-description-again'),
    );
  }
  if (text.length < MIN_DESCRIPTION)
    return askDescription(ctx, draft, ctx.t('report-description-short', { min: MIN_DESCRIPTION }));
  if (text.length > MAX_DESCRIPTION) {
    return askDescription(ctx, draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
  }
  if (photoProblem) ctx.reply(photoProblem);
  if (!draft.urgent && soundsUrgent(text)) {
    draft.urgent = true;
    emergencyNotice(ctx);
  }
  draft.description = text;
  askLocation(ctx, draft);
}

function takeLocation(ctx: ChatContext, draft: Draft): void {
  const { location, text } = ctx.msg;
  if (location) {
    draft.location = location;
    return askPhotos(ctx, draft);
  }
  const place = text?.trim();
  if (!place) return askLocation(ctx, draft, ctx.t('report-location-expected'));
  if (place.length > MAX_PLACE) return askLocation(ctx, draft, ctx.t('report-place-long', { max: MAX_PLACE }));
  draft.place = place;
  askPhotos(ctx, draft);
}

function takePhoto(ctx: ChatContext, draft: Draft): void {
  const { photos } = ctx.msg;
  if (!photos?.length) return askPhotos(ctx, draft, ctx.t('report-photo-expected', { max: MAX_PHOTOS }));
  const problem = addPhotos(ctx, draft, photos);
  askPhotos(ctx, draft, problem ?? ctx.t('report-photo-received', { count: draft.photos.length, max: MAX_PHOTOS }));
}

function takeContact(ctx: ChatContext, draft: Draft): void {
  const phone = normalizePhone(ctx.msg.text ?? '');
  if (!phone) return askContact(ctx, draft, ctx.t('report-contact-invalid'));
  draft.contact = phone;
  draft.anonymous = false;
  askConfirm(ctx, draft);
}

/** Free input while reporting: what the current step asked for. */
export async function reportInput(ctx: ChatContext): Promise<void> {
  const draft = readDraft(ctx);
  switch (ctx.state.step) {
    case 'description':
      return takeDescription(ctx, draft);
    case 'location':
      return takeLocation(ctx, draft);
    case 'photos':
      return takePhoto(ctx, draft);
    case 'contact':
      return takeContact(ctx, draft);
    default:
      return askAgain(ctx, draft, ctx.t('report-use-options'));
  }
}

/** The tip is stored, then the reporter gets the code and the officers the card, all in one transaction. */
async function submit(ctx: ChatContext, draft: Draft): Promise<void> {
  const minutes = await minutesUntilNextTip(ctx);
  ctx.endFlow();
  if (minutes) return ctx.showMainMenu(rateLimited(ctx, minutes));
  const tip = await fileTip(ctx.tx, ctx.pii, ctx.person!, draft);
  const content = readTip(ctx.pii, tip);
  const area = await areaLabel(ctx.tx, tip.areaCode);
  const readers = await areaOfficers(ctx.tx, ctx.pii, tip.areaCode, ctx.i18n.defaultLocale);
  sendToEach(ctx, readers, (t, reader) => [
    officerCard(t, tip, tipDetails(t, reader.locale, tip, content, area)),
    ...photoMessages(t, reader.to.platform, tip.code, content.photos),
  ]);
  ctx.showMainMenu(ctx.t(tip.urgent ? 'report-filed-urgent' : 'report-filed', { code: tip.code }));
}

/** Buttons and numbered answers of the report dialogue: `report:<what>[:<value>]`. */
export async function reportAction(ctx: ChatContext, arg: string): Promise<void> {
  const [what, value = ''] = arg.split(':');
  if (what === 'start') return startReport(ctx);
  if (what === 'cancel') {
    ctx.endFlow();
    return ctx.showMainMenu(ctx.t('report-cancelled'));
  }
  const step = ctx.state.flow === 'report' ? ctx.state.step : undefined;
  const draft = readDraft(ctx);
  if (step === 'category' && what === 'urgent') {
    draft.urgent = true;
    emergencyNotice(ctx);
    return askCategory(ctx, draft);
  }
  if (step === 'category' && what === 'cat' && isCategory(value)) {
    draft.category = value;
    return askDescription(ctx, draft);
  }
  if (step === 'location' && what === 'skip') return askPhotos(ctx, draft);
  if (step === 'photos' && (what === 'skip' || what === 'done')) return askIdentity(ctx, draft);
  if ((step === 'identity' || step === 'contact') && what === 'anon') {
    draft.anonymous = true;
    draft.contact = undefined;
    return askConfirm(ctx, draft);
  }
  if (step === 'identity' && what === 'contact') return askContact(ctx, draft);
  if (step === 'confirm' && what === 'send' && draft.category && draft.description) return submit(ctx, draft);
  if (step) return askAgain(ctx, draft, ctx.t('choice-expired'));
  ctx.showMainMenu(ctx.t('choice-expired'));
}
