import { z } from 'zod';
import { VIETNAM_OFFSET_MS } from '../../core/format.ts';

/** Zalo gives no retry hint for -32 ("limit call api"); wait this long before the next call. */
export const RATE_LIMIT_BACKOFF_MS = 2000;
const DAY_MS = 24 * 3600_000;

/**
 * What to do after an OA send, beyond the shared SendFailure reasons: OA adds a token to refresh, an interaction
 * window, a monthly quota and a night block, each needing its own handling. `code` is Zalo's error code, or the
 * HTTP status when the body carried none.
 */
export type OaSendVerdict =
  | { kind: 'sent'; quota?: OaQuota }
  /** -216/-220: refresh the access token once and retry. */
  | { kind: 'token_invalid'; code: number; message: string }
  /** -230/-232: the person has not interacted for 7 days; not a failure: keep it for when they next write. */
  | { kind: 'outside_window'; code: number; message: string }
  /** -211: the OA's quota is spent; pause every OA send. */
  | { kind: 'out_of_quota'; code: number; message: string }
  /** -32: back off, without counting an attempt. */
  | { kind: 'rate_limited'; code: number; message: string; retryAfterMs: number }
  /** -234: nothing goes out before 06:00 Vietnam time. */
  | { kind: 'night_block'; code: number; message: string; retryAt: Date }
  /** -213 not a follower, -227 banned or inactive: as if the person blocked the OA. */
  | { kind: 'blocked'; code: number; message: string }
  /** Zalo refused this message; retrying cannot help. */
  | { kind: 'rejected'; code: number; message: string }
  /** Network or server trouble: retry with backoff. */
  | { kind: 'transient'; message: string };

/** What a successful send says is left of the OA's allowance of its kind (`quota_type`, e.g. "reply"). */
export interface OaQuota {
  type: string;
  remain: number;
  total: number;
}

const count = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);
/** Strings in the sample answer; numbers taken too. An answer without it is still a send. */
const quotaSchema = z.object({
  data: z.object({
    quota: z.object({ quota_type: z.string().default('unknown'), remain: count, total: count }),
  }),
});

const answerSchema = z.object({
  // A number in the docs; a numeric string is taken too. Not z.coerce: null would read as 0, "sent".
  error: z.union([
    z.number().int(),
    z
      .string()
      .regex(/^-?\d+$/)
      .transform(Number),
  ]),
  message: z.string().optional(),
});

/** The first 06:00 in Vietnam after `now`. */
export function nextVietnamMorning(now: Date): Date {
  const local = now.getTime() + VIETNAM_OFFSET_MS;
  let six = Math.floor(local / DAY_MS) * DAY_MS + 6 * 3600_000;
  if (six <= local) six += DAY_MS;
  return new Date(six - VIETNAM_OFFSET_MS);
}

/**
 * Reads an OA answer. Failures come with HTTP 200 and a non-zero `error`, so the body decides; a status only
 * matters when the body has no `error` (a proxy's page, a 5xx).
 */
export function classifyOaAnswer(status: number, body: unknown, now: Date): OaSendVerdict {
  const answer = answerSchema.safeParse(body);
  if (!answer.success) {
    if (status === 429)
      return { kind: 'rate_limited', code: status, message: `HTTP ${status}`, retryAfterMs: RATE_LIMIT_BACKOFF_MS };
    if (status >= 400 && status < 500 && status !== 408)
      return { kind: 'rejected', code: status, message: `HTTP ${status}` };
    return { kind: 'transient', message: `HTTP ${status}: unreadable answer` };
  }
  const code = answer.data.error;
  const message = answer.data.message ?? '';
  switch (code) {
    case 0: {
      const quota = quotaSchema.safeParse(body);
      if (!quota.success) return { kind: 'sent' };
      const { quota_type: type, remain, total } = quota.data.data.quota;
      return { kind: 'sent', quota: { type, remain, total } };
    }
    case -216:
    case -220:
      return { kind: 'token_invalid', code, message };
    case -230:
    case -232:
      return { kind: 'outside_window', code, message };
    case -211:
      return { kind: 'out_of_quota', code, message };
    case -32:
      return { kind: 'rate_limited', code, message, retryAfterMs: RATE_LIMIT_BACKOFF_MS };
    case -234:
      return { kind: 'night_block', code, message, retryAt: nextVietnamMorning(now) };
    case -213:
    case -227:
      return { kind: 'blocked', code, message };
    default:
      // -201 invalid parameter, -233 message type, -100 attachment expired, and codes not known yet.
      return { kind: 'rejected', code, message };
  }
}

/** A send that got no answer (network failure, timeout). */
export function classifyOaFailure(err: unknown): OaSendVerdict {
  return { kind: 'transient', message: err instanceof Error ? err.message : String(err) };
}
