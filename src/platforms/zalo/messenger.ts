import type { OutMessage } from '../../core/messages.ts';
import type { Logger } from '../../logger.ts';
import { acceptUntilTaken } from '../polling.ts';
import type { Pacer } from '../../queues/pacer.ts';
import { holdOnRateLimit, pacedCalls } from '../pace.ts';
import { SendError, type AcceptUpdate, type Messenger, type SendOptions } from '../types.ts';
import { ZaloApi, ZaloApiError } from './api.ts';
import { parseZaloUpdate } from './parse.ts';
import { renderZalo, TEXT_LIMIT } from './render.ts';

/** Zalo publishes no retry hint; quota errors wait this long before the next try. */
const QUOTA_BACKOFF_MS = 2000;

export function classifyZaloError(err: unknown): SendError {
  if (!(err instanceof ZaloApiError))
    return new SendError('transient', err instanceof Error ? err.message : String(err));
  const { errorCode, description } = err;
  if (errorCode === 429 || /quota/i.test(description))
    return new SendError('rate_limited', description, QUOTA_BACKOFF_MS);
  if (errorCode === 403) return new SendError('blocked', description);
  if (errorCode === 0 || errorCode === 408 || errorCode >= 500) return new SendError('transient', description);
  return new SendError('rejected', description);
}

export interface ZaloOptions {
  token: string;
  apiRoot: string;
  webhookSecret: string | undefined;
  log: Logger;
  /** Keeps every send under the configured Zalo rate. */
  pacer?: Pacer;
}

export class ZaloMessenger implements Messenger {
  readonly platform = 'zalo' as const;
  readonly secretHeader = 'x-bot-api-secret-token';
  readonly webhookSecret: string | undefined;
  readonly api: ZaloApi;
  readonly #log: Logger;
  readonly #pacer: Pacer | undefined;
  #polling: Promise<void> | undefined;
  #stopping = false;
  #abort = new AbortController();

  constructor(opts: ZaloOptions) {
    this.api = new ZaloApi(opts.token, opts.apiRoot);
    this.webhookSecret = opts.webhookSecret;
    this.#log = opts.log;
    this.#pacer = opts.pacer;
  }

  parse(body: unknown) {
    return parseZaloUpdate(body);
  }

  async send(chatId: string, message: OutMessage, opts: SendOptions = {}): Promise<void> {
    const pacer = this.#pacer;
    const paced = pacedCalls(pacer, opts);
    try {
      const parts = renderZalo(message);
      // Telegram file ids mean nothing to Zalo; only URLs can be forwarded.
      if (message.photo && 'url' in message.photo) {
        const url = message.photo.url;
        const caption = parts.length === 1 && parts[0]!.length <= TEXT_LIMIT ? parts.shift() : undefined;
        await paced(() => this.api.sendPhoto(chatId, url, caption));
      }
      for (const text of parts) await paced(() => this.api.sendMessage(chatId, text));
    } catch (err) {
      // Zalo's answers do not say which limit was hit: every sender of the bot waits.
      throw await holdOnRateLimit(pacer, classifyZaloError(err), 'platform');
    }
  }

  async acknowledge(): Promise<void> {}

  async setup(publicUrl: string | undefined): Promise<void> {
    if (publicUrl && this.webhookSecret) {
      await this.api.setWebhook(`${publicUrl}/webhooks/zalo`, this.webhookSecret);
      this.#log.info({ platform: 'zalo' }, 'webhook registered');
    }
  }

  startPolling(accept: AcceptUpdate): void {
    this.#stopping = false;
    this.#abort = new AbortController();
    this.#polling = this.#poll(accept);
  }

  async #poll(accept: AcceptUpdate): Promise<void> {
    await this.api.deleteWebhook().catch((err) => this.#log.warn({ err }, 'zalo deleteWebhook failed'));
    while (!this.#stopping) {
      let body: unknown;
      try {
        body = await this.api.getUpdates(25, this.#abort.signal);
      } catch (err) {
        if (this.#stopping) return;
        if (err instanceof ZaloApiError && err.errorCode === 408) continue; // nothing arrived
        this.#log.warn({ err }, 'zalo getUpdates failed');
        await new Promise((r) => setTimeout(r, 2000));
        continue;
      }
      const parsed = parseZaloUpdate(body);
      if (parsed.ok && parsed.incoming)
        await acceptUntilTaken(accept, parsed.incoming, this.#log, () => this.#stopping);
    }
  }

  async stopPolling(): Promise<void> {
    this.#stopping = true;
    this.#abort.abort();
    await this.#polling?.catch(() => undefined);
  }
}
