import { z } from 'zod';
import { formatTime, parseTimeOnDay } from '../../core/format.ts';
import { defineFlow } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { festivalWithin, move } from './actions.ts';
import { refused, showManaged, toFestival } from './manage.ts';
import { validSpan } from './store.ts';
import { readStart } from './start-time.ts';

// Opened on a festival; the other fields fill in as the steps go.
const draftSchema = z.object({
  festivalId: z.number().int().positive(),
  startsAt: z.iso.datetime().optional(),
});

/** Moving a festival: new start → new end (which moves it). */
export const moveFlow = defineFlow({
  name: 'festival-move',
  access: staffOf(TIP_ROLES),
  draft: draftSchema,
  steps: {
    start: {
      ask(ctx, { festivalId }, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('fest-ask-start'), { menu: [toFestival(ctx, festivalId)] });
      },
      input(ctx, draft, flow) {
        const start = readStart(ctx);
        if ('problem' in start) return flow.again(draft, start.problem);
        return flow.go('end', { ...draft, startsAt: start.at.toISOString() });
      },
    },
    end: {
      needs: ['startsAt'],
      ask(ctx, { festivalId, startsAt }, problem) {
        if (problem) ctx.reply(problem);
        const start = startsAt ? formatTime(ctx.locale, new Date(startsAt)) : '';
        ctx.reply(ctx.t('fest-ask-end', { start }), { menu: [toFestival(ctx, festivalId)] });
      },
      async input(ctx, draft, flow) {
        const { festivalId: id, startsAt } = draft;
        if (!startsAt) return flow.go('start', draft);
        const start = new Date(startsAt);
        const end = parseTimeOnDay(ctx.msg.text?.trim() ?? '', start);
        if (!end || !validSpan(start, end)) return flow.again(draft, ctx.t('fest-bad-end'));
        const outcome = await move(ctx, personActor(ctx.person), id, start, end);
        flow.end();
        if (!outcome.ok) return refused(ctx, id, outcome.reason);
        await showManaged(ctx, id, ctx.t('fest-moved-done', { id, count: outcome.recipients }));
      },
    },
  },
});

/** `festm:move:<id>`: a festival of my areas, asked its new time. */
export async function startMove(ctx: StaffContext, { id }: { id: number }): Promise<void> {
  const found = await festivalWithin(ctx, personActor(ctx.person), id);
  if (!found.ok) return refused(ctx, id, found.reason);
  await moveFlow.start(ctx, { festivalId: id });
}
