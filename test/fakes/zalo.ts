import { randomBytes } from 'node:crypto';
import { startFake, type ApiError, type CallContext, type Fake, type Outcome } from './http-fake.ts';

export type { ApiError, RecordedCall, UploadedFile } from './http-fake.ts';
export type FakeZalo = Fake;

const TEXT_LIMIT = 2000;
const WEBHOOK_SET = 'You cannot use this API while a webhook is set. Please remove the webhook first';

type Params = Record<string, any>;

/** Words about buttons or location sharing, which Zalo chats do not have: a text with one misleads its reader. */
export const BUTTON_TALK = /bấm nút|nút bên dưới|nút 📍|press a button|button below|📍 button/i;
const buttonTalk: string[] = [];

/**
 * The texts sent so far to any fake Zalo of this test file that speak of buttons, emptied by the call.
 * Kept apart from the recorded calls, which `reset()` forgets; test/support/zalo-texts.ts fails a test with any.
 */
export function takeButtonTalk(): string[] {
  return buttonTalk.splice(0);
}
const bad = (description: string): Outcome => ({ error: { error_code: 400, description } });
const sent = () => ({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
const isUrl = (value: unknown) => typeof value === 'string' && /^https?:\/\/\S+$/.test(value);

/**
 * A local Zalo Bot Platform API. Like the real one it answers errors with HTTP 200 and `ok: false`
 * (only a wrong token or an unknown route gets a 4xx status), and getUpdates hands out one update per call.
 */
export async function startFakeZalo(opts: { token?: string } = {}): Promise<FakeZalo> {
  let webhook: { url: string; updated_at: number } | undefined;

  async function getUpdates(p: Params, ctx: CallContext): Promise<Outcome> {
    if (webhook) return bad(WEBHOOK_SET);
    const deadline = Date.now() + Math.max(Number(p.timeout ?? 30) || 0, 0) * 1000;
    for (;;) {
      if (ctx.updates.length) {
        // A poller that just hung up must not take the update with it: it waits for the next poll instead.
        await ctx.noticeHangups();
        if (ctx.signal.aborted) break;
        const update = ctx.updates.shift();
        if (update) return { result: update, extra: { error_code: 0 } }; // error_code 0 as in live answers
        continue; // another poller took it
      }
      if (ctx.signal.aborted || Date.now() >= deadline) break;
      await ctx.updatePushed(deadline - Date.now());
    }
    return { error: { error_code: 408, description: 'Request timeout' } };
  }

  return startFake({
    token: opts.token ?? '1234567890:test-zalo-token',
    messageMethods: new Set(['sendMessage', 'sendPhoto', 'sendSticker']),
    blockedError: { error_code: 403, description: 'Forbidden: user has blocked the bot' },
    rateLimitError: { error_code: 429, description: 'Quota exceeded' },
    errorStatus: () => 200,
    errorBody: (e: ApiError) => ({ ok: false, error_code: e.error_code, description: e.description }),
    // Pushed updates may be in the documented {ok, result} wrapper; getUpdates answers carry the bare event.
    queueUpdate: (update) => {
      const wrapped = update as { ok?: unknown; result?: object };
      return wrapped.ok === true && typeof wrapped.result === 'object' ? wrapped.result : update;
    },

    async handle(method, p, ctx): Promise<Outcome> {
      if (method.startsWith('send') && !p.chat_id) return bad('chat_id is required');
      for (const text of [p.text, p.caption]) {
        if (typeof text === 'string' && BUTTON_TALK.test(text.normalize('NFC'))) buttonTalk.push(text);
      }
      switch (method) {
        case 'getMe':
          return {
            result: {
              id: '1459232241454765289',
              account_name: 'bot.VDKyGxQvc',
              account_type: 'BASIC',
              can_join_groups: false,
            },
          };
        case 'sendMessage': {
          const text = typeof p.text === 'string' ? p.text : '';
          if (text.length < 1 || text.length > TEXT_LIMIT)
            return bad(`Text length must be between 1 and ${TEXT_LIMIT} characters`);
          return { result: sent() };
        }
        case 'sendPhoto':
          if (!isUrl(p.photo)) return bad('photo must be a valid URL');
          if (p.caption !== undefined && String(p.caption).length > TEXT_LIMIT)
            return bad(`Caption length must be between 1 and ${TEXT_LIMIT} characters`);
          return { result: sent() };
        case 'sendSticker':
          return p.sticker ? { result: sent() } : bad('sticker is required');
        case 'sendChatAction':
          // The live answer is a bare {"ok":true}.
          return ['typing', 'upload_photo'].includes(String(p.action)) ? {} : bad('action is invalid');
        case 'setWebhook': {
          const secret = String(p.secret_token ?? '');
          if (secret.length < 8 || secret.length > 256)
            return bad('secret_token length must be between 8 and 256 characters');
          if (!/^https:\/\/\S+$/.test(String(p.url ?? ''))) return bad('url must be a valid HTTPS URL');
          webhook = { url: String(p.url), updated_at: Date.now() };
          const verification = {
            ok: true,
            url: webhook.url,
            outcome: 'webhook.ok',
            hint: 'Your endpoint responded successfully.',
          };
          return { result: { ...webhook, verification } };
        }
        case 'deleteWebhook':
          webhook = undefined;
          return { result: { url: '', updated_at: Date.now() } };
        case 'getWebhookInfo':
          return webhook ? { result: { ...webhook } } : { error: { error_code: 404, description: 'Not Found' } };
        case 'getUpdates':
          return getUpdates(p, ctx);
        default:
          return { error: { error_code: 404, description: 'Not Found', httpStatus: 404 } };
      }
    },
  });
}
