import type { ChatContext } from '../../core/context.ts';
import { formatTime, parseLocalTime, parseTimeOnDay } from '../../core/format.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { Festival } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { covers, hasTipRole, TIP_ROLES } from '../staff/grants.ts';
import {
  cancelFestival,
  commend,
  createFestival,
  FESTIVAL_LIMITS,
  festivalForStaff,
  moveFestival,
  parseNames,
  rsvpCounts,
  validSpan,
  type Actor,
} from './store.ts';
import { festivalDetails, leadTime } from './texts.ts';

type Draft = {
  areaCode?: string;
  title?: string;
  startsAt?: string;
  endsAt?: string;
  venue?: string;
  programme?: string;
  festivalId?: number;
  names?: string[];
};

const draftOf = (ctx: ChatContext): Draft => (ctx.state.data ?? {}) as Draft;
const home = (ctx: ChatContext): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });
const toFestival = (ctx: ChatContext, id: number): MenuOption => ({ id: `festm:open:${id}`, label: ctx.t('nav-back') });
const actorOf = (ctx: ChatContext): Actor => ({ userId: ctx.person!.user.id, identityId: ctx.person!.identity.id });

/** `/festival`: the festivals of my areas, and creating one. */
export async function manageFestivals(ctx: ChatContext): Promise<void> {
  const grants = ctx.person!.grants;
  if (!hasTipRole(grants)) return ctx.showMainMenu(ctx.t('staff-only'));
  const held = grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  const festivals = await ctx.tx.festival.findMany({
    where: {
      endsAt: { gt: new Date(Date.now() - 30 * 86_400_000) },
      OR: [{ areaCode: { in: held } }, { area: { parentCode: { in: held } } }],
    },
    orderBy: { startsAt: 'asc' },
    take: 20,
  });
  const menu: MenuOption[] = [
    { id: 'festm:create', label: ctx.t('fest-create') },
    ...festivals.map((f) => ({
      id: `festm:open:${f.id}`,
      label: `${f.status === 'cancelled' ? '⛔' : '🎉'} #${f.id} ${f.title} · ${formatTime(ctx.locale, f.startsAt)}`,
    })),
    home(ctx),
  ];
  ctx.reply(festivals.length ? ctx.t('fest-manage-title') : ctx.t('fest-manage-empty'), { menu });
}

async function managed(ctx: ChatContext, raw: string | number | undefined): Promise<Festival | null> {
  const f = await festivalForStaff(ctx.tx, ctx.person!.grants, raw);
  if (!f) {
    ctx.endFlow();
    ctx.reply(ctx.t('fest-not-found'), { menu: [home(ctx)] });
  }
  return f;
}

/** Details with RSVP counts and the reminders' schedule, and what can be done. */
export async function showManaged(ctx: ChatContext, raw: string, headline?: string): Promise<void> {
  const f = await managed(ctx, raw);
  if (!f) return;
  const counts = await rsvpCounts(ctx.tx, f.id);
  const reminders = await ctx.tx.festivalReminder.findMany({ where: { festivalId: f.id }, orderBy: { dueAt: 'asc' } });
  const area = await areaLabel(ctx.tx, f.areaCode);
  const schedule = reminders.map((r) =>
    ctx.t('fest-reminder-line', {
      left: leadTime(ctx.i18n, ctx.locale, r.offsetSeconds),
      time: formatTime(ctx.locale, r.dueAt),
      status: ctx.t(`fest-reminder-${r.status}`),
    }),
  );
  const text = [
    headline,
    festivalDetails(ctx.i18n, ctx.locale, f, area),
    ctx.t(f.status === 'cancelled' ? 'fest-is-cancelled' : 'fest-counts', {
      ...counts,
      to: ctx.t(`fest-remind-${f.remindTo}`),
    }),
    schedule.length ? `${ctx.t('fest-reminders')}\n${schedule.join('\n')}` : undefined,
  ];
  const menu: MenuOption[] =
    f.status === 'scheduled'
      ? [
          { id: `festm:move:${f.id}`, label: ctx.t('fest-move') },
          { id: `festm:commend:${f.id}`, label: ctx.t('fest-commend') },
          { id: `festm:cancel:${f.id}`, label: ctx.t('fest-cancel') },
        ]
      : [];
  menu.push({ id: 'festm:list', label: ctx.t('nav-back') });
  ctx.reply(text.filter(Boolean).join('\n\n'), { menu });
}

// ---- creating: area → title → start → end → venue → programme → who is reminded → confirm

export async function startCreate(ctx: ChatContext): Promise<void> {
  if (!hasTipRole(ctx.person!.grants)) return ctx.showMainMenu(ctx.t('staff-only'));
  const menu = await grantAreaOptions(ctx, 'festm:area:');
  ctx.setFlow('festival', 'area', {});
  ctx.reply(ctx.t('fest-create-area'), { menu: [...menu, home(ctx)] });
}

export async function chooseArea(ctx: ChatContext, code: string): Promise<void> {
  if (ctx.state.flow !== 'festival' || !(await covers(ctx.tx, ctx.person!.grants, TIP_ROLES, code)))
    return ctx.reply(ctx.t('staff-only'));
  ctx.setFlow('festival', 'title', { areaCode: code });
  ctx.reply(ctx.t('fest-ask-title', { max: FESTIVAL_LIMITS.title }), { menu: [home(ctx)] });
}

function askRemind(ctx: ChatContext, draft: Draft): void {
  ctx.setFlow('festival', 'remind', draft);
  ctx.reply(ctx.t('fest-ask-remind', { offsets: offsetsText(ctx) }), {
    menu: [
      { id: 'festm:remind:rsvp', label: ctx.t('fest-remind-rsvp') },
      { id: 'festm:remind:area', label: ctx.t('fest-remind-area') },
    ],
  });
}

const offsetsText = (ctx: ChatContext) =>
  ctx.policy.FESTIVAL_REMINDERS.map((s) => leadTime(ctx.i18n, ctx.locale, s)).join(', ');

export async function skipProgramme(ctx: ChatContext): Promise<void> {
  if (ctx.state.flow !== 'festival' || ctx.state.step !== 'programme') return ctx.reply(ctx.t('choice-expired'));
  askRemind(ctx, { ...draftOf(ctx), programme: '' });
}

/** The last choice creates the festival: stored with its reminders and announcement in this update's transaction. */
export async function chooseRemind(ctx: ChatContext, to: string): Promise<void> {
  const d = draftOf(ctx);
  if (ctx.state.flow !== 'festival' || !d.areaCode || !d.title || !d.startsAt || !d.endsAt || !d.venue)
    return ctx.reply(ctx.t('choice-expired'));
  if (!(await covers(ctx.tx, ctx.person!.grants, TIP_ROLES, d.areaCode))) return ctx.reply(ctx.t('staff-only'));
  const { festival, announcementId } = await createFestival(
    ctx.tx,
    ctx.i18n,
    {
      areaCode: d.areaCode,
      title: d.title,
      venue: d.venue,
      programme: d.programme ?? '',
      startsAt: new Date(d.startsAt),
      endsAt: new Date(d.endsAt),
      remindTo: to === 'area' ? 'area' : 'rsvp',
    },
    ctx.policy.FESTIVAL_REMINDERS,
    actorOf(ctx),
  );
  ctx.endFlow();
  ctx.wake('broadcasts');
  ctx.wake('reminders');
  await showManaged(ctx, String(festival.id), ctx.t('fest-created', { id: festival.id, broadcast: announcementId }));
}

/** Typed answers while creating, moving or commending. */
export async function festivalInput(ctx: ChatContext): Promise<void> {
  const d = draftOf(ctx);
  const text = ctx.msg.text?.trim() ?? '';
  const ask = (step: string, id: string, args: Record<string, string | number> = {}, next: Draft = d) => {
    ctx.setFlow(ctx.state.flow!, step, next);
    ctx.reply(ctx.t(id, args), { menu: [home(ctx)] });
  };
  switch (ctx.state.step) {
    case 'title':
      if (text.length < 3 || text.length > FESTIVAL_LIMITS.title)
        return ctx.reply(ctx.t('fest-ask-title', { max: FESTIVAL_LIMITS.title }));
      return ask('start', 'fest-ask-start', {}, { ...d, title: text });
    case 'start': {
      const at = parseLocalTime(text);
      if (!at || at <= new Date()) return ctx.reply(ctx.t('fest-bad-time'));
      return ask('end', 'fest-ask-end', { start: formatTime(ctx.locale, at) }, { ...d, startsAt: at.toISOString() });
    }
    case 'end': {
      const end = parseTimeOnDay(text, new Date(d.startsAt!));
      if (!end || !validSpan(new Date(d.startsAt!), end)) return ctx.reply(ctx.t('fest-bad-end'));
      if (ctx.state.flow === 'festival-move') return applyMove(ctx, new Date(d.startsAt!), end);
      return ask('venue', 'fest-ask-venue', { max: FESTIVAL_LIMITS.venue }, { ...d, endsAt: end.toISOString() });
    }
    case 'venue':
      if (text.length < 3 || text.length > FESTIVAL_LIMITS.venue)
        return ctx.reply(ctx.t('fest-ask-venue', { max: FESTIVAL_LIMITS.venue }));
      ctx.setFlow('festival', 'programme', { ...d, venue: text });
      return ctx.reply(ctx.t('fest-ask-programme', { max: FESTIVAL_LIMITS.programme }), {
        menu: [{ id: 'festm:noprog', label: ctx.t('bc-skip') }],
      });
    case 'programme':
      if (!text || text.length > FESTIVAL_LIMITS.programme)
        return ctx.reply(ctx.t('fest-ask-programme', { max: FESTIVAL_LIMITS.programme }));
      return askRemind(ctx, { ...d, programme: text });
    case 'names': {
      const names = parseNames(text);
      if (!names) return ctx.reply(ctx.t('fest-ask-names', FESTIVAL_LIMITS));
      ctx.setFlow('festival-commend', 'confirm', { ...d, names });
      return ctx.reply(ctx.t('fest-commend-confirm', { count: names.length, list: names.join('; ') }), {
        menu: [{ id: `festm:commendgo:${d.festivalId}`, label: ctx.t('bc-confirm') }, toFestival(ctx, d.festivalId!)],
      });
    }
    default:
      return ctx.reply(ctx.t('choice-expired'));
  }
}

// ---- moving, cancelling, commending

export async function startMove(ctx: ChatContext, raw: string): Promise<void> {
  const f = await managed(ctx, raw);
  if (!f) return;
  ctx.setFlow('festival-move', 'start', { festivalId: f.id });
  ctx.reply(ctx.t('fest-ask-start'), { menu: [toFestival(ctx, f.id)] });
}

async function applyMove(ctx: ChatContext, startsAt: Date, endsAt: Date): Promise<void> {
  const f = await managed(ctx, draftOf(ctx).festivalId);
  if (!f) return;
  const result = await moveFestival(ctx.tx, ctx.i18n, f, startsAt, endsAt, ctx.policy.FESTIVAL_REMINDERS, actorOf(ctx));
  ctx.endFlow();
  if (!result.ok) return ctx.reply(ctx.t('fest-not-now'), { menu: [toFestival(ctx, f.id)] });
  ctx.wake('broadcasts');
  ctx.wake('reminders');
  await showManaged(ctx, String(f.id), ctx.t('fest-moved-done', { id: f.id }));
}

export async function askCancel(ctx: ChatContext, raw: string): Promise<void> {
  const f = await managed(ctx, raw);
  if (!f) return;
  ctx.reply(ctx.t('fest-cancel-confirm', { title: f.title }), {
    menu: [{ id: `festm:cancelgo:${f.id}`, label: ctx.t('fest-cancel') }, toFestival(ctx, f.id)],
  });
}

export async function applyCancel(ctx: ChatContext, raw: string): Promise<void> {
  const f = await managed(ctx, raw);
  if (!f) return;
  const result = await cancelFestival(ctx.tx, ctx.i18n, f, actorOf(ctx));
  if (!result.ok) return ctx.reply(ctx.t('fest-not-now'), { menu: [toFestival(ctx, f.id)] });
  ctx.wake('broadcasts');
  ctx.wake('reminders');
  await showManaged(ctx, String(f.id), ctx.t('fest-cancelled-done', { id: f.id }));
}

export async function startCommend(ctx: ChatContext, raw: string): Promise<void> {
  const f = await managed(ctx, raw);
  if (!f) return;
  ctx.setFlow('festival-commend', 'names', { festivalId: f.id });
  ctx.reply(ctx.t('fest-ask-names', FESTIVAL_LIMITS), { menu: [toFestival(ctx, f.id)] });
}

export async function applyCommend(ctx: ChatContext, raw: string): Promise<void> {
  const d = draftOf(ctx);
  if (ctx.state.flow !== 'festival-commend' || d.festivalId !== Number(raw) || !d.names)
    return ctx.reply(ctx.t('choice-expired'));
  const f = await managed(ctx, raw);
  if (!f) return;
  const { broadcastId } = await commend(ctx.tx, ctx.i18n, f, d.names, actorOf(ctx));
  ctx.endFlow();
  ctx.wake('broadcasts');
  await showManaged(ctx, String(f.id), ctx.t('fest-commend-done', { count: d.names.length, broadcast: broadcastId }));
}
