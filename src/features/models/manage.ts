import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { JoinPolicy, LocalModel, ModelKind } from '../../generated/prisma/client.ts';
import { searchAreas } from '../areas/search.ts';
import { audit } from '../staff/audit.ts';
import { covers, hasTipRole, TIP_ROLES } from '../staff/grants.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { createInvite } from '../staff/invites.ts';
import { shareMessage } from './share.ts';
import {
  createModel,
  findModel,
  MODEL_DESCRIPTION_MAX,
  MODEL_KINDS,
  MODEL_NAME,
  modelsOfGrants,
  REVIEW_DAYS,
  reviewModels,
  staffOfModel,
  type ModelReview,
} from './store.ts';

/** Days a leader invite stays valid. */
const LEADER_INVITE_DAYS = 7;

type Draft = { areaCode?: string; name?: string; kind?: ModelKind; description?: string };

const home = (ctx: ChatContext): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });
const toList = (ctx: ChatContext): MenuOption => ({ id: 'mdl:manage', label: ctx.t('nav-back') });

/** Entries an officer gets on a model's page. */
export function staffMenu(ctx: ChatContext, model: LocalModel): MenuOption[] {
  return [
    { id: `mdl:review:${model.id}`, label: ctx.t('mdl-review') },
    { id: `mdl:leaderinvite:${model.id}`, label: ctx.t('mdl-leader-invite') },
    model.retiredAt
      ? { id: `mdl:reactivate:${model.id}`, label: ctx.t('mdl-reactivate') }
      : { id: `mdl:retire:${model.id}`, label: ctx.t('mdl-retire') },
  ];
}

/** One review line: members now; joins, leaves, notices and members' tips in the review window. */
export function reviewLine(t: ChatContext['t'], r: ModelReview): string {
  return t('mdl-review-line', {
    id: r.model.id,
    name: r.model.retiredAt ? `💤 ${r.model.name}` : r.model.name,
    members: r.members,
    pending: r.pending,
    joins: r.joins,
    leaves: r.leaves,
    notices: r.notices,
    tips: r.tips,
  });
}

/** `/models`: officers see the models of their areas with the review figures; leaders their own models. */
export async function manageModels(ctx: ChatContext): Promise<void> {
  const person = ctx.person!;
  if (!hasTipRole(person.grants)) {
    const led = await ctx.tx.localModel.findMany({ where: { leaderId: person.user.id }, orderBy: { id: 'asc' } });
    if (!led.length) return ctx.showMainMenu(ctx.t('staff-only'));
    const menu = led.map((m) => ({ id: `mdl:open:${m.id}`, label: `👑 ${m.name}` }));
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
    { id: 'mdl:create', label: ctx.t('mdl-create') },
    ...models.map((m) => ({ id: `mdl:open:${m.id}`, label: `${m.retiredAt ? '💤' : '🏘'} #${m.id} ${m.name}` })),
    home(ctx),
  ];
  ctx.reply(text, { menu });
}

/** A model an officer may manage; otherwise the same refusal as for no model. */
async function managedModel(ctx: ChatContext, raw: string): Promise<LocalModel | null> {
  const model = await findModel(ctx.tx, raw);
  if (model && (await staffOfModel(ctx.tx, ctx.person!.grants, model))) return model;
  ctx.reply(ctx.t('mdl-not-found'), { menu: [home(ctx)] });
  return null;
}

export async function showReview(ctx: ChatContext, raw: string): Promise<void> {
  const model = await managedModel(ctx, raw);
  if (!model) return;
  const [review] = await reviewModels(ctx.tx, [model]);
  ctx.reply(`${ctx.t('mdl-manage-title', { days: REVIEW_DAYS })}\n${reviewLine(ctx.t.bind(ctx), review!)}`, {
    menu: [{ id: `mdl:open:${model.id}`, label: ctx.t('nav-back') }],
  });
}

/** Retire (keep effective models, retire ineffective ones) or bring back. Members stay; notices stop. */
export async function setRetired(ctx: ChatContext, raw: string, retire: boolean): Promise<void> {
  const model = await managedModel(ctx, raw);
  if (!model) return;
  const updated = await ctx.tx.localModel.update({
    where: { id: model.id },
    data: { retiredAt: retire ? (model.retiredAt ?? new Date()) : null },
  });
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: retire ? 'model.retire' : 'model.reactivate',
    entity: 'LocalModel',
    entityId: String(model.id),
  });
  ctx.reply(ctx.t(retire ? 'mdl-retired-done' : 'mdl-reactivated-done', { name: model.name }), {
    menu: [{ id: `mdl:open:${updated.id}`, label: ctx.t('nav-back') }],
  });
}

/** A one-time code that makes whoever sends `/staff <code>` the model's leader. */
export async function leaderInvite(ctx: ChatContext, raw: string): Promise<void> {
  const model = await managedModel(ctx, raw);
  if (!model) return;
  const { code } = await createInvite(ctx.tx, ctx.pii, {
    role: 'leader',
    areaCode: model.areaCode,
    days: LEADER_INVITE_DAYS,
    createdBy: ctx.person!.user.id,
    modelId: model.id,
  });
  ctx.reply(ctx.t('mdl-leader-invite-code', { name: model.name, code, days: LEADER_INVITE_DAYS }), {
    menu: [{ id: `mdl:open:${model.id}`, label: ctx.t('nav-back') }],
  });
}

// ---- creating a model: area → name → kind → description → join policy

const draftOf = (ctx: ChatContext) => (ctx.state.flow === 'model-create' ? (ctx.state.data as Draft) : {});

export async function startCreate(ctx: ChatContext): Promise<void> {
  if (!hasTipRole(ctx.person!.grants)) return ctx.showMainMenu(ctx.t('staff-only'));
  const menu = await grantAreaOptions(ctx, 'mdl:area:', (a) => a.level !== 'province');
  // A province officer types the commune; a commune officer picks theirs.
  const provinces = menu.length < ctx.person!.grants.filter((g) => TIP_ROLES.includes(g.role)).length;
  ctx.setFlow('model-create', 'area', {});
  ctx.reply(ctx.t(provinces ? 'mdl-create-area-type' : 'mdl-create-area'), { menu: [...menu, toList(ctx)] });
}

export async function chooseArea(ctx: ChatContext, code: string): Promise<void> {
  const area = await ctx.tx.area.findUnique({ where: { code } });
  if (!area || area.level === 'province' || !(await covers(ctx.tx, ctx.person!.grants, TIP_ROLES, code)))
    return ctx.reply(ctx.t('staff-only'));
  ctx.setFlow('model-create', 'name', { areaCode: code });
  ctx.reply(ctx.t('mdl-create-name', MODEL_NAME), { menu: [toList(ctx)] });
}

export async function chooseKind(ctx: ChatContext, kind: string): Promise<void> {
  const draft = draftOf(ctx);
  if (!draft.name || !MODEL_KINDS.includes(kind as ModelKind)) return ctx.reply(ctx.t('choice-expired'));
  ctx.setFlow('model-create', 'description', { ...draft, kind });
  ctx.reply(ctx.t('mdl-create-description', { max: MODEL_DESCRIPTION_MAX }), {
    menu: [{ id: 'mdl:nodesc', label: ctx.t('bc-skip') }],
  });
}

function askPolicy(ctx: ChatContext, draft: Draft): void {
  ctx.setFlow('model-create', 'policy', draft);
  ctx.reply(ctx.t('mdl-create-policy'), {
    menu: [
      { id: 'mdl:policy:approval', label: ctx.t('mdl-policy-approval') },
      { id: 'mdl:policy:open', label: ctx.t('mdl-policy-open') },
    ],
  });
}

export function skipDescription(ctx: ChatContext): void {
  const draft = draftOf(ctx);
  if (!draft.kind) return ctx.reply(ctx.t('choice-expired'));
  askPolicy(ctx, { ...draft, description: '' });
}

/** The last answer creates the model; the officer gets its code, link, QR and a leader invite to hand over. */
export async function choosePolicy(ctx: ChatContext, policy: string): Promise<void> {
  const draft = draftOf(ctx);
  if (!draft.areaCode || !draft.name || !draft.kind || (policy !== 'open' && policy !== 'approval'))
    return ctx.reply(ctx.t('choice-expired'));
  if (!(await covers(ctx.tx, ctx.person!.grants, TIP_ROLES, draft.areaCode))) return ctx.reply(ctx.t('staff-only'));
  const model = await createModel(ctx.tx, {
    areaCode: draft.areaCode,
    name: draft.name,
    kind: draft.kind,
    description: draft.description ?? '',
    joinPolicy: policy as JoinPolicy,
    createdById: ctx.person!.user.id,
  });
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: 'model.create',
    entity: 'LocalModel',
    entityId: String(model.id),
    details: { areaCode: model.areaCode, kind: model.kind, joinPolicy: model.joinPolicy },
  });
  ctx.endFlow();
  ctx.send(
    { platform: ctx.msg.platform, chatId: ctx.msg.chatId },
    await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME),
  );
  await leaderInvite(ctx, String(model.id));
}

/** Typed answers while creating: the commune (province officers), the name, the description. */
export async function createInput(ctx: ChatContext): Promise<void> {
  const draft = draftOf(ctx);
  const text = ctx.msg.text?.trim() ?? '';
  switch (ctx.state.step) {
    case 'area': {
      const found = text ? await searchAreas(ctx.tx, text, { limit: 8 }) : [];
      const allowed = [];
      for (const m of found) if (await covers(ctx.tx, ctx.person!.grants, TIP_ROLES, m.code)) allowed.push(m);
      if (!allowed.length) return ctx.reply(ctx.t('mdl-create-area-none'), { menu: [toList(ctx)] });
      return ctx.reply(ctx.t('area-pick', { count: allowed.length }), {
        menu: [
          ...allowed.map((m) => ({ id: `mdl:area:${m.code}`, label: `${m.name}, ${m.provinceName}` })),
          toList(ctx),
        ],
      });
    }
    case 'name':
      if (text.length < MODEL_NAME.min || text.length > MODEL_NAME.max)
        return ctx.reply(ctx.t('mdl-create-name', MODEL_NAME));
      ctx.setFlow('model-create', 'kind', { ...draft, name: text });
      return ctx.reply(ctx.t('mdl-create-kind'), {
        menu: MODEL_KINDS.map((k) => ({
          id: `mdl:kind:${k}`,
          label: `${ctx.t(`mdl-kind-icon-${k}`)} ${ctx.t(`mdl-kind-${k}`)}`,
        })),
      });
    case 'description':
      if (text.length > MODEL_DESCRIPTION_MAX || !text)
        return ctx.reply(ctx.t('mdl-create-description', { max: MODEL_DESCRIPTION_MAX }));
      return askPolicy(ctx, { ...draft, description: text });
    default:
      return ctx.reply(ctx.t('choice-expired'));
  }
}
