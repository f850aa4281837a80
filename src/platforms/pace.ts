import type { Pacer } from '../queues/pacer.ts';
import { BULK_CHAT_GAP_MS, type SendError, type SendOptions } from './types.ts';

/** Wraps each platform call of one send in the platform's pacer (and, for broadcasts, the chat's own gap). */
export function pacedCalls(pacer: Pacer | undefined, opts: SendOptions) {
  const chat = opts.bulk && { chat: { key: opts.bulk.chatKey, gapMs: BULK_CHAT_GAP_MS } };
  return <T>(call: () => Promise<T>): Promise<T> => (pacer ? pacer.run(call, chat) : call());
}

/** A platform's "too many requests" holds every sender of this platform, in every process. */
export async function holdOnRateLimit(pacer: Pacer | undefined, failure: SendError): Promise<SendError> {
  if (failure.reason === 'rate_limited' && failure.retryAfterMs) {
    await pacer?.hold(failure.retryAfterMs).catch(() => undefined);
  }
  return failure;
}
