/**
 * What was uploaded to the OA lately, by what it was made from (a photo's file id, a file's content hash): a
 * broadcast's photo or a festival's calendar file goes to many followers, and each upload is an API call under
 * ZALO_OA_RATE. Uploads reportedly expire after 7 days (unverified): an entry is trusted for one day only.
 */
export class UploadCache {
  readonly #entries = new Map<string, { ref: string; until: number }>();

  constructor(
    readonly ttlMs = 24 * 3600_000,
    readonly maxEntries = 1000,
    readonly now: () => number = Date.now,
  ) {}

  get(key: string): string | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.ref;
    this.#entries.delete(key);
    return undefined;
  }

  set(key: string, ref: string): void {
    this.#entries.delete(key);
    this.#entries.set(key, { ref, until: this.now() + this.ttlMs });
    // The oldest entry goes first: a Map iterates in insertion order.
    if (this.#entries.size > this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
  }

  /** The ref kept for `key`, else the one `upload` makes (kept for next time); a failed upload keeps nothing. */
  async through(key: string, upload: () => Promise<string>): Promise<string> {
    const kept = this.get(key);
    if (kept) return kept;
    const ref = await upload();
    this.set(key, ref);
    return ref;
  }
}
