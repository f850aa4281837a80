import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyOaAnswer,
  classifyOaFailure,
  nextVietnamMorning,
  RATE_LIMIT_BACKOFF_MS,
} from '../../src/platforms/zalo-oa/errors.ts';

const now = new Date('2026-12-01T10:00:00Z');
const failed = (error: number | string, message = 'm') => classifyOaAnswer(200, { error, message }, now);

describe('Zalo OA send answers', () => {
  it('reads the documented success answer as sent, with the quota it reports', () => {
    const body = JSON.parse(
      readFileSync(new URL('../fixtures/zalo-oa/api-send-cs-text-response.json', import.meta.url), 'utf8'),
    );
    expect(classifyOaAnswer(200, body, now)).toEqual({ kind: 'sent', quota: { type: 'reply', remain: 8, total: 8 } });
  });

  it('a success without a readable quota is still sent', () => {
    expect(classifyOaAnswer(200, { error: 0, data: { message_id: 'x' } }, now)).toEqual({ kind: 'sent' });
    expect(classifyOaAnswer(200, { error: 0, data: { quota: { remain: 'many' } } }, now)).toEqual({ kind: 'sent' });
  });

  it.each([
    [-216, 'token_invalid'],
    [-220, 'token_invalid'],
    [-230, 'outside_window'],
    [-232, 'outside_window'],
    [-211, 'out_of_quota'],
    [-213, 'blocked'],
    [-227, 'blocked'],
    [-201, 'rejected'],
    [-233, 'rejected'],
    [-100, 'rejected'],
    [-224, 'rejected'],
    [-99999, 'rejected'],
  ])('error %i in an HTTP 200 answer → %s, with its code and message', (code, kind) => {
    expect(failed(code, 'Zalo says')).toEqual({ kind, code, message: 'Zalo says' });
  });

  it('backs off on -32 (rate limited) without a hint from Zalo', () => {
    expect(failed(-32)).toEqual({ kind: 'rate_limited', code: -32, message: 'm', retryAfterMs: RATE_LIMIT_BACKOFF_MS });
  });

  it('holds a -234 night-blocked send until 06:00 Vietnam time', () => {
    // 23:30 in Vietnam (16:30 UTC) → 06:00 next morning there (23:00 UTC).
    expect(classifyOaAnswer(200, { error: -234, message: 'm' }, new Date('2026-12-01T16:30:00Z'))).toEqual({
      kind: 'night_block',
      code: -234,
      message: 'm',
      retryAt: new Date('2026-12-01T23:00:00Z'),
    });
  });

  it('reads a numeric string code like a number, but never a missing or null one as success', () => {
    expect(failed('-216')).toMatchObject({ kind: 'token_invalid', code: -216 });
    expect(classifyOaAnswer(200, { error: null }, now)).toMatchObject({ kind: 'transient' });
    expect(classifyOaAnswer(200, { data: {} }, now)).toMatchObject({ kind: 'transient' });
    expect(classifyOaAnswer(200, '<html>', now)).toMatchObject({ kind: 'transient' });
  });

  it('keeps a code without a message', () => {
    expect(classifyOaAnswer(200, { error: -201 }, now)).toEqual({ kind: 'rejected', code: -201, message: '' });
  });

  it('falls back on the HTTP status when the body has no error field', () => {
    expect(classifyOaAnswer(502, 'Bad Gateway', now)).toMatchObject({ kind: 'transient' });
    expect(classifyOaAnswer(408, '', now)).toMatchObject({ kind: 'transient' });
    expect(classifyOaAnswer(429, '', now)).toEqual({
      kind: 'rate_limited',
      code: 429,
      message: 'HTTP 429',
      retryAfterMs: RATE_LIMIT_BACKOFF_MS,
    });
    expect(classifyOaAnswer(404, '', now)).toEqual({ kind: 'rejected', code: 404, message: 'HTTP 404' });
  });

  it('trusts the body over the status: an error code in a 5xx answer still decides', () => {
    expect(classifyOaAnswer(500, { error: -213, message: 'not follower' }, now)).toMatchObject({ kind: 'blocked' });
  });

  it('treats a send that got no answer as transient', () => {
    expect(classifyOaFailure(new Error('timeout of 15000ms exceeded'))).toEqual({
      kind: 'transient',
      message: 'timeout of 15000ms exceeded',
    });
    expect(classifyOaFailure('ECONNRESET')).toEqual({ kind: 'transient', message: 'ECONNRESET' });
  });
});

describe('next 06:00 in Vietnam', () => {
  it.each([
    ['late evening there: the next morning', '2026-12-01T15:00:00Z', '2026-12-01T23:00:00Z'],
    ['after midnight there: the same morning', '2026-12-01T20:00:00Z', '2026-12-01T23:00:00Z'],
    ['exactly 06:00 there: the day after', '2026-12-01T23:00:00Z', '2026-12-02T23:00:00Z'],
    ['a minute before 06:00 there', '2026-12-01T22:59:00Z', '2026-12-01T23:00:00Z'],
    ['across a month and a year', '2026-12-31T16:00:00Z', '2026-12-31T23:00:00Z'],
  ])('%s', (_, at, expected) => {
    expect(nextVietnamMorning(new Date(at))).toEqual(new Date(expected));
  });
});
