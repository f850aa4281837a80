import type { ChatContext } from '../../core/context.ts';
import { formatTime } from '../../core/format.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { Festival } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { lineage } from '../staff/grants.ts';
import { festivalIcs } from './ics.ts';
import { answerRsvp, findFestival, upcomingFor } from './store.ts';
import { festivalDetails } from './texts.ts';

const back = (ctx: ChatContext): MenuOption => ({ id: 'fest:list', label: ctx.t('nav-back') });

/** `/festivals`: upcoming festival days of my commune and province. */
export async function listFestivals(ctx: ChatContext): Promise<void> {
  const areaCode = ctx.person!.user.areaCode;
  const festivals = areaCode ? await upcomingFor(ctx.tx, areaCode) : [];
  const menu: MenuOption[] = festivals.map((f) => ({
    id: `fest:open:${f.id}`,
    label: `🎉 ${f.title} · ${formatTime(ctx.locale, f.startsAt)}`,
  }));
  menu.push({ id: 'home', label: ctx.t('nav-back') });
  ctx.reply(festivals.length ? ctx.t('fest-list-title') : ctx.t('fest-list-empty'), { menu });
}

/** A festival of the person's own area (commune or province); otherwise "not found". */
async function visibleFestival(ctx: ChatContext, raw: string): Promise<Festival | null> {
  const f = await findFestival(ctx.tx, raw);
  const areaCode = ctx.person!.user.areaCode;
  if (f && areaCode && (await lineage(ctx.tx, areaCode)).includes(f.areaCode)) return f;
  ctx.reply(ctx.t('fest-not-found'), { menu: [back(ctx)] });
  return null;
}

async function showFestival(ctx: ChatContext, f: Festival, headline?: string): Promise<void> {
  const rsvp = await ctx.tx.rsvp.findUnique({
    where: { festivalId_userId: { festivalId: f.id, userId: ctx.person!.user.id } },
  });
  const answer = rsvp ? ctx.t(rsvp.going ? 'fest-you-going' : 'fest-you-not-going') : ctx.t('fest-you-unanswered');
  const text = [
    headline,
    festivalDetails(ctx.i18n, ctx.locale, f, await areaLabel(ctx.tx, f.areaCode)),
    f.status === 'cancelled' ? ctx.t('fest-is-cancelled') : answer,
  ];
  const menu: MenuOption[] = [];
  if (f.status === 'scheduled') {
    if (!rsvp?.going) menu.push({ id: `fest:going:${f.id}`, label: ctx.t('fest-going') });
    if (rsvp?.going !== false) menu.push({ id: `fest:notgoing:${f.id}`, label: ctx.t('fest-not-going') });
    // Only Telegram can receive a calendar file.
    if (ctx.msg.platform === 'telegram') menu.push({ id: `fest:ics:${f.id}`, label: ctx.t('fest-ics') });
  }
  menu.push(back(ctx));
  ctx.reply(text.filter(Boolean).join('\n\n'), { menu });
}

export async function openFestival(ctx: ChatContext, raw: string): Promise<void> {
  const f = await visibleFestival(ctx, raw);
  if (f) await showFestival(ctx, f);
}

export async function rsvp(ctx: ChatContext, raw: string, going: boolean): Promise<void> {
  const f = await visibleFestival(ctx, raw);
  if (!f) return;
  if (f.status !== 'scheduled' || f.endsAt <= new Date()) return showFestival(ctx, f);
  await answerRsvp(ctx.tx, f.id, ctx.person!.user.id, going);
  await showFestival(ctx, f, ctx.t(going ? 'fest-rsvp-going' : 'fest-rsvp-not-going', { title: f.title }));
}

/** The festival as an .ics file (Telegram). */
export async function sendIcs(ctx: ChatContext, raw: string): Promise<void> {
  const f = await visibleFestival(ctx, raw);
  if (!f) return;
  const ics = festivalIcs(f, await areaLabel(ctx.tx, f.areaCode));
  ctx.reply(ctx.t('fest-ics-sent'), { menu: [{ id: `fest:open:${f.id}`, label: ctx.t('nav-back') }] });
  ctx.send(
    { platform: ctx.msg.platform, chatId: ctx.msg.chatId },
    {
      text: f.title,
      file: { kind: 'document', filename: `ngay-hoi-${f.id}.ics`, base64: Buffer.from(ics).toString('base64') },
    },
  );
}
