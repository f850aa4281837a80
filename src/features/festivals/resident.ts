import { z } from 'zod';
import { defineFlow } from '../../core/flow.ts';
import { formatTime } from '../../core/format.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { Festival } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { lineage } from '../staff/grants.ts';
import { festChoice } from './choices.ts';
import { festivalIcs } from './ics.ts';
import { answerRsvp, findFestival, upcomingFor } from './store.ts';
import { festivalDetails } from './texts.ts';

type Ctx = PersonContext;
const back = (ctx: Ctx): MenuOption => ({ id: festChoice.pack('list'), label: ctx.t('nav-back') });

/** What people type for "I will come" and "I will not", in either language (matched folded: "co" = "có"). */
const RSVP_FORMS = {
  going: ['tham gia', 'có', 'đi', 'có đi', 'sẽ tham gia', 'yes', 'come', 'going'],
  notgoing: ['không', 'không đi', 'không tham gia', 'no', 'not going'],
} as const;

/**
 * A festival's page asks "will you come?": while it is open, a typo asks that
 * again with the same menu, so the next number answers it (not the main menu).
 */
export const rsvpFlow = defineFlow({
  name: 'festival-rsvp',
  access: people,
  draft: z.object({ festivalId: z.number().int().positive() }),
  steps: {
    answer: {
      async ask(ctx, { festivalId }, problem) {
        const f = await visibleFestival(ctx, festivalId);
        if (f) return showFestival(ctx, f, problem);
        rsvpFlow.end(ctx);
      },
    },
  },
});

/** `/festivals`: upcoming festival days of my commune and province. */
export async function listFestivals(ctx: Ctx): Promise<void> {
  rsvpFlow.end(ctx);
  const areaCode = ctx.person.user.areaCode;
  const festivals = areaCode ? await upcomingFor(ctx.tx, areaCode) : [];
  const menu: MenuOption[] = festivals.map((f) => ({
    id: festChoice.pack('open', { id: f.id }),
    label: `🎉 ${f.title} · ${formatTime(ctx.locale, f.startsAt)}`,
  }));
  menu.push({ id: 'home', label: ctx.t('nav-back') });
  ctx.reply(festivals.length ? ctx.t('fest-list-title') : ctx.t('fest-list-empty'), { menu });
}

/** A festival of the person's own area (commune or province); otherwise "not found". */
async function visibleFestival(ctx: Ctx, id: number | undefined): Promise<Festival | null> {
  const f = await findFestival(ctx.tx, id);
  const areaCode = ctx.person.user.areaCode;
  if (f && areaCode && (await lineage(ctx.tx, areaCode)).includes(f.areaCode)) return f;
  ctx.reply(ctx.t('fest-not-found'), { menu: [back(ctx)] });
  return null;
}

async function showFestival(ctx: Ctx, f: Festival, headline?: string): Promise<void> {
  const rsvp = await ctx.tx.rsvp.findUnique({
    where: { festivalId_userId: { festivalId: f.id, userId: ctx.person.user.id } },
  });
  const answer = rsvp ? ctx.t(rsvp.going ? 'fest-you-going' : 'fest-you-not-going') : ctx.t('fest-you-unanswered');
  const text = [
    headline,
    festivalDetails(ctx.i18n, ctx.locale, f, await areaLabel(ctx.tx, f.areaCode)),
    f.status === 'cancelled' ? ctx.t('fest-is-cancelled') : answer,
  ];
  const menu: MenuOption[] = [];
  if (f.status === 'scheduled') {
    if (!rsvp?.going)
      menu.push({
        id: festChoice.pack('going', { id: f.id }),
        label: ctx.t('fest-going'),
        also: [...RSVP_FORMS.going],
      });
    if (rsvp?.going !== false)
      menu.push({
        id: festChoice.pack('notgoing', { id: f.id }),
        label: ctx.t('fest-not-going'),
        also: [...RSVP_FORMS.notgoing],
      });
    if (ctx.can.calendarFile) menu.push({ id: festChoice.pack('ics', { id: f.id }), label: ctx.t('fest-ics') });
  }
  menu.push(back(ctx));
  ctx.reply(text.filter(Boolean).join('\n\n'), { menu });
}

/** A festival's page; also where a `f_<id>` deep link lands. */
export async function openFestival(ctx: Ctx, id: number | undefined): Promise<void> {
  if (id === undefined) await visibleFestival(ctx, id);
  else await rsvpFlow.start(ctx, { festivalId: id });
}

export async function rsvp(ctx: Ctx, id: number, going: boolean): Promise<void> {
  const f = await visibleFestival(ctx, id);
  if (!f) return;
  if (f.status !== 'scheduled' || f.endsAt <= new Date()) return showFestival(ctx, f);
  await answerRsvp(ctx.tx, f.id, ctx.person.user.id, going);
  // The page stays the open question: a typo after answering asks it again.
  await rsvpFlow.go(
    ctx,
    'answer',
    { festivalId: f.id },
    ctx.t(going ? 'fest-rsvp-going' : 'fest-rsvp-not-going', { title: f.title }),
  );
}

/** The festival as an .ics file, where the chat can take one. */
export async function sendIcs(ctx: Ctx, id: number): Promise<void> {
  const f = await visibleFestival(ctx, id);
  if (!f) return;
  const ics = festivalIcs(f, await areaLabel(ctx.tx, f.areaCode));
  ctx.reply(ctx.t('fest-ics-sent'), {
    menu: [{ id: festChoice.pack('open', { id: f.id }), label: ctx.t('nav-back') }],
  });
  ctx.send(ctx.here, {
    text: f.title,
    file: { kind: 'document', filename: `ngay-hoi-${f.id}.ics`, base64: Buffer.from(ics).toString('base64') },
  });
}
