/**
 * Whether this process gets through its inbox: when it last finished an update (handled or set
 * aside), and since when the oldest due update has waited, as the sweeper last saw it.
 */
export class InboxProgress {
  #lastFinished = Date.now();
  #dueSince: Date | undefined;

  finished(): void {
    this.#lastFinished = Date.now();
  }

  /** The sweeper's view: the earliest due time among pending updates that are due, if any. */
  sawDue(since: Date | undefined): void {
    this.#dueSince = since;
  }

  /** How long due work has waited with nothing finished meanwhile (0 when nothing is due). */
  stalledMs(now = Date.now()): number {
    if (!this.#dueSince) return 0;
    return Math.max(0, Math.min(now - this.#dueSince.getTime(), now - this.#lastFinished));
  }
}
