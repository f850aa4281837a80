import { z } from 'zod';
import { defineFlow } from '../../core/flow.ts';
import { people, registered, type PersonContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import { privateChatsOf } from '../../core/people.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { backToList, modelChoice, modelNotFound } from './choices.ts';
import { leaderMenu } from './leader.ts';
import { staffMenu } from './manage.ts';
import { leaveModel, modelsNear, normalizeJoinCode, officersOver, requestJoin, staffOfModel } from './store.ts';

/** `/groups`: the active models of my commune, my models, and joining by code. */
export async function listModels(ctx: PersonContext): Promise<void> {
  const { user } = ctx.person;
  const models = user.areaCode ? await modelsNear(ctx.tx, user.areaCode) : [];
  const menu: MenuOption[] = models.map((m) => ({
    id: modelChoice.pack('open', { model: m.id }),
    label: `${ctx.t(`mdl-kind-icon-${m.kind}`)} ${m.name}`,
  }));
  menu.push(
    { id: modelChoice.pack('mine'), label: ctx.t('mdl-mine') },
    { id: modelChoice.pack('code'), label: ctx.t('mdl-enter-code') },
    { id: 'home', label: ctx.t('nav-back') },
  );
  const area = user.areaCode ? await areaLabel(ctx.tx, user.areaCode) : '';
  ctx.reply(models.length ? ctx.t('mdl-list-title', { area }) : ctx.t('mdl-list-empty', { area }), { menu });
}

/** My memberships: active ones and requests waiting for the leader. */
export async function myModels(ctx: PersonContext): Promise<void> {
  const userId = ctx.person.user.id;
  const rows = await ctx.tx.membership.findMany({
    where: { userId, status: { in: ['active', 'pending'] } },
    include: { model: true },
    orderBy: { requestedAt: 'asc' },
  });
  const led = await ctx.tx.localModel.findMany({ where: { leaderId: userId, retiredAt: null } });
  const menu: MenuOption[] = [
    ...led.map((m) => ({ id: modelChoice.pack('open', { model: m.id }), label: `👑 ${m.name}` })),
    ...rows.map((r) => ({
      id: modelChoice.pack('open', { model: r.modelId }),
      label: `${r.status === 'pending' ? '⏳' : '✅'} ${r.model.name}`,
    })),
    backToList(ctx),
  ];
  ctx.reply(rows.length || led.length ? ctx.t('mdl-mine-title') : ctx.t('mdl-mine-empty'), { menu });
}

/** Any model, for its public page. */
async function modelById(ctx: PersonContext, modelId: number): Promise<LocalModel | null> {
  const model = await ctx.tx.localModel.findUnique({ where: { id: modelId } });
  if (!model) modelNotFound(ctx);
  return model;
}

/** A model's page: what it is, and what this person can do with it (join, leave, lead, manage). */
async function modelPage(ctx: PersonContext, model: LocalModel, headline?: string): Promise<void> {
  const userId = ctx.person.user.id;
  // One transaction is one connection: its queries go one after another.
  const membership = await ctx.tx.membership.findUnique({ where: { modelId_userId: { modelId: model.id, userId } } });
  const members = await ctx.tx.membership.count({ where: { modelId: model.id, status: 'active' } });
  const area = await areaLabel(ctx.tx, model.areaCode);
  const isLeader = model.leaderId === userId;
  const isStaff = await staffOfModel(ctx.tx, ctx.person.grants, model);
  const lines = [
    headline,
    ctx.t('mdl-details', {
      name: model.name,
      kind: ctx.t(`mdl-kind-${model.kind}`),
      area,
      members,
      policy: ctx.t(`mdl-policy-${model.joinPolicy}`),
    }),
    model.leaderId ? undefined : ctx.t('mdl-no-leader'),
    model.description || undefined,
    model.retiredAt ? ctx.t('mdl-retired') : undefined,
    membership?.status === 'active' ? ctx.t('mdl-you-member') : undefined,
    membership?.status === 'pending' ? ctx.t('mdl-you-pending') : undefined,
  ];
  const value = { model: model.id };
  const menu: MenuOption[] = [];
  if (!model.retiredAt && membership?.status !== 'active' && membership?.status !== 'pending' && !isLeader)
    menu.push({ id: modelChoice.pack('join', value), label: ctx.t('mdl-join') });
  if (membership?.status === 'active') menu.push({ id: modelChoice.pack('leave', value), label: ctx.t('mdl-leave') });
  if (membership?.status === 'pending')
    menu.push({ id: modelChoice.pack('leave', value), label: ctx.t('mdl-withdraw') });
  if (isLeader || isStaff) menu.push(...(await leaderMenu(ctx, model)));
  if (isStaff) menu.push(...staffMenu(ctx, model));
  menu.push(backToList(ctx));
  ctx.reply(lines.filter(Boolean).join('\n\n'), { menu });
}

/** A model's page, for other features (a new leader's welcome). */
export const showModel = registered(modelPage);

export async function openModel(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await modelById(ctx, modelId);
  if (model) await modelPage(ctx, model);
}

/** Joining asks first whether the leader may see the person's name. */
export async function askJoin(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await modelById(ctx, modelId);
  if (!model) return;
  if (model.retiredAt) return modelPage(ctx, model);
  ctx.reply(ctx.t('mdl-ask-show-name', { name: model.name }), {
    menu: [
      { id: modelChoice.pack('joinas', { model: model.id, show: true }), label: ctx.t('mdl-show-name-yes') },
      { id: modelChoice.pack('joinas', { model: model.id, show: false }), label: ctx.t('mdl-show-name-no') },
      backToList(ctx),
    ],
  });
}

/** The membership is stored first; then the person is answered and the leader asked (approval models). */
export async function join(ctx: PersonContext, modelId: number, showName: boolean): Promise<void> {
  const model = await modelById(ctx, modelId);
  if (!model) return;
  const { outcome, membership } = await requestJoin(ctx.tx, model, ctx.person.user.id, showName);
  if (outcome === 'requested' && membership) await askLeader(ctx, model, membership.id, showName);
  ctx.endFlow();
  await modelPage(ctx, model, ctx.t(`mdl-outcome-${outcome}`, { name: model.name }));
}

/**
 * The leader (on each of their messengers) hears of a request, or the commune's officers while the model has
 * no leader; Telegram gets buttons, Zalo a command to type.
 */
async function askLeader(ctx: PersonContext, model: LocalModel, membershipId: number, showName: boolean) {
  const deciders = model.leaderId ? [model.leaderId] : await officersOver(ctx.tx, model.areaCode);
  const who = showName ? ctx.person.identity.displayNameEnc : null;
  const name = who ? ctx.pii.decrypt(who) : undefined;
  for (const reader of await privateChatsOf(ctx.tx, ctx.pii, deciders, ctx.i18n.defaultLocale)) {
    const t = ctx.i18n.translator(reader.locale);
    ctx.send(reader.to, {
      text: t('mdl-request-to-leader', { model: model.name, who: name ?? t('mdl-hidden-name'), id: model.id }),
      buttons: [
        { id: modelChoice.pack('approve', { membership: membershipId }), label: t('mdl-approve') },
        { id: modelChoice.pack('decline', { membership: membershipId }), label: t('mdl-decline') },
      ],
    });
  }
}

export async function leave(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await modelById(ctx, modelId);
  if (!model) return;
  const left = await leaveModel(ctx.tx, model.id, ctx.person.user.id);
  await modelPage(ctx, model, left ? ctx.t('mdl-left', { name: model.name }) : ctx.t('mdl-not-member'));
}

/** "Nhập mã tham gia": the join code typed from a poster. */
export const codeFlow = defineFlow({
  name: 'model-code',
  access: people,
  draft: z.object({}),
  steps: {
    code: {
      ask(ctx, _draft, problem) {
        ctx.reply(problem ?? ctx.t('mdl-ask-code'), { menu: [backToList(ctx)] });
      },
      input: (ctx) => openByCode(ctx, ctx.msg.text ?? ''),
    },
  },
});

export const askCode = (ctx: PersonContext) => codeFlow.start(ctx);

/** A join code, however it arrives: `/join MH-7K3Q9P`, typed after "Nhập mã", or a deep link `m_MH-7K3Q9P`. */
export async function openByCode(ctx: PersonContext, text: string): Promise<void> {
  const code = normalizeJoinCode(text);
  const model = code ? await ctx.tx.localModel.findUnique({ where: { joinCode: code } }) : null;
  if (!model) return codeFlow.go(ctx, 'code', {}, ctx.t('mdl-code-unknown'));
  ctx.endFlow();
  await modelPage(ctx, model);
}
