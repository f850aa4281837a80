import { startFake, type ApiError, type CallContext, type Fake, type Outcome } from './http-fake.ts';

export type { ApiError, RecordedCall, UploadedFile } from './http-fake.ts';
export interface FakeTelegram extends Fake {
  /**
   * Telegram's limit per group: at most `perMinute` messages in any sliding minute; more answer 429 with the
   * seconds until the oldest of them leaves the window as `retry_after`. null (the default) lifts it.
   */
  limitGroups(perMinute: number | null): void;
  /**
   * Telegram's flood control, from the next message sent: that message and every one sent in the next
   * `seconds` answer 429 with the seconds left as `retry_after` (as Telegram does for a bot over its limit).
   */
  floodFromNext(seconds: number): void;
  /** What getChatMemberCount answers for a group (default 3). */
  setMemberCount(chatId: string | number, count: number): void;
  /** What a message the bot sent shows now, after any edits: its text (none for a photo) and its buttons. */
  showing(chatId: string | number, messageId: number): { text?: string; reply_markup: unknown } | undefined;
}

/** The bytes the fake serves for a file id's download: a JPEG's first bytes, then the id (so each photo differs). */
export const fakePhotoBytes = (fileId: string) =>
  Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`fake photo ${fileId}`)]);

/** Telegram's documented limit for messages to one group. */
export const GROUP_PER_MINUTE = 20;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const CALLBACK_ANSWER_LIMIT = 200;
const HTML_TAGS = new Set('b strong i em u ins s strike del a code pre tg-spoiler span blockquote'.split(' '));
const HTML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);
/** Fields that make an inline button do something; a button with none is a "text button". */
const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];
const BOT = { id: 123456, is_bot: true, first_name: 'ANTQ Test Bot', username: 'antq_test_bot' };
const WEBHOOK_CONFLICT =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
const POLL_CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

type Params = Record<string, any>;
type Failed = { error: ApiError };
const bad = (description: string): Failed => ({
  error: { error_code: 400, description: `Bad Request: ${description}` },
});
/** Object parameters arrive as objects (JSON bodies) or JSON strings (query, form, multipart). */
const fromJson = (value: unknown): any => (typeof value === 'string' ? JSON.parse(value) : value);
const tryJson = (value: unknown): any => {
  try {
    return fromJson(value);
  } catch {
    return undefined;
  }
};
const byteOffset = (text: string, index: number) => Buffer.byteLength(text.slice(0, index));

/**
 * The text the user sees, as Telegram's HTML parser gets it: only supported tags, properly nested,
 * and every "&" an entity (the Bot API docs require escaping it). Throws the parse error.
 */
function parseHtml(html: string): string {
  let plain = '';
  const open: string[] = [];
  for (let i = 0; i < html.length;) {
    const c = html[i]!;
    if (c === '&') {
      const m = /^&(?:([a-z]+)|#(\d+)|#x([0-9a-f]+));/i.exec(html.slice(i, i + 12));
      const code = m?.[2] ? Number(m[2]) : m?.[3] ? parseInt(m[3], 16) : undefined;
      const decoded = m?.[1]
        ? HTML_ENTITIES[m[1].toLowerCase()]
        : code !== undefined && code <= 0x10ffff
          ? String.fromCodePoint(code)
          : undefined;
      if (!m || decoded === undefined)
        throw new Error(`Unescaped "&" or unsupported entity at byte offset ${byteOffset(html, i)}`);
      plain += decoded;
      i += m[0].length;
    } else if (c === '<') {
      const end = html.indexOf('>', i);
      if (end < 0) throw new Error(`Unclosed start tag at byte offset ${byteOffset(html, i)}`);
      const tag = html.slice(i + 1, end);
      if (tag.startsWith('/')) {
        const name = tag.slice(1).trim().toLowerCase();
        const expected = open.pop();
        if (expected === undefined) throw new Error(`Unexpected end tag at byte offset ${byteOffset(html, i)}`);
        if (name !== expected)
          throw new Error(
            `Unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${expected}>", found "</${name}>"`,
          );
      } else {
        const name = /^[^\s/>]*/.exec(tag)![0].toLowerCase();
        if (!HTML_TAGS.has(name))
          throw new Error(`Unsupported start tag "${name}" at byte offset ${byteOffset(html, i)}`);
        if (name === 'span' && !/class\s*=\s*["']?tg-spoiler/.test(tag))
          throw new Error('Tag "span" must have class "tg-spoiler"');
        open.push(name);
      }
      i = end + 1;
    } else {
      plain += c;
      i++;
    }
  }
  if (open.length) throw new Error(`Can't find end tag corresponding to start tag "${open.at(-1)}"`);
  return plain;
}

/** Visible text after entity parsing (limits count that, not the markup), or the parse error. */
function visible(text: string, parseMode: unknown): { text: string } | { failed: Failed } {
  if (parseMode !== 'HTML') return { text };
  try {
    return { text: parseHtml(text) };
  } catch (err) {
    return { failed: bad(`can't parse entities: ${(err as Error).message}`) };
  }
}

function checkMarkup(raw: unknown): Failed | undefined {
  if (raw === undefined || raw === '') return undefined;
  let markup: any;
  try {
    markup = fromJson(raw);
  } catch {
    return bad("can't parse reply keyboard markup JSON object");
  }
  const rows = markup?.inline_keyboard;
  if (rows === undefined) return undefined; // reply keyboard, remove_keyboard, force_reply
  if (!Array.isArray(rows) || !rows.every(Array.isArray))
    return bad('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
  for (const button of rows.flat()) {
    if (!button?.text) return bad("can't parse inline keyboard button: Text must be non-empty");
    if ('callback_data' in button) {
      const bytes = Buffer.byteLength(String(button.callback_data));
      if (bytes < 1 || bytes > 64) return bad('BUTTON_DATA_INVALID');
    } else if (!BUTTON_ACTIONS.some((k) => k in button))
      return bad('text buttons are unallowed in the inline keyboard');
  }
  return undefined;
}

function checkCommands(raw: unknown): Failed | undefined {
  let commands: any;
  try {
    commands = fromJson(raw);
  } catch {
    return bad("can't parse commands JSON object");
  }
  if (!Array.isArray(commands)) return bad('field "commands" must be an Array');
  if (commands.length > 100) return bad('BOT_COMMANDS_TOO_MUCH');
  for (const c of commands) {
    if (!/^[a-z0-9_]{1,32}$/.test(String(c?.command ?? ''))) return bad('BOT_COMMAND_INVALID');
    const description = String(c?.description ?? '');
    if (description.length < 1 || description.length > 256) return bad('BOT_COMMAND_DESCRIPTION_INVALID');
  }
  return undefined;
}

/** Telegram's command scopes: one chat's (or one member's) menu is kept apart from everyone's. */
const SCOPES_WITH_CHAT = new Set(['chat', 'chat_administrators', 'chat_member']);
const SCOPES = new Set([
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  ...SCOPES_WITH_CHAT,
]);

function commandScope(raw: unknown): Failed | { key: string } {
  const scope = raw === undefined ? { type: 'default' } : tryJson(raw);
  if (scope === undefined) return bad("can't parse BotCommandScope JSON object");
  const type = String(scope?.type ?? '');
  if (!SCOPES.has(type)) return bad('unsupported bot command scope type');
  if (!SCOPES_WITH_CHAT.has(type)) return { key: type };
  if (scope.chat_id === undefined || scope.chat_id === '') return bad('chat_id is empty');
  if (type === 'chat_member' && !scope.user_id) return bad('user_id is empty');
  return { key: [type, String(scope.chat_id), ...(type === 'chat_member' ? [String(scope.user_id)] : [])].join(':') };
}

function chat(chatId: unknown) {
  const id = Number(chatId);
  if (!Number.isSafeInteger(id)) return { id: chatId, type: 'private' };
  // Negative ids are groups; -100… ids supergroups (and channels).
  return { id, type: id >= 0 ? 'private' : String(id).startsWith('-100') ? 'supergroup' : 'group' };
}

const isGroup = (chatId: unknown) => chat(chatId).type !== 'private';

/** A local Telegram Bot API: real answers, real limits, real errors, every call recorded. */
export async function startFakeTelegram(opts: { token?: string } = {}): Promise<FakeTelegram> {
  let groupLimit: number | null = null;
  /** performance.now() of each successful message to a group, by chat id, within the last minute. */
  const groupSends = new Map<string, number[]>();
  const memberCounts = new Map<string, number>();
  let messageId = 0;
  let fileId = 0;
  let lastUpdateId = 0;
  let webhook: { url: string; allowed_updates?: string[] } | undefined;
  let poll: AbortController | undefined; // the pending getUpdates, which a newer one terminates
  const commands = new Map<string, unknown>(); // by scope and language
  /** What each sent message shows now (its text, or none for a photo or file, and its buttons), by chat and id. */
  const shown = new Map<string, { text?: string; markup: string }>();
  const shownKey = (p: Params) => `${p.chat_id}:${p.message_id}`;
  const markupOf = (p: Params) => JSON.stringify(p.reply_markup === undefined ? null : fromJson(p.reply_markup));
  /** Telegram's answers to an edit of a message that is not there, has no text, or would not change. */
  const editRefusal = (p: Params, text: string | undefined): Failed | undefined => {
    const current = shown.get(shownKey(p));
    if (!current) return bad('message to edit not found');
    if (text !== undefined && current.text === undefined) return bad('there is no text in the message to edit');
    if ((text === undefined || text === current.text) && markupOf(p) === current.markup)
      return bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    return undefined;
  };

  /** A message as sent or edited; what it shows is kept for later edits. */
  const message = (p: Params, fields: { text?: string; [field: string]: unknown }, id = ++messageId) => {
    shown.set(`${p.chat_id}:${id}`, { text: fields.text, markup: markupOf(p) });
    return {
      message_id: id,
      from: BOT,
      chat: chat(p.chat_id),
      date: Math.floor(Date.now() / 1000),
      ...fields,
      ...(p.reply_markup && { reply_markup: fromJson(p.reply_markup) }),
    };
  };
  const file = (size = 1000) => {
    const n = ++fileId;
    return { file_id: `fake-file-${n}`, file_unique_id: `fake-unique-${n}`, file_size: size };
  };
  /** A photo or document: file_id, URL, an upload (multipart) or attach:// naming one. */
  const input = (field: string, p: Params, ctx: CallContext): Failed | { size: number; name: string } => {
    const upload = ctx.files[field];
    const value = p[field];
    if (upload) return { size: upload.size, name: upload.filename };
    if (typeof value !== 'string' || !value) return bad(`there is no ${field} in the request`);
    if (value.startsWith('attach://')) return bad('wrong file identifier/HTTP URL specified');
    return { size: 1000, name: value.split('/').pop() || field };
  };
  const caption = (p: Params): Failed | { caption?: string } => {
    if (p.caption === undefined || p.caption === '') return {};
    const seen = visible(String(p.caption), p.parse_mode);
    if ('failed' in seen) return seen.failed;
    if (seen.text.length > CAPTION_LIMIT) return bad('message caption is too long');
    return { caption: seen.text };
  };
  /** sendMessage and editMessageText: empty and length checks count what the user sees. */
  const messageText = (p: Params): Failed | { text: string } => {
    const seen = visible(String(p.text ?? ''), p.parse_mode);
    if ('failed' in seen) return seen.failed;
    if (!seen.text.trim()) return bad('message text is empty');
    if (seen.text.length > TEXT_LIMIT) return bad('message is too long');
    return seen;
  };
  const failed = (x: object): x is Failed => 'error' in x;
  /** A flood wait armed by floodFromNext starts at the next message; while it lasts, every message is refused. */
  let floodArmed: number | null = null;
  let floodUntil: number | null = null;
  const flooded = (): Failed | undefined => {
    if (floodArmed !== null) {
      floodUntil = performance.now() + floodArmed * 1000;
      floodArmed = null;
    }
    const left = floodUntil === null ? 0 : floodUntil - performance.now();
    if (left <= 0) {
      floodUntil = null;
      return undefined;
    }
    const retryAfter = Math.max(1, Math.ceil(left / 1000));
    return {
      error: { error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, retry_after: retryAfter },
    };
  };
  /** Admits one message to a group under its per-minute limit, or answers the 429 Telegram would. */
  const groupAdmits = (chatId: unknown): Failed | undefined => {
    if (!isGroup(chatId)) return undefined;
    const now = performance.now();
    const times = (groupSends.get(String(chatId)) ?? []).filter((t) => t > now - 60_000);
    groupSends.set(String(chatId), times);
    if (groupLimit !== null && times.length >= groupLimit) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + 60_000 - now) / 1000));
      return {
        error: {
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          retry_after: retryAfter,
        },
      };
    }
    times.push(now);
    return undefined;
  };

  async function getUpdates(p: Params, ctx: CallContext): Promise<Outcome> {
    if (webhook) return { error: { error_code: 409, description: WEBHOOK_CONFLICT } };
    poll?.abort();
    const mine = (poll = new AbortController());
    const signal = AbortSignal.any([ctx.signal, mine.signal]);
    const offset = Number(p.offset ?? 0) || 0;
    const limit = Math.min(Math.max(Number(p.limit ?? 100) || 100, 1), 100);
    const deadline = Date.now() + Math.max(Number(p.timeout ?? 0) || 0, 0) * 1000;
    const id = (u: object) => (u as { update_id: number }).update_id;
    let ready: object[] = [];
    for (;;) {
      // An offset confirms every update below it (a negative one keeps only the last -offset): they are gone.
      const drop = offset < 0 ? ctx.updates.length + offset : ctx.updates.filter((u) => id(u) < offset).length;
      if (drop > 0) ctx.updates.splice(0, drop);
      ready = ctx.updates.slice(0, limit);
      if (ready.length || signal.aborted || Date.now() >= deadline) break;
      await ctx.updatePushed(deadline - Date.now(), signal);
    }
    if (poll === mine) poll = undefined;
    if (mine.signal.aborted) {
      // A poller that hung up first (grammY's bot.stop() does, then confirms the offset) is in no conflict.
      await ctx.noticeHangups();
      if (!ctx.signal.aborted) return { error: { error_code: 409, description: POLL_CONFLICT } };
    }
    return { result: ready };
  }

  const fake = await startFake({
    token: opts.token ?? '123456:TEST-token',
    messageMethods: new Set(['sendMessage', 'sendPhoto', 'sendDocument']),
    blockedError: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    rateLimitError: { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
    errorStatus: (e) => e.error_code,
    errorBody: (e) => {
      const parameters = { ...e.parameters, ...(e.retry_after !== undefined && { retry_after: e.retry_after }) };
      return {
        ok: false,
        error_code: e.error_code,
        description: e.description,
        ...(Object.keys(parameters).length && { parameters }),
      };
    },
    file(path) {
      // Telegram serves the files getFile names; this fake has a photo for every file id.
      const fileId = /^photos\/(.+)\.jpg$/.exec(path)?.[1];
      return fileId === undefined ? undefined : { body: fakePhotoBytes(fileId), type: 'image/jpeg' };
    },
    queueUpdate(update) {
      // Tests may push bare updates; Telegram numbers every update.
      const given = (update as { update_id?: unknown }).update_id;
      if (typeof given === 'number') {
        lastUpdateId = Math.max(lastUpdateId, given);
        return update;
      }
      return { update_id: ++lastUpdateId, ...update };
    },

    async handle(method, p, ctx): Promise<Outcome> {
      if (method.startsWith('send') && (p.chat_id === undefined || p.chat_id === '')) return bad('chat_id is empty');
      const flood =
        method === 'sendMessage' || method === 'sendPhoto' || method === 'sendDocument' ? flooded() : undefined;
      if (flood) return flood;
      switch (method) {
        case 'getMe':
          return {
            result: {
              ...BOT,
              can_join_groups: true,
              can_read_all_group_messages: false,
              supports_inline_queries: false,
            },
          };
        case 'sendMessage': {
          const text = messageText(p);
          if (failed(text)) return text;
          return checkMarkup(p.reply_markup) ?? groupAdmits(p.chat_id) ?? { result: message(p, text) };
        }
        case 'sendPhoto':
        case 'sendDocument': {
          const field = method === 'sendPhoto' ? 'photo' : 'document';
          const media = input(field, p, ctx);
          if (failed(media)) return media;
          const cap = caption(p);
          if (failed(cap)) return cap;
          const markup = checkMarkup(p.reply_markup) ?? groupAdmits(p.chat_id);
          if (markup) return markup;
          const attached =
            field === 'photo'
              ? { photo: [{ ...file(media.size), width: 800, height: 600 }] }
              : { document: { ...file(media.size), file_name: media.name } };
          return { result: message(p, { ...attached, ...cap }) };
        }
        case 'sendChatAction':
          return CHAT_ACTIONS.has(String(p.action)) ? { result: true } : bad('wrong parameter action in request');
        case 'answerCallbackQuery':
          if (!p.callback_query_id) return bad('query is too old and response timeout expired or query ID is invalid');
          return String(p.text ?? '').length > CALLBACK_ANSWER_LIMIT ? bad('MESSAGE_TOO_LONG') : { result: true };
        case 'editMessageText':
        case 'editMessageReplyMarkup': {
          if (!p.inline_message_id && (!p.chat_id || !p.message_id)) return bad('message identifier is not specified');
          const edit = method === 'editMessageText' ? messageText(p) : undefined;
          if (edit && failed(edit)) return edit;
          const markup = checkMarkup(p.reply_markup);
          if (markup) return markup;
          if (p.inline_message_id) return { result: true };
          const refused = editRefusal(p, edit?.text);
          if (refused) return refused;
          const text = edit?.text ?? shown.get(shownKey(p))!.text;
          const fields = text === undefined ? {} : { text };
          return { result: { ...message(p, fields, Number(p.message_id)), edit_date: Math.floor(Date.now() / 1000) } };
        }
        case 'deleteMessage':
          return p.chat_id && p.message_id ? { result: true } : bad('message identifier is not specified');
        case 'setMyCommands':
        case 'deleteMyCommands':
        case 'getMyCommands': {
          const scope = commandScope(p.scope);
          if ('error' in scope) return scope;
          const key = JSON.stringify([scope.key, p.language_code ?? '']);
          if (method === 'getMyCommands') return { result: commands.get(key) ?? [] };
          if (method === 'deleteMyCommands') {
            commands.delete(key);
            return { result: true };
          }
          const invalid = checkCommands(p.commands);
          if (invalid) return invalid;
          commands.set(key, fromJson(p.commands));
          return { result: true };
        }
        case 'setWebhook': {
          if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token)))
            return bad('secret token contains unallowed characters');
          const url = String(p.url ?? '');
          if (!url) {
            webhook = undefined; // an empty url removes the webhook, as on Telegram
            return { result: true, extra: { description: 'Webhook was deleted' } };
          }
          let parsed: URL;
          try {
            parsed = new URL(url);
          } catch {
            return bad('bad webhook: invalid URL');
          }
          if (parsed.protocol !== 'https:') return bad('bad webhook: An HTTPS URL must be provided for webhook');
          if (!['', '80', '88', '443', '8443'].includes(parsed.port))
            return bad('bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
          if (String(p.drop_pending_updates) === 'true') ctx.updates.length = 0;
          const allowed = tryJson(p.allowed_updates);
          webhook = { url, ...(allowed && { allowed_updates: allowed }) };
          return { result: true, extra: { description: 'Webhook was set' } };
        }
        case 'deleteWebhook': {
          if (String(p.drop_pending_updates) === 'true') ctx.updates.length = 0;
          const had = webhook !== undefined;
          webhook = undefined;
          return { result: true, extra: { description: had ? 'Webhook was deleted' : 'Webhook is already deleted' } };
        }
        case 'getWebhookInfo':
          return {
            result: {
              url: webhook?.url ?? '',
              has_custom_certificate: false,
              pending_update_count: ctx.updates.length,
              ...(webhook && { max_connections: 40 }),
              ...(webhook?.allowed_updates && { allowed_updates: webhook.allowed_updates }),
            },
          };
        case 'getFile':
          if (!p.file_id) return bad('invalid file_id');
          return {
            result: {
              file_id: p.file_id,
              file_unique_id: `fake-unique-${p.file_id}`,
              file_size: fakePhotoBytes(String(p.file_id)).length,
              file_path: `photos/${encodeURIComponent(String(p.file_id))}.jpg`,
            },
          };
        case 'getChatMemberCount':
          if (p.chat_id === undefined || p.chat_id === '') return bad('chat_id is empty');
          // A private chat counts the person and the bot.
          return { result: isGroup(p.chat_id) ? (memberCounts.get(String(p.chat_id)) ?? 3) : 2 };
        case 'getUpdates':
          return getUpdates(p, ctx);
        default:
          return { error: { error_code: 404, description: 'Not Found' } };
      }
    },
  });
  const reset = fake.reset.bind(fake);
  return Object.assign(fake, {
    limitGroups(perMinute: number | null) {
      groupLimit = perMinute;
    },
    floodFromNext(seconds: number) {
      floodArmed = seconds;
    },
    setMemberCount(chatId: string | number, count: number) {
      memberCounts.set(String(chatId), count);
    },
    showing(chatId: string | number, messageId: number) {
      const now = shown.get(`${chatId}:${messageId}`);
      return now && { text: now.text, reply_markup: JSON.parse(now.markup) };
    },
    reset() {
      reset();
      groupLimit = null;
      floodArmed = floodUntil = null;
      groupSends.clear();
      memberCounts.clear();
      shown.clear();
    },
  });
}
