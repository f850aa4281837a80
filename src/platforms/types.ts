import type { IncomingHttpHeaders } from 'node:http';
import type { Incoming, OutMessage, Platform, PressAnswer } from '../core/messages.ts';

/** Why a send failed, as far as retrying is concerned. */
export type SendFailure =
  /** The person blocked the bot or left: never send again. */
  | 'blocked'
  /** Slow down: retry after `retryAfterMs` without counting an attempt. */
  | 'rate_limited'
  /** The platform refused this message (bad request): retrying cannot help. */
  | 'rejected'
  /** Network or server trouble: retry with backoff. */
  | 'transient'
  /**
   * The platform only lets the bot write within a window after the person's last message (Zalo OA, 7 days):
   * keep the message for their next one; retrying before it cannot help.
   */
  | 'outside_window'
  /** The account's sending quota is spent (Zalo OA -211): nothing goes out on it before `retryAfterMs`. */
  | 'out_of_quota';

export class SendError extends Error {
  constructor(
    readonly reason: SendFailure,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** How a message is sent. */
export interface SendOptions {
  /** Part of a broadcast: no retries in place (the queue decides) and the chat's own pace is kept. */
  bulk?: { chatKey: string };
}

/** Time between two messages to one chat in a broadcast (Telegram: about one per second per chat). */
export const BULK_CHAT_GAP_MS = 1000;

/** The result of reading a webhook or polled body. */
export type ParsedUpdate =
  | { ok: true; incoming: Incoming }
  /** A well-formed update of a kind this bot does not act on (edits, channel posts...). */
  | { ok: true; incoming: null }
  | { ok: false; error: string };

export type AcceptUpdate = (incoming: Incoming) => Promise<unknown>;

export interface FetchedFile {
  body: ReadableStream<Uint8Array>;
  /** The MIME type the platform gave, if any. */
  type: string | undefined;
}

/** What a messenger adapter offers the rest of the service. */
export interface Messenger {
  readonly platform: Platform;
  /** The header carrying the webhook secret, lower case. */
  readonly secretHeader: string;
  readonly webhookSecret: string | undefined;
  /** Where its webhook is served, when not /webhooks/<platform>. */
  readonly webhookPath?: string;
  /** Takes its updates through routes of its own (the web chat), not a webhook. */
  readonly ownRoutes?: boolean;
  /**
   * A platform that signs each body (the Zalo OA) checks it here, over the raw bytes, instead of a secret
   * header; `parse` then gets those bytes as a Buffer.
   */
  verify?(raw: Buffer, headers: IncomingHttpHeaders): boolean;
  parse(body: unknown): ParsedUpdate;
  /** Sends one message (possibly several platform messages: a photo, split text); throws SendError. */
  send(chatId: string, message: OutMessage, opts?: SendOptions): Promise<void>;
  /**
   * A file the platform keeps for the bot (a photo sent to it), fetched with the bot's credentials; undefined
   * when the platform no longer has it. Only the bytes leave: the file's address can carry the bot's token.
   */
  fetchFile?(fileId: string): Promise<FetchedFile | undefined>;
  /** How many members a chat has, where the platform tells (Telegram's getChatMemberCount). */
  memberCount?(chatId: string): Promise<number>;
  /**
   * Platform courtesy after an update is handled (Telegram: answer the button press, with the handler's
   * answer if it gave one, and retire the pressed buttons unless it kept them).
   */
  acknowledge(incoming: Incoming, answer?: PressAnswer): Promise<void>;
  /** Registers the webhook (when a public URL is known) and the command menu. */
  setup(publicUrl: string | undefined): Promise<void>;
  /** Development mode: fetch updates instead of receiving webhooks. */
  startPolling(accept: AcceptUpdate): void;
  stopPolling(): Promise<void>;
}
