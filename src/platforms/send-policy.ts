import { SendError } from './types.ts';

/** How a sender retries. The outbox and broadcast delivery each hold one; both are judged by `judgeSend`. */
export interface SendPolicy {
  /** Tries before a message is given up (waiting out a rate limit is not a try). */
  maxAttempts: number;
  /** The wait after `tries` failed tries; also the wait of a rate limit that names none. */
  backoffMs(tries: number): number;
}

/**
 * What became of one send: the only thing its caller acts on. `tries` counts
 * the tries used so far, this one included unless it was rate-limited.
 */
export type SendVerdict =
  | { kind: 'sent'; tries: number }
  /** The person blocked the bot or left: mark them, never send again. */
  | { kind: 'blocked'; tries: number; failure: SendError }
  /** The platform said "too many": nobody sends before `until`; no try is used. */
  | { kind: 'rate-limited'; until: Date; tries: number; failure: SendError }
  /** Network or server trouble: this message again at `at`. */
  | { kind: 'retry'; at: Date; tries: number; failure: SendError }
  /** The person is outside the platform's interaction window: keep it for their next message; no try is used. */
  | { kind: 'outside-window'; tries: number; failure: SendError }
  /** The account's quota is spent: nobody sends on this platform before `until`; no try is used. */
  | { kind: 'out-of-quota'; until: Date; tries: number; failure: SendError }
  /** Refused by the platform, or out of tries: given up. */
  | { kind: 'rejected'; tries: number; failure: SendError };

/** Judges a failed send, after `triesBefore` tries that counted. Anything but a SendError is network trouble. */
export function judgeFailure(err: unknown, triesBefore: number, policy: SendPolicy, now = Date.now()): SendVerdict {
  const failure = err instanceof SendError ? err : new SendError('transient', String(err));
  const after = (ms: number) => new Date(now + (failure.retryAfterMs ?? ms));
  const tries = triesBefore + 1;
  switch (failure.reason) {
    case 'blocked':
      return { kind: 'blocked', tries, failure };
    case 'rejected':
      return { kind: 'rejected', tries, failure };
    case 'rate_limited':
      return { kind: 'rate-limited', until: after(policy.backoffMs(triesBefore)), tries: triesBefore, failure };
    case 'outside_window':
      return { kind: 'outside-window', tries: triesBefore, failure };
    case 'out_of_quota':
      return { kind: 'out-of-quota', until: after(policy.backoffMs(triesBefore)), tries: triesBefore, failure };
    case 'transient':
      return tries >= policy.maxAttempts
        ? { kind: 'rejected', tries, failure }
        : { kind: 'retry', at: after(policy.backoffMs(tries)), tries, failure };
  }
}

/** Sends once and judges the outcome. */
export async function judgeSend(
  send: () => Promise<void>,
  triesBefore: number,
  policy: SendPolicy,
): Promise<SendVerdict> {
  try {
    await send();
    return { kind: 'sent', tries: triesBefore + 1 };
  } catch (err) {
    return judgeFailure(err, triesBefore, policy);
  }
}
