import { Fake, type Answer, type ApiError } from './http-fake.ts';

export type { RecordedCall } from './http-fake.ts';
export type FakeTelegram = Fake;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const HTML_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'a',
  'code',
  'pre',
  'tg-spoiler',
  'span',
  'blockquote',
]);

const bad = (description: string): Answer => ({
  ok: false,
  error: { error_code: 400, description: `Bad Request: ${description}` },
});

function json(value: unknown) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** Rejects what Telegram's HTML parser rejects: unknown or unbalanced tags, bare "&". */
function checkHtml(text: string): string | undefined {
  const stack: string[] = [];
  for (const m of text.matchAll(/<(\/?)([a-z-]+)[^>]*>|&(#?\w+;)?/g)) {
    if (m[0].startsWith('&')) {
      if (!m[3] || !/^(amp|lt|gt|quot|#\d+|#x[0-9a-f]+);$/i.test(m[3]))
        return "can't parse entities: unsupported start tag or unescaped &";
      continue;
    }
    const [, closing, tag] = m;
    if (!HTML_TAGS.has(tag!)) return `can't parse entities: unsupported start tag "${tag}"`;
    if (!closing) stack.push(tag!);
    else if (stack.pop() !== tag) return `can't parse entities: can't find end tag corresponding to start tag "${tag}"`;
  }
  return stack.length
    ? `can't parse entities: can't find end tag corresponding to start tag "${stack.at(-1)}"`
    : undefined;
}

function checkMarkup(markup: unknown): string | undefined {
  const keyboard = (json(markup) as { inline_keyboard?: Array<Array<{ callback_data?: string }>> } | undefined)
    ?.inline_keyboard;
  for (const button of keyboard?.flat() ?? []) {
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(button.callback_data);
      if (bytes < 1 || bytes > 64) return 'BUTTON_DATA_INVALID';
    }
  }
  return undefined;
}

/** A local Telegram Bot API: real answers, real limits, real errors, every call recorded. */
export async function startFakeTelegram(opts: { token?: string } = {}): Promise<FakeTelegram> {
  let messageId = 1;
  let webhookUrl = '';
  const message = (params: Record<string, any>, extra: object) => ({
    message_id: messageId++,
    date: Math.floor(Date.now() / 1000),
    chat: { id: Number(params.chat_id) || params.chat_id, type: 'private' },
    ...extra,
  });

  const fake = new Fake({
    token: opts.token ?? '123456:TEST-token',
    sendMethods: new Set(['sendMessage', 'sendPhoto', 'sendDocument', 'sendLocation', 'sendMediaGroup']),
    blocked: () => ({ error_code: 403, description: 'Forbidden: bot was blocked by the user' }),
    rateLimited: () => ({ error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 }),
    errorReply: (e: ApiError) => ({
      status: e.httpStatus ?? e.error_code,
      body: {
        ok: false,
        error_code: e.error_code,
        description: e.description,
        ...(e.retry_after !== undefined && { parameters: { retry_after: e.retry_after } }),
      },
    }),
    async handle(method, p, self): Promise<Answer> {
      switch (method) {
        case 'getMe':
          return {
            ok: true,
            result: {
              id: 123456,
              is_bot: true,
              first_name: 'ANTQ Test Bot',
              username: 'antq_test_bot',
              can_join_groups: true,
              can_read_all_group_messages: false,
              supports_inline_queries: false,
            },
          };
        case 'sendMessage': {
          const text = String(p.text ?? '');
          if (!text.trim()) return bad('message text is empty');
          if (text.length > TEXT_LIMIT) return bad('message is too long');
          const html = p.parse_mode === 'HTML' ? checkHtml(text) : undefined;
          if (html) return bad(html);
          const markup = checkMarkup(p.reply_markup);
          if (markup) return bad(markup);
          return { ok: true, result: message(p, { text }) };
        }
        case 'sendPhoto':
        case 'sendDocument': {
          if (!p[method === 'sendPhoto' ? 'photo' : 'document']) return bad('there is no file in the request');
          if (String(p.caption ?? '').length > CAPTION_LIMIT) return bad('message caption is too long');
          const markup = checkMarkup(p.reply_markup);
          if (markup) return bad(markup);
          return { ok: true, result: message(p, p.caption ? { caption: p.caption } : {}) };
        }
        case 'answerCallbackQuery':
          return String(p.text ?? '').length > 200 ? bad('MESSAGE_TOO_LONG') : { ok: true, result: true };
        case 'editMessageText':
        case 'editMessageReplyMarkup':
          return { ok: true, result: message(p, {}) };
        case 'setWebhook':
          if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
            return bad('secret token contains unallowed characters');
          }
          webhookUrl = String(p.url ?? '');
          return { ok: true, result: true };
        case 'deleteWebhook':
          webhookUrl = '';
          return { ok: true, result: true };
        case 'getWebhookInfo':
          return { ok: true, result: { url: webhookUrl, has_custom_certificate: false, pending_update_count: 0 } };
        case 'getFile':
          return {
            ok: true,
            result: { file_id: p.file_id, file_unique_id: 'u1', file_size: 1000, file_path: 'photos/file_1.jpg' },
          };
        case 'sendChatAction':
        case 'deleteMessage':
        case 'setMyCommands':
        case 'deleteMyCommands':
          return { ok: true, result: true };
        case 'getUpdates': {
          if (webhookUrl) {
            return {
              ok: false,
              error: {
                error_code: 409,
                description:
                  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
              },
            };
          }
          const offset = Number(p.offset ?? 0);
          // Confirmation: updates below the offset are gone for good.
          self.updates.splice(0, self.updates.filter((u) => (u as { update_id: number }).update_id < offset).length);
          await self.nextUpdate(Math.min(Number(p.timeout ?? 0), 30) * 1000);
          const limit = Number(p.limit ?? 100);
          return {
            ok: true,
            result: self.updates.filter((u) => (u as { update_id: number }).update_id >= offset).slice(0, limit),
          };
        }
        default:
          return { ok: false, error: { error_code: 404, description: 'Not Found: method not found' } };
      }
    },
  });
  return fake.listen();
}
