// The review's decision in chat: a verdict pressed on the model's review, then a note typed (or skipped).
import { z } from 'zod';
import type { ChatContext } from '../../core/context.ts';
import { defineFlow } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { personActor } from '../../core/scope.ts';
import type { ModelDecision } from '../../generated/prisma/client.ts';
import { ModelVerdict } from '../../generated/prisma/enums.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { modelWithin } from './access.ts';
import { backToModel, modelChoice, modelNotFound } from './choices.ts';
import { DECISION_NOTE_MAX, PERIOD, recordDecision, reviewPeriod } from './decisions.ts';

/** "2026-H2" as people say it: "6 tháng cuối năm 2026". */
export function periodLabel(t: ChatContext['t'], period: string): string {
  const [, year, half] = PERIOD.exec(period)!;
  return t('mdl-period', { half: half === '1' ? 'first' : 'second', year: year! });
}

/** A recorded decision, one line: the half-year, the verdict and its note. */
export const decisionLine = (t: ChatContext['t'], d: ModelDecision) =>
  t(d.note ? 'mdl-decision-line-note' : 'mdl-decision-line', {
    period: periodLabel(t, d.period),
    verdict: t(`mdl-verdict-${d.decision}`),
    note: d.note,
  });

const decisionDraft = z.object({
  modelId: z.number().int().optional(),
  verdict: z.enum(ModelVerdict).optional(),
  period: z.string().regex(PERIOD).optional(),
});
type DecisionDraft = z.infer<typeof decisionDraft>;

/** Records the decision; a note too long is asked again, anything else ends the dialogue. */
async function save(ctx: StaffContext, draft: DecisionDraft, note: string, again: (problem: string) => Promise<void>) {
  const { modelId, verdict, period } = draft;
  const outcome =
    modelId && verdict && period
      ? await recordDecision(ctx, personActor(ctx.person), modelId, { period, decision: verdict, note })
      : undefined;
  if (outcome && !outcome.ok && outcome.reason === 'invalid')
    return again(ctx.t('mdl-decision-note-long', { max: DECISION_NOTE_MAX }));
  ctx.endFlow();
  if (!outcome) return ctx.showMainMenu(ctx.t('choice-expired'));
  if (!outcome.ok) return modelNotFound(ctx);
  const { model } = outcome;
  const done = ctx.t(outcome.replaced ? 'mdl-decision-replaced' : 'mdl-decision-recorded', {
    name: model.name,
    period: periodLabel(ctx.t.bind(ctx), period!),
    verdict: ctx.t(`mdl-verdict-${verdict!}`),
  });
  const retired = verdict === 'retire' ? `\n${ctx.t('mdl-retired-done', { name: model.name })}` : '';
  ctx.reply(`${done}${retired}`, { menu: [backToModel(ctx, model.id)] });
}

export const decisionFlow = defineFlow({
  name: 'model-decision',
  access: staffOf(TIP_ROLES),
  draft: decisionDraft,
  steps: {
    note: {
      needs: ['modelId', 'verdict', 'period'],
      ask(ctx, draft, problem) {
        ctx.reply(
          problem ??
            ctx.t('mdl-decision-ask-note', {
              period: periodLabel(ctx.t.bind(ctx), draft.period!),
              verdict: ctx.t(`mdl-verdict-${draft.verdict!}`),
              max: DECISION_NOTE_MAX,
            }),
          {
            menu: [{ id: modelChoice.pack('nonote'), label: ctx.t('bc-skip') }, backToModel(ctx, draft.modelId!)],
          },
        );
      },
      input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim();
        if (!text) return flow.again(draft);
        return save(ctx, draft, text, (p) => flow.again(draft, p));
      },
    },
  },
});

/** A verdict pressed on a model's review: for the current half-year, once the model is the officer's to review. */
export async function startDecision(ctx: StaffContext, modelId: number, verdict: ModelVerdict): Promise<void> {
  const model = await modelWithin(ctx.tx, personActor(ctx.person), modelId, 'manage');
  if (!model) return modelNotFound(ctx);
  await decisionFlow.start(ctx, { modelId: model.id, verdict, period: reviewPeriod() });
}

export const skipNote = decisionFlow.at('note', (ctx, draft, _v, flow) =>
  save(ctx, draft, '', (p) => flow.again(draft, p)),
);
