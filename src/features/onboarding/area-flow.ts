import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import { getArea, searchAreas, type AreaMatch } from '../areas/search.ts';

/** Why the area is being chosen, which decides what comes after. */
export type AreaOrigin = 'onboarding' | 'settings';

export function askArea(ctx: ChatContext, origin: AreaOrigin, carry: Record<string, unknown> = {}): void {
  ctx.setFlow('area', 'search', { ...carry, origin });
  ctx.reply(ctx.t('area-ask'), { requestLocation: ctx.msg.platform === 'telegram' });
}

function matchLabel(ctx: ChatContext, m: AreaMatch): string {
  const place = `${m.name}, ${m.provinceName}`;
  return m.via
    ? ctx.t('area-match-via', { place, old: [m.via.oldName, m.via.oldDistrict].filter(Boolean).join(', ') })
    : place;
}

/** Free input while choosing an area: a typed name is searched; a location cannot be placed offline. */
export async function areaSearchStep(ctx: ChatContext): Promise<void> {
  const { text, location } = ctx.msg;
  if (location) {
    ctx.reply(ctx.t('area-location-unresolved'));
    return;
  }
  if (!text?.trim()) {
    ctx.reply(ctx.t('area-ask'));
    return;
  }
  const matches = await searchAreas(ctx.tx, text, { limit: 8 });
  if (!matches.length) {
    ctx.reply(ctx.t('area-not-found', { query: text.trim().slice(0, 60) }));
    return;
  }
  const menu: MenuOption[] = matches.map((m) => ({ id: `area:${m.code}`, label: matchLabel(ctx, m) }));
  ctx.reply(ctx.t('area-pick', { count: matches.length }), { menu });
}

/** Stores the chosen commune; returns its display name, or undefined for an unknown code. */
export async function saveArea(ctx: ChatContext, code: string): Promise<string | undefined> {
  const area = await getArea(ctx.tx, code);
  if (!area || area.level !== 'commune' || !ctx.person) return undefined;
  ctx.person.user = await ctx.tx.user.update({ where: { id: ctx.person.user.id }, data: { areaCode: area.code } });
  return `${area.name}, ${area.provinceName}`;
}
