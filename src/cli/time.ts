/** Vietnam has one time zone and no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/**
 * A time as the operator reads it: Vietnam time with its offset, "2026-12-01 19:05 +07",
 * whatever the zone of the machine running the CLI (the chat's texts have their own format).
 */
export function vietnamTime(date: Date): string {
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} +07`;
}
