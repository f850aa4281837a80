import type { ChatContext } from '../../core/context.ts';
import { areaLabel } from '../areas/search.ts';
import { loadConversation, saveConversation } from '../../core/conversation-store.ts';
import { formatTime } from '../../core/format.ts';
import { conversationKeyOf } from '../../core/keys.ts';
import type { Tip, TipStatus } from '../../generated/prisma/client.ts';
import { audit } from '../staff/audit.ts';
import { hasTipRole } from '../staff/grants.ts';
import type { Reader } from '../../core/people.ts';
import { tipReporter } from './audience.ts';
import { officerActions, photoMessages, threadText, tipDetails, translator } from './cards.ts';
import { OPEN_STATUSES } from './categories.ts';
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES } from './draft.ts';
import { addTipMessage, listTips, moveTip, readThread, readTip, tipForStaff } from './store.ts';

const PAGE = 8;

/** One answer for "no such tip" and "not yours": the reply must not tell which. */
function refuse(ctx: ChatContext): void {
  ctx.endFlow();
  ctx.reply(ctx.t('tip-not-found'));
}

/** A tip the person may work on: they hold an officer role over its area. */
const officerTip = (ctx: ChatContext, rawCode: string) => tipForStaff(ctx.tx, ctx.person?.grants ?? [], rawCode);

const auditTip = (ctx: ChatContext, action: string, tip: Tip, details?: Record<string, string>) =>
  audit(ctx.tx, { actorId: ctx.person!.user.id, action, entity: 'Tip', entityId: tip.id, details });

/** `/inbox [page]`: open tips of the officer's areas, urgent first, then oldest first. */
export async function showInbox(ctx: ChatContext, arg: string): Promise<void> {
  const grants = ctx.person?.grants ?? [];
  if (!hasTipRole(grants)) return ctx.showMainMenu(ctx.t('staff-only'));
  const { total, pages, page, tips } = await listTips(
    ctx.tx,
    grants,
    OPEN_STATUSES,
    Number.parseInt(arg, 10) || 1,
    PAGE,
  );
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: 'inbox.view',
    entity: 'Tip',
    details: { page, shown: tips.map((t) => t.code) },
  });
  const menu = tips.map((tip) => ({
    id: `tip:open:${tip.code}`,
    label: [
      `${tip.urgent ? '🚨 ' : ''}${tip.code}`,
      ctx.t(`cat-${tip.category}`),
      ctx.t(`status-${tip.status}`),
      tip.area.name,
    ].join(' · '),
  }));
  if (page > 1) menu.push({ id: `inbox:${page - 1}`, label: ctx.t('inbox-prev') });
  if (page < pages) menu.push({ id: `inbox:${page + 1}`, label: ctx.t('inbox-next') });
  menu.push({ id: 'home', label: ctx.t('nav-back') });
  ctx.reply(total ? ctx.t('inbox-title', { count: total, page, pages }) : ctx.t('inbox-empty'), { menu });
}

/** A tip as the officer works on it: details, history, thread and the actions its status allows. */
async function showTip(ctx: ChatContext, tip: Tip, headline?: string): Promise<void> {
  const t = translator(ctx, ctx.locale);
  const [area, events, thread] = await Promise.all([
    areaLabel(ctx.tx, tip.areaCode),
    ctx.tx.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: 'asc' } }),
    readThread(ctx.tx, ctx.pii, tip.id),
  ]);
  const content = readTip(ctx.pii, tip);
  const history = events.map((e) =>
    ctx.t('tip-history-line', { status: t(`status-${e.status}`), time: formatTime(ctx.locale, e.at) }),
  );
  const parts = [
    headline,
    tipDetails(t, ctx.locale, tip, content, area),
    `${ctx.t('tip-history')}\n${history.join('\n')}`,
    thread.length ? `${ctx.t('tip-thread')}\n${threadText(t, thread, 'officer')}` : undefined,
  ];
  await auditTip(ctx, 'tip.view', tip);
  ctx.reply(parts.filter(Boolean).join('\n\n'), {
    menu: [...officerActions(t, tip), { id: 'inbox:1', label: ctx.t('menu-inbox') }],
  });
  for (const message of photoMessages(t, ctx.msg.platform, tip.code, content.photos))
    ctx.send({ platform: ctx.msg.platform, chatId: ctx.msg.chatId }, message);
}

/** Tells the reporter, in their language, that their tip moved. */
function tellReporter(ctx: ChatContext, reporter: Reader | undefined, tip: Tip, status: TipStatus): void {
  if (!reporter) return;
  ctx.send(reporter.to, { text: translator(ctx, reporter.locale)(`tip-now-${status}`, { code: tip.code }) });
}

const MOVES: Record<string, { from: readonly TipStatus[]; to: TipStatus; assign?: boolean }> = {
  ack: { from: ['new'], to: 'acknowledged' },
  take: { from: ['new', 'acknowledged'], to: 'in_progress', assign: true },
  resolve: { from: OPEN_STATUSES, to: 'resolved' },
  reject: { from: OPEN_STATUSES, to: 'rejected' },
  duplicate: { from: OPEN_STATUSES, to: 'duplicate' },
  /** Rejected, and the reporter's next tips and messages are throttled harder. */
  spam: { from: OPEN_STATUSES, to: 'rejected' },
};

async function move(ctx: ChatContext, tip: Tip, verb: string): Promise<void> {
  const step = MOVES[verb]!;
  const officerId = ctx.person!.user.id;
  const moved = await moveTip(ctx.tx, tip, step.from, step.to, officerId, step.assign);
  if (!moved)
    return showTip(ctx, tip, ctx.t('tip-status-unchanged', { code: tip.code, status: ctx.t(`status-${tip.status}`) }));
  await auditTip(ctx, 'tip.status', tip, { from: tip.status, to: step.to });
  if (verb === 'spam' && tip.reporterId) {
    await ctx.tx.user.update({ where: { id: tip.reporterId }, data: { spamFlaggedAt: new Date() } });
    await auditTip(ctx, 'tip.flag_spam', tip);
  }
  tellReporter(ctx, await tipReporter(ctx.tx, ctx.pii, moved, ctx.i18n.defaultLocale), moved, step.to);
  await showTip(ctx, moved, ctx.t('tip-status-set', { code: tip.code, status: ctx.t(`status-${step.to}`) }));
}

function askReply(ctx: ChatContext, tip: Tip): void {
  ctx.setFlow('tip-reply', 'write', { code: tip.code });
  ctx.reply(ctx.t('tip-reply-ask', { code: tip.code }), {
    menu: [{ id: `tip:open:${tip.code}`, label: ctx.t('report-cancel') }],
  });
}

/**
 * Opens the reporter's side of the thread, so their next message answers the
 * officer, unless they are in the middle of another dialogue. A private chat's
 * id is its person's id on both messengers.
 */
async function openThreadFor(ctx: ChatContext, reporter: Reader, code: string): Promise<boolean> {
  const key = conversationKeyOf(ctx.pii, reporter.to.platform, reporter.to.chatId, reporter.to.chatId);
  const { state, stored } = await loadConversation(ctx.tx, key);
  if (state.flow && state.flow !== 'tip-thread') return false;
  await saveConversation(ctx.tx, key, { flow: 'tip-thread', step: 'write', data: { code } }, stored);
  return true;
}

/** The officer's reply (text and/or photo) goes to the reporter through the bot; neither sees the other's account. */
export async function replyInput(ctx: ChatContext): Promise<void> {
  const tip = await officerTip(ctx, String(ctx.state.data.code ?? ''));
  if (!tip) return refuse(ctx);
  const text = ctx.msg.text?.trim();
  const photos = (ctx.msg.photos ?? []).filter((p) => !('size' in p) || (p.size ?? 0) <= MAX_PHOTO_BYTES);
  if (!text && !photos.length) return askReply(ctx, tip);
  if (text && text.length > MAX_DESCRIPTION) {
    ctx.reply(ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
    return askReply(ctx, tip);
  }
  const officerId = ctx.person!.user.id;
  await addTipMessage(ctx.tx, ctx.pii, tip, { author: 'officer', officerId, text, photos });
  await auditTip(ctx, 'tip.reply', tip);
  const reporter = await tipReporter(ctx.tx, ctx.pii, tip, ctx.i18n.defaultLocale);
  // Answering a new tip acknowledges it.
  const current = (await moveTip(ctx.tx, tip, ['new'], 'acknowledged', officerId)) ?? tip;
  if (current !== tip) {
    await auditTip(ctx, 'tip.status', tip, { from: 'new', to: 'acknowledged' });
    tellReporter(ctx, reporter, current, 'acknowledged');
  }
  ctx.endFlow();
  if (!reporter) return showTip(ctx, current, ctx.t('tip-reply-no-reporter', { code: tip.code }));
  const t = translator(ctx, reporter.locale);
  const answerHere = await openThreadFor(ctx, reporter, tip.code);
  const body = [
    t('tip-officer-reply', { code: tip.code }),
    text,
    t(answerHere ? 'tip-answer-here' : 'tip-answer-status', { code: tip.code }),
  ];
  ctx.send(reporter.to, {
    text: body.filter(Boolean).join('\n\n'),
    buttons: [{ id: `mytip:add:${tip.code}`, label: t('mytip-answer') }],
  });
  for (const message of photoMessages(t, reporter.to.platform, tip.code, photos)) ctx.send(reporter.to, message);
  await showTip(ctx, current, ctx.t('tip-reply-sent', { code: tip.code }));
}

/** `tip:<verb>:<code>` from buttons, numbered menus and forged callback data alike: every press is re-checked. */
export async function tipAction(ctx: ChatContext, arg: string): Promise<void> {
  const at = arg.indexOf(':');
  const verb = at < 0 ? arg : arg.slice(0, at);
  const tip = await officerTip(ctx, at < 0 ? '' : arg.slice(at + 1));
  if (!tip) return refuse(ctx);
  ctx.endFlow();
  if (verb === 'open') return showTip(ctx, tip);
  if (verb === 'reply') return askReply(ctx, tip);
  if (verb in MOVES) return move(ctx, tip, verb);
  refuse(ctx);
}

/** `/tip <code>`: an officer opens a tip by its code (the way to act on Zalo). */
export async function openTipCommand(ctx: ChatContext, arg: string): Promise<void> {
  const tip = await officerTip(ctx, arg);
  if (!tip) return refuse(ctx);
  ctx.endFlow();
  await showTip(ctx, tip);
}
