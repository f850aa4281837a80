import { z } from 'zod';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import { formatTime } from '../../core/format.ts';
import { areaLabel } from '../areas/search.ts';
import type { WaitingTip } from '../tips/store.ts';
import { showModel } from '../models/resident.ts';
import { shareMessage } from '../models/share.ts';
import { redeemInvite, type RedeemRefusal } from './actions.ts';

const refusalText: Record<RedeemRefusal, string> = {
  'too-many': 'staff-too-many',
  invalid: 'staff-code-invalid',
  expired: 'staff-code-expired',
  used: 'staff-code-used',
};

const draftSchema = z.object({});
type Draft = z.infer<typeof draftSchema>;
type Control = FlowControl<Draft, 'code'>;

/** The tips nobody has opened yet, one line each (code, category, time); nothing when there are none. */
function waitingList(ctx: PersonContext, waiting: WaitingTip[]): string {
  if (!waiting.length) return '';
  const lines = waiting.map((tip) => {
    const line = ctx.t('staff-waiting-line', {
      code: tip.code,
      category: ctx.t(`cat-${tip.category}`),
      time: formatTime(ctx.locale, tip.createdAt),
    });
    return tip.urgent ? `🚨 ${line}` : line;
  });
  return [ctx.t('staff-waiting-title'), ...lines].join('\n');
}

/**
 * Redeems a code and says what came of it. From the typed-code step (`flow`), a
 * wrong code asks for the code again; the lockout, or `/staff <code>`, ends at the main menu.
 */
export async function presentRedeem(ctx: PersonContext, code: string, flow?: Control): Promise<void> {
  const outcome = await redeemInvite(ctx, ctx.person, code);
  if (!outcome.ok) {
    if (flow && outcome.reason !== 'too-many') return flow.again({}, ctx.t(refusalText[outcome.reason]));
    flow?.end();
    return ctx.showMainMenu(ctx.t(refusalText[outcome.reason]));
  }
  flow?.end();
  const { grant, model, waiting } = outcome;
  ctx.person.grants = [...ctx.person.grants.filter((g) => g.id !== grant.id), grant];
  const area = await areaLabel(ctx.tx, grant.areaCode);
  const role = ctx.t(`role-${grant.role}`);
  // The command menu of this chat becomes that of all their roles, this new one included.
  const roles = ctx.person.grants.map((g) => g.role);
  if (!model) {
    // Each role is told what it can do: a leader gets no tip cards and cannot open /inbox.
    const text = ctx.t(grant.role === 'leader' ? 'staff-welcome-leader-unassigned' : `staff-welcome-${grant.role}`, {
      role,
      area,
    });
    return ctx.showMainMenu([text, waitingList(ctx, waiting)].filter(Boolean).join('\n\n'), { commandsFor: roles });
  }
  // A new leader gets the model's code, link and QR for posters, then its page.
  const share = await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME, ctx.can.files);
  const shown = share.file ? 'qr' : ctx.policy.TELEGRAM_BOT_USERNAME ? 'link' : 'code';
  ctx.reply(ctx.t('staff-welcome-leader', { role, area, model: model.name, share: shown }), { commandsFor: roles });
  ctx.send(ctx.here, share);
  await showModel(ctx, model, ctx.t('mdl-you-lead', { name: model.name }));
}

/** `/staff` without a code: the code is asked for, and each typed answer tried. */
export const redeemFlow = defineFlow({
  name: 'staff-redeem',
  access: people,
  draft: draftSchema,
  steps: {
    code: {
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('staff-ask-code'), { menu: [{ id: 'home', label: ctx.t('nav-back') }] });
      },
      async input(ctx, draft, flow) {
        const code = ctx.msg.text?.trim();
        if (!code) return flow.again(draft);
        await presentRedeem(ctx, code, flow);
      },
    },
  },
});
