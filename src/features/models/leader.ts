import { z } from 'zod';
import type { ChatContext } from '../../core/context.ts';
import { defineFlow } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import { personActor } from '../../core/scope.ts';
import type { LocalModel } from '../../generated/prisma/client.ts';
import { countAudience } from '../../broadcasting/audience.ts';
import { MAX_BODY, MIN_BODY } from '../../broadcasting/content.ts';
import { controlBroadcast } from '../broadcasts/control.ts';
import { manageMenu } from '../broadcasts/manage.ts';
import { createBroadcast } from '../../broadcasting/store.ts';
import { audit } from '../staff/audit.ts';
import { modelWithin } from './access.ts';
import { approveMember, declineMember } from './actions.ts';
import { backToModel, modelChoice, modelNotFound } from './choices.ts';
import { shareMessage } from './share.ts';

/** Requests shown at once; each has an approve and a decline entry. */
const REQUESTS_SHOWN = 5;
/** Names listed at once in the member list. */
const MEMBERS_SHOWN = 100;

/** The model, if this person leads it or is an officer over it; otherwise the one refusal. */
async function ledModel(ctx: PersonContext, modelId: number): Promise<LocalModel | null> {
  const model = await modelWithin(ctx.tx, personActor(ctx.person), modelId, 'lead');
  if (!model) modelNotFound(ctx);
  return model;
}

/** What a leader (or an officer) can do with a model, for its page. */
export async function leaderMenu(ctx: ChatContext, model: LocalModel): Promise<MenuOption[]> {
  const pending = await ctx.tx.membership.count({ where: { modelId: model.id, status: 'pending' } });
  const value = { model: model.id };
  return [
    ...(model.retiredAt ? [] : [{ id: modelChoice.pack('notice', value), label: ctx.t('mdl-notice') }]),
    { id: modelChoice.pack('members', value), label: ctx.t('mdl-members') },
    ...(pending ? [{ id: modelChoice.pack('requests', value), label: ctx.t('mdl-requests', { count: pending }) }] : []),
    { id: modelChoice.pack('qr', value), label: ctx.t('mdl-qr') },
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
export async function showMembers(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await ledModel(ctx, modelId);
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
    { menu: [backToModel(ctx, model.id)] },
  );
}

/** Pending requests, each with approve and decline (numbered on Zalo). */
export async function showRequests(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await ledModel(ctx, modelId);
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
      { id: modelChoice.pack('approve', { membership: m.id }), label: `${ctx.t('mdl-approve')}: ${who}` },
      { id: modelChoice.pack('decline', { membership: m.id }), label: `${ctx.t('mdl-decline')}: ${who}` },
    ];
  });
  menu.push(backToModel(ctx, model.id));
  ctx.reply(pending.length ? ctx.t('mdl-requests-title', { name: model.name }) : ctx.t('mdl-requests-none'), {
    menu,
  });
}

/** Approve or decline a request, then the requests still waiting. */
export async function decide(ctx: PersonContext, membershipId: number, approve: boolean): Promise<void> {
  const outcome = await (approve ? approveMember : declineMember)(ctx, personActor(ctx.person), membershipId);
  if (outcome.ok) return showRequests(ctx, outcome.model.id);
  if (outcome.reason === 'not-found') return modelNotFound(ctx);
  const { modelId } = await ctx.tx.membership.findUniqueOrThrow({ where: { id: membershipId } });
  ctx.reply(ctx.t('mdl-request-done'), { menu: [backToModel(ctx, modelId)] });
}

export async function sendQr(ctx: PersonContext, modelId: number): Promise<void> {
  const model = await ledModel(ctx, modelId);
  if (!model) return;
  ctx.send(ctx.here, await shareMessage(ctx.t.bind(ctx), model, ctx.policy.TELEGRAM_BOT_USERNAME, ctx.can.files));
  ctx.reply(ctx.t('mdl-qr-hint'), { menu: [backToModel(ctx, model.id)] });
}

// ---- a notice to the members: the text, then a confirmation with the recipient count

const noticeDraft = z.object({
  modelId: z.number().int().positive().optional(),
  broadcastId: z.number().int().positive().optional(),
});
type NoticeDraft = z.infer<typeof noticeDraft>;

/** The notice's model, checked on every answer; a model no longer this person's ends the dialogue. */
async function noticeModel(ctx: PersonContext, draft: NoticeDraft): Promise<LocalModel | null> {
  const model = draft.modelId ? await modelWithin(ctx.tx, personActor(ctx.person), draft.modelId, 'lead') : null;
  if (model) return model;
  ctx.endFlow();
  modelNotFound(ctx);
  return null;
}

export const noticeFlow = defineFlow({
  name: 'model-notice',
  access: people,
  draft: noticeDraft,
  steps: {
    text: {
      needs: ['modelId'],
      async ask(ctx, draft, problem) {
        const model = await noticeModel(ctx, draft);
        if (!model) return;
        ctx.reply(problem ?? ctx.t('mdl-notice-ask', { name: model.name, min: MIN_BODY, max: MAX_BODY }), {
          menu: [backToModel(ctx, model.id)],
        });
      },
      async input(ctx, draft, flow) {
        const model = await noticeModel(ctx, draft);
        if (!model) return;
        const text = ctx.msg.text?.trim() ?? '';
        if (text.length < MIN_BODY || text.length > MAX_BODY)
          return flow.again(draft, ctx.t('bc-text-length', { min: MIN_BODY, max: MAX_BODY, length: text.length }));
        const broadcast = await createBroadcast(ctx.tx, {
          authorId: ctx.person.user.id,
          authorIdentityId: ctx.person.identity.id,
          audience: { kind: 'model', modelId: model.id },
          texts: { vi: text },
        });
        await flow.go('confirm', { modelId: model.id, broadcastId: broadcast.id });
      },
    },
    confirm: {
      needs: ['modelId', 'broadcastId'],
      async ask(ctx, draft, problem) {
        const model = await noticeModel(ctx, draft);
        if (!model) return;
        const broadcast = draft.broadcastId
          ? await ctx.tx.broadcast.findUnique({ where: { id: draft.broadcastId } })
          : null;
        // Discarded or started meanwhile: nothing is left to confirm.
        if (broadcast?.status !== 'draft') {
          ctx.endFlow();
          return ctx.showMainMenu(ctx.t('choice-expired'));
        }
        const count = await countAudience(ctx.tx, { kind: 'model', modelId: model.id }, broadcast.topic);
        if (problem) ctx.reply(problem);
        ctx.reply(ctx.t('mdl-notice-confirm', { name: model.name, count: count.total }), {
          menu: [
            { id: modelChoice.pack('send', { broadcast: broadcast.id }), label: ctx.t('bc-confirm') },
            { id: `bc:drop:${broadcast.id}`, label: ctx.t('bc-discard') },
          ],
        });
      },
    },
  },
});

export const askNotice = (ctx: PersonContext, modelId: number) => noticeFlow.start(ctx, { modelId });

/** Confirmed: the broadcast engine sends it; the leader gets its report. */
export const sendNotice = noticeFlow.at(
  'confirm',
  async (ctx, draft, { broadcast: id }: { broadcast: number }, flow) => {
    if (draft.broadcastId !== id) return flow.again(draft, ctx.t('choice-expired'));
    const model = await noticeModel(ctx, draft);
    if (!model) return;
    const result = await controlBroadcast(ctx.tx, id, 'start');
    flow.end();
    if (!result.ok) return ctx.reply(ctx.t('bc-not-now', { id: String(id) }));
    await audit(ctx.tx, {
      actorId: ctx.person.user.id,
      action: 'model.notice',
      entity: 'Broadcast',
      entityId: String(id),
      details: { modelId: model.id },
    });
    ctx.wake('broadcasts');
    ctx.reply(ctx.t('bc-started', { id: String(id) }), { menu: manageMenu(ctx, result.broadcast) });
  },
);
