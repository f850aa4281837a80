import { formatTime, parseLocalTime } from '../../core/format.ts';
import type { StaffContext } from '../../core/guards.ts';

/** A typed start time, or what is wrong with it: unreadable, or already passed (said as such, with the time read). */
export function readStart(ctx: StaffContext, now = new Date()): { at: Date } | { problem: string } {
  const at = parseLocalTime(ctx.msg.text?.trim() ?? '', now);
  if (!at) return { problem: ctx.t('fest-bad-time') };
  if (at <= now) return { problem: ctx.t('fest-past-time', { time: formatTime(ctx.locale, at) }) };
  return { at };
}
