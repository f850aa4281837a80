/**
 * How many requests each key (a device, an IP address) may make per minute, counted in this process: a fixed
 * one-minute window per key, forgotten once over. Several web processes each count their own.
 */
export class FloodLimit {
  readonly #windows = new Map<string, { start: number; n: number }>();

  constructor(
    readonly perMinute: number,
    readonly windowMs = 60_000,
  ) {}

  /** Counts one request of `key`; false once the key is over its limit in the current window. */
  take(key: string, now = Date.now()): boolean {
    let w = this.#windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      if (this.#windows.size > 10_000) this.#forgetOld(now);
      w = { start: now, n: 0 };
      this.#windows.set(key, w);
    }
    w.n += 1;
    return w.n <= this.perMinute;
  }

  #forgetOld(now: number): void {
    for (const [key, w] of this.#windows) if (now - w.start >= this.windowMs) this.#windows.delete(key);
  }
}
