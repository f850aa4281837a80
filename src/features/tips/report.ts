import { z } from 'zod';
import { defineChoices } from '../../core/choice.ts';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import type { MenuOption, PhotoRef } from '../../core/messages.ts';
import { TipCategory } from '../../generated/prisma/enums.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { addToTip, withNote, type TipAddition } from './additions.ts';
import { areaOfficers } from './audience.ts';
import { officerCard, photoMessages, sendToEach, tipDetails } from './cards.ts';
import { CATEGORIES } from './categories.ts';
import {
  completeDraftSchema,
  draftSchema,
  headOf,
  MAX_DESCRIPTION,
  MAX_LONG_DESCRIPTION,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  MAX_PLACE,
  MIN_DESCRIPTION,
  normalizePhone,
  partsOf,
  type Draft,
} from './draft.ts';
import { soundsUrgent } from './emergency.ts';
import { minutesUntilNextTip } from './limits.ts';
import { forwardFollowUps } from './follow-ups.ts';
import { addTipMessage, fileTip, readTip } from './store.ts';
import { tellAdminsUnrouted } from './unrouted.ts';
import { photoLinker, tipPhotos } from './photo-links.ts';

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
  /** A description over the limit: keep its first part only, or send the rest after filing. */
  keep: {},
  split: {},
});

type Ctx = PersonContext;
type Steps = 'category' | 'description' | 'location' | 'photos' | 'identity' | 'contact' | 'confirm';
type Control = FlowControl<Draft, Steps>;

const cancel = (ctx: Ctx): MenuOption => ({ id: reportChoice.pack('cancel'), label: ctx.t('report-cancel') });
type Verb = 'skip' | 'done' | 'anon' | 'contact' | 'send' | 'keep' | 'split';
const option = (ctx: Ctx, verb: Verb, label: string, args?: Record<string, number>): MenuOption => ({
  id: reportChoice.pack(verb),
  label: ctx.t(label, args),
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
    ...(draft.rest ? [ctx.t('report-summary-rest', { length: draft.rest.length })] : []),
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
        if (draft.pending) {
          const menu = [
            option(ctx, 'keep', 'report-long-keep', { max: MAX_DESCRIPTION }),
            option(ctx, 'split', 'report-long-split'),
            cancel(ctx),
          ];
          const question = ctx.t('report-description-over', { length: draft.pending.length, max: MAX_DESCRIPTION });
          return ctx.reply(problem ?? question, { menu });
        }
        const question = draft.urgent
          ? ctx.t('report-ask-description-urgent')
          : ctx.t('report-ask-description', { category: ctx.t(`cat-${draft.category}`) });
        ctx.reply(problem ?? question, { menu: [cancel(ctx)] });
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
        if (text.length > MAX_LONG_DESCRIPTION)
          return flow.again(
            draft,
            ctx.t('report-description-too-long', { max: MAX_LONG_DESCRIPTION, length: text.length }),
          );
        if (photoProblem) ctx.reply(photoProblem);
        // Someone in danger is not kept choosing: the first part is filed at once, the rest follows it.
        if (text.length > MAX_DESCRIPTION && !draft.urgent && !soundsUrgent(text))
          return flow.again({ ...draft, pending: text });
        return describe(ctx, draft, text, 'split', flow);
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
      async input(ctx, draft, flow) {
        const { location, text } = ctx.msg;
        if (location) {
          await tellAdded(ctx, draft, { location });
          return flow.go('photos', { ...draft, location });
        }
        const place = text?.trim();
        if (!place) return flow.again(draft, ctx.t('report-location-expected', canShare(ctx)));
        if (place.length > MAX_PLACE) return flow.again(draft, ctx.t('report-place-long', { max: MAX_PLACE }));
        await tellAdded(ctx, draft, { place });
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
      async input(ctx, draft, flow) {
        const { photos } = ctx.msg;
        if (!photos?.length) return flow.again(draft, ctx.t('report-photo-expected', { max: MAX_PHOTOS }));
        const before = draft.photos.length;
        const problem = addPhotos(ctx, draft, photos);
        const taken = draft.photos.slice(before);
        if (taken.length) await tellAdded(ctx, draft, { photos: taken });
        const note = keepCaption(ctx, draft);
        if (note) await tellAdded(ctx, draft, { note });
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
          requestContact: !problem,
        });
      },
      async input(ctx, draft, flow) {
        // Typed, or from the platform's form (whose name and address are not kept: only the number was asked).
        const phone = normalizePhone(ctx.msg.contact?.phone ?? ctx.msg.text ?? '');
        if (!phone) return flow.again(draft, ctx.t('report-contact-invalid'));
        if (draft.code) {
          await tellAdded(ctx, draft, { contact: phone });
          return finishAdditions(ctx, draft.code, flow);
        }
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

/**
 * Takes `text` as the description and moves on: a text over the limit is cut to
 * its first part, its rest dropped (`keep`) or kept for the thread (`split`).
 */
function describe(ctx: Ctx, draft: Draft, text: string, long: 'keep' | 'split', flow: Control): Promise<void> {
  const description = headOf(text, MAX_DESCRIPTION);
  const rest = long === 'split' ? text.slice(description.length).trim() : '';
  const described: Draft = {
    ...draft,
    description,
    rest: rest || undefined,
    pending: undefined,
    urgent: draft.urgent || soundsUrgent(text),
  };
  if (described.urgent) return fileUrgent(ctx, described, flow);
  return flow.go('location', described);
}

/**
 * The rest of a long description, as the reporter's messages in the tip's
 * thread, passed on to its officers right after the card. Returns what to tell the reporter.
 */
async function addRest(ctx: Ctx, tip: Tip, rest: string | undefined): Promise<string | undefined> {
  if (!rest) return undefined;
  const texts = partsOf(rest, MAX_DESCRIPTION)
    .map((part) => part.trim())
    .filter(Boolean);
  for (const text of texts) await addTipMessage(ctx.tx, ctx.pii, tip, { author: 'citizen', text, photos: [] });
  await forwardFollowUps(ctx, tip);
  return ctx.t('report-rest-added', { code: tip.code });
}

/** Writes the new tip's card (and photos) to the area's officers; returns how many chats it was written to. */
async function deliverCard(ctx: Ctx, tip: Tip): Promise<number> {
  const content = readTip(ctx.pii, tip);
  const area = await areaLabel(ctx.tx, tip.areaCode);
  const readers = await areaOfficers(ctx.tx, ctx.pii, tip.areaCode, ctx.i18n.defaultLocale);
  const link = photoLinker(ctx);
  await sendToEach(ctx, readers, async (t, reader) => [
    await officerCard(ctx, t, reader, tip, tipDetails(t, reader.locale, tip, content, area, reader.place)),
    ...photoMessages(t, reader.to.platform, tip.code, content.photos, link && ((i) => link(tipPhotos(tip.id, i)))),
  ]);
  // Nobody to tell: the admins are (and the reporter is never told "the police have been notified").
  if (!readers.length) await tellAdminsUnrouted(ctx, tip, area);
  return readers.length;
}

/**
 * An urgent report is filed as soon as its description is typed, and its card
 * written to the officers in the same transaction; place, photos and contact
 * then follow as additions to that tip.
 */
async function fileUrgent(ctx: Ctx, draft: Draft, flow: Control): Promise<void> {
  const complete = completeDraftSchema.safeParse({ ...draft, category: draft.category ?? 'other' });
  const { areaCode } = ctx.person.user;
  if (!complete.success) return flow.go('category', draft, ctx.t('flow-draft-reset'));
  if (!areaCode) {
    flow.end();
    return ctx.showMainMenu(ctx.t('report-need-area'));
  }
  const minutes = await minutesUntilNextTip(ctx);
  if (minutes) {
    flow.end();
    return ctx.showMainMenu(rateLimited(ctx, minutes));
  }
  const tip = await fileTip(ctx.tx, ctx.pii, ctx.person, areaCode, complete.data);
  const delivered = await deliverCard(ctx, tip);
  const filed = ctx.t(delivered ? 'report-urgent-sent' : 'report-urgent-no-officer', { code: tip.code });
  const rest = await addRest(ctx, tip, complete.data.rest);
  ctx.reply([filed, rest, ctx.t('emergency-numbers')].filter(Boolean).join('\n\n'));
  return flow.go('location', { ...complete.data, rest: undefined, code: tip.code });
}

/** For a filed urgent tip: adds to it and tells the reporter what became of the addition. */
/**
 * A photo's caption at the photos step belongs to the description (a caption
 * at the description step already is the description). Returns the caption
 * when it was kept; one that would not fit is answered.
 */
function keepCaption(ctx: Ctx, draft: Draft): string | undefined {
  const caption = ctx.msg.text?.trim();
  if (!caption || !draft.description) return undefined;
  const description = withNote(draft.description, caption);
  if (description.length > MAX_DESCRIPTION) {
    ctx.reply(ctx.t('report-caption-long', { max: MAX_DESCRIPTION }));
    return undefined;
  }
  draft.description = description;
  return caption;
}

async function tellAdded(ctx: Ctx, draft: Draft, addition: TipAddition): Promise<void> {
  if (!draft.code) return;
  const tip = await ctx.tx.tip.findUnique({ where: { code: draft.code } });
  if (!tip || tip.reporterId !== ctx.person.user.id) return;
  const delivered = await addToTip(ctx, tip, addition);
  ctx.reply(ctx.t(delivered ? 'report-added-sent' : 'report-added-stored', { code: tip.code }));
}

function finishAdditions(ctx: Ctx, code: string, flow: Control): void {
  flow.end();
  ctx.showMainMenu(ctx.t('report-urgent-done', { code }));
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
  const delivered = await deliverCard(ctx, tip);
  const filed = !delivered ? 'report-filed-unrouted' : tip.urgent ? 'report-filed-urgent' : 'report-filed';
  const rest = await addRest(ctx, tip, complete.data.rest);
  ctx.showMainMenu([ctx.t(filed, { code: tip.code }), rest].filter(Boolean).join('\n\n'));
}

const anonymous = (ctx: Ctx, draft: Draft, _v: unknown, flow: Control) =>
  draft.code
    ? finishAdditions(ctx, draft.code, flow)
    : flow.go('confirm', { ...draft, anonymous: true, contact: undefined });

/** What each choice does, and at which step it counts. */
export const reportAction = reportChoice.route<Ctx>({
  start: startReport,
  cancel: (ctx) => {
    const read = reportFlow.read(ctx);
    const code = read.status === 'ok' ? read.draft.code : undefined;
    reportFlow.end(ctx);
    ctx.showMainMenu(code ? ctx.t('report-additions-stopped', { code }) : ctx.t('report-cancelled'));
  },
  // Someone in danger is asked what is happening at once; the category can wait (it stays "other").
  urgent: reportFlow.at('category', (ctx, draft, _v, flow) => {
    ctx.reply(ctx.t('emergency-numbers'));
    return flow.go('description', { ...draft, urgent: true, category: draft.category ?? 'other' });
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
  keep: reportFlow.at('description', (ctx, draft, _v, flow) =>
    draft.pending ? describe(ctx, draft, draft.pending, 'keep', flow) : flow.again(draft, ctx.t('choice-expired')),
  ),
  split: reportFlow.at('description', (ctx, draft, _v, flow) =>
    draft.pending ? describe(ctx, draft, draft.pending, 'split', flow) : flow.again(draft, ctx.t('choice-expired')),
  ),
});
