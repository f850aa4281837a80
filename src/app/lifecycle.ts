/**
 * What a service started, to be stopped in reverse order: web first (no new
 * updates), then workers (finish what is in flight), then connections.
 */
export class Lifecycle {
  readonly #stops: Array<{ name: string; stop: () => Promise<unknown> | void }> = [];

  /** Registers what was just started; it stops before everything registered earlier. */
  started(name: string, stop: () => Promise<unknown> | void): void {
    this.#stops.push({ name, stop });
  }

  /** Stops everything, newest first; a part that fails to stop does not keep the others running. */
  async stop(onError: (name: string, err: unknown) => void): Promise<void> {
    while (this.#stops.length) {
      const { name, stop } = this.#stops.pop()!;
      try {
        await stop();
      } catch (err) {
        onError(name, err);
      }
    }
  }
}
