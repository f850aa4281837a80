import type { ChatContext } from '../../core/context.ts';
import { parseRowId } from '../../core/menu.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { Broadcast } from '../../generated/prisma/client.ts';
import { audit } from '../staff/audit.ts';
import { covers, hasTipRole, TIP_ROLES, tipAreaFilter } from '../staff/grants.ts';
import { controlBroadcast, type ControlAction } from './control.ts';
import { authorNote, statusText } from './report.ts';
import { deliveryCounts } from '../../broadcasting/store.ts';

const LIST_SIZE = 10;

/**
 * A broadcast the person may see and steer: their own (a leader's notice), or
 * one of an area they hold an officer or admin role over. Nationwide broadcasts
 * belong to the operator's CLI. Answers the refusal itself (same words for "no such" and "not yours").
 */
export async function manageableBroadcast(ctx: ChatContext, raw: string | number): Promise<Broadcast | null> {
  const id = parseRowId(raw);
  const b = id ? await ctx.tx.broadcast.findUnique({ where: { id } }) : null;
  if (b && ctx.person && b.authorId === ctx.person.user.id) return b;
  if (b?.areaCode && (await covers(ctx.tx, ctx.person?.grants ?? [], TIP_ROLES, b.areaCode))) return b;
  ctx.reply(ctx.t('bc-not-found'));
  return null;
}

/** What can be done to a broadcast in its state, as buttons (numbered on Zalo). */
export function manageMenu(ctx: ChatContext, b: Broadcast): MenuOption[] {
  const actions: Array<[string, boolean]> = [
    ['status', true],
    ['pause', b.status === 'sending' || b.status === 'scheduled'],
    ['resume', b.status === 'paused'],
    ['cancel', ['scheduled', 'sending', 'paused'].includes(b.status)],
  ];
  return [
    ...actions.filter(([, ok]) => ok).map(([verb]) => ({ id: `bc:${verb}:${b.id}`, label: ctx.t(`bc-do-${verb}`) })),
    { id: 'home', label: ctx.t('nav-back') },
  ];
}

async function showStatus(ctx: ChatContext, b: Broadcast): Promise<void> {
  const counts = await deliveryCounts(ctx.tx, b.id);
  ctx.reply(statusText(ctx.i18n, ctx.locale, b, counts), { menu: manageMenu(ctx, b) });
}

/** Pause, resume or cancel; the author hears the report of a cancelled broadcast. */
async function steer(ctx: ChatContext, b: Broadcast, action: Exclude<ControlAction, 'start'>): Promise<void> {
  const result = await controlBroadcast(ctx.tx, b.id, action);
  if (!result.ok) return ctx.reply(ctx.t('bc-not-now', { id: String(b.id) }), { menu: manageMenu(ctx, b) });
  await audit(ctx.tx, {
    actorId: ctx.person!.user.id,
    action: `broadcast.${action}`,
    entity: 'Broadcast',
    entityId: String(b.id),
  });
  ctx.wake('broadcasts');
  ctx.endFlow();
  if (action === 'cancel') {
    const note = await authorNote(ctx.tx, ctx.pii, ctx.i18n, result.broadcast, 'report');
    if (note && note.to.chatId !== ctx.msg.chatId) ctx.send(note.to, note.message);
  }
  await showStatus(ctx, result.broadcast);
}

/** The latest broadcasts of the person's areas. */
async function list(ctx: ChatContext): Promise<void> {
  const grants = ctx.person?.grants ?? [];
  if (!hasTipRole(grants)) return ctx.showMainMenu(ctx.t('staff-only'));
  const rows = await ctx.tx.broadcast.findMany({
    where: { ...tipAreaFilter(grants), status: { not: 'draft' } },
    orderBy: { id: 'desc' },
    take: LIST_SIZE,
  });
  if (!rows.length) return ctx.showMainMenu(ctx.t('bc-list-empty'));
  const menu = rows.map((b) => ({
    id: `bc:status:${b.id}`,
    label: `#${b.id} · ${ctx.t(`bc-state-${b.status}`)} · ${ctx.t('bc-list-recipients', { count: b.recipientCount })}`,
  }));
  ctx.reply(ctx.t('bc-list-title'), { menu: [...menu, { id: 'home', label: ctx.t('nav-back') }] });
}

/** `/broadcast list|status|pause|resume|cancel <id>` and the same as buttons (`bc:<verb>:<id>`). */
export async function manage(ctx: ChatContext, verb: string, rawId: string): Promise<boolean> {
  if (verb === 'list') return (await list(ctx), true);
  if (!['status', 'pause', 'resume', 'cancel', 'drop'].includes(verb)) return false;
  // Officers steer their areas' broadcasts, leaders their own notices.
  if (!ctx.person?.grants.length) return (ctx.showMainMenu(ctx.t('staff-only')), true);
  const b = await manageableBroadcast(ctx, rawId);
  if (!b) return true;
  if (verb === 'status') await showStatus(ctx, b);
  else if (verb === 'drop') {
    // Discarding a draft in composition: it never started, so there is nothing to report.
    if (b.status === 'draft') await controlBroadcast(ctx.tx, b.id, 'cancel');
    ctx.endFlow();
    ctx.showMainMenu(ctx.t('bc-discarded'));
  } else await steer(ctx, b, verb as 'pause' | 'resume' | 'cancel');
  return true;
}
