import type { IncomingHttpHeaders } from 'node:http';
import axios, { type AxiosInstance } from 'axios';
import type { Incoming, OutMessage } from '../../core/messages.ts';
import type { Logger } from '../../logger.ts';
import type { Pacer } from '../../queues/pacer.ts';
import { storable } from '../edge.ts';
import { holdOnRateLimit, pacedCalls } from '../pace.ts';
import { SendError, type Messenger, type ParsedUpdate, type SendOptions } from '../types.ts';
import { classifyOaAnswer, classifyOaFailure, type OaQuota, type OaSendVerdict } from './errors.ts';
import { parseOaEvent } from './parse.ts';
import { renderOa, type OaMessage } from './render.ts';
import { verifyOaSignature, type OaSignatureSecrets } from './signature.ts';
import { OaTokenUnavailable, type OaTokens } from './tokens.ts';

/** While no token works, a message waits this long before its next try (it stays queued). */
const NO_TOKEN_RETRY_MS = 60_000;
/** After -211 (quota spent) no OA send is tried for this long, unless configured. */
const QUOTA_RETRY_MS = 3_600_000;

export interface ZaloOaOptions {
  /** ZALO_OA_API_ROOT: https://openapi.zalo.me */
  apiRoot: string;
  secrets: OaSignatureSecrets;
  tokens: OaTokens;
  log: Logger;
  pacer?: Pacer;
  timeoutMs?: number;
  now?: () => Date;
  /** ZALO_OA_WINDOW_HOURS: how long after a person's last interaction the OA takes a cs message. */
  windowMs?: number;
  /** ZALO_OA_QUOTA_RETRY_SECONDS: the wait after -211. */
  quotaRetryMs?: number;
  /** Told what each successful send says is left of the OA's quota (a gauge). */
  onQuota?: (quota: OaQuota) => void;
}

/**
 * An OA event as the one incoming shape: every OA chat is one person's private chat with the OA. A signed
 * event of a shape not understood is answered 200 all the same (Zalo would only retry it) and logged.
 */
export function oaIncoming(raw: Buffer, log?: Logger): ParsedUpdate {
  const event = parseOaEvent(raw);
  if (event.kind === 'ignored') {
    if (event.reason === 'malformed') log?.warn({ platform: 'zalo_oa' }, 'a signed OA event not understood');
    return { ok: true, incoming: null };
  }
  const incoming: Incoming = {
    platform: 'zalo_oa',
    updateKey: event.key,
    seq: event.date,
    // A new follower is greeted as if they had sent /start.
    kind: event.action === 'blocked' ? 'blocked' : 'message',
    chatId: event.userId,
    chatType: 'private',
    userId: event.userId,
    text: event.action === 'start' ? '/start' : event.text,
    date: event.date,
    ...(event.photos && { photos: event.photos }),
    ...(event.location && { location: event.location }),
    // Stickers, files and contact forms are not acted on yet: the person is told so.
    ...((event.unsupported || event.sticker || event.file || event.contact) && !event.text && { unsupported: true }),
  };
  return storable(incoming);
}

/** A verdict that is not "sent", as the outbox's SendError. */
function sendErrorOf(verdict: Exclude<OaSendVerdict, { kind: 'sent' }>, now: Date, quotaRetryMs: number): SendError {
  switch (verdict.kind) {
    case 'transient':
      return new SendError('transient', verdict.message);
    case 'rate_limited':
      return new SendError('rate_limited', `${verdict.code} ${verdict.message}`, verdict.retryAfterMs);
    case 'night_block':
      return new SendError(
        'rate_limited',
        `${verdict.code} ${verdict.message}: held until 06:00`,
        Math.max(0, verdict.retryAt.getTime() - now.getTime()),
      );
    case 'out_of_quota':
      return new SendError('out_of_quota', `${verdict.code} ${verdict.message}: OA quota spent`, quotaRetryMs);
    case 'blocked':
      return new SendError('blocked', `${verdict.code} ${verdict.message}`);
    case 'outside_window':
      return new SendError('outside_window', `${verdict.code} ${verdict.message}: outside the interaction window`);
    case 'token_invalid':
      // Refused again right after a refresh: the message stays queued for the next try.
      return new SendError('transient', `${verdict.code} ${verdict.message}: token refused after a refresh`);
    case 'rejected':
      return new SendError('rejected', `${verdict.code} ${verdict.message}`);
  }
}

/** The Zalo Official Account: signed webhooks in, cs messages out, with the access token OaTokens keeps. */
export class ZaloOaMessenger implements Messenger {
  readonly platform = 'zalo_oa' as const;
  readonly webhookPath = '/webhooks/zalo-oa';
  // The OA signs its posts instead of sending a secret: see verify().
  readonly secretHeader = 'x-zevent-signature';
  readonly webhookSecret = undefined;
  readonly interactionWindowMs: number | undefined;
  readonly #http: AxiosInstance;
  readonly #opts: ZaloOaOptions;
  readonly #now: () => Date;

  constructor(opts: ZaloOaOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => new Date());
    this.interactionWindowMs = opts.windowMs;
    this.#http = axios.create({
      baseURL: opts.apiRoot,
      timeout: opts.timeoutMs ?? 15_000,
      // Zalo answers errors with HTTP 200; the body decides (classifyOaAnswer).
      validateStatus: () => true,
    });
  }

  /** The signature over the bytes as received. */
  verify(raw: Buffer, headers: IncomingHttpHeaders): boolean {
    const header = headers['x-zevent-signature'];
    return verifyOaSignature(raw, Array.isArray(header) ? header[0] : header, this.#opts.secrets) !== false;
  }

  parse(body: unknown): ParsedUpdate {
    return Buffer.isBuffer(body) ? oaIncoming(body, this.#opts.log) : { ok: false, error: 'not a Zalo OA event' };
  }

  async send(chatId: string, message: OutMessage, opts: SendOptions = {}): Promise<void> {
    const paced = pacedCalls(this.#opts.pacer, opts);
    for (const part of renderOa(message)) {
      const verdict = await this.#sendCs(chatId, part, paced);
      if (verdict.kind === 'sent') {
        if (verdict.quota) this.#opts.onQuota?.(verdict.quota);
        continue;
      }
      const failure = sendErrorOf(verdict, this.#now(), this.#opts.quotaRetryMs ?? QUOTA_RETRY_MS);
      // -32 and -211 are about the whole OA: every sender waits.
      const accountWide = verdict.kind === 'rate_limited' || verdict.kind === 'out_of_quota';
      throw await holdOnRateLimit(this.#opts.pacer, failure, accountWide ? 'platform' : 'chat');
    }
  }

  /** One cs message; a token Zalo calls invalid is replaced once and the message tried again with the new one. */
  async #sendCs(userId: string, message: OaMessage, paced: ReturnType<typeof pacedCalls>): Promise<OaSendVerdict> {
    const { tokens, log } = this.#opts;
    let token: string;
    try {
      token = await tokens.accessToken();
    } catch (err) {
      if (!(err instanceof OaTokenUnavailable)) throw err;
      throw new SendError('rate_limited', err.message, NO_TOKEN_RETRY_MS);
    }
    let verdict = await paced(() => this.#post(token, userId, message));
    if (verdict.kind !== 'token_invalid') return verdict;
    log.warn({ platform: 'zalo_oa', code: verdict.code }, 'access token refused: refreshing once');
    try {
      token = await tokens.replace(token);
    } catch (err) {
      if (!(err instanceof OaTokenUnavailable)) throw err;
      throw new SendError('rate_limited', err.message, NO_TOKEN_RETRY_MS);
    }
    verdict = await paced(() => this.#post(token, userId, message));
    return verdict;
  }

  async #post(token: string, userId: string, message: OaMessage): Promise<OaSendVerdict> {
    try {
      // The id stays a string: OA user ids do not fit a double.
      const res = await this.#http.post(
        '/v3.0/oa/message/cs',
        { recipient: { user_id: userId }, message },
        { headers: { access_token: token } },
      );
      return classifyOaAnswer(res.status, res.data, this.#now());
    } catch (err) {
      return classifyOaFailure(err);
    }
  }

  async acknowledge(): Promise<void> {}

  /** The OA's webhook URL is set in the Zalo developer console; there is nothing to register. */
  async setup(): Promise<void> {}

  /** The OA has no polling API: it needs its webhook even in development. */
  startPolling(): void {
    this.#opts.log.warn({ platform: 'zalo_oa' }, 'the Zalo OA cannot poll: its events arrive by webhook only');
  }

  async stopPolling(): Promise<void> {}
}
