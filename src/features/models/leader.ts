import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import { privateChatsOf } from '../../core/people.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { countAudience } from '../../broadcasting/audience.ts';
import { MAX_BODY, MIN_BODY } from '../../broadcasting/content.ts';
import { controlBroadcast } from '../broadcasts/control.ts';
import { manageMenu } from '../broadcasts/manage.ts';
import { createBroadcast } from '../../broadcasting/store.ts';
import { audit } from '../staff/audit.ts';
import { shareMessage } from './share.ts';
import { decideRequest, findModel, staffOfModel } from './store.ts';
import { parseRowId } from '../../core/menu.ts';

/** Requests shown at once; each has an approve and a decline entry. */
const REQUESTS_SHOWN = 5;
/** Names listed at once in the member list. */
const MEMBERS_SHOWN = 100;

/** The model's leader or an officer over its area; anyone else is told "not found" (same words as for no model). */
async function ledModel(ctx: ChatContext, raw: string): Promise<LocalModel | null> {
  const model = await findModel(ctx.tx, raw);
  const person = ctx.person!;
  if (model && (model.leaderId === person.user.id || (await staffOfModel(ctx.tx, person.grants, model)))) return model;
  ctx.endFlow();
  ctx.reply(ctx.t('mdl-not-found'), { menu: [{ id: 'mdl:list', label: ctx.t('nav-back') }] });
  return null;
}

const backTo = (ctx: ChatContext, model: LocalModel): MenuOption => ({
  id: `mdl:open:${model.id}`,
  label: ctx.t('nav-back'),
});

/** What a leader (or an officer) can do with a model, for its page. */
export async function leaderMenu(ctx: ChatContext, model: LocalModel): Promise<MenuOption[]> {
  const pending = await ctx.tx.membership.count({ where: { modelId: model.id, status: 'pending' } });
  return [
    ...(model.retiredAt ? [] : [{ id: `mdl:notice:${model.id}`, label: ctx.t('mdl-notice') }]),
    { id: `mdl:members:${model.id}`, label: ctx.t('mdl-members') },
    ...(pending ? [{ id: `mdl:requests:${model.id}`, label: ctx.t('mdl-requests', { count: pending }) }] : []),
    { id: `mdl:qr:${model.id}`, label: ctx.t('mdl-qr') },
  ];
}

/** Loads a membership's person with the account whose display name is shown. */
const withName = { user: { include: { identities: { orderBy: { createdAt: 'asc' as const }, take: 1 } } } };

/** The display name of a member who agreed to show it; undefined otherwise. Never an account id. */
function shownName(
  ctx: ChatContext,
  m: { showName: boolean; user: { identities: Array<{ displayNameEnc: Uint8Array | null }> } },
): string | undefined {
  const enc = m.showName ? m.user.identities[0]?.displayNameEnc : null;
  return enc ? ctx.pii.decrypt(enc) : undefined;
}

/** Members by display name, only of those who agreed to be shown. */
export async function showMembers(ctx: ChatContext, raw: string): Promise<void> {
  const model = await ledModel(ctx, raw);
  if (!model) return;
  const members = await ctx.tx.membership.findMany({
    where: { modelId: model.id, status: 'active' },
    include: withName,
    orderBy: { decidedAt: 'asc' },
  });
  const names = members.map((m) => shownName(ctx, m)).filter((n): n is string => Boolean(n));
  const list = names
    .slice(0, MEMBERS_SHOWN)
    .map((n, i) => `${i + 1}. ${n}`)
    .join('\n');
  ctx.reply(
    ctx.t('mdl-members-list', {
      name: model.name,
      count: members.length,
      hidden: members.length - names.length,
      list: list || '—',
    }),
    { menu: [backTo(ctx, model)] },
  );
}

/** Pending requests, each with approve and decline (numbered on Zalo). */
export async function showRequests(ctx: ChatContext, raw: string): Promise<void> {
  const model = await ledModel(ctx, raw);
  if (!model) return;
  const pending = await ctx.tx.membership.findMany({
    where: { modelId: model.id, status: 'pending' },
    include: withName,
    orderBy: { requestedAt: 'asc' },
    take: REQUESTS_SHOWN,
  });
  const menu: MenuOption[] = pending.flatMap((m, i) => {
    const who = shownName(ctx, m) ?? `${ctx.t('mdl-hidden-name')} #${i + 1}`;
    return [
      { id: `mdl:approve:${m.id}`, label: `${ctx.t('mdl-approve')}: ${who}` },
      { id: `mdl:decline:${m.id}`, label: `${ctx.t('mdl-decline')}: ${who}` },
    ];
  });
  menu.push(backTo(ctx, model));
  ctx.reply(pending.length ? ctx.t('mdl-requests-title', { name: model.name }) : ctx.t('mdl-requests-none'), {
    menu,
  });
}

/** Approve or decline a request; the person is told in their language. */
export async function decide(ctx: ChatContext, raw: string, approve: boolean): Promise<void> {
  const id = parseRowId(raw);
  const request = id ? await ctx.tx.membership.findUnique({ where: { id } }) : null;
  const model = request ? await ledModel(ctx, String(request.modelId)) : null;
  if (!request || !model) {
    if (!request) ctx.reply(ctx.t('mdl-not-found'));
    return;
  }
  const decided = await decideRequest(ctx.tx, request.id, approve);
  if (!decided) return ctx.reply(ctx.t('mdl-request-done'), { menu: [backTo(ctx, model)] });
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: approve ? 'model.approve' : 'model.decline',
    entity: 'Membership',
    entityId: String(request.id),
    details: { modelId: model.id },
  });
  for (const reader of await privateChatsOf(ctx.tx, ctx.pii, [request.userId], ctx.i18n.defaultLocale)) {
    const t = ctx.i18n.translator(reader.locale);
    ctx.send(reader.to, { text: t(approve ? 'mdl-approved' : 'mdl-declined', { name: model.name }) });
  }
  await showRequests(ctx, String(model.id));
}

export async function sendQr(ctx: ChatContext, raw: string): Promise<void> {
  const model = await ledModel(ctx, raw);
  if (!model) return;
  const share = await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME);
  ctx.send({ platform: ctx.msg.platform, chatId: ctx.msg.chatId }, share);
  ctx.reply(ctx.t('mdl-qr-hint'), { menu: [backTo(ctx, model)] });
}

/** A notice to the members: the text, then a confirmation with the recipient count. */
export async function askNotice(ctx: ChatContext, raw: string): Promise<void> {
  const model = await ledModel(ctx, raw);
  if (!model) return;
  ctx.setFlow('model-notice', 'text', { modelId: model.id });
  ctx.reply(ctx.t('mdl-notice-ask', { name: model.name, min: MIN_BODY, max: MAX_BODY }), {
    menu: [backTo(ctx, model)],
  });
}

export async function noticeInput(ctx: ChatContext): Promise<void> {
  const model = await ledModel(ctx, String(ctx.state.data.modelId));
  if (!model) return;
  const text = ctx.msg.text?.trim() ?? '';
  if (text.length < MIN_BODY || text.length > MAX_BODY)
    return ctx.reply(ctx.t('bc-text-length', { min: MIN_BODY, max: MAX_BODY, length: text.length }));
  const broadcast = await createBroadcast(ctx.tx, {
    authorId: ctx.person!.user.id,
    authorIdentityId: ctx.person!.identity.id,
    audience: { kind: 'model', modelId: model.id },
    texts: { vi: text },
  });
  const count = await countAudience(ctx.tx, { kind: 'model', modelId: model.id }, broadcast.topic);
  ctx.setFlow('model-notice', 'confirm', { modelId: model.id, broadcastId: broadcast.id });
  ctx.reply(ctx.t('mdl-notice-confirm', { name: model.name, count: count.total }), {
    menu: [
      { id: `mdl:send:${broadcast.id}`, label: ctx.t('bc-confirm') },
      { id: `bc:drop:${broadcast.id}`, label: ctx.t('bc-discard') },
    ],
  });
}

/** Confirmed: the broadcast engine sends it; the leader gets its report. */
export async function sendNotice(ctx: ChatContext, raw: string): Promise<void> {
  const id = parseRowId(raw);
  if (!id || ctx.state.flow !== 'model-notice' || ctx.state.data.broadcastId !== id)
    return ctx.reply(ctx.t('choice-expired'));
  const model = await ledModel(ctx, String(ctx.state.data.modelId));
  if (!model) return;
  const result = await controlBroadcast(ctx.tx, id, 'start');
  ctx.endFlow();
  if (!result.ok) return ctx.reply(ctx.t('bc-not-now', { id: String(id) }));
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: 'model.notice',
    entity: 'Broadcast',
    entityId: String(id),
    details: { modelId: model.id },
  });
  ctx.wake('broadcasts');
  ctx.reply(ctx.t('bc-started', { id: String(id) }), { menu: manageMenu(ctx, result.broadcast) });
}
