import { randomBytes } from 'node:crypto';
import { Fake, type Answer, type ApiError } from './http-fake.ts';

export type { RecordedCall } from './http-fake.ts';
export type FakeZalo = Fake;

const TEXT_LIMIT = 2000;
const bad = (description: string): Answer => ({ ok: false, error: { error_code: 400, description } });

/**
 * A local Zalo Bot Platform API. Like the real one it answers errors with
 * HTTP 200 and `ok: false` (only a wrong token gets 401), and gives
 * getUpdates one update at a time.
 */
export async function startFakeZalo(opts: { token?: string } = {}): Promise<FakeZalo> {
  let webhookUrl = '';
  const sent = () => ({ message_id: randomBytes(10).toString('hex'), date: Date.now() });
  const fake = new Fake({
    token: opts.token ?? '1234567890:test-zalo-token',
    sendMethods: new Set(['sendMessage', 'sendPhoto', 'sendSticker']),
    blocked: () => ({ error_code: 403, description: 'Forbidden: user has blocked the bot' }),
    rateLimited: () => ({ error_code: 429, description: 'Quota exceeded' }),
    errorReply: (e: ApiError) => ({
      status: e.httpStatus ?? 200,
      body: { ok: false, error_code: e.error_code, description: e.description },
    }),
    async handle(method, p, self): Promise<Answer> {
      switch (method) {
        case 'getMe':
          return {
            ok: true,
            result: {
              id: '1459232241454765289',
              account_name: 'bot.VDKyGxQvc',
              account_type: 'BASIC',
              can_join_groups: false,
            },
          };
        case 'sendMessage': {
          if (!p.chat_id) return bad('chat_id is required');
          const text = typeof p.text === 'string' ? p.text : '';
          if (text.length < 1 || text.length > TEXT_LIMIT)
            return bad('Text length must be between 1 and 2000 characters');
          return { ok: true, result: sent() };
        }
        case 'sendPhoto':
          if (!p.chat_id || typeof p.photo !== 'string' || !/^https?:\/\//.test(p.photo))
            return bad('photo must be a URL');
          if (String(p.caption ?? '').length > TEXT_LIMIT) return bad('Caption length must be at most 2000 characters');
          return { ok: true, result: sent() };
        case 'sendSticker':
          return p.chat_id && p.sticker ? { ok: true, result: sent() } : bad('sticker is required');
        case 'sendChatAction':
          return { ok: true, result: true };
        case 'setWebhook': {
          const secret = String(p.secret_token ?? '');
          if (secret.length < 8 || secret.length > 256) return bad('secret_token must be 8-256 characters');
          if (!/^https:\/\//.test(String(p.url ?? ''))) return bad('url must be https');
          webhookUrl = String(p.url);
          const updated_at = Date.now();
          return {
            ok: true,
            result: {
              url: webhookUrl,
              updated_at,
              verification: {
                ok: true,
                url: webhookUrl,
                outcome: 'webhook.ok',
                hint: 'Your endpoint responded successfully.',
              },
            },
          };
        }
        case 'deleteWebhook':
          webhookUrl = '';
          return { ok: true, result: { url: '', updated_at: Date.now() } };
        case 'getWebhookInfo':
          return webhookUrl
            ? { ok: true, result: { url: webhookUrl, updated_at: Date.now() } }
            : { ok: false, error: { error_code: 404, description: 'Not Found' } };
        case 'getUpdates': {
          if (webhookUrl) return bad('You cannot use this API while a webhook is set. Please remove the webhook first');
          await self.nextUpdate(Math.min(Number(p.timeout ?? 30), 30) * 1000);
          const update = self.updates.shift();
          return update
            ? { ok: true, result: update }
            : { ok: false, error: { error_code: 408, description: 'Request timeout' } };
        }
        default:
          return { ok: false, error: { error_code: 404, description: 'Not Found', httpStatus: 404 } };
      }
    },
  });
  return fake.listen();
}
