import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  params: Record<string, any>;
  at: number;
  files?: Record<string, { filename: string; size: number; content: Buffer }>;
  /** The error the fake answered with, if any. */
  error?: ApiError;
}

export interface ApiError {
  error_code: number;
  description: string;
  retry_after?: number;
  httpStatus?: number;
}

export type Answer = { ok: true; result: unknown } | { ok: false; error: ApiError };

/** What a platform's fake decides; the shared machinery does HTTP, recording and injected failures. */
export interface FakeBehaviour {
  /** Token in the path, e.g. /bot<token>/<method>. */
  token: string;
  /** Methods counted as sends (rate limits, blocks, messagesTo). */
  sendMethods: Set<string>;
  blocked(chatId: string): ApiError;
  rateLimited(): ApiError;
  /** Shapes an error answer (status and body). */
  errorReply(e: ApiError): { status: number; body: unknown };
  /** Answers a call, possibly after waiting (long polling). */
  handle(method: string, params: Record<string, any>, fake: Fake): Promise<Answer> | Answer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake Bot API: one small HTTP server on loopback that records every call. */
export class Fake {
  apiRoot = '';
  readonly calls: RecordedCall[] = [];
  rateLimited = 0;
  readonly updates: object[] = [];
  #server!: http.Server;
  #injected = new Map<string, ApiError[]>();
  #blocked = new Set<string>();
  #limit: number | null = null;
  #sendTimes: number[] = [];
  #updateWaiters: Array<() => void> = [];

  constructor(readonly behaviour: FakeBehaviour) {}

  get token() {
    return this.behaviour.token;
  }

  async listen(): Promise<this> {
    this.#server = http.createServer((req, res) => void this.#serve(req, res));
    this.#server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.#server.listen(0, '127.0.0.1', r));
    this.apiRoot = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesTo(chatId: string | number): RecordedCall[] {
    const id = String(chatId);
    return this.calls.filter(
      (c) => !c.error && this.behaviour.sendMethods.has(c.method) && String(c.params.chat_id) === id,
    );
  }

  textsTo(chatId: string | number): string[] {
    return this.messagesTo(chatId).map((c) => String(c.params.text ?? c.params.caption ?? ''));
  }

  async waitFor<T>(pick: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = pick();
      if (value) return value;
      if (Date.now() > deadline) {
        const last = this.calls.slice(-5).map((c) => `${c.method} ${JSON.stringify(c.params).slice(0, 200)}`);
        throw new Error(`waitFor timed out after ${timeoutMs} ms; last calls:\n${last.join('\n') || '(none)'}`);
      }
      await sleep(10);
    }
  }

  failNext(method: string, error: ApiError, times = 1): void {
    this.#injected.set(method, [...(this.#injected.get(method) ?? []), ...Array.from({ length: times }, () => error)]);
  }

  block(chatId: string | number): void {
    this.#blocked.add(String(chatId));
  }

  setRateLimit(perSecond: number | null): void {
    this.#limit = perSecond;
    this.#sendTimes = [];
  }

  pushUpdate(update: object): void {
    this.updates.push(update);
    for (const wake of this.#updateWaiters.splice(0)) wake();
  }

  /** Waits until an update is queued or `ms` pass. */
  async nextUpdate(ms: number): Promise<void> {
    if (this.updates.length) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#updateWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  reset(): void {
    this.calls.length = 0;
    this.updates.length = 0;
    this.#injected.clear();
    this.#blocked.clear();
    this.#limit = null;
    this.#sendTimes = [];
    this.rateLimited = 0;
  }

  async close(): Promise<void> {
    for (const wake of this.#updateWaiters.splice(0)) wake();
    this.#server.closeAllConnections();
    await new Promise((r) => this.#server.close(r));
  }

  /** Exact sliding window: at most `limit` accepted sends in any 1000 ms. */
  #admitSend(): boolean {
    if (this.#limit === null) return true;
    const now = Date.now();
    while (this.#sendTimes.length && this.#sendTimes[0]! <= now - 1000) this.#sendTimes.shift();
    if (this.#sendTimes.length >= this.#limit) return false;
    this.#sendTimes.push(now);
    return true;
  }

  async #serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', this.apiRoot);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) return reply(404, { ok: false, error_code: 404, description: 'Not Found' });
    if (match[1] !== this.token) return reply(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const method = match[2]!;
    let parsed: { params: Record<string, any>; files?: RecordedCall['files'] };
    try {
      parsed = await readParams(req, url);
    } catch {
      return reply(400, { ok: false, error_code: 400, description: 'Bad Request: invalid body' });
    }
    const call: RecordedCall = {
      method,
      params: parsed.params,
      at: Date.now(),
      ...(parsed.files && { files: parsed.files }),
    };
    this.calls.push(call);

    const fail = (e: ApiError) => {
      call.error = e;
      const { status, body } = this.behaviour.errorReply(e);
      reply(status, body);
    };
    const injected = this.#injected.get(method)?.shift();
    if (injected) return fail(injected);
    const isSend = this.behaviour.sendMethods.has(method);
    if (isSend && this.#blocked.has(String(parsed.params.chat_id)))
      return fail(this.behaviour.blocked(String(parsed.params.chat_id)));
    const answer = await this.behaviour.handle(method, parsed.params, this);
    if (!answer.ok) return fail(answer.error);
    if (isSend && !this.#admitSend()) {
      this.rateLimited++;
      return fail(this.behaviour.rateLimited());
    }
    reply(200, { ok: true, result: answer.result });
  }
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Query string, JSON, urlencoded or multipart (grammY uploads files as multipart). */
async function readParams(req: http.IncomingMessage, url: URL) {
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (!body.length) return { params };
  if (type.includes('application/json')) return { params: { ...params, ...JSON.parse(body.toString('utf8')) } };
  if (type.includes('application/x-www-form-urlencoded')) {
    return { params: { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) } };
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary)
    return parseMultipart(body, boundary[1] ?? boundary[2]!, params);
  throw new Error(`unsupported content type ${type}`);
}

function parseMultipart(body: Buffer, boundary: string, params: Record<string, any>) {
  const files: NonNullable<RecordedCall['files']> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2); // skip CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split >= 0) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]+)"/.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/.exec(headers)?.[1];
      if (name && filename !== undefined)
        files[name] = { filename, size: content.length, content: Buffer.from(content) };
      else if (name) params[name] = content.toString('utf8');
    }
    start = next;
  }
  return { params, files };
}
