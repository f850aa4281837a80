import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UploadedFile {
  filename: string;
  size: number;
  content: Buffer;
}

export interface RecordedCall {
  method: string;
  /** As received: values sent as multipart, urlencoded or query strings stay strings. */
  params: Record<string, any>;
  at: number;
  /** Uploaded files, keyed by the parameter that refers to them (grammY's `photo: "attach://<id>"` → `photo`). */
  files?: Record<string, UploadedFile>;
  /** The error the fake answered with, if any. */
  error?: ApiError;
  /** What a successful call answered (e.g. the sent Message, with its message_id). */
  result?: unknown;
}

export interface ApiError {
  error_code: number;
  description: string;
  retry_after?: number;
  /** HTTP status of the answer; by default the platform's (Telegram: error_code, Zalo: 200). */
  httpStatus?: number;
  /** Further Telegram `parameters`, e.g. `{ migrate_to_chat_id }`. */
  parameters?: Record<string, unknown>;
}

/** What tests use; both fakes are one of these. */
export interface Fake {
  apiRoot: string;
  token: string;
  /** Every call, including those answered with an error. */
  calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Successful message sends (not chat actions) to this chat. */
  messagesTo(chatId: string | number): RecordedCall[];
  /** Text or caption of each of them, as sent. */
  textsTo(chatId: string | number): string[];
  /** Polls `pick` every 10 ms until it returns a truthy value (a throw counts as "not yet"). */
  waitFor<T>(pick: () => T | undefined | null | false, timeoutMs?: number): Promise<T>;
  failNext(method: string, error: ApiError, times?: number): void;
  /** Every send* call to this chat answers the platform's "blocked" error. */
  block(chatId: string | number): void;
  /** At most `perSecond` successful message sends in any sliding 1000 ms; more answer 429. null lifts it. */
  setRateLimit(perSecond: number | null): void;
  /** How many sends the rate limit refused. */
  rateLimited: number;
  /** Queues an update for getUpdates; a waiting long poll answers at once. */
  pushUpdate(update: object): void;
  /** Forgets calls, injected errors, blocks, limits and queued updates (a registered webhook stays). */
  reset(): void;
  close(): Promise<void>;
}

/** A handler's answer: a result (`undefined` leaves `result` out of the body, as Zalo does) or an error. */
export type Outcome = { result?: unknown; extra?: Record<string, unknown> } | { error: ApiError };

export interface CallContext {
  files: Record<string, UploadedFile>;
  /** The live queue of pushed updates, oldest first; handlers remove what they hand out or see confirmed. */
  updates: object[];
  /** Aborted when the client hangs up or the fake closes. */
  signal: AbortSignal;
  /** Resolves when an update is pushed, `ms` pass or `signal` (default: the call's) aborts. */
  updatePushed(ms: number, signal?: AbortSignal): Promise<void>;
  /** Lets the server notice clients that just hung up (their sockets' close events need a turn of the event loop). */
  noticeHangups(): Promise<void>;
}

/** What makes a fake Telegram or Zalo; the machinery here does HTTP, recording, blocks, limits and injected errors. */
export interface Platform {
  token: string;
  /** Methods that show the user a message: counted by the rate limit and by messagesTo. */
  messageMethods: ReadonlySet<string>;
  blockedError: ApiError;
  rateLimitError: ApiError;
  /** HTTP status of an error answer that names none. */
  errorStatus(error: ApiError): number;
  errorBody(error: ApiError): object;
  handle(method: string, params: Record<string, any>, ctx: CallContext): Outcome | Promise<Outcome>;
  /** Normalizes a pushed update before it is queued. */
  queueUpdate?(update: object): object;
  /** A file download (`/file/bot<token>/<path>`, Telegram's file address): its bytes, or undefined for 404. */
  file?(path: string): { body: Buffer; type: string } | undefined;
}

const NOT_FOUND: ApiError = { error_code: 404, description: 'Not Found', httpStatus: 404 };
const UNAUTHORIZED: ApiError = { error_code: 401, description: 'Unauthorized', httpStatus: 401 };
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFake(platform: Platform): Promise<Fake> {
  const fake = new HttpFake(platform);
  await fake.listen();
  return fake;
}

class HttpFake implements Fake {
  apiRoot = '';
  readonly calls: RecordedCall[] = [];
  rateLimited = 0;
  readonly #platform: Platform;
  readonly #server: http.Server;
  readonly #closing = new AbortController();
  readonly #updates: object[] = [];
  readonly #waiters = new Set<() => void>();
  readonly #injected = new Map<string, ApiError[]>();
  readonly #blocked = new Set<string>();
  #limit: number | null = null;
  /** performance.now() of accepted sends in the last second: the exact sliding window. */
  #sendTimes: number[] = [];

  constructor(platform: Platform) {
    this.#platform = platform;
    this.#server = http.createServer((req, res) => {
      this.#serve(req, res).catch((err: unknown) => {
        // A bug in a fake must fail the test that hit it, not crash the run with an unhandled rejection.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(
          `fake ${this.#platform.token.split(':')[0]} crashed: ${err instanceof Error ? err.stack : String(err)}`,
        );
      });
    });
    // Never drop an idle keep-alive socket first: a client reusing it at that moment would see ECONNRESET.
    this.#server.keepAliveTimeout = 60_000;
  }

  get token() {
    return this.#platform.token;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.apiRoot = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesTo(chatId: string | number): RecordedCall[] {
    const id = String(chatId);
    return this.calls.filter(
      (c) => !c.error && this.#platform.messageMethods.has(c.method) && String(c.params.chat_id) === id,
    );
  }

  textsTo(chatId: string | number): string[] {
    return this.messagesTo(chatId).map((c) => String(c.params.text ?? c.params.caption ?? ''));
  }

  async waitFor<T>(pick: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = pick();
        if (value) return value;
      } catch (err) {
        lastError = err; // e.g. an expect() inside pick: retry until the deadline
      }
      if (Date.now() >= deadline) throw new Error(this.#timeoutMessage(timeoutMs, lastError));
      await sleep(10);
    }
  }

  failNext(method: string, error: ApiError, times = 1): void {
    const queue = this.#injected.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.#injected.set(method, queue);
  }

  block(chatId: string | number): void {
    this.#blocked.add(String(chatId));
  }

  setRateLimit(perSecond: number | null): void {
    this.#limit = perSecond;
  }

  pushUpdate(update: object): void {
    this.#updates.push(this.#platform.queueUpdate?.(update) ?? update);
    for (const wake of [...this.#waiters]) wake();
  }

  reset(): void {
    this.calls.length = 0;
    this.#updates.length = 0;
    this.#injected.clear();
    this.#blocked.clear();
    this.#limit = null;
    this.#sendTimes = [];
    this.rateLimited = 0;
  }

  async close(): Promise<void> {
    if (this.#closing.signal.aborted) return;
    this.#closing.abort(); // ends pending long polls
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  /** Counts every accepted send, limit or not, so a limit set mid-test sees the sends just made. */
  #admitSend(): boolean {
    const now = performance.now();
    const times = this.#sendTimes;
    while (times.length && times[0]! <= now - 1000) times.shift();
    if (this.#limit !== null && times.length >= this.#limit) return false;
    times.push(now);
    return true;
  }

  #updatePushed(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal.addEventListener('abort', done);
      this.#waiters.add(done);
    });
  }

  #timeoutMessage(timeoutMs: number, lastError: unknown): string {
    const last = this.calls.slice(-10).map((c) => {
      const outcome = c.error ? `→ ${c.error.error_code} ${c.error.description}` : '→ ok';
      return `  ${c.method} ${JSON.stringify(c.params).slice(0, 300)} ${outcome}`;
    });
    const cause = lastError
      ? ` (last error: ${lastError instanceof Error ? lastError.message : String(lastError)})`
      : '';
    return (
      `waitFor timed out after ${timeoutMs} ms${cause}; last ${last.length} of ${this.calls.length} calls:\n` +
      (last.join('\n') || '  (none)')
    );
  }

  async #serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const hangup = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) hangup.abort();
    });
    const signal = AbortSignal.any([hangup.signal, this.#closing.signal]);
    const reply = (status: number, body: object) => {
      if (res.destroyed || res.writableEnded) return; // the client left (or the fake closed) meanwhile
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const fail = (error: ApiError, call?: RecordedCall) => {
      if (call) call.error = error;
      reply(error.httpStatus ?? this.#platform.errorStatus(error), this.#platform.errorBody(error));
    };

    const url = new URL(req.url ?? '/', 'http://fake');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download && this.#platform.file) {
      req.resume();
      // Recorded like a method call, so a test can tell the file was fetched (and by whom it was asked).
      const call: RecordedCall = { method: 'downloadFile', params: { path: download[2] }, at: Date.now() };
      this.calls.push(call);
      if (download[1] !== this.token) return fail(UNAUTHORIZED, call);
      const file = this.#platform.file(decodeURIComponent(download[2]!));
      if (!file) return fail(NOT_FOUND, call);
      res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
      res.end(file.body);
      return;
    }
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!match) {
      req.resume();
      return fail(NOT_FOUND);
    }
    const [, token, method] = match as unknown as [string, string, string];
    let request: Awaited<ReturnType<typeof readRequest>> | undefined;
    try {
      request = await readRequest(req, url);
    } catch {
      request = undefined;
    }
    const call: RecordedCall = {
      method,
      params: request?.params ?? Object.fromEntries(url.searchParams),
      at: Date.now(),
    };
    if (request && Object.keys(request.files).length) call.files = request.files;
    this.calls.push(call);

    if (token !== this.token) return fail(UNAUTHORIZED, call);
    if (!request) return fail({ error_code: 400, description: 'Bad Request: unreadable request body' }, call);
    const injected = this.#injected.get(method)?.shift();
    if (injected) return fail(injected, call);
    if (method.startsWith('send') && this.#blocked.has(String(call.params.chat_id)))
      return fail(this.#platform.blockedError, call);

    const outcome = await this.#platform.handle(method, call.params, {
      files: request.files,
      updates: this.#updates,
      signal,
      updatePushed: (ms, waitSignal = signal) => this.#updatePushed(ms, waitSignal),
      noticeHangups: () => sleep(5),
    });
    if ('error' in outcome) return fail(outcome.error, call);
    // Only sends that would succeed count towards (and are refused by) the limit.
    if (this.#platform.messageMethods.has(method) && !this.#admitSend()) {
      this.rateLimited++;
      return fail(this.#platform.rateLimitError, call);
    }
    call.result = outcome.result;
    reply(200, { ok: true, result: outcome.result, ...outcome.extra }); // JSON drops an undefined result
  }
}

/** Query, JSON, urlencoded or multipart parameters and files of a request (shared with the fake Zalo OA). */
export async function readRequest(req: http.IncomingMessage, url: URL) {
  const params: Record<string, any> = Object.fromEntries(url.searchParams);
  const files: Record<string, UploadedFile> = {};
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (!body.length) return { params, files };

  const type = req.headers['content-type'] ?? '';
  if (/^multipart\/form-data/i.test(type)) {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
    if (!boundary) throw new Error('multipart without boundary');
    parseMultipart(body, boundary[1] ?? boundary[2]!, params, files);
  } else if (/^application\/x-www-form-urlencoded/i.test(type)) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else {
    // application/json, or a client that did not say: both platforms read JSON.
    const json: unknown = JSON.parse(body.toString('utf8'));
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('body is not an object');
    Object.assign(params, json);
  }
  return { params, files };
}

/** `name` or `filename` of a Content-Disposition; grammY leaves the filename unquoted. */
function dispositionParam(header: string, key: string): string | undefined {
  const m = new RegExp(`;\\s*${key}=(?:"([^"]*)"|([^;\\r\\n]*))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]!.trim()) : undefined;
}

function parseMultipart(
  body: Buffer,
  boundary: string,
  params: Record<string, any>,
  files: Record<string, UploadedFile>,
): void {
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw new Error('multipart boundary not found');
  for (;;) {
    const start = at + delimiter.length;
    if (body.toString('latin1', start, start + 2) === '--') break; // closing delimiter
    const end = body.indexOf(nextDelimiter, start);
    if (end < 0) throw new Error('unterminated multipart body');
    const part = body.subarray(start + 2, end); // after the delimiter's CRLF, before the next one's
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) throw new Error('multipart part without headers');
    const disposition = /content-disposition:([^\r\n]*)/i.exec(part.toString('utf8', 0, split))?.[1] ?? '';
    const name = dispositionParam(disposition, 'name');
    const filename = dispositionParam(disposition, 'filename');
    const content = part.subarray(split + 4);
    if (name !== undefined && filename !== undefined)
      files[name] = { filename, size: content.length, content: Buffer.from(content) };
    else if (name !== undefined) params[name] = content.toString('utf8');
    at = end + 2;
  }
  // grammY sends `photo: "attach://<random id>"` plus a file part named <random id>: record it under `photo`.
  for (const [key, value] of Object.entries(params)) {
    const id = typeof value === 'string' && value.startsWith('attach://') ? value.slice('attach://'.length) : undefined;
    if (id !== undefined && files[id] && !files[key]) {
      files[key] = files[id];
      delete files[id];
    }
  }
}
