import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import { privateChatsOf } from '../../core/people.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { leaderMenu } from './leader.ts';
import { staffMenu } from './manage.ts';
import {
  findModel,
  leaveModel,
  modelsNear,
  officersOver,
  normalizeJoinCode,
  requestJoin,
  staffOfModel,
} from './store.ts';

const back = (ctx: ChatContext): MenuOption => ({ id: 'mdl:list', label: ctx.t('nav-back') });

/** `/groups`: the active models of my commune, my models, and joining by code. */
export async function listModels(ctx: ChatContext): Promise<void> {
  const user = ctx.person!.user;
  const models = user.areaCode ? await modelsNear(ctx.tx, user.areaCode) : [];
  const menu: MenuOption[] = models.map((m) => ({
    id: `mdl:open:${m.id}`,
    label: `${ctx.t(`mdl-kind-icon-${m.kind}`)} ${m.name}`,
  }));
  menu.push(
    { id: 'mdl:mine', label: ctx.t('mdl-mine') },
    { id: 'mdl:code', label: ctx.t('mdl-enter-code') },
    { id: 'home', label: ctx.t('nav-back') },
  );
  const area = user.areaCode ? await areaLabel(ctx.tx, user.areaCode) : '';
  ctx.reply(models.length ? ctx.t('mdl-list-title', { area }) : ctx.t('mdl-list-empty', { area }), { menu });
}

/** My memberships: active ones and requests waiting for the leader. */
export async function myModels(ctx: ChatContext): Promise<void> {
  const rows = await ctx.tx.membership.findMany({
    where: { userId: ctx.person!.user.id, status: { in: ['active', 'pending'] } },
    include: { model: true },
    orderBy: { requestedAt: 'asc' },
  });
  const led = await ctx.tx.localModel.findMany({ where: { leaderId: ctx.person!.user.id, retiredAt: null } });
  const menu: MenuOption[] = [
    ...led.map((m) => ({ id: `mdl:open:${m.id}`, label: `👑 ${m.name}` })),
    ...rows.map((r) => ({
      id: `mdl:open:${r.modelId}`,
      label: `${r.status === 'pending' ? '⏳' : '✅'} ${r.model.name}`,
    })),
    back(ctx),
  ];
  ctx.reply(rows.length || led.length ? ctx.t('mdl-mine-title') : ctx.t('mdl-mine-empty'), { menu });
}

async function modelById(ctx: ChatContext, raw: string): Promise<LocalModel | null> {
  const model = await findModel(ctx.tx, raw);
  if (!model) ctx.reply(ctx.t('mdl-not-found'), { menu: [back(ctx)] });
  return model;
}

/** A model's page: what it is, and what this person can do with it (join, leave, lead, manage). */
export async function showModel(ctx: ChatContext, model: LocalModel, headline?: string): Promise<void> {
  const userId = ctx.person!.user.id;
  // One transaction is one connection: its queries go one after another.
  const membership = await ctx.tx.membership.findUnique({ where: { modelId_userId: { modelId: model.id, userId } } });
  const members = await ctx.tx.membership.count({ where: { modelId: model.id, status: 'active' } });
  const area = await areaLabel(ctx.tx, model.areaCode);
  const isLeader = model.leaderId === userId;
  const isStaff = await staffOfModel(ctx.tx, ctx.person!.grants, model);
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
  const menu: MenuOption[] = [];
  if (!model.retiredAt && membership?.status !== 'active' && membership?.status !== 'pending' && !isLeader)
    menu.push({ id: `mdl:join:${model.id}`, label: ctx.t('mdl-join') });
  if (membership?.status === 'active') menu.push({ id: `mdl:leave:${model.id}`, label: ctx.t('mdl-leave') });
  if (membership?.status === 'pending') menu.push({ id: `mdl:leave:${model.id}`, label: ctx.t('mdl-withdraw') });
  if (isLeader || isStaff) menu.push(...(await leaderMenu(ctx, model)));
  if (isStaff) menu.push(...staffMenu(ctx, model));
  menu.push(back(ctx));
  ctx.reply(lines.filter(Boolean).join('\n\n'), { menu });
}

export async function openModel(ctx: ChatContext, raw: string): Promise<void> {
  const model = await modelById(ctx, raw);
  if (model) await showModel(ctx, model);
}

/** Joining asks first whether the leader may see the person's name. */
export async function askJoin(ctx: ChatContext, raw: string): Promise<void> {
  const model = await modelById(ctx, raw);
  if (!model) return;
  if (model.retiredAt) return showModel(ctx, model);
  ctx.reply(ctx.t('mdl-ask-show-name', { name: model.name }), {
    menu: [
      { id: `mdl:joinas:${model.id}:1`, label: ctx.t('mdl-show-name-yes') },
      { id: `mdl:joinas:${model.id}:0`, label: ctx.t('mdl-show-name-no') },
      back(ctx),
    ],
  });
}

/** The membership is stored first; then the person is answered and the leader asked (approval models). */
export async function join(ctx: ChatContext, arg: string): Promise<void> {
  const [rawId = '', show = '0'] = arg.split(':');
  const model = await modelById(ctx, rawId);
  if (!model) return;
  const { outcome, membership } = await requestJoin(ctx.tx, model, ctx.person!.user.id, show === '1');
  if (outcome === 'requested' && membership) await askLeader(ctx, model, membership.id, show === '1');
  ctx.endFlow();
  await showModel(ctx, model, ctx.t(`mdl-outcome-${outcome}`, { name: model.name }));
}

/**
 * The leader (on each of their messengers) hears of a request, or the commune's officers while the model has
 * no leader; Telegram gets buttons, Zalo a command to type.
 */
async function askLeader(ctx: ChatContext, model: LocalModel, membershipId: number, showName: boolean) {
  const deciders = model.leaderId ? [model.leaderId] : await officersOver(ctx.tx, model.areaCode);
  const who = showName ? ctx.person!.identity.displayNameEnc : null;
  const name = who ? ctx.pii.decrypt(who) : undefined;
  for (const reader of await privateChatsOf(ctx.tx, ctx.pii, deciders, ctx.i18n.defaultLocale)) {
    const t = ctx.i18n.translator(reader.locale);
    ctx.send(reader.to, {
      text: t('mdl-request-to-leader', { model: model.name, who: name ?? t('mdl-hidden-name'), id: model.id }),
      buttons: [
        { id: `mdl:approve:${membershipId}`, label: t('mdl-approve') },
        { id: `mdl:decline:${membershipId}`, label: t('mdl-decline') },
      ],
    });
  }
}

export async function leave(ctx: ChatContext, raw: string): Promise<void> {
  const model = await modelById(ctx, raw);
  if (!model) return;
  const left = await leaveModel(ctx.tx, model.id, ctx.person!.user.id);
  await showModel(ctx, model, left ? ctx.t('mdl-left', { name: model.name }) : ctx.t('mdl-not-member'));
}

/** A join code, however it arrives: `/join MH-7K3Q9P`, typed after "Nhập mã", or a deep link `m_MH-7K3Q9P`. */
export async function openByCode(ctx: ChatContext, text: string): Promise<void> {
  const code = normalizeJoinCode(text);
  const model = code ? await ctx.tx.localModel.findUnique({ where: { joinCode: code } }) : null;
  if (!model) {
    ctx.setFlow('model-code', 'code');
    return ctx.reply(ctx.t('mdl-code-unknown'), { menu: [back(ctx)] });
  }
  ctx.endFlow();
  await showModel(ctx, model);
}

export function askCode(ctx: ChatContext): void {
  ctx.setFlow('model-code', 'code');
  ctx.reply(ctx.t('mdl-ask-code'), { menu: [back(ctx)] });
}
