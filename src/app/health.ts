import { Gauge } from 'prom-client';
import type { Metrics } from '../metrics.ts';
import type { InboxProgress } from '../pipeline/progress.ts';
import type { OaTokens } from '../platforms/zalo-oa/tokens.ts';
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

/** The OA token as /readyz shows it: its state, when it runs out, the last failure; never a token. */
export type OaTokenDetail =
  | { token: 'ok'; expiresAt: Date }
  | { token: 'expired'; expiresAt: Date; note: string }
  | { token: 'refresh failing'; expiresAt: Date; lastTried: Date; reason: string; fix: string }
  | { token: 'none usable'; expiresAt: Date; lastTried: Date; reason: string; fix: string }
  | { token: 'not connected'; fix: string };

const CONNECT = 'npm run cli -- zalo-oa connect';

export async function oaTokenDetail(tokens: OaTokens, now = Date.now()): Promise<OaTokenDetail> {
  const health = await tokens.health();
  if (health.state === 'none') return { token: 'not connected', fix: CONNECT };
  const expired = health.expiresAt.getTime() <= now;
  if (health.state === 'ok')
    return expired
      ? { token: 'expired', expiresAt: health.expiresAt, note: 'renewed at the next send' }
      : { token: 'ok', expiresAt: health.expiresAt };
  const { expiresAt, lastTried, reason } = health;
  return { token: expired ? 'none usable' : 'refresh failing', expiresAt, lastTried, reason, fix: CONNECT };
}

/**
 * `antq_zalo_oa_token_ok`: 1 while a stored access token works and its last refresh did not fail, so an alert
 * on 0 means "run zalo-oa connect". `antq_zalo_oa_token_expiry_seconds`: how long the stored one still works.
 * Both read from PostgreSQL at each scrape, the same in every process.
 */
export function registerOaTokenMetrics(metrics: Metrics, tokens: OaTokens): void {
  new Gauge({
    name: 'antq_zalo_oa_token_ok',
    help: 'Whether the Zalo OA has a working access token whose last refresh succeeded (1) or not (0)',
    registers: [metrics.registry],
    async collect() {
      const detail = await oaTokenDetail(tokens).catch(() => null);
      if (detail) this.set(detail.token === 'ok' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'antq_zalo_oa_token_expiry_seconds',
    help: 'Seconds until the stored Zalo OA access token expires (negative once it has; absent when none is stored)',
    registers: [metrics.registry],
    async collect() {
      const health = await tokens.health().catch(() => null);
      this.reset();
      if (health && health.state !== 'none') this.set((health.expiresAt.getTime() - Date.now()) / 1000);
    },
  });
}
