import { z } from 'zod';
import { defineFlow } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { commend, festivalWithin } from './actions.ts';
import { festmChoice } from './choices.ts';
import { refused, showManaged, toFestival } from './manage.ts';
import { FESTIVAL_LIMITS, namesSchema, parseNames } from './store.ts';

// Opened on a festival; the other fields fill in as the steps go.
const draftSchema = z.object({ festivalId: z.number().int().positive(), names: namesSchema.optional() });

/** Announcing commendations: the names → a confirmation (which announces them). */
export const commendFlow = defineFlow({
  name: 'festival-commend',
  access: staffOf(TIP_ROLES),
  draft: draftSchema,
  steps: {
    names: {
      ask(ctx, { festivalId }, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('fest-ask-names', FESTIVAL_LIMITS), { menu: [toFestival(ctx, festivalId)] });
      },
      input(ctx, draft, flow) {
        const names = parseNames(ctx.msg.text ?? '');
        return names ? flow.go('confirm', { ...draft, names }) : flow.again(draft);
      },
    },
    confirm: {
      needs: ['names'],
      ask(ctx, { festivalId, names = [] }, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('fest-commend-confirm', { count: names.length, list: names.join('; ') }), {
          menu: [
            { id: festmChoice.pack('commendgo', { id: festivalId }), label: ctx.t('bc-confirm') },
            toFestival(ctx, festivalId),
          ],
        });
      },
    },
  },
});

/** `festm:commend:<id>`: a festival of my areas, asked the names. */
export async function startCommend(ctx: StaffContext, { id }: { id: number }): Promise<void> {
  const found = await festivalWithin(ctx, personActor(ctx.person), id);
  if (!found.ok) return refused(ctx, id, found.reason);
  await commendFlow.start(ctx, { festivalId: id });
}

/** The confirmation announces the names to the festival's area. */
export const applyCommend = commendFlow.at('confirm', async (ctx, draft, { id }: { id: number }, flow) => {
  // A confirmation left over from another festival's dialogue does not confirm this one.
  if (id !== draft.festivalId) return flow.again(draft, ctx.t('choice-expired'));
  if (!draft.names) return flow.go('names', draft);
  const outcome = await commend(ctx, personActor(ctx.person), id, draft.names);
  flow.end();
  if (!outcome.ok) return refused(ctx, id, outcome.reason);
  await showManaged(ctx, id, ctx.t('fest-commend-done', { count: draft.names.length, broadcast: outcome.broadcastId }));
});
