import type { Pacer } from '../queues/pacer.ts';
import { BULK_CHAT_GAP_MS, type SendError, type SendOptions } from './types.ts';

/** Wraps each platform call of one send in the platform's pacer (and, for broadcasts, the chat's own gap). */
export function pacedCalls(pacer: Pacer | undefined, opts: SendOptions) {
  const chat = opts.bulk && { chat: { key: opts.bulk.chatKey, gapMs: BULK_CHAT_GAP_MS } };
  return <T>(call: () => Promise<T>): Promise<T> => (pacer ? pacer.run(call, chat) : call());
}

/** What a platform's "too many requests" is about: one chat's own limit, or the platform's overall one. */
export type RateLimitReach = 'chat' | 'platform';

/**
 * A "too many requests" about the whole platform holds every sender of it, in every process. One about a
 * single chat holds nobody else: that chat's message waits out `retry_after` in its own outbox row.
 */
export async function holdOnRateLimit(
  pacer: Pacer | undefined,
  failure: SendError,
  reach: RateLimitReach,
): Promise<SendError> {
  const accountWide = failure.reason === 'rate_limited' || failure.reason === 'out_of_quota';
  if (reach === 'platform' && accountWide && failure.retryAfterMs) {
    await pacer?.hold(failure.retryAfterMs).catch(() => undefined);
  }
  return failure;
}
