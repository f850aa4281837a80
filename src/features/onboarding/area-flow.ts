import { z } from 'zod';
import { defineChoices } from '../../core/choice.ts';
import type { ChatContext } from '../../core/context.ts';
import { defineFlow } from '../../core/flow.ts';
import { people, type PersonContext } from '../../core/guards.ts';
import type { MenuOption } from '../../core/messages.ts';
import { getArea, searchAreas, type AreaMatch } from '../areas/search.ts';

/** A `/start` deep-link payload (`m_<code>`, `f_<id>`): Telegram allows 64 characters. */
export const startPayloadSchema = z.string().min(1).max(64);

const draftSchema = z.object({
  /** Why the area is being chosen, which decides what comes after. */
  origin: z.enum(['onboarding', 'settings']).default('settings'),
  /** The deep link onboarding began with: opened once the area is chosen. */
  startPayload: startPayloadSchema.optional(),
});

/**
 * A start link naming a commune (`a_<code>`: the web chat's widget on that commune's site, a deep link on its
 * poster): the area question offers that commune first.
 */
const AREA_LINK = /^a_(\d{1,8})$/;

/** The commune a start link names, if it is one. */
async function linkedCommune(ctx: ChatContext, payload: string | undefined) {
  const code = payload && AREA_LINK.exec(payload)?.[1];
  const area = code ? await getArea(ctx.tx, code) : null;
  return area?.level === 'commune' ? area : undefined;
}

/** The communes found for a typed name. */
export const areaChoice = defineChoices('area', { pick: { code: z.string().regex(/^\d{1,8}$/) } });

function matchLabel(ctx: ChatContext, m: AreaMatch): string {
  const place = `${m.name}, ${m.provinceName}`;
  return m.via
    ? ctx.t('area-match-via', { place, old: [m.via.oldName, m.via.oldDistrict].filter(Boolean).join(', ') })
    : place;
}

/** Where one lives: the last step of onboarding, and "change area" in the settings. */
export const areaFlow = defineFlow({
  name: 'area',
  access: people,
  draft: draftSchema,
  // The start payload can be an invite code carried from a first `/staff CODE`.
  sealed: true,
  steps: {
    search: {
      async ask(ctx, draft, problem) {
        // No location button: a shared location cannot be placed in a commune offline, so none is asked for.
        const linked = await linkedCommune(ctx, draft.startPayload);
        const menu = linked && [
          { id: areaChoice.pack('pick', { code: linked.code }), label: `${linked.name}, ${linked.provinceName}` },
        ];
        ctx.reply(problem ?? ctx.t('area-ask'), menu ? { menu } : {});
      },
      /** A typed name is searched; a location shared anyway (Telegram's attachment menu) is answered. */
      async input(ctx, draft, flow) {
        const { text, location } = ctx.msg;
        if (location) return flow.again(draft, ctx.t('area-location-unresolved'));
        const query = text?.trim();
        if (!query) return flow.again(draft, ctx.t('area-ask'));
        const matches = await searchAreas(ctx.tx, query, { limit: 8 });
        if (!matches.length) return flow.again(draft, ctx.t('area-not-found', { query: query.slice(0, 60) }));
        const menu: MenuOption[] = matches.map((m) => ({
          id: areaChoice.pack('pick', { code: m.code }),
          label: matchLabel(ctx, m),
        }));
        ctx.reply(ctx.t('area-pick', { count: matches.length }), { menu });
      },
    },
  },
});

/** Stores the chosen commune; returns its display name, or undefined for a code that is not a commune. */
async function saveArea(ctx: PersonContext, code: string): Promise<string | undefined> {
  const area = await getArea(ctx.tx, code);
  if (!area || area.level !== 'commune') return undefined;
  ctx.person.user = await ctx.tx.user.update({ where: { id: ctx.person.user.id }, data: { areaCode: area.code } });
  return `${area.name}, ${area.provinceName}`;
}

export const areaAction = areaChoice.route<PersonContext>({
  pick: areaFlow.at('search', async (ctx, draft, { code }: { code: string }, flow) => {
    const place = await saveArea(ctx, code);
    if (!place) return flow.again(draft, ctx.t('choice-expired'));
    flow.end();
    const onboarding = draft.origin === 'onboarding';
    ctx.showMainMenu(ctx.t(onboarding ? 'onboarding-done' : 'area-saved', { place }));
    if (onboarding && draft.startPayload) await ctx.nav.startPayload(ctx, draft.startPayload);
  }),
});
