import type { Feature } from '../../core/feature.ts';
import { formatTime } from '../../core/format.ts';
import { staff, type StaffContext } from '../../core/guards.ts';
import { PLATFORM_NAMES, platformSchema } from '../../core/messages.ts';
import type { Translate } from '../../i18n/index.ts';
import { areaLabel } from '../areas/search.ts';
import { TIP_ROLES } from '../staff/grants.ts';
import { areaStatistics, type AreaStatistics } from './statistics.ts';

const DAY_MS = 86_400_000;
const DEFAULT_DAYS = 30;
const MAX_DAYS = 366;

/** "25 phút", "3 giờ", "2 ngày": a median to the unit an officer reads at a glance. */
function duration(t: Translate, seconds: number | null): string {
  if (seconds === null) return t('stats-none');
  const minutes = Math.max(1, Math.round(seconds / 60));
  if (minutes < 120) return t('stats-minutes', { n: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t('stats-hours', { n: hours }) : t('stats-days', { n: Math.round(hours / 24) });
}

/** The short version of an area's statistics, as `/stats` shows it. */
function statsText(t: Translate, area: string, days: number, from: string, s: AreaStatistics): string {
  const { tips } = s;
  const categories = Object.entries(tips.byCategory)
    .sort(([, a], [, b]) => b - a)
    .map(([category, n]) => `${t(`cat-${category}`)} ${n}`);
  const platforms = platformSchema.options
    .filter((p) => s.residents.byPlatform[p])
    .map((p) => `${PLATFORM_NAMES[p]} ${s.residents.byPlatform[p]}`);
  return [
    t('stats-title', { area, days, from }),
    t('stats-tips', { received: tips.received, urgent: tips.urgent, ...tips.byStatus }),
    ...(categories.length ? [t('stats-categories', { list: categories.join(', ') })] : []),
    t('stats-times', {
      ack: duration(t, tips.medianAcknowledgeSeconds),
      resolve: duration(t, tips.medianResolveSeconds),
    }),
    t('stats-residents', { people: s.residents.people, list: platforms.join(', ') || t('stats-none') }),
    t('stats-models', s.models),
    t('stats-festivals', s.festivals),
    t('stats-broadcasts', s.broadcasts),
  ].join('\n');
}

/** `/stats [days]`: the officer's areas over the last 30 days (or as many as asked, up to a year). */
async function statsCommand(ctx: StaffContext, arg: string): Promise<void> {
  const typed = arg.trim();
  const days = typed ? Number(typed) : DEFAULT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return ctx.reply(ctx.t('stats-usage', { max: MAX_DAYS }));
  const to = new Date();
  const from = new Date(to.getTime() - days * DAY_MS);
  const areas = [...new Set(ctx.person.grants.filter((g) => TIP_ROLES.includes(g.role)).map((g) => g.areaCode))];
  const blocks: string[] = [];
  for (const code of areas) {
    const s = await areaStatistics(ctx.tx, code, { from, to });
    blocks.push(
      statsText(ctx.i18n.translator(ctx.locale), await areaLabel(ctx.tx, code), days, formatTime(ctx.locale, from), s),
    );
  }
  ctx.reply(blocks.join('\n\n'));
}

/** The movement's figures for an officer's areas, in chat. */
export const statsFeature: Feature = {
  name: 'stats',
  commands: { stats: { run: staff(TIP_ROLES, statsCommand), menuFor: TIP_ROLES } },
};
