import { z } from 'zod';
import { countAudience } from '../../broadcasting/audience.ts';
import { MAX_BODY, MIN_BODY, renderBroadcast } from '../../broadcasting/content.ts';
import { audienceOf, contentOf } from '../../broadcasting/store.ts';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { formatTime, parseLocalTime } from '../../core/format.ts';
import { photoRefSchema, type MenuOption, type PhotoRef } from '../../core/messages.ts';
import { personActor } from '../../core/scope.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { draft as draftBroadcast, mayReach, start } from './actions.ts';
import { broadcastChoice, FILTERS, filterSchema, type Filter } from './choices.ts';
import { manageMenu, refusalText } from './manage.ts';

/** The latest a broadcast may be scheduled ahead. */
export const MAX_SCHEDULE_DAYS = 90;

/** A start time staff may schedule: more than a minute ahead (else it is "now"), at most MAX_SCHEDULE_DAYS. */
export const schedulable = (at: Date, now = Date.now()) =>
  at.getTime() > now + 60_000 && at.getTime() <= now + MAX_SCHEDULE_DAYS * 86_400_000;

const draftSchema = z.object({
  areaCode: z.string().optional(),
  filter: filterSchema.optional(),
  vi: z.string().optional(),
  en: z.string().optional(),
  photo: photoRefSchema.optional(),
  /** The draft row, written at the preview. */
  broadcastId: z.number().int().positive().optional(),
  /** When to send; unset: now. */
  at: z.iso.datetime().optional(),
});
type Draft = z.infer<typeof draftSchema>;
type Ctx = StaffContext;
type Steps = 'area' | 'filter' | 'text' | 'en' | 'preview' | 'when' | 'confirm';
type Control = FlowControl<Draft, Steps>;

const back = (ctx: Ctx): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });
const discard = (ctx: Ctx, id: number): MenuOption => ({
  id: broadcastChoice.pack('drop', { id }),
  label: ctx.t('bc-discard'),
});

/** A body the length residents get, or what is wrong with it. */
function bodyProblem(ctx: Ctx, text: string): string | undefined {
  if (text.length >= MIN_BODY && text.length <= MAX_BODY) return undefined;
  return ctx.t('bc-text-length', { min: MIN_BODY, max: MAX_BODY, length: text.length });
}

/** The photo as it is kept (its id or address, not its size). */
const keptPhoto = (photo: PhotoRef): PhotoRef =>
  'fileId' in photo ? { fileId: photo.fileId } : 'url' in photo ? { url: photo.url } : { webPhoto: photo.webPhoto };

/** The draft row the preview wrote, while it is still a draft; otherwise the dialogue has expired. */
async function draftRow(ctx: Ctx, id: number | undefined): Promise<Broadcast | undefined> {
  const b = id ? await ctx.tx.broadcast.findUnique({ where: { id } }) : null;
  if (b?.status === 'draft') return b;
  ctx.endFlow();
  ctx.showMainMenu(ctx.t('choice-expired'));
  return undefined;
}

/** `/broadcast`: an area (one of the officer's own), who in it, the text, an English version, a preview, when. */
export const composeFlow = defineFlow({
  name: 'broadcast',
  access: staffOf(TIP_ROLES),
  draft: draftSchema,
  steps: {
    area: {
      async ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        const areas = await grantAreaOptions(ctx, '');
        const menu = areas.map((o) => ({ ...o, id: broadcastChoice.pack('area', { code: o.id }) }));
        ctx.reply(ctx.t('bc-choose-area'), { menu: [...menu, back(ctx)] });
      },
    },
    filter: {
      needs: ['areaCode'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        const menu = filterSchema.options.map((filter) => ({
          id: broadcastChoice.pack('who', { filter }),
          label: ctx.t(`bc-filter-${filter}`),
        }));
        ctx.reply(ctx.t('bc-choose-filter'), { menu: [...menu, back(ctx)] });
      },
    },
    text: {
      needs: ['areaCode', 'filter'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('bc-ask-text', { min: MIN_BODY, max: MAX_BODY }), { menu: [back(ctx)] });
      },
      input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        const problem = bodyProblem(ctx, text);
        if (problem) return flow.again(draft, problem);
        const photo = ctx.msg.photos?.[0];
        return flow.go('en', { ...draft, vi: text, ...(photo && { photo: keptPhoto(photo) }) });
      },
    },
    en: {
      needs: ['areaCode', 'filter', 'vi'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('bc-ask-english'), {
          menu: [{ id: broadcastChoice.pack('skip-en'), label: ctx.t('bc-skip') }],
        });
      },
      input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        const problem = bodyProblem(ctx, text);
        if (problem) return flow.again(draft, problem);
        return preview(ctx, { ...draft, en: text }, flow);
      },
    },
    preview: {
      needs: ['broadcastId'],
      // The message as residents will read it, the recipient count, and what to do next.
      async ask(ctx, draft, problem) {
        const b = await draftRow(ctx, draft.broadcastId);
        if (!b) return;
        if (problem) ctx.reply(problem);
        const count = await countAudience(ctx.tx, audienceOf(b), b.topic);
        const sample = renderBroadcast(ctx.i18n, ctx.locale, await contentOf(ctx.tx, b));
        ctx.reply(`${ctx.t('bc-preview')}\n\n${sample.text}`);
        ctx.reply(ctx.t('bc-recipients', { ...count, id: String(b.id), photo: b.photo ? 'yes' : 'no' }), {
          menu: [
            { id: broadcastChoice.pack('now', { id: b.id }), label: ctx.t('bc-send-now') },
            { id: broadcastChoice.pack('later', { id: b.id }), label: ctx.t('bc-schedule') },
            discard(ctx, b.id),
          ],
        });
      },
    },
    when: {
      needs: ['broadcastId'],
      async ask(ctx, draft, problem) {
        const b = await draftRow(ctx, draft.broadcastId);
        if (b) ctx.reply(problem ?? ctx.t('bc-ask-time'), { menu: [discard(ctx, b.id)] });
      },
      input(ctx, draft, flow) {
        const at = parseLocalTime(ctx.msg.text ?? '');
        if (!at || !schedulable(at)) return flow.again(draft, ctx.t('bc-bad-time', { days: MAX_SCHEDULE_DAYS }));
        return flow.go('confirm', { ...draft, at: at.toISOString() });
      },
    },
    confirm: {
      needs: ['broadcastId'],
      async ask(ctx, draft, problem) {
        const b = await draftRow(ctx, draft.broadcastId);
        if (!b) return;
        if (problem) ctx.reply(problem);
        const { total: count } = await countAudience(ctx.tx, audienceOf(b), b.topic);
        const question = draft.at
          ? ctx.t('bc-confirm-later', { count, time: formatTime(ctx.locale, new Date(draft.at)) })
          : ctx.t('bc-confirm-now', { count });
        ctx.reply(question, {
          menu: [{ id: broadcastChoice.pack('go', { id: b.id }), label: ctx.t('bc-confirm') }, discard(ctx, b.id)],
        });
      },
    },
  },
});

export const startCompose = (ctx: Ctx) => composeFlow.start(ctx);

/** An area of the officer's own: the dialogue goes on (or starts again) there. */
export async function chooseArea(ctx: Ctx, areaCode: string): Promise<void> {
  if (!(await mayReach(ctx.tx, personActor(ctx.person), areaCode))) return ctx.reply(ctx.t('staff-only'));
  await composeFlow.start(ctx, { areaCode }, 'filter');
}

/** The draft row is written (the preview shows what it stores). */
async function preview(ctx: Ctx, draft: Draft, flow: Control): Promise<void> {
  if (!draft.areaCode || !draft.vi) return flow.go('area', {});
  const written = await draftBroadcast(ctx, personActor(ctx.person), {
    audience: { kind: 'area', areaCode: draft.areaCode, ...FILTERS[draft.filter ?? 'all'] },
    texts: { vi: draft.vi, en: draft.en },
    photo: draft.photo ?? null,
  });
  if (!written.ok) {
    flow.end();
    return ctx.showMainMenu(refusalText(ctx, written.reason, undefined));
  }
  await flow.go('preview', { ...draft, broadcastId: written.broadcast.id });
}

/** A choice about this dialogue's draft row; an older row's button has expired. */
const ofThisDraft =
  (run: (ctx: Ctx, draft: Draft, id: number, flow: Control) => Promise<void>) =>
  (ctx: Ctx, draft: Draft, { id }: { id: number }, flow: Control) =>
    id === draft.broadcastId ? run(ctx, draft, id, flow) : flow.again(draft, ctx.t('choice-expired'));

/** Confirmed: the broadcast starts now (or is scheduled); the engine takes it from here. */
async function confirmed(ctx: Ctx, draft: Draft, id: number, flow: Control): Promise<void> {
  const outcome = await start(ctx, personActor(ctx.person), id, draft.at ? new Date(draft.at) : undefined);
  flow.end();
  if (!outcome.ok) return ctx.reply(refusalText(ctx, outcome.reason, id));
  const b = outcome.broadcast;
  const text = b.scheduledAt
    ? ctx.t('bc-scheduled', { id: String(id), time: formatTime(ctx.locale, b.scheduledAt) })
    : ctx.t('bc-started', { id: String(id) });
  ctx.reply(text, { menu: manageMenu(ctx, b) });
}

/** The composition's choices, each counting at its steps. */
export const composeChoices = {
  who: composeFlow.at('filter', (_ctx, draft, { filter }: { filter: Filter }, flow) =>
    flow.go('text', { ...draft, filter }),
  ),
  skipEnglish: composeFlow.at('en', (ctx, draft, _v, flow) => preview(ctx, draft, flow)),
  now: composeFlow.at(
    ['preview', 'when', 'confirm'],
    ofThisDraft((_ctx, draft, _id, flow) => flow.go('confirm', { ...draft, at: undefined })),
  ),
  later: composeFlow.at(
    ['preview', 'when', 'confirm'],
    ofThisDraft((_ctx, draft, _id, flow) => flow.go('when', draft)),
  ),
  go: composeFlow.at('confirm', ofThisDraft(confirmed)),
};
