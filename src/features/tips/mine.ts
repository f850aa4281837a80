import type { ChatContext } from '../../core/context.ts';
import { formatTime } from '../../core/format.ts';
import type { Tip } from '../../generated/prisma/client.ts';
import { tipOfficers } from './audience.ts';
import { photoMessages, sendToEach, threadText, translator } from './cards.ts';
import { normalizeTipCode } from './code.ts';
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES, MAX_PHOTOS } from './draft.ts';
import { addTipMessage, readThread, readTip } from './store.ts';

const LIST = 10;

/** Only the reporter's own tips: another code reads as "not found". */
function ownTip(ctx: ChatContext, code: string | undefined): Promise<Tip | null> {
  if (!code) return Promise.resolve(null);
  return ctx.tx.tip.findFirst({ where: { code, reporterId: ctx.person!.user.id } });
}

/** `/status`: my tips and their status; `/status <code>`: one of them with its thread. */
export async function myTips(ctx: ChatContext, arg: string): Promise<void> {
  ctx.endFlow();
  if (arg) return showMyTip(ctx, arg);
  const tips = await ctx.tx.tip.findMany({
    where: { reporterId: ctx.person!.user.id },
    orderBy: { createdAt: 'desc' },
    take: LIST,
  });
  if (!tips.length) return ctx.showMainMenu(ctx.t('mytips-none'));
  const menu = tips.map((tip) => ({
    id: `mytip:open:${tip.code}`,
    label: `${tip.code} · ${ctx.t(`cat-${tip.category}`)} · ${ctx.t(`status-${tip.status}`)}`,
  }));
  ctx.reply(ctx.t('mytips-title', { count: tips.length }), {
    menu: [...menu, { id: 'home', label: ctx.t('nav-back') }],
  });
}

async function showMyTip(ctx: ChatContext, rawCode: string): Promise<void> {
  const tip = await ownTip(ctx, normalizeTipCode(rawCode));
  if (!tip) return ctx.showMainMenu(ctx.t('tip-not-found'));
  const t = translator(ctx, ctx.locale);
  const [events, thread] = await Promise.all([
    ctx.tx.tipEvent.findMany({ where: { tipId: tip.id }, orderBy: { id: 'asc' } }),
    readThread(ctx.tx, ctx.pii, tip.id),
  ]);
  const content = readTip(ctx.pii, tip);
  const parts = [
    ctx.t('mytip-view', {
      code: tip.code,
      category: ctx.t(`cat-${tip.category}`),
      status: ctx.t(`status-${tip.status}`),
      time: formatTime(ctx.locale, tip.createdAt),
      text: content.description,
    }),
    `${ctx.t('tip-history')}\n${events.map((e) => ctx.t('tip-history-line', { status: t(`status-${e.status}`), time: formatTime(ctx.locale, e.at) })).join('\n')}`,
    thread.length ? `${ctx.t('tip-thread')}\n${threadText(t, thread, 'citizen')}` : undefined,
  ];
  ctx.reply(parts.filter(Boolean).join('\n\n'), {
    menu: [
      { id: `mytip:add:${tip.code}`, label: ctx.t('mytip-add') },
      { id: 'mytip:list', label: ctx.t('mytip-all') },
      { id: 'home', label: ctx.t('nav-back') },
    ],
  });
}

function askFollowUp(ctx: ChatContext, tip: Tip, text = ctx.t('mytip-write', { code: tip.code })): void {
  ctx.setFlow('tip-thread', 'write', { code: tip.code });
  ctx.reply(text, { menu: [{ id: 'mytip:done', label: ctx.t('mytip-done') }] });
}

/** `mytip:<verb>[:<code>]`: open, add (or answer), list, done. */
export async function myTipAction(ctx: ChatContext, arg: string): Promise<void> {
  const [verb, code = ''] = arg.split(':');
  if (verb === 'open') return myTips(ctx, code);
  if (verb === 'add') {
    const tip = await ownTip(ctx, normalizeTipCode(code));
    if (!tip) return ctx.showMainMenu(ctx.t('tip-not-found'));
    return askFollowUp(ctx, tip);
  }
  if (verb === 'done') {
    ctx.endFlow();
    return ctx.showMainMenu();
  }
  return myTips(ctx, '');
}

/** The reporter's follow-up or answer (text and/or photos) is added to the tip and reaches its officers. */
export async function followUpInput(ctx: ChatContext): Promise<void> {
  const tip = await ownTip(ctx, normalizeTipCode(String(ctx.state.data.code ?? '')));
  if (!tip) {
    ctx.endFlow();
    return ctx.showMainMenu(ctx.t('tip-not-found'));
  }
  const text = ctx.msg.text?.trim();
  const all = ctx.msg.photos ?? [];
  const photos = all.filter((p) => !('size' in p) || (p.size ?? 0) <= MAX_PHOTO_BYTES).slice(0, MAX_PHOTOS);
  if (!text && !photos.length) {
    const problem = all.length ? ctx.t('report-photo-too-big', { mb: MAX_PHOTO_BYTES / 1024 / 1024 }) : undefined;
    return askFollowUp(ctx, tip, problem);
  }
  if (text && text.length > MAX_DESCRIPTION) {
    return askFollowUp(ctx, tip, ctx.t('report-description-long', { max: MAX_DESCRIPTION, length: text.length }));
  }
  await addTipMessage(ctx.tx, ctx.pii, tip, { author: 'citizen', text, photos });
  const readers = await tipOfficers(ctx.tx, ctx.pii, tip, ctx.i18n.defaultLocale);
  sendToEach(ctx, readers, (t, reader) => [
    {
      text: [t('tip-from-reporter', { code: tip.code }), text, t('tip-card-hint', { code: tip.code })]
        .filter(Boolean)
        .join('\n\n'),
      buttons: [
        { id: `tip:reply:${tip.code}`, label: t('tip-action-reply') },
        { id: `tip:open:${tip.code}`, label: t('tip-action-open') },
      ],
    },
    ...photoMessages(t, reader.to.platform, tip.code, photos),
  ]);
  askFollowUp(ctx, tip, ctx.t('mytip-sent', { code: tip.code }));
}
