import type { ChatContext } from '../../core/context.ts';
import type { MenuOption } from '../../core/messages.ts';
import type { Area } from '../../generated/prisma/client.ts';
import { areaLabel } from '../areas/search.ts';
import { TIP_ROLES } from './grants.ts';

/**
 * "📍 Xã Hưng Mỹ, Cà Mau" entries for the areas the person holds an officer or admin role over;
 * each option's id is the prefix followed by the area code, or what `idPrefix` makes of the code.
 */
export async function grantAreaOptions(
  ctx: ChatContext,
  idPrefix: string | ((areaCode: string) => string),
  keep: (area: Area) => boolean = () => true,
): Promise<MenuOption[]> {
  const codes = (ctx.person?.grants ?? []).filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode);
  const areas = await ctx.tx.area.findMany({ where: { code: { in: codes } }, orderBy: { code: 'asc' } });
  const idOf = typeof idPrefix === 'string' ? (code: string) => `${idPrefix}${code}` : idPrefix;
  const options: MenuOption[] = [];
  // One by one: the handler's transaction runs one query at a time.
  for (const a of areas.filter(keep))
    options.push({ id: idOf(a.code), label: `📍 ${await areaLabel(ctx.tx, a.code)}` });
  return options;
}
