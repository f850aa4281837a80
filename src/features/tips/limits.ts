import type { PersonContext } from '../../core/guards.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Minutes until the person may file another tip, or 0 when they may now.
 * Counted from stored tips: TIPS_PER_HOUR an hour, one a day once flagged as spam.
 */
export async function minutesUntilNextTip(ctx: PersonContext): Promise<number> {
  const { user } = ctx.person;
  const [max, window] = user.spamFlaggedAt ? [1, DAY] : [ctx.policy.TIPS_PER_HOUR, HOUR];
  const recent = await ctx.tx.tip.findMany({
    where: { reporterId: user.id, createdAt: { gt: new Date(Date.now() - window) } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
    take: max,
  });
  if (recent.length < max) return 0;
  const oldest = recent[recent.length - 1]!.createdAt.getTime();
  return Math.max(1, Math.ceil((oldest + window - Date.now()) / 60_000));
}
