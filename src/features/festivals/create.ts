import { z } from 'zod';
import { formatTime, parseTimeOnDay } from '../../core/format.ts';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { create, mayManageArea, previewAnnouncement } from './actions.ts';
import { festmChoice } from './choices.ts';
import { home, showManaged } from './manage.ts';
import { readStart } from './start-time.ts';
import { FESTIVAL_LIMITS, festivalInputSchema, validSpan } from './store.ts';
import { leadTime } from './texts.ts';

const draftSchema = z.object({
  areaCode: z.string().optional(),
  title: z.string().optional(),
  startsAt: z.iso.datetime().optional(),
  endsAt: z.iso.datetime().optional(),
  venue: z.string().optional(),
  programme: z.string().optional(),
  remindTo: z.enum(['rsvp', 'area']).optional(),
});
type Draft = z.infer<typeof draftSchema>;
type Steps = 'area' | 'title' | 'start' | 'end' | 'venue' | 'programme' | 'remind' | 'confirm';

/** A step's question with the way home under it, after what was wrong with the last answer. */
const question =
  (id: string, args: (ctx: StaffContext, draft: Draft) => Record<string, string | number> = () => ({})) =>
  (ctx: StaffContext, draft: Draft, problem?: string) => {
    if (problem) ctx.reply(problem);
    ctx.reply(ctx.t(id, args(ctx, draft)), { menu: [home(ctx)] });
  };

/** Free text of a length within limits, or the question again. */
const text =
  (min: number, max: number, next: (draft: Draft, text: string, flow: FlowControl<Draft, Steps>) => Promise<void>) =>
  (ctx: StaffContext, draft: Draft, flow: FlowControl<Draft, Steps>) => {
    const typed = ctx.msg.text?.trim() ?? '';
    return typed.length < min || typed.length > max ? flow.again(draft) : next(draft, typed, flow);
  };

/**
 * Creating a festival: area → title → start → end → venue → programme → who is reminded →
 * the announcement previewed with its recipient count (confirming creates and announces it).
 */
export const createFlow = defineFlow({
  name: 'festival',
  access: staffOf(TIP_ROLES),
  draft: draftSchema,
  steps: {
    area: {
      async ask(ctx, _draft, problem) {
        const areas = await grantAreaOptions(ctx, (code) => festmChoice.pack('area', { code }));
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('fest-create-area'), { menu: [...areas, home(ctx)] });
      },
    },
    title: {
      needs: ['areaCode'],
      ask: question('fest-ask-title', () => ({ max: FESTIVAL_LIMITS.title })),
      input: text(3, FESTIVAL_LIMITS.title, (draft, title, flow) => flow.go('start', { ...draft, title })),
    },
    start: {
      needs: ['areaCode', 'title'],
      ask: question('fest-ask-start'),
      input(ctx, draft, flow) {
        const start = readStart(ctx);
        if ('problem' in start) return flow.again(draft, start.problem);
        return flow.go('end', { ...draft, startsAt: start.at.toISOString() });
      },
    },
    end: {
      needs: ['areaCode', 'title', 'startsAt'],
      ask: question('fest-ask-end', (ctx, d) => ({
        start: d.startsAt ? formatTime(ctx.locale, new Date(d.startsAt)) : '',
      })),
      input(ctx, draft, flow) {
        if (!draft.startsAt) return flow.go('start', draft);
        const start = new Date(draft.startsAt);
        const end = parseTimeOnDay(ctx.msg.text?.trim() ?? '', start);
        if (!end || !validSpan(start, end)) return flow.again(draft, ctx.t('fest-bad-end'));
        return flow.go('venue', { ...draft, endsAt: end.toISOString() });
      },
    },
    venue: {
      needs: ['areaCode', 'title', 'startsAt', 'endsAt'],
      ask: question('fest-ask-venue', () => ({ max: FESTIVAL_LIMITS.venue })),
      input: text(3, FESTIVAL_LIMITS.venue, (draft, venue, flow) => flow.go('programme', { ...draft, venue })),
    },
    programme: {
      needs: ['areaCode', 'title', 'startsAt', 'endsAt', 'venue'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('fest-ask-programme', { max: FESTIVAL_LIMITS.programme }), {
          menu: [{ id: festmChoice.pack('noprog'), label: ctx.t('bc-skip') }],
        });
      },
      input: text(1, FESTIVAL_LIMITS.programme, (draft, programme, flow) => flow.go('remind', { ...draft, programme })),
    },
    remind: {
      needs: ['areaCode', 'title', 'startsAt', 'endsAt', 'venue'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        const offsets = ctx.policy.FESTIVAL_REMINDERS.map((s) => leadTime(ctx.i18n, ctx.locale, s)).join(', ');
        ctx.reply(ctx.t('fest-ask-remind', { offsets }), {
          menu: [
            { id: festmChoice.pack('remind', { to: 'rsvp' }), label: ctx.t('fest-remind-rsvp-label') },
            { id: festmChoice.pack('remind', { to: 'area' }), label: ctx.t('fest-remind-area-label') },
          ],
        });
      },
    },
    confirm: {
      needs: ['areaCode', 'title', 'startsAt', 'endsAt', 'venue', 'remindTo'],
      async ask(ctx, draft, problem): Promise<void> {
        const input = inputOf(draft);
        const preview = input.success && (await previewAnnouncement(ctx, ctx.locale, input.data));
        // The steps fill every field; a draft that lacks one is started over.
        if (!preview || !preview.ok) {
          ctx.reply(ctx.t('flow-draft-reset'));
          return createFlow.start(ctx);
        }
        if (problem) ctx.reply(problem);
        const { recipients: count, area } = preview;
        ctx.reply(`${ctx.t('fest-preview', { count, area })}\n\n${preview.text}`);
        ctx.reply(ctx.t('fest-preview-ask'), {
          menu: [{ id: festmChoice.pack('announce'), label: ctx.t('fest-preview-confirm') }, home(ctx)],
        });
      },
    },
  },
});

/** The draft as the use case takes it. */
const inputOf = (draft: Draft) =>
  festivalInputSchema.safeParse({
    ...draft,
    startsAt: draft.startsAt && new Date(draft.startsAt),
    endsAt: draft.endsAt && new Date(draft.endsAt),
  });

/** Confirming the preview creates the festival, with its reminders and announcement, in this update's transaction. */
async function finish(ctx: StaffContext, draft: Draft, flow: FlowControl<Draft, Steps>) {
  const input = inputOf(draft);
  if (!input.success || !draft.remindTo) return flow.go('area', {}, ctx.t('flow-draft-reset'));
  const outcome = await create(ctx, personActor(ctx.person), input.data);
  if (!outcome.ok) {
    if (outcome.reason === 'fest-bad-time') return flow.go('start', draft, ctx.t('fest-bad-time'));
    flow.end();
    return ctx.showMainMenu(ctx.t(outcome.reason));
  }
  flow.end();
  const { festival, announcementId } = outcome;
  await showManaged(ctx, festival.id, ctx.t('fest-created', { id: festival.id, broadcast: announcementId }));
}

/** What the create dialogue's choices do, and at which step each counts. */
export const createChoices = {
  create: (ctx: StaffContext) => createFlow.start(ctx),
  area: createFlow.at('area', async (ctx, draft, { code }: { code: string }, flow) => {
    if (!(await mayManageArea(ctx.tx, personActor(ctx.person), code))) return flow.again(draft, ctx.t('staff-only'));
    return flow.go('title', { areaCode: code });
  }),
  noprog: createFlow.at('programme', (_ctx, draft, _v, flow) => flow.go('remind', { ...draft, programme: '' })),
  remind: createFlow.at('remind', (_ctx, draft, { to }: { to: 'rsvp' | 'area' }, flow) =>
    flow.go('confirm', { ...draft, remindTo: to }),
  ),
  announce: createFlow.at('confirm', (ctx, draft, _v, flow) => finish(ctx, draft, flow)),
};
