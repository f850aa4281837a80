import { z } from 'zod';
import { defineFlow } from '../../core/flow.ts';
import { staffOf, type StaffContext } from '../../core/guards.ts';
import { CONFIRM_FORMS, DECLINE_FORMS } from '../../core/menu.ts';
import { personActor } from '../../core/scope.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { changeStatus, flagSpam, tipNoteSchema } from './actions.ts';
import { CLOSE_VERBS, closeChoice, VERB_MOVES, type CloseVerb } from './choices.ts';
import { tipCodeSchema } from './code.ts';
import { MAX_DESCRIPTION } from './draft.ts';
import { canMove } from './moves.ts';
import { forOfficers, notFound, presentMove, showTip } from './officer.ts';
import { tipInMyAreas } from './store.ts';

/*
 * Closing a tip tells its reporter and takes it out of every inbox, so one
 * press (or one mistyped digit on Zalo) must not do it: the officer confirms,
 * and may type a short outcome note for the reporter first. Nothing is
 * written before "✅ Xác nhận".
 */

/** Typed words that confirm or cancel: the usual ones, and "đóng" (close) itself. */
const YES = [...CONFIRM_FORMS, 'đóng', 'đóng tin'];
const NO = [...DECLINE_FORMS];

/** A bare number at this question is a digit meant for the tip's menu, not an outcome note. */
const BARE_NUMBER = /^\d{1,2}[.)]?$/;

export const closeFlow = defineFlow({
  name: 'tip-close',
  access: staffOf(TIP_ROLES),
  // The note may name people or places.
  sealed: true,
  // Optional only so that a damaged draft can be read at all: the step then ends the dialogue.
  draft: z.object({
    code: tipCodeSchema.optional(),
    verb: z.enum(CLOSE_VERBS).optional(),
    note: tipNoteSchema.optional(),
  }),
  steps: {
    confirm: {
      ask(ctx, { code, verb, note }, problem) {
        if (!code || !verb) return notFound(ctx);
        if (problem) ctx.reply(problem);
        const status = ctx.t(`status-${VERB_MOVES[verb]}`);
        const lines = [
          ctx.t('tip-close-ask', { code, status }),
          verb === 'spam' ? ctx.t('tip-close-spam') : undefined,
          note ? ctx.t('tip-close-note', { note }) : ctx.t('tip-close-note-hint'),
        ];
        // Pressed on the card: the card itself becomes the question (and becomes the card again after it).
        ctx.reply(lines.filter(Boolean).join('\n\n'), {
          replaces: ctx.editable,
          menu: [
            { id: closeChoice.pack('yes', { code }), label: ctx.t('tip-close-yes'), also: YES },
            { id: closeChoice.pack('no', { code }), label: ctx.t('tip-close-no'), also: NO },
          ],
        });
      },
      input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        if (!text || BARE_NUMBER.test(text)) return flow.again(draft, ctx.t('flow-use-options'));
        if (text.length > MAX_DESCRIPTION)
          return flow.again(draft, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
        return flow.go('confirm', { ...draft, note: tipNoteSchema.parse(text) });
      },
    },
  },
});

/** An officer's close verb: the question, if the tip is theirs and its status still allows the move. */
export async function askClose(ctx: StaffContext, verb: CloseVerb, code: string): Promise<void> {
  const tip = await tipInMyAreas(ctx.tx, ctx.staffGrants, code);
  if (!tip) return notFound(ctx);
  if (!canMove(tip.status, VERB_MOVES[verb])) {
    const status = ctx.t(`status-${tip.status}`);
    return showTip(ctx, tip, ctx.t('tip-status-unchanged', { code: tip.code, status }), ctx.editable);
  }
  await closeFlow.start(ctx, { code: tip.code, verb });
}

/** Confirmed: the move with the note, then the tip as it is now. A button of another tip's question has expired. */
const confirm = closeFlow.at('confirm', async (ctx, draft, { code }: { code: string }, flow) => {
  if (!draft.code || !draft.verb || draft.code !== code) return flow.again(draft, ctx.t('choice-expired'));
  flow.end();
  const actor = personActor(ctx.person);
  const outcome =
    draft.verb === 'spam'
      ? await flagSpam(ctx, actor, draft.code, draft.note)
      : await changeStatus(ctx, actor, draft.code, VERB_MOVES[draft.verb], draft.note);
  await presentMove(ctx, outcome);
});

/** The tip as it is now, headed by `headline` (its code and status given). */
async function showAsIs(ctx: StaffContext, code: string, headline: string): Promise<void> {
  const tip = await tipInMyAreas(ctx.tx, ctx.staffGrants, code);
  if (!tip) return notFound(ctx);
  await showTip(ctx, tip, ctx.t(headline, { code: tip.code, status: ctx.t(`status-${tip.status}`) }), ctx.editable);
}

/** "Không": nothing changes; the tip as it is. */
const keep = closeFlow.at('confirm', async (ctx, draft, { code }: { code: string }, flow) => {
  if (draft.code !== code) return flow.again(draft, ctx.t('choice-expired'));
  flow.end();
  await showAsIs(ctx, code, 'tip-close-kept');
});

/**
 * `tipclose:<yes|no>:<code>`, also pressed in station groups: officers only,
 * like every tip action. A button whose question was answered already shows
 * the tip as it is (not the main menu, which has no place in a group).
 */
export const closeAction = forOfficers(async (ctx, arg: string) => {
  const choice = closeChoice.unpack(arg);
  if (!choice) return notFound(ctx);
  if (!closeFlow.active(ctx)) return showAsIs(ctx, choice.value.code, 'choice-expired');
  await (choice.verb === 'yes' ? confirm : keep)(ctx, choice.value);
});
