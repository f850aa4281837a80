import { z } from 'zod';
import { defineFlow, type FlowControl } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import { formatTime } from '../../core/format.ts';
import { personActor } from '../../core/scope.ts';
import type { StaffGrant } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { waitingTips, type WaitingTip } from '../tips/store.ts';
import { showModel } from '../models/resident.ts';
import { shareMessage } from '../models/share.ts';
import { labelGrant, redeemInvite, type RedeemRefusal } from './actions.ts';
import { TIP_ROLES } from './grants.ts';
import { LABEL_MAX, LABEL_MIN, staffLabelSchema } from './labels.ts';

const refusalText: Record<RedeemRefusal, string> = {
  'too-many': 'staff-too-many',
  invalid: 'staff-code-invalid',
  expired: 'staff-code-expired',
  used: 'staff-code-used',
};

const draftSchema = z.object({
  /** The grant just redeemed, whose label is asked before the welcome; none: the person relabels all their grants. */
  grantId: z.uuid().optional(),
});
type Draft = z.infer<typeof draftSchema>;
type Control = FlowControl<Draft, 'code' | 'label'>;

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
 * The welcome of a new grant: what the role can do in its area (a leader gets no tip cards and cannot open
 * /inbox), the label, and for officers and admins the tips waiting for one.
 */
async function welcomeText(ctx: PersonContext, grant: StaffGrant): Promise<string> {
  // A new officer of an area that had none starts with what was filed while nobody was there.
  const waiting = TIP_ROLES.includes(grant.role) ? await waitingTips(ctx.tx, [grant]) : [];
  const text = grant.role === 'leader' ? 'staff-welcome-leader-unassigned' : `staff-welcome-${grant.role}`;
  return [
    ctx.t(text, { role: ctx.t(`role-${grant.role}`), area: await areaLabel(ctx.tx, grant.areaCode) }),
    grant.label ? ctx.t('staff-label-is', { label: grant.label }) : '',
    waitingList(ctx, waiting),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/** The command menu of this chat becomes that of all the person's roles, a new one included. */
const rolesOf = (ctx: PersonContext) => ctx.person.grants.map((g) => g.role);

/** The person's grants as they are now (a label just set, a grant just redeemed). */
function remember(ctx: PersonContext, grant: StaffGrant): void {
  ctx.person.grants = [...ctx.person.grants.filter((g) => g.id !== grant.id), grant];
}

/**
 * Redeems a code and says what came of it. From the typed-code step (`flow`), a
 * wrong code asks for the code again; the lockout, or `/staff <code>`, ends at the main menu.
 * An officer or admin then chooses the label colleagues will know them by, and is welcomed after it.
 */
export async function presentRedeem(ctx: PersonContext, code: string, flow?: Control): Promise<void> {
  const outcome = await redeemInvite(ctx, ctx.person, code);
  if (!outcome.ok) {
    if (flow && outcome.reason !== 'too-many') return flow.again({}, ctx.t(refusalText[outcome.reason]));
    flow?.end();
    return ctx.showMainMenu(ctx.t(refusalText[outcome.reason]));
  }
  const { grant, model } = outcome;
  remember(ctx, grant);
  if (TIP_ROLES.includes(grant.role)) return redeemFlow.start(ctx, { grantId: grant.id }, 'label');
  flow?.end();
  const welcome = await welcomeText(ctx, grant);
  if (!model) return ctx.showMainMenu(welcome, { commandsFor: rolesOf(ctx) });
  // A new leader gets the model's code, link and QR for posters, then its page.
  const share = await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME, ctx.can.files);
  const shown = share.file ? 'qr' : ctx.policy.TELEGRAM_BOT_USERNAME ? 'link' : 'code';
  const area = await areaLabel(ctx.tx, grant.areaCode);
  const role = ctx.t(`role-${grant.role}`);
  ctx.reply(ctx.t('staff-welcome-leader', { role, area, model: model.name, share: shown }), {
    commandsFor: rolesOf(ctx),
  });
  ctx.send(ctx.here, share);
  await showModel(ctx, model, ctx.t('mdl-you-lead', { name: model.name }));
}

/** `/staff label`: a staff member changes the label colleagues know them by. */
export const startRelabel = (ctx: PersonContext) => redeemFlow.start(ctx, {}, 'label');

/**
 * `/staff` without a code: the code is asked for, and each typed answer tried;
 * then (or after `/staff <code>`, or for `/staff label`) the display label.
 */
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
    label: {
      ask(ctx, { grantId }, problem) {
        const ask = ctx.t('staff-ask-label', { min: LABEL_MIN, max: LABEL_MAX });
        // Right after the code: say first that it worked (the welcome follows the label).
        const lines = [problem ?? (grantId ? ctx.t('staff-code-accepted') : undefined), ask];
        ctx.reply(lines.filter(Boolean).join('\n\n'));
      },
      async input(ctx, draft, flow) {
        const label = staffLabelSchema.safeParse(ctx.msg.text ?? '');
        if (!label.success) return flow.again(draft, ctx.t('staff-label-bad', { min: LABEL_MIN, max: LABEL_MAX }));
        const targets = draft.grantId ? [draft.grantId] : ctx.person.grants.map((g) => g.id);
        const labelled: StaffGrant[] = [];
        for (const id of targets) {
          const outcome = await labelGrant(ctx, personActor(ctx.person), id, label.data);
          if (outcome.ok) labelled.push(outcome.grant);
        }
        flow.end();
        labelled.forEach((g) => remember(ctx, g));
        const grant = labelled[0];
        // The role went in the meantime (revoked): nothing to name.
        if (!grant) return ctx.showMainMenu(ctx.t('staff-only'));
        if (!draft.grantId) return ctx.showMainMenu(ctx.t('staff-label-saved', { label: label.data }));
        ctx.showMainMenu(await welcomeText(ctx, grant), { commandsFor: rolesOf(ctx) });
      },
    },
  },
});
