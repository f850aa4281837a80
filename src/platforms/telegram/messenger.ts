import { autoRetry } from '@grammyjs/auto-retry';
import { Api, Bot, GrammyError, HttpError, InputFile, type Transformer } from 'grammy';
import type { Incoming, OutMessage, PressAnswer } from '../../core/messages.ts';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { isLocale, type I18n } from '../../i18n/index.ts';
import type { Logger } from '../../logger.ts';
import { acceptUntilTaken } from '../polling.ts';
import type { Pacer } from '../../queues/pacer.ts';
import { holdOnRateLimit, pacedCalls, type RateLimitReach } from '../pace.ts';
import { SendError, type AcceptUpdate, type FetchedFile, type Messenger, type SendOptions } from '../types.ts';
import { parseTelegramUpdate } from './parse.ts';
import { CAPTION_LIMIT, renderTelegram } from './render.ts';

const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  webhookSecret: string | undefined;
  /** The commands of Telegram's command menu for a person of these staff roles (none: everyone's), described from the locales. */
  commands: (roles: readonly StaffRole[]) => string[];
  i18n: I18n;
  log: Logger;
  /** Keeps every send under Telegram's overall rate. */
  pacer?: Pacer;
}

/** Maps Bot API failures to what the outbox should do about them. */
export function classifyTelegramError(err: unknown): SendError {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) {
      return new SendError('rate_limited', err.description, (err.parameters.retry_after ?? 1) * 1000);
    }
    if (err.error_code === 403) return new SendError('blocked', err.description);
    if (err.error_code >= 500) return new SendError('transient', err.description);
    return new SendError('rejected', err.description);
  }
  if (err instanceof HttpError) return new SendError('transient', err.message);
  return new SendError('transient', err instanceof Error ? err.message : String(err));
}

/** Telegram's ids of groups and supergroups are negative, those of private chats positive. */
const isGroupChat = (chatId: string) => chatId.startsWith('-');

/**
 * What a 429 is about, judged from the request that got it. Telegram limits each chat (a private chat about
 * one message a second, a group 20 a minute) under its overall rate of about 30 a second, and the pacer keeps
 * the bot under the overall one: so a 429 on a reply is that chat's own limit, and only that chat waits. A
 * broadcast keeps each person's chat one second apart, so a 429 there is the overall limit: everyone waits
 * (a group's 429 is always its own, its limit being far below the overall one).
 */
function rateLimitReach(chatId: string, opts: SendOptions): RateLimitReach {
  return opts.bulk && !isGroupChat(chatId) ? 'platform' : 'chat';
}

const MEMBER_COUNT_TIMEOUT_MS = 3000;
/** A photo is at most 20 MB on Telegram's Bot API. */
const FILE_TIMEOUT_MS = 30_000;
/** Telegram shows at most 200 characters of a press's answer. */
const CALLBACK_ANSWER_LIMIT = 200;

const SEND_METHODS = new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'editMessageText']);

/** An edit that would change nothing: the message already shows what it was to show. */
const isUnmodified = (err: unknown) => err instanceof GrammyError && /message is not modified/i.test(err.description);
/** An edit Telegram refuses for good (message gone, too old, a photo): the message is sent anew instead. */
const isUneditable = (err: unknown) => err instanceof GrammyError && err.error_code === 400;

/** Each attempt of a send takes its own slot of the shared budget: a wait between attempts holds none. */
function pacedAttempts(pacer: Pacer | undefined): Transformer {
  return (prev, method, payload, signal) =>
    pacer && SEND_METHODS.has(method) ? pacer.run(() => prev(method, payload, signal)) : prev(method, payload, signal);
}

/** The photo or file a message carries, as grammY sends it (a file made by the bot is uploaded). */
function attachmentOf(message: OutMessage): { kind: 'photo' | 'document'; input: string | InputFile } | undefined {
  const photo = message.photo;
  // A web chat's photo is never given to Telegram (capabilities: canShowPhoto); officers get a link to it.
  if (photo && 'webPhoto' in photo) throw new SendError('rejected', 'a web chat photo cannot be sent to Telegram');
  if (photo) return { kind: 'photo', input: 'fileId' in photo ? photo.fileId : photo.url };
  const file = message.file;
  return file && { kind: file.kind, input: new InputFile(Buffer.from(file.base64, 'base64'), file.filename) };
}

export class TelegramMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  readonly secretHeader = 'x-telegram-bot-api-secret-token';
  readonly webhookSecret: string | undefined;
  readonly bot: Bot;
  /** Broadcast sends: a 429 goes straight back to the queue, which pauses for everyone. */
  readonly #bulkApi: Api;
  readonly #opts: TelegramOptions;
  #polling: Promise<void> | undefined;

  constructor(opts: TelegramOptions) {
    this.#opts = opts;
    this.webhookSecret = opts.webhookSecret;
    this.bot = new Bot(opts.token, { client: { apiRoot: opts.apiRoot } });
    // Short 429 waits are retried in place; longer ones and 5xx go back to the outbox's schedule. The pacer is
    // installed first, so it runs inside autoRetry: a chat's wait in place holds no slot of anyone else's.
    this.bot.api.config.use(pacedAttempts(opts.pacer));
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowInternalServerErrors: true }));
    this.#bulkApi = new Api(opts.token, { apiRoot: opts.apiRoot });
  }

  parse(body: unknown) {
    return parseTelegramUpdate(body);
  }

  async send(chatId: string, message: OutMessage, opts: SendOptions = {}): Promise<void> {
    const api = opts.bulk ? this.#bulkApi : this.bot.api;
    const pacer = this.#opts.pacer;
    // Replies are paced attempt by attempt inside bot.api; a broadcast send is paced here, with its chat's gap.
    const paced = opts.bulk ? pacedCalls(pacer, opts) : <T>(call: () => Promise<T>) => call();
    try {
      // The chat's own command menu first (someone just became staff, or is no longer), then what tells them so.
      if (message.commandMenu) await this.#setChatCommands(api, chatId, message.commandMenu);
      const parts = renderTelegram(message);
      const attachment = attachmentOf(message);
      if (message.replaces !== undefined && !attachment && parts.length === 1) {
        const [part] = parts as [(typeof parts)[number]];
        const edited = await this.#edit(api, chatId, message.replaces, part);
        if (edited) return;
      }
      if (attachment) {
        // A short text rides along as the caption; a longer one follows as messages.
        const only = parts.length === 1 && parts[0]!.text.length <= CAPTION_LIMIT ? parts.shift() : undefined;
        const extra = only && { caption: only.text, reply_markup: only.reply_markup };
        await paced<unknown>(() =>
          attachment.kind === 'photo'
            ? api.sendPhoto(chatId, attachment.input, extra)
            : api.sendDocument(chatId, attachment.input, extra),
        );
      }
      for (const part of parts) {
        await paced(() => api.sendMessage(chatId, part.text, { reply_markup: part.reply_markup }));
      }
    } catch (err) {
      throw await holdOnRateLimit(pacer, classifyTelegramError(err), rateLimitReach(chatId, opts));
    }
  }

  /**
   * A menu Telegram refuses (a bad request) must not hold back the message that
   * goes with it: it is logged and the message sent. Anything worth retrying
   * (network, 429, 5xx) or a blocked chat fails the send, menu and message retried together.
   */
  async #setChatCommands(api: Api, chatId: string, menu: NonNullable<OutMessage['commandMenu']>): Promise<void> {
    const { i18n, commands } = this.#opts;
    const scope = { scope: { type: 'chat', chat_id: chatId } } as const;
    const locale = isLocale(menu.locale) ? menu.locale : i18n.defaultLocale;
    try {
      // No role left: the chat's own menu goes, and everyone's shows again.
      if (!menu.roles.length) await api.deleteMyCommands(scope);
      else
        await api.setMyCommands(
          commands(menu.roles).map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) })),
          scope,
        );
    } catch (err) {
      const failure = classifyTelegramError(err);
      if (failure.reason !== 'rejected') throw err;
      this.#opts.log.warn({ platform: 'telegram', reason: failure.message }, 'chat command menu refused');
    }
  }

  /** Changes a sent message in place; false when Telegram will not edit it (the caller sends it anew). */
  async #edit(api: Api, chatId: string, messageId: number, part: ReturnType<typeof renderTelegram>[number]) {
    // Only an inline keyboard (buttons, a menu) can go on an edited message; one asking for a location is sent anew.
    const markup = part.reply_markup && 'inline_keyboard' in part.reply_markup ? part.reply_markup : undefined;
    if (part.reply_markup && !markup) return false;
    try {
      await api.editMessageText(chatId, messageId, part.text, { reply_markup: markup });
      return true;
    } catch (err) {
      if (isUnmodified(err)) return true;
      if (isUneditable(err)) return false;
      throw err;
    }
  }

  /**
   * A photo sent to the bot, by its file id: getFile, then a download from the file address it gives (valid
   * for an hour), which holds the bot's token and so never leaves this method. A file id Telegram no longer
   * knows answers 400: undefined.
   */
  async fetchFile(fileId: string): Promise<FetchedFile | undefined> {
    const signal = AbortSignal.timeout(FILE_TIMEOUT_MS) as Parameters<Api['getFile']>[1];
    const file = await this.bot.api.getFile(fileId, signal).catch((err: unknown) => {
      if (err instanceof GrammyError && err.error_code === 400) return undefined;
      throw err;
    });
    if (!file?.file_path) return undefined;
    const res = await fetch(`${this.#opts.apiRoot}/file/bot${this.#opts.token}/${file.file_path}`, {
      signal: AbortSignal.timeout(FILE_TIMEOUT_MS),
    });
    if (res.status === 404) return undefined;
    // Not the URL: it holds the token.
    if (!res.ok || !res.body) throw new Error(`telegram file download answered ${res.status}`);
    return { body: res.body, type: res.headers.get('content-type') ?? undefined };
  }

  /** Asked while an update is handled (inside its transaction): bounded, so a slow answer cannot hold it. */
  memberCount(chatId: string): Promise<number> {
    // grammY types its signal with a shim of its own; Node's AbortSignal is what it gets at run time.
    const signal = AbortSignal.timeout(MEMBER_COUNT_TIMEOUT_MS) as Parameters<Api['getChatMemberCount']>[1];
    return this.bot.api.getChatMemberCount(chatId, signal);
  }

  async acknowledge(incoming: Incoming, answer: PressAnswer = {}): Promise<void> {
    if (!incoming.callbackId) return;
    await this.bot.api.answerCallbackQuery(incoming.callbackId, {
      ...(answer.text && { text: answer.text.slice(0, CALLBACK_ANSWER_LIMIT) }),
      ...(answer.alert && { show_alert: true }),
    });
    // Retire the pressed keyboard so an old menu is not pressed twice (unless the handler kept it).
    if (incoming.callbackMessageId !== undefined && !answer.keepButtons) {
      await this.bot.api.editMessageReplyMarkup(incoming.chatId, incoming.callbackMessageId).catch(() => undefined);
    }
  }

  async setup(publicUrl: string | undefined): Promise<void> {
    const { i18n, commands } = this.#opts;
    for (const locale of ['vi', 'en'] as const) {
      await this.bot.api.setMyCommands(
        commands([]).map((command) => ({ command, description: i18n.t(locale, `cmd-${command}`) })),
        locale === i18n.defaultLocale ? {} : { language_code: locale },
      );
    }
    if (publicUrl && this.webhookSecret) {
      await this.bot.api.setWebhook(`${publicUrl}/webhooks/telegram`, {
        secret_token: this.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      this.#opts.log.info({ platform: 'telegram' }, 'webhook registered');
    }
  }

  /** Long polling feeds the same durable inbox as the webhook; an offset is confirmed only after accept. */
  startPolling(accept: AcceptUpdate): void {
    this.bot.use(async (ctx) => {
      const parsed = parseTelegramUpdate(ctx.update);
      if (parsed.ok && parsed.incoming) {
        await acceptUntilTaken(accept, parsed.incoming, this.#opts.log, () => !this.bot.isRunning());
      }
    });
    this.#polling = this.bot.api.deleteWebhook().then(() => this.bot.start({ allowed_updates: [...ALLOWED_UPDATES] }));
    this.#polling.catch((err) => this.#opts.log.error({ err }, 'telegram polling stopped'));
  }

  async stopPolling(): Promise<void> {
    if (!this.#polling) return;
    await this.bot.stop();
    await this.#polling.catch(() => undefined);
  }
}
