import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { z } from 'zod';
import type { Incoming, OutMessage } from '../../core/messages.ts';
import type { Logger } from '../../logger.ts';
import type { Pacer } from '../../queues/pacer.ts';
import { storable } from '../edge.ts';
import { holdOnRateLimit, pacedCalls } from '../pace.ts';
import { SendError, type FetchedFile, type Messenger, type ParsedUpdate, type SendOptions } from '../types.ts';
import { classifyOaAnswer, classifyOaFailure, type OaQuota, type OaSendVerdict } from './errors.ts';
import { parseOaEvent } from './parse.ts';
import { pressedOption } from './press.ts';
import { UploadCache } from './upload-cache.ts';
import { renderOa, type OaUploads } from './render.ts';
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
  /** ZALO_OA_QUOTA_RETRY_SECONDS: the wait after -211. */
  quotaRetryMs?: number;
  /** Told what each successful send says is left of the OA's quota (a gauge). */
  onQuota?: (quota: OaQuota) => void;
  /**
   * Photos another messenger keeps, by their file id (Telegram's: an officer's photo in a reply to an OA
   * citizen), fetched to be uploaded. Without it such a photo cannot be sent.
   */
  fetchFile?: (fileId: string) => Promise<FetchedFile | undefined>;
  /** ZALO_OA_FORM_IMAGE_URL, the contact form's image; without it the form is not sent (the number is typed). */
  contactFormImage?: string;
}

type Paced = ReturnType<typeof pacedCalls>;

/** What an upload answers: an image's attachment_id, a file's token. */
const uploadAnswers = {
  image: z.object({ data: z.object({ attachment_id: z.string().min(1) }) }).transform((a) => a.data.attachment_id),
  file: z.object({ data: z.object({ token: z.string().min(1) }) }).transform((a) => a.data.token),
};

/** The content type a file the bot made is uploaded with, by its extension. */
const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', ics: 'text/calendar' };
const typeOf = (filename: string) =>
  TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';

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
  const choice = pressedOption(event.text);
  const phone = event.contact?.phone;
  const incoming: Incoming = {
    platform: 'zalo_oa',
    updateKey: event.key,
    seq: event.date,
    // A new follower is greeted as if they had sent /start; a pressed button arrives as a press.
    kind: event.action === 'blocked' ? 'blocked' : choice !== undefined ? 'choice' : 'message',
    chatId: event.userId,
    chatType: 'private',
    userId: event.userId,
    ...(choice !== undefined ? { choice } : { text: event.action === 'start' ? '/start' : event.text }),
    date: event.date,
    ...(event.photos && { photos: event.photos }),
    ...(event.location && { location: event.location }),
    ...(phone && { contact: { phone } }),
    // Stickers, files and forms without a phone are not acted on: the person is told so.
    ...((event.unsupported || event.sticker || event.file || (event.contact && !phone)) &&
      !event.text && { unsupported: true }),
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
  readonly #http: AxiosInstance;
  readonly #opts: ZaloOaOptions;
  readonly #now: () => Date;
  readonly #uploaded = new UploadCache();

  constructor(opts: ZaloOaOptions) {
    this.#opts = opts;
    this.#now = opts.now ?? (() => new Date());
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
    const uploads = await this.#uploads(message, paced);
    const rendered = renderOa(message, {
      uploads,
      ...(this.#opts.contactFormImage && { contactFormImage: this.#opts.contactFormImage }),
    });
    for (const part of rendered) {
      const { verdict } = await this.#call(paced, (token) =>
        // The id stays a string: OA user ids do not fit a double.
        this.#http.post(
          '/v3.0/oa/message/cs',
          { recipient: { user_id: chatId }, message: part },
          { headers: { access_token: token } },
        ),
      );
      if (verdict.kind !== 'sent') throw await this.#failure(verdict);
      if (verdict.quota) this.#opts.onQuota?.(verdict.quota);
    }
  }

  /**
   * Uploads what the message needs before it is rendered: a photo kept by another messenger, a file the bot
   * made. What was uploaded lately is used again (a broadcast's photo goes to every follower).
   */
  async #uploads(message: OutMessage, paced: Paced): Promise<OaUploads> {
    const uploads: OaUploads = {};
    const photo = message.photo;
    if (photo && 'fileId' in photo) {
      const fileId = photo.fileId;
      uploads.photo = await this.#uploaded.through(`photo:${fileId}`, async () =>
        this.#upload('image', await this.#photo(fileId), paced),
      );
    }
    const file = message.file;
    if (file) {
      const kind = file.kind === 'photo' ? 'image' : 'file';
      const hash = createHash('sha256').update(file.base64).digest('hex');
      const ref = await this.#uploaded.through(`${kind}:${file.filename}:${hash}`, () => {
        const blob = new Blob([Buffer.from(file.base64, 'base64')], { type: typeOf(file.filename) });
        return this.#upload(kind, { blob, filename: file.filename }, paced);
      });
      uploads.file = kind === 'image' ? { attachmentId: ref } : { token: ref };
    }
    return uploads;
  }

  /** A photo by another messenger's file id, as bytes to upload; only the bytes leave its messenger. */
  async #photo(fileId: string): Promise<{ blob: Blob; filename: string }> {
    const fetchFile = this.#opts.fetchFile;
    if (!fetchFile) throw new SendError('rejected', 'a photo kept by another messenger, none to fetch it from');
    const unreachable = (err: unknown) => {
      throw new SendError('transient', `photo fetch failed: ${err instanceof Error ? err.message : String(err)}`);
    };
    const fetched = await fetchFile(fileId).catch(unreachable);
    if (!fetched) throw new SendError('rejected', 'the photo is no longer kept by its messenger');
    const bytes = await new Response(fetched.body).arrayBuffer().catch(unreachable);
    // Telegram keeps photos as JPEG and may call them application/octet-stream.
    const type = fetched.type?.startsWith('image/') ? fetched.type : 'image/jpeg';
    return { blob: new Blob([bytes], { type }), filename: type === 'image/png' ? 'photo.png' : 'photo.jpg' };
  }

  /** One upload (multipart, field `file`): the attachment_id of an image, the token of a file. */
  async #upload(kind: 'image' | 'file', file: { blob: Blob; filename: string }, paced: Paced): Promise<string> {
    const { verdict, body } = await this.#call(paced, (token) => {
      const form = new FormData();
      form.append('file', file.blob, file.filename);
      return this.#http.post(`/v2.0/oa/upload/${kind}`, form, { headers: { access_token: token } });
    });
    if (verdict.kind !== 'sent') throw await this.#failure(verdict);
    const ref = uploadAnswers[kind].safeParse(body);
    if (!ref.success)
      throw new SendError(
        'transient',
        `upload/${kind} answered without its ${kind === 'image' ? 'attachment_id' : 'token'}`,
      );
    return ref.data;
  }

  /** A verdict that is not "sent" as the error to throw; -32 and -211 are about the whole OA: every sender waits. */
  #failure(verdict: Exclude<OaSendVerdict, { kind: 'sent' }>): Promise<SendError> {
    const accountWide = verdict.kind === 'rate_limited' || verdict.kind === 'out_of_quota';
    return holdOnRateLimit(
      this.#opts.pacer,
      sendErrorOf(verdict, this.#now(), this.#opts.quotaRetryMs ?? QUOTA_RETRY_MS),
      accountWide ? 'platform' : 'chat',
    );
  }

  /** One API call; a token Zalo calls invalid is replaced once and the call tried again with the new one. */
  async #call(
    paced: Paced,
    request: (token: string) => Promise<AxiosResponse>,
  ): Promise<{ verdict: OaSendVerdict; body?: unknown }> {
    const { tokens, log } = this.#opts;
    let token: string;
    try {
      token = await tokens.accessToken();
    } catch (err) {
      if (!(err instanceof OaTokenUnavailable)) throw err;
      throw new SendError('rate_limited', err.message, NO_TOKEN_RETRY_MS);
    }
    const attempt = async (): Promise<{ verdict: OaSendVerdict; body?: unknown }> => {
      try {
        const res = await request(token);
        return { verdict: classifyOaAnswer(res.status, res.data, this.#now()), body: res.data };
      } catch (err) {
        return { verdict: classifyOaFailure(err) };
      }
    };
    const first = await paced(attempt);
    if (first.verdict.kind !== 'token_invalid') return first;
    log.warn({ platform: 'zalo_oa', code: first.verdict.code }, 'access token refused: refreshing once');
    try {
      token = await tokens.replace(token);
    } catch (err) {
      if (!(err instanceof OaTokenUnavailable)) throw err;
      throw new SendError('rate_limited', err.message, NO_TOKEN_RETRY_MS);
    }
    return paced(attempt);
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
