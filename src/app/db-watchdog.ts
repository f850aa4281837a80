import type { DbHandle } from '../db/client.ts';
import type { Logger } from '../logger.ts';
import { withTimeout } from '../timeout.ts';

/**
 * Asks the pool a trivial query every few seconds. When it has answered none for `wedgedMs` while a
 * connection opened just now works (the server is fine, the pool's connections are not), the pool is
 * replaced; and how long the database has been silent is what /healthz reads.
 */
export class DbWatchdog {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #lastAnswer = Date.now();
  #lastRenewal = 0;

  constructor(
    readonly handle: DbHandle,
    readonly log: Logger,
    readonly wedgedMs: number,
    readonly intervalMs = 2000,
    readonly probeTimeoutMs = 3000,
  ) {}

  /** Milliseconds since the pool last answered. */
  silentMs(now = Date.now()): number {
    return now - this.#lastAnswer;
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
    try {
      await withTimeout(this.handle.db.$queryRaw`SELECT 1`, this.probeTimeoutMs);
      this.#lastAnswer = Date.now();
      return;
    } catch {
      // Judged below: silent long enough, and is it the pool or the server?
    }
    const now = Date.now();
    // A new pool gets its own `wedgedMs` to answer before it is judged.
    if (now - Math.max(this.#lastAnswer, this.#lastRenewal) < this.wedgedMs) return;
    if (!(await this.handle.freshConnectionWorks())) return;
    this.log.warn({ silentMs: this.silentMs(now) }, 'database pool wedged while PostgreSQL answers: pool replaced');
    this.#lastRenewal = now;
    this.handle.renew();
  }
}
