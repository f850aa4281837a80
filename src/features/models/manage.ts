import { z } from 'zod';
import type { ChatContext } from '../../core/context.ts';
import { defineFlow } from '../../core/flow.ts';
import { staffOf, type PersonContext, type StaffContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import { personActor } from '../../core/scope.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { JoinPolicy, ModelKind, ModelVerdict } from '../../generated/prisma/enums.ts';
import { searchAreas } from '../areas/search.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { audit } from '../staff/audit.ts';
import { covers, hasTipRole, TIP_ROLES } from '../staff/grants.ts';
import { modelWithin } from './access.ts';
import { createModel, inviteLeader, LEADER_INVITE_DAYS, modelArea, modelInput, reactivate, retire } from './actions.ts';
import { backToModel, modelChoice, modelNotFound } from './choices.ts';
import { decisionLine, periodLabel } from './decide.ts';
import { decisionsOf, reviewPeriod } from './decisions.ts';
import { shareMessage } from './share.ts';
import {
  MODEL_DESCRIPTION_MAX,
  MODEL_KINDS,
  MODEL_NAME,
  modelsOfGrants,
  REVIEW_DAYS,
  reviewModels,
  type ModelReview,
  shownReview,
} from './store.ts';

const home = (ctx: ChatContext): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });
const toManage = (ctx: ChatContext): MenuOption => ({ id: modelChoice.pack('manage'), label: ctx.t('nav-back') });

/** Entries an officer gets on a model's page. */
export function staffMenu(ctx: ChatContext, model: LocalModel): MenuOption[] {
  const value = { model: model.id };
  return [
    { id: modelChoice.pack('review', value), label: ctx.t('mdl-review') },
    { id: modelChoice.pack('leaderinvite', value), label: ctx.t('mdl-leader-invite') },
    model.retiredAt
      ? { id: modelChoice.pack('reactivate', value), label: ctx.t('mdl-reactivate') }
      : { id: modelChoice.pack('retire', value), label: ctx.t('mdl-retire') },
  ];
}

/** One review line: members now; joins, leaves, notices and members' tips ("< 5" when few) in the review window. */
export function reviewLine(t: ChatContext['t'], r: ModelReview): string {
  return t('mdl-review-line', {
    id: r.model.id,
    name: r.model.retiredAt ? `💤 ${r.model.name}` : r.model.name,
    ...shownReview(r),
  });
}

const openEntry = (model: LocalModel, label: string): MenuOption => ({
  id: modelChoice.pack('open', { model: model.id }),
  label,
});

/** `/models`: officers see the models of their areas with the review figures; leaders their own models. */
export async function manageModels(ctx: PersonContext): Promise<void> {
  const { person } = ctx;
  if (!hasTipRole(person.grants)) {
    const led = await ctx.tx.localModel.findMany({ where: { leaderId: person.user.id }, orderBy: { id: 'asc' } });
    if (!led.length) return ctx.showMainMenu(ctx.t('staff-only'));
    const menu = led.map((m) => openEntry(m, `👑 ${m.name}`));
    return ctx.reply(ctx.t('mdl-led-title'), { menu: [...menu, home(ctx)] });
  }
  const models = await modelsOfGrants(ctx.tx, person.grants);
  const review = await reviewModels(ctx.tx, models);
  await audit(ctx.tx, { actorId: person.user.id, action: 'model.review', entity: 'LocalModel' });
  const t = ctx.t.bind(ctx);
  const text = models.length
    ? [ctx.t('mdl-manage-title', { days: REVIEW_DAYS }), ...review.map((r) => reviewLine(t, r))].join('\n')
    : ctx.t('mdl-manage-empty');
  const menu: MenuOption[] = [
    { id: modelChoice.pack('create'), label: ctx.t('mdl-create') },
    ...models.map((m) => openEntry(m, `${m.retiredAt ? '💤' : '🏘'} #${m.id} ${m.name}`)),
    home(ctx),
  ];
  ctx.reply(text, { menu });
}

export async function showReview(ctx: StaffContext, modelId: number): Promise<void> {
  const model = await modelWithin(ctx.tx, personActor(ctx.person), modelId, 'manage');
  if (!model) return modelNotFound(ctx);
  const [review] = await reviewModels(ctx.tx, [model]);
  const t = ctx.t.bind(ctx);
  const decisions = await decisionsOf(ctx.tx, [model.id]);
  const text = [
    ctx.t('mdl-manage-title', { days: REVIEW_DAYS }),
    reviewLine(t, review!),
    ...decisions.slice(0, 2).map((d) => decisionLine(t, d)),
    ctx.t('mdl-decision-choose', { period: periodLabel(t, reviewPeriod()) }),
  ].join('\n');
  ctx.reply(text, {
    menu: [
      ...Object.values(ModelVerdict).map((verdict) => ({
        id: modelChoice.pack('verdict', { model: model.id, verdict }),
        label: ctx.t(`mdl-decide-${verdict}`),
      })),
      backToModel(ctx, model.id),
    ],
  });
}

/** Retire (keep effective models, retire ineffective ones) or bring back. */
export async function setRetired(ctx: StaffContext, modelId: number, retired: boolean): Promise<void> {
  const outcome = await (retired ? retire : reactivate)(ctx, personActor(ctx.person), modelId);
  if (!outcome.ok) return modelNotFound(ctx);
  const { model } = outcome;
  ctx.reply(ctx.t(retired ? 'mdl-retired-done' : 'mdl-reactivated-done', { name: model.name }), {
    menu: [backToModel(ctx, model.id)],
  });
}

/** A one-time code for the officer to hand to the model's leader. */
export async function leaderInvite(ctx: StaffContext, modelId: number): Promise<void> {
  const outcome = await inviteLeader(ctx, personActor(ctx.person), modelId);
  if (!outcome.ok) return modelNotFound(ctx);
  const { model, code } = outcome;
  ctx.reply(ctx.t('mdl-leader-invite-code', { name: model.name, code, days: LEADER_INVITE_DAYS }), {
    menu: [backToModel(ctx, model.id)],
  });
}

// ---- creating a model: area → name → kind → description → join policy

const createDraft = z.object({
  areaCode: z.string().optional(),
  name: z.string().optional(),
  kind: z.enum(ModelKind).optional(),
  description: z.string().optional(),
});

const areaEntry = (code: string, label: string): MenuOption => ({ id: modelChoice.pack('area', { code }), label });

export const createFlow = defineFlow({
  name: 'model-create',
  access: staffOf(TIP_ROLES),
  draft: createDraft,
  steps: {
    area: {
      async ask(ctx, _draft, problem) {
        // With no prefix, an option's id is the bare area code.
        const granted = await grantAreaOptions(ctx, '', (a) => a.level !== 'province');
        // A province officer types the commune; a commune officer picks theirs.
        const provinces = granted.length < ctx.staffGrants.length;
        ctx.reply(problem ?? ctx.t(provinces ? 'mdl-create-area-type' : 'mdl-create-area'), {
          menu: [...granted.map((o) => areaEntry(o.id, o.label)), toManage(ctx)],
        });
      },
      /** A province officer's typed commune: the matches within their areas. */
      async input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        const found = text ? await searchAreas(ctx.tx, text, { limit: 8 }) : [];
        const allowed = [];
        for (const m of found) if (await covers(ctx.tx, ctx.person.grants, TIP_ROLES, m.code)) allowed.push(m);
        if (!allowed.length) return flow.again(draft, ctx.t('mdl-create-area-none'));
        ctx.reply(ctx.t('area-pick', { count: allowed.length }), {
          menu: [...allowed.map((m) => areaEntry(m.code, `${m.name}, ${m.provinceName}`)), toManage(ctx)],
        });
      },
    },
    name: {
      needs: ['areaCode'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('mdl-create-name', MODEL_NAME), { menu: [toManage(ctx)] });
      },
      input(ctx, draft, flow) {
        const name = modelInput.shape.name.safeParse(ctx.msg.text ?? '');
        if (!name.success) return flow.again(draft);
        return flow.go('kind', { ...draft, name: name.data });
      },
    },
    kind: {
      needs: ['areaCode', 'name'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('mdl-create-kind'), {
          menu: MODEL_KINDS.map((kind) => ({
            id: modelChoice.pack('kind', { kind }),
            label: `${ctx.t(`mdl-kind-icon-${kind}`)} ${ctx.t(`mdl-kind-${kind}`)}`,
          })),
        });
      },
    },
    description: {
      needs: ['areaCode', 'name', 'kind'],
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('mdl-create-description', { max: MODEL_DESCRIPTION_MAX }), {
          menu: [{ id: modelChoice.pack('nodesc'), label: ctx.t('bc-skip') }],
        });
      },
      input(ctx, draft, flow) {
        const text = ctx.msg.text?.trim() ?? '';
        if (!text || text.length > MODEL_DESCRIPTION_MAX) return flow.again(draft);
        return flow.go('policy', { ...draft, description: text });
      },
    },
    policy: {
      needs: ['areaCode', 'name', 'kind'],
      ask(ctx, _draft, problem) {
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('mdl-create-policy'), {
          menu: [
            { id: modelChoice.pack('policy', { policy: 'approval' }), label: ctx.t('mdl-policy-approval-label') },
            { id: modelChoice.pack('policy', { policy: 'open' }), label: ctx.t('mdl-policy-open-label') },
          ],
        });
      },
    },
  },
});

export const startCreate = (ctx: StaffContext) => createFlow.start(ctx);

/** A commune of one's areas, chosen (or found by name); anything else is refused as today. */
export const chooseArea = createFlow.at('area', async (ctx, draft, { code }: { code: string }, flow) => {
  const area = await modelArea(ctx.tx, personActor(ctx.person), code);
  if (!area.ok) return ctx.reply(ctx.t('staff-only'));
  await flow.go('name', { ...draft, areaCode: area.area.code });
});

export const chooseKind = createFlow.at('kind', (_ctx, draft, { kind }: { kind: ModelKind }, flow) =>
  flow.go('description', { ...draft, kind }),
);

export const skipDescription = createFlow.at('description', (_ctx, draft, _v, flow) =>
  flow.go('policy', { ...draft, description: '' }),
);

/** The last answer creates the model; the officer gets its code, link, QR and a leader invite to hand over. */
export const choosePolicy = createFlow.at('policy', async (ctx, draft, { policy }: { policy: JoinPolicy }, flow) => {
  const { areaCode, name, kind, description } = draft;
  if (!areaCode || !name || !kind) return flow.go('area', {}, ctx.t('flow-draft-reset'));
  const outcome = await createModel(ctx, personActor(ctx.person), {
    areaCode,
    name,
    kind,
    description,
    joinPolicy: policy,
  });
  if (!outcome.ok)
    return outcome.reason === 'invalid'
      ? flow.go('area', {}, ctx.t('flow-draft-reset'))
      : ctx.reply(ctx.t('staff-only'));
  flow.end();
  ctx.send(
    ctx.here,
    await shareMessage(ctx.t.bind(ctx), outcome.model, ctx.policy.TELEGRAM_BOT_USERNAME, ctx.can.files),
  );
  await leaderInvite(ctx, outcome.model.id);
});
