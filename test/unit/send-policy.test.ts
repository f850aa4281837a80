import { describe, expect, it } from 'vitest';
import { judgeFailure, judgeSend, type SendPolicy } from '../../src/platforms/send-policy.ts';
import { SendError } from '../../src/platforms/types.ts';

const policy: SendPolicy = { maxAttempts: 3, backoffMs: (tries) => 1000 * 2 ** tries };
const now = 1_000_000;
const at = (ms: number) => new Date(now + ms);

describe('one verdict per send', () => {
  it('a send that went is sent, counting its try', async () => {
    expect(await judgeSend(async () => undefined, 1, policy)).toEqual({ kind: 'sent', tries: 2 });
  });

  it("429 waits retry_after and uses no try, even at the last one; without a hint it waits the policy's backoff", () => {
    const limited = new SendError('rate_limited', 'Too Many Requests', 6000);
    expect(judgeFailure(limited, 2, policy, now)).toMatchObject({ kind: 'rate-limited', until: at(6000), tries: 2 });
    expect(judgeFailure(new SendError('rate_limited', 'quota'), 0, policy, now)).toMatchObject({ until: at(1000) });
  });

  it('403 is blocked, a bad request rejected: never retried', () => {
    expect(judgeFailure(new SendError('blocked', 'Forbidden'), 0, policy, now)).toMatchObject({
      kind: 'blocked',
      tries: 1,
    });
    expect(judgeFailure(new SendError('rejected', 'Bad Request'), 0, policy, now)).toMatchObject({
      kind: 'rejected',
      tries: 1,
    });
  });

  it('5xx and network errors retry with backoff until the last try, then give up', () => {
    const bad = new SendError('transient', 'Bad Gateway');
    expect(judgeFailure(bad, 0, policy, now)).toMatchObject({ kind: 'retry', at: at(2000), tries: 1 });
    expect(judgeFailure(new Error('ECONNRESET'), 1, policy, now)).toMatchObject({ kind: 'retry', at: at(4000) });
    expect(judgeFailure(bad, 2, policy, now)).toMatchObject({ kind: 'rejected', tries: 3, failure: bad });
  });
});
