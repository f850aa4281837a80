import axios, { type AxiosInstance } from 'axios';

export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
    this.name = 'ZaloApiError';
  }
}

/** Zalo Bot API over axios. Every answer is checked for `ok`: errors may come with HTTP 200. */
export class ZaloApi {
  readonly #http: AxiosInstance;

  constructor(token: string, apiRoot: string, timeoutMs = 15_000) {
    this.#http = axios.create({
      baseURL: `${apiRoot}/bot${token}/`,
      timeout: timeoutMs,
      // Status codes are not trusted; the body's `ok` decides.
      validateStatus: () => true,
      headers: { 'content-type': 'application/json' },
    });
  }

  async call<T = unknown>(
    method: string,
    body: Record<string, unknown> = {},
    opts: { timeoutMs?: number; signal?: AbortSignal } = {},
  ): Promise<T> {
    let data: unknown;
    let status: number;
    try {
      const res = await this.#http.post(method, body, { timeout: opts.timeoutMs, signal: opts.signal });
      data = res.data;
      status = res.status;
    } catch (err) {
      // Network failure: the axios error carries the URL (and so the token); keep only its code.
      const code = (err as { code?: string }).code ?? 'NETWORK';
      throw new ZaloApiError(method, 0, `network error ${code}`);
    }
    const answer = (data ?? {}) as { ok?: boolean; result?: T; error_code?: number; description?: string };
    if (answer.ok === true) return answer.result as T;
    throw new ZaloApiError(method, answer.error_code ?? status, answer.description ?? `HTTP ${status}`);
  }

  sendMessage(chatId: string, text: string) {
    return this.call<{ message_id: string; date: number }>('sendMessage', { chat_id: chatId, text });
  }

  sendPhoto(chatId: string, photoUrl: string, caption?: string) {
    return this.call<{ message_id: string; date: number }>('sendPhoto', { chat_id: chatId, photo: photoUrl, caption });
  }

  sendChatAction(chatId: string, action: 'typing' | 'upload_photo' = 'typing') {
    return this.call('sendChatAction', { chat_id: chatId, action });
  }

  getMe() {
    return this.call<{ id: string; account_name: string }>('getMe');
  }

  setWebhook(url: string, secretToken: string) {
    return this.call('setWebhook', { url, secret_token: secretToken });
  }

  deleteWebhook() {
    return this.call('deleteWebhook');
  }

  /** Long poll; Zalo answers one update, or error 408 when none arrived in time. */
  getUpdates(timeoutSeconds: number, signal?: AbortSignal) {
    return this.call<unknown>(
      'getUpdates',
      { timeout: timeoutSeconds },
      { timeoutMs: (timeoutSeconds + 10) * 1000, signal },
    );
  }
}
