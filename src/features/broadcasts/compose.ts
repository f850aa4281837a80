import type { ChatContext } from '../../core/context.ts';
import { formatTime, parseLocalTime } from '../../core/format.ts';
import type { MenuOption, Platform } from '../../core/messages.ts';
import type { Locale } from '../../i18n/index.ts';
import { audit } from '../staff/audit.ts';
import { grantAreaOptions } from '../staff/area-menu.ts';
import { covers, hasTipRole, TIP_ROLES } from '../staff/grants.ts';
import { countAudience, type Audience } from '../../broadcasting/audience.ts';
import { MAX_BODY, MIN_BODY, renderBroadcast, textsSchema } from '../../broadcasting/content.ts';
import { controlBroadcast } from './control.ts';
import { contentOf, createBroadcast } from '../../broadcasting/store.ts';
import { manageMenu, manageableBroadcast } from './manage.ts';

/** The latest a broadcast may be scheduled ahead. */
const MAX_SCHEDULE_DAYS = 90;

/** Recipient filters offered in chat. */
const FILTERS: Record<string, { platforms?: Platform[]; locales?: Locale[] }> = {
  all: {},
  telegram: { platforms: ['telegram'] },
  zalo: { platforms: ['zalo'] },
  vi: { locales: ['vi'] },
  en: { locales: ['en'] },
};

type Draft = {
  areaCode?: string;
  filter?: string;
  vi?: string;
  en?: string;
  photo?: { fileId: string } | { url: string };
  broadcastId?: number;
  at?: string;
};

const draftOf = (ctx: ChatContext) => (ctx.state.flow === 'broadcast' ? (ctx.state.data as Draft) : {});
const cancelOption = (ctx: ChatContext): MenuOption => ({ id: 'home', label: ctx.t('nav-back') });

/** `/broadcast`: choose the area (one of the officer's own). */
export async function startCompose(ctx: ChatContext): Promise<void> {
  if (!hasTipRole(ctx.person?.grants ?? [])) return ctx.showMainMenu(ctx.t('staff-only'));
  const menu = await grantAreaOptions(ctx, 'bc:area:');
  ctx.setFlow('broadcast', 'area', {});
  ctx.reply(ctx.t('bc-choose-area'), { menu: [...menu, cancelOption(ctx)] });
}

async function chooseArea(ctx: ChatContext, areaCode: string): Promise<void> {
  if (!(await covers(ctx.tx, ctx.person?.grants ?? [], TIP_ROLES, areaCode))) return ctx.reply(ctx.t('staff-only'));
  ctx.setFlow('broadcast', 'filter', { areaCode });
  ctx.reply(ctx.t('bc-choose-filter'), {
    menu: [
      ...Object.keys(FILTERS).map((f) => ({ id: `bc:who:${f}`, label: ctx.t(`bc-filter-${f}`) })),
      cancelOption(ctx),
    ],
  });
}

function askText(ctx: ChatContext, draft: Draft, filter: string): void {
  ctx.setFlow('broadcast', 'text', { ...draft, filter });
  ctx.reply(ctx.t('bc-ask-text', { min: MIN_BODY, max: MAX_BODY }), { menu: [cancelOption(ctx)] });
}

/** Free input while composing: the text (with an optional photo), the English version, the time. */
export async function composeInput(ctx: ChatContext): Promise<void> {
  const draft = draftOf(ctx);
  const text = ctx.msg.text?.trim() ?? '';
  switch (ctx.state.step) {
    case 'text': {
      const photo = ctx.msg.photos?.[0];
      if (text.length < MIN_BODY || text.length > MAX_BODY)
        return ctx.reply(ctx.t('bc-text-length', { min: MIN_BODY, max: MAX_BODY, length: text.length }));
      const next = {
        ...draft,
        vi: text,
        ...(photo && { photo: 'fileId' in photo ? { fileId: photo.fileId } : { url: photo.url } }),
      };
      ctx.setFlow('broadcast', 'en', next);
      return ctx.reply(ctx.t('bc-ask-english'), { menu: [{ id: 'bc:skip-en', label: ctx.t('bc-skip') }] });
    }
    case 'en':
      if (text.length < MIN_BODY || text.length > MAX_BODY)
        return ctx.reply(ctx.t('bc-text-length', { min: MIN_BODY, max: MAX_BODY, length: text.length }));
      return preview(ctx, { ...draft, en: text });
    case 'when': {
      const at = parseLocalTime(text);
      const latest = Date.now() + MAX_SCHEDULE_DAYS * 86_400_000;
      if (!at || at.getTime() <= Date.now() + 60_000 || at.getTime() > latest)
        return ctx.reply(ctx.t('bc-bad-time', { days: MAX_SCHEDULE_DAYS }));
      return confirm(ctx, { ...draft, at: at.toISOString() });
    }
    default:
      return ctx.reply(ctx.t('choice-expired'));
  }
}

/** The message as residents will read it, the recipient count, and what to do next. A draft row is written. */
async function preview(ctx: ChatContext, draft: Draft): Promise<void> {
  if (!draft.areaCode || !draft.vi) return startCompose(ctx);
  const audience: Audience = { kind: 'area', areaCode: draft.areaCode, ...FILTERS[draft.filter ?? 'all'] };
  const person = ctx.person!;
  const broadcast = await createBroadcast(ctx.tx, {
    authorId: person.user.id,
    authorIdentityId: person.identity.id,
    audience,
    texts: textsSchema.parse({ vi: draft.vi, en: draft.en }),
    photo: draft.photo ?? null,
  });
  const count = await countAudience(ctx.tx, audience, broadcast.topic);
  ctx.setFlow('broadcast', 'preview', { ...draft, broadcastId: broadcast.id });
  const sample = renderBroadcast(ctx.i18n, ctx.locale, await contentOf(ctx.tx, broadcast));
  ctx.reply(`${ctx.t('bc-preview')}\n\n${sample.text}`);
  ctx.reply(ctx.t('bc-recipients', { ...count, id: String(broadcast.id), photo: draft.photo ? 'yes' : 'no' }), {
    menu: [
      { id: `bc:now:${broadcast.id}`, label: ctx.t('bc-send-now') },
      { id: `bc:later:${broadcast.id}`, label: ctx.t('bc-schedule') },
      { id: `bc:drop:${broadcast.id}`, label: ctx.t('bc-discard') },
    ],
  });
}

async function confirm(ctx: ChatContext, draft: Draft): Promise<void> {
  const id = draft.broadcastId!;
  const b = await ctx.tx.broadcast.findUnique({ where: { id } });
  if (!b || b.status !== 'draft') return ctx.reply(ctx.t('choice-expired'));
  const count = await countAudience(ctx.tx, { ...(b.audience as Audience) }, b.topic);
  ctx.setFlow('broadcast', 'confirm', draft);
  const question = draft.at
    ? ctx.t('bc-confirm-later', { count: count.total, time: formatTime(ctx.locale, new Date(draft.at)) })
    : ctx.t('bc-confirm-now', { count: count.total });
  ctx.reply(question, {
    menu: [
      { id: `bc:go:${id}`, label: ctx.t('bc-confirm') },
      { id: `bc:drop:${id}`, label: ctx.t('bc-discard') },
    ],
  });
}

/** Confirmed: the broadcast starts now (or is scheduled); the reconciler takes it from here. */
async function go(ctx: ChatContext, id: number): Promise<void> {
  const draft = draftOf(ctx);
  const b = await manageableBroadcast(ctx, id);
  if (!b) return;
  const at = draft.broadcastId === id && draft.at ? new Date(draft.at) : undefined;
  const result = await controlBroadcast(ctx.tx, id, 'start', { at });
  ctx.endFlow();
  if (!result.ok) return ctx.reply(ctx.t('bc-not-now', { id: String(id) }));
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: 'broadcast.start',
    entity: 'Broadcast',
    entityId: String(id),
    details: { scheduledAt: at?.toISOString() ?? null },
  });
  ctx.wake('broadcasts');
  const text = at
    ? ctx.t('bc-scheduled', { id: String(id), time: formatTime(ctx.locale, at) })
    : ctx.t('bc-started', { id: String(id) });
  ctx.reply(text, { menu: manageMenu(ctx, result.broadcast) });
}

/** Button presses of the composition (`bc:<step>:<value>`); management presses go to manage.ts. */
export async function composeAction(ctx: ChatContext, verb: string, value: string): Promise<boolean> {
  const draft = draftOf(ctx);
  switch (verb) {
    case 'compose':
      await startCompose(ctx);
      return true;
    case 'area':
      await chooseArea(ctx, value);
      return true;
    case 'who':
      if (!draft.areaCode || !(value in FILTERS)) await startCompose(ctx);
      else askText(ctx, draft, value);
      return true;
    case 'skip-en':
      if (ctx.state.step === 'en') await preview(ctx, draft);
      else ctx.reply(ctx.t('choice-expired'));
      return true;
    case 'now':
      if (draft.broadcastId !== Number(value)) ctx.reply(ctx.t('choice-expired'));
      else await confirm(ctx, { ...draft, at: undefined });
      return true;
    case 'later':
      if (draft.broadcastId !== Number(value)) return (ctx.reply(ctx.t('choice-expired')), true);
      ctx.setFlow('broadcast', 'when', draft);
      ctx.reply(ctx.t('bc-ask-time'), { menu: [{ id: `bc:drop:${value}`, label: ctx.t('bc-discard') }] });
      return true;
    case 'go':
      await go(ctx, Number(value));
      return true;
    default:
      return false;
  }
}
