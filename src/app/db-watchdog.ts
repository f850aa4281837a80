import type { DbHandle } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { withTimeout } from '../timeout.ts';

/**
 * Asks the pool a trivial query every few seconds, so it always has work. When the pool has finished
 * nothing for `wedgedMs` (not this query, nor anyone's: a busy pool is not wedged) while a connection
 * opened just now works (the server is fine, the pool's connections are not), the pool is replaced.
 * How long the pool has finished nothing is what /healthz reads.
 */
export class DbWatchdog {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #renewedAt = 0;

  constructor(
    readonly handle: DbHandle,
    readonly log: Logger,
    readonly wedgedMs: number,
    readonly intervalMs = 2000,
    readonly probeTimeoutMs = 3000,
  ) {}

  /** Milliseconds since the pool last finished a query or transaction. */
  silentMs(now = Date.now()): number {
    return now - this.handle.lastCompletedAt();
  }

  start(): void {
    this.#timer = setInterval(() => {
      this.#running ??= this.check()
        .catch((err) => this.log.warn({ err }, 'database watchdog failed'))
        .finally(() => (this.#running = undefined));
    }, this.intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#running;
  }

  async check(): Promise<void> {
    const answered = await withTimeout(this.handle.db.$queryRaw`SELECT 1`, this.probeTimeoutMs).then(
      () => true,
      () => false,
    );
    const now = Date.now();
    // A renewed pool is judged from its own start.
    if (answered || now - Math.max(this.handle.lastCompletedAt(), this.#renewedAt) < this.wedgedMs) return;
    if (!(await this.handle.freshConnectionWorks())) return;
    this.log.warn({ silentMs: this.silentMs(now) }, 'database pool wedged while PostgreSQL answers: pool replaced');
    this.#renewedAt = now;
    this.handle.renew();
  }
}
