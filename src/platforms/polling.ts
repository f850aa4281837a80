import type { Incoming } from '../core/messages.ts';
import type { Logger } from '../logger.ts';
import type { AcceptUpdate } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A polled update is confirmed to the platform only once it is accepted, so a
 * database outage holds the poller here (in order) instead of dropping updates.
 */
export async function acceptUntilTaken(
  accept: AcceptUpdate,
  incoming: Incoming,
  log: Logger,
  stopping: () => boolean,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await accept(incoming);
      return;
    } catch (err) {
      if (stopping()) throw err;
      log.warn({ err, platform: incoming.platform, attempt }, 'polled update not accepted yet, retrying');
      await sleep(Math.min(30_000, 500 * 2 ** attempt));
    }
  }
}
