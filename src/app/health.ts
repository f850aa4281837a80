import type { InboxProgress } from '../pipeline/progress.ts';
import type { DbWatchdog } from './db-watchdog.ts';

/**
 * Why this process cannot make progress, if it cannot: the database has answered no trivial query
 * for `thresholdMs`, or due updates have waited that long with none finished meanwhile. Read from
 * memory only, so /healthz stays cheap.
 */
export function stallOf(watchdog: DbWatchdog, progress: InboxProgress, thresholdMs: number): string | undefined {
  const now = Date.now();
  const silent = watchdog.silentMs(now);
  if (silent >= thresholdMs) return `database silent for ${Math.round(silent / 1000)} s`;
  const stalled = progress.stalledMs(now);
  if (stalled >= thresholdMs) return `due updates waiting ${Math.round(stalled / 1000)} s, none handled`;
  return undefined;
}
