/** Below this, a count of a small group's tips could point at who reported (one model's members). */
export const SMALL_COUNT = 5;

/**
 * A count as shown where it could point at a reporter: "< 5" for 1 to 4, the number otherwise (none is none).
 * Where it is shown to officers (chat, console, the review report), only the bucket leaves the server.
 */
export function guardedCount(n: number): string {
  return n > 0 && n < SMALL_COUNT ? `< ${SMALL_COUNT}` : String(n);
}
