import { vietnamWallClock } from '../core/format.ts';

/**
 * A time as the operator reads it: Vietnam time with its offset, "2026-12-01 19:05 +07",
 * whatever the zone of the machine running the CLI (the chat's texts have their own format).
 */
export function vietnamTime(date: Date): string {
  const local = vietnamWallClock(date).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} +07`;
}
