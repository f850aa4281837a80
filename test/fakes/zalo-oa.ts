import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequest, type UploadedFile } from './http-fake.ts';

/** Zalo's error answer: always HTTP 200, a non-zero `error` and a `message`. */
export interface OaError {
  error: number;
  message: string;
}

export interface OaCall {
  /** Path below its root, e.g. `/v3.0/oa/message/cs` or `/v4/oa/access_token`. */
  path: string;
  /** As received (JSON keeps its types; form fields are strings). */
  params: Record<string, any>;
  /** The `access_token` header of an API call, the `secret_key` header of a token call. */
  credential?: string;
  files?: Record<string, UploadedFile>;
  at: number;
  error?: OaError;
  result?: unknown;
}

export interface OaButton {
  title: string;
  type: string;
  payload: unknown;
}

/** A cs message the fake accepted. */
export interface OaSent {
  userId: string;
  message: Record<string, any>;
  buttons: OaButton[];
}

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  /** A string of seconds, as Zalo sends it. */
  expires_in: string;
}

export type WebhookSignature = 'valid' | 'wrong' | 'none';

export interface FakeZaloOaOptions {
  appId?: string;
  /** The app secret, expected in the token endpoint's `secret_key` header. */
  appSecret?: string;
  /** Signs webhook posts. */
  oaSecretKey?: string;
  oaId?: string;
  /**
   * 'real' (default): Date.now() plus every advance(); 'manual': stands still from the start but for advance(),
   * so a test can step onto a boundary exactly.
   */
  clock?: 'real' | 'manual';
  /** Access token lifetime; Zalo's is 25 h. */
  accessTokenTtlMs?: number;
  /** The interaction window of cs messages (7 days). */
  windowMs?: number;
  /** Free replies each user starts with (and gets back each time they write). */
  quota?: number;
  /** API calls per sliding second above which Zalo answers -32; none by default. */
  rateLimit?: number | null;
}

export interface FakeZaloOa {
  /** ZALO_OA_API_ROOT (openapi.zalo.me). Distinct from oauthRoot, so a client that mixes them up gets a 404. */
  apiRoot: string;
  /** ZALO_OAUTH_ROOT (oauth.zaloapp.com). */
  oauthRoot: string;
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  oaId: string;
  calls: OaCall[];
  callsTo(path: string): OaCall[];
  sends: OaSent[];
  sendsTo(userId: string): OaSent[];
  /** The next `times` calls to this path answer `error` (API calls: once their token passed). */
  failNext(path: string, error: OaError, times?: number): void;
  /** The fake's clock (see `clock`); drives token expiry, the interaction window and event timestamps. */
  now(): number;
  advance(ms: number): void;
  /** A valid pair, as if the OA had been connected before the test. */
  issueTokens(): TokenPair;
  /** An authorization code that the token endpoint exchanges once, given the verifier of this S256 challenge. */
  registerAuthCode(codeChallenge: string, code?: string): string;
  /** Every refresh token issued so far stops working, as after its three months or a revoked permission. */
  expireRefreshTokens(): void;
  /** Refresh tokens that were presented again after their one use (each repeat listed). */
  reusedRefreshTokens: string[];
  /** The user interacted at the fake's now (or `at`): opens the window and restores the free replies. */
  userInteracted(userId: string, at?: number): void;
  setQuota(userId: string, remain: number): void;
  setRateLimit(perSecond: number | null): void;
  /** Builders of user → OA webhook events carrying this OA's app and OA ids. */
  events: ReturnType<typeof eventBuilders>;
  /**
   * POSTs an event to a webhook, signed like Zalo (or wrongly, or not at all), and answers the HTTP status.
   * A user event counts as that user's interaction.
   */
  post(url: string, event: object, opts?: { signature?: WebhookSignature }): Promise<number>;
  /** Forgets calls, sends, injected errors, interactions, quotas, the rate limit and the clock offset; tokens stay. */
  reset(): void;
  close(): Promise<void>;
}

const DAY = 86_400_000;
const TEXT_LIMIT = 2000;
const BUTTON_TITLE_LIMIT = 100;
const QUERY_PAYLOAD_LIMIT = 1000;
/**
 * Upload limits as Zalo's docs are quoted (UNVERIFIED, as is the code refusing a larger file; some sources also
 * say upload/file takes PDF/DOC/DOCX only, which this fake does not enforce).
 */
const UPLOAD_LIMITS = { image: 1_000_000, file: 5_000_000 };
const BUTTON_TYPES = new Set(['oa.query.show', 'oa.query.hide', 'oa.open.url', 'oa.open.phone', 'oa.open.sms']);

const TOKEN_INVALID: OaError = { error: -216, message: 'Access token is invalid' };
const RATE_LIMITED: OaError = { error: -32, message: 'limit call api' };
const NOT_FOUND: OaError = { error: -404, message: 'Not Found' };
const invalid = (message: string): OaError => ({ error: -201, message });

const id = (bytes: number) => randomBytes(bytes).toString('hex');
/** A user id like Zalo's: 19 digits, past 2^53. */
const digits = () => `${(BigInt(`0x${id(8)}`) % 9_000_000_000_000_000_000n) + 1_000_000_000_000_000_000n}`;

/** `sha256(app_id + rawBody + timestamp + secret)` in hex: plain SHA-256 of the concatenation, as Zalo signs. */
export function zaloOaSignature(appId: string, rawBody: string, timestamp: string, secret: string): string {
  return createHash('sha256').update(`${appId}${rawBody}${timestamp}${secret}`).digest('hex');
}

export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function eventBuilders(appId: string, oaId: string, now: () => number) {
  const ts = () => String(now());
  const fromUser = (event_name: string, userId: string, message: object) => ({
    app_id: appId,
    sender: { id: userId },
    user_id_by_app: digits(),
    recipient: { id: oaId },
    event_name,
    message: { msg_id: id(10), ...message },
    timestamp: ts(),
  });
  const withAttachment = (event_name: string, userId: string, type: string, payload: object, text?: string) =>
    fromUser(event_name, userId, { ...(text === undefined ? {} : { text }), attachments: [{ type, payload }] });
  const followEvent = (event_name: 'follow' | 'unfollow', userId: string, source = 'oa_profile') => ({
    oa_id: oaId,
    follower: { id: userId },
    user_id_by_app: digits(),
    event_name,
    source,
    app_id: appId,
    timestamp: ts(),
  });
  return {
    text: (userId: string, text: string) => fromUser('user_send_text', userId, { text }),
    /** A press of an `oa.query.*` button: Zalo sends its payload back as the person's text. */
    press: (userId: string, button: OaButton) => fromUser('user_send_text', userId, { text: String(button.payload) }),
    image: (userId: string, url = 'https://photo-stal.zadn.vn/fake.jpg', text?: string) =>
      withAttachment('user_send_image', userId, 'image', { url, thumbnail: url }, text),
    sticker: (userId: string, stickerId = 'bfe458bf64fa8da4d4eb') =>
      withAttachment('user_send_sticker', userId, 'sticker', {
        id: stickerId,
        url: `https://zalo-api.zadn.vn/api/emoticon/sticker/webpc?eid=${stickerId}`,
      }),
    file: (userId: string, name = 'tin-bao.pdf', size = '1024') =>
      withAttachment('user_send_file', userId, 'file', {
        url: `https://f1.zdn.vn/${id(6)}/${name}`,
        name,
        size,
        type: name.split('.').pop() ?? '',
        checksum: id(16),
      }),
    location: (userId: string, latitude: string, longitude: string) =>
      withAttachment('user_send_location', userId, 'location', { coordinates: { latitude, longitude } }),
    submitInfo: (userId: string, info: Record<string, unknown>) => ({
      app_id: appId,
      sender: { id: userId },
      recipient: { id: oaId },
      event_name: 'user_submit_info',
      info,
      timestamp: ts(),
    }),
    follow: (userId: string, source?: string) => followEvent('follow', userId, source),
    unfollow: (userId: string, source?: string) => followEvent('unfollow', userId, source),
  };
}

/** The user whose interaction an event is: senders of user_* events and new followers (not those who leave). */
function interactingUser(event: Record<string, any>): string | undefined {
  const name = String(event.event_name ?? '');
  if (name.startsWith('user_') && !['user_received_message', 'user_seen_message'].includes(name))
    return event.sender?.id;
  if (name === 'follow') return event.follower?.id;
  return undefined;
}

/** Buttons of a template (any template_type carrying `buttons`: the v3 name of a button message is unverified). */
function readButtons(payload: Record<string, any>): OaButton[] | OaError {
  if (payload.buttons === undefined) return [];
  if (!Array.isArray(payload.buttons) || !payload.buttons.length) return invalid('buttons must be a non-empty list');
  const buttons: OaButton[] = [];
  for (const b of payload.buttons as Record<string, any>[]) {
    if (!BUTTON_TYPES.has(b.type)) return invalid(`button type ${String(b.type)} is invalid`);
    if (typeof b.title !== 'string' || !b.title || b.title.length > BUTTON_TITLE_LIMIT)
      return invalid(`button title must be 1 to ${BUTTON_TITLE_LIMIT} characters`);
    if (b.type.startsWith('oa.query.') && (typeof b.payload !== 'string' || b.payload.length > QUERY_PAYLOAD_LIMIT))
      return invalid(`query payload must be a string of at most ${QUERY_PAYLOAD_LIMIT} characters`);
    if (b.type === 'oa.open.url' && !/^https?:\/\/\S+$/.test(String(b.payload?.url ?? '')))
      return invalid('oa.open.url needs payload.url');
    buttons.push({ title: b.title, type: b.type, payload: b.payload });
  }
  return buttons;
}

export async function startFakeZaloOa(opts: FakeZaloOaOptions = {}): Promise<FakeZaloOa> {
  const appId = opts.appId ?? '360846524940903967';
  const appSecret = opts.appSecret ?? 'fake-app-secret';
  const oaSecretKey = opts.oaSecretKey ?? 'fake-oa-secret-key';
  const oaId = opts.oaId ?? '388613280878808645';
  const accessTtl = opts.accessTokenTtlMs ?? 90_000_000;
  const windowMs = opts.windowMs ?? 7 * DAY;
  const freeReplies = opts.quota ?? 8;

  let offset = 0;
  const started = Date.now();
  const now = () => (opts.clock === 'manual' ? started : Date.now()) + offset;
  const calls: OaCall[] = [];
  const sends: OaSent[] = [];
  const injected = new Map<string, OaError[]>();
  const accessTokens = new Map<string, number>(); // token → expiry on the fake clock
  const refreshTokens = new Map<string, 'live' | 'used' | 'expired'>();
  const authCodes = new Map<string, string>(); // code → S256 challenge
  const lastInteraction = new Map<string, number>();
  const remain = new Map<string, number>();
  const uploads = { image: new Set<string>(), file: new Set<string>() };
  const reusedRefreshTokens: string[] = [];
  let rateLimit = opts.rateLimit ?? null;
  let apiCallTimes: number[] = [];

  function issueTokens(): TokenPair {
    const pair = { access_token: id(24), refresh_token: id(24), expires_in: String(Math.round(accessTtl / 1000)) };
    accessTokens.set(pair.access_token, now() + accessTtl);
    refreshTokens.set(pair.refresh_token, 'live');
    return pair;
  }

  function userInteracted(userId: string, at = now()): void {
    lastInteraction.set(userId, at);
    remain.set(userId, freeReplies);
  }

  /** The sliding second of real time, like Zalo's limiter (the fake clock only moves tokens and windows). */
  function admitApiCall(): boolean {
    const t = performance.now();
    apiCallTimes = apiCallTimes.filter((x) => x > t - 1000);
    if (rateLimit !== null && apiCallTimes.length >= rateLimit) return false;
    apiCallTimes.push(t);
    return true;
  }

  // Zalo's OAuth errors carry more names (error_name, error_reason); these codes stand for "some non-zero error".
  const oauthError = (error: number, message: string): OaError => ({ error, message });

  function token(p: Record<string, any>, secretKey: string | undefined): TokenPair | OaError {
    if (String(p.app_id ?? '') !== appId) return oauthError(-14001, 'Invalid app_id');
    if (secretKey !== appSecret) return oauthError(-14002, 'Invalid secret_key');
    if (p.grant_type === 'authorization_code') {
      const challenge = authCodes.get(String(p.code ?? ''));
      if (challenge === undefined) return oauthError(-14003, 'Invalid authorization code');
      authCodes.delete(String(p.code));
      if (typeof p.code_verifier !== 'string' || pkceChallenge(p.code_verifier) !== challenge)
        return oauthError(-14004, 'Invalid code_verifier');
      return issueTokens();
    }
    if (p.grant_type === 'refresh_token') {
      const refresh = String(p.refresh_token ?? '');
      const state = refreshTokens.get(refresh);
      if (state === 'used') reusedRefreshTokens.push(refresh);
      if (state !== 'live') return oauthError(-14014, 'Invalid refresh token');
      refreshTokens.set(refresh, 'used');
      return issueTokens();
    }
    return oauthError(-14005, 'Invalid grant_type');
  }

  function upload(kind: 'image' | 'file', files: Record<string, UploadedFile>): unknown {
    if (!files.file?.size) return invalid('file is required');
    if (files.file.size > UPLOAD_LIMITS[kind]) return invalid(`file is over ${UPLOAD_LIMITS[kind]} bytes`);
    const ref = id(16);
    uploads[kind].add(ref);
    return { data: kind === 'image' ? { attachment_id: ref } : { token: ref }, error: 0, message: 'Success' };
  }

  function sendCs(p: Record<string, any>): unknown {
    const userId: unknown = p.recipient?.user_id;
    // A number here has already lost digits in someone's JSON.parse: ids are strings.
    if (typeof userId !== 'string' || !/^\d+$/.test(userId))
      return invalid('recipient.user_id must be a string of digits');
    const message: Record<string, any> | undefined = p.message;
    if (typeof message !== 'object' || message === null) return invalid('message is required');
    if (message.text !== undefined && (typeof message.text !== 'string' || message.text.length > TEXT_LIMIT))
      return invalid(`text must be at most ${TEXT_LIMIT} characters`);
    let buttons: OaButton[] = [];
    const attachment: Record<string, any> | undefined = message.attachment;
    if (attachment === undefined) {
      if (!message.text) return invalid('message needs text or an attachment');
    } else if (attachment.type === 'file') {
      if (!uploads.file.has(String(attachment.payload?.token))) return { error: -100, message: 'Invalid file token' };
    } else if (attachment.type === 'template') {
      const payload: Record<string, any> = attachment.payload ?? {};
      if (payload.template_type === 'media') {
        const element: Record<string, any> = payload.elements?.[0] ?? {};
        if (element.attachment_id !== undefined && !uploads.image.has(String(element.attachment_id)))
          return { error: -100, message: 'Invalid attachment_id' };
        if (element.attachment_id === undefined && typeof element.url !== 'string')
          return invalid('media element needs url or attachment_id');
      } else if (payload.template_type === 'request_user_info') {
        if (!payload.elements?.[0]?.title) return invalid('request_user_info needs an element with a title');
      } else if (payload.buttons === undefined) {
        return { error: -233, message: `template_type ${String(payload.template_type)} is invalid` };
      }
      const read = readButtons(payload);
      if (!Array.isArray(read)) return read;
      buttons = read;
    } else {
      return { error: -233, message: `attachment type ${String(attachment.type)} is invalid` };
    }
    const last = lastInteraction.get(userId);
    if (last === undefined || now() - last > windowMs)
      return { error: -230, message: 'User has not interacted with the OA in the last 7 days' };
    const left = remain.get(userId) ?? freeReplies;
    if (left <= 0) return { error: -211, message: 'Out of quota' };
    remain.set(userId, left - 1);
    sends.push({ userId, message, buttons });
    // Shaped like api-send-cs-text-response.json; `remain` is what is left after this send.
    return {
      data: {
        quota: { quota_type: 'reply', remain: String(left - 1), total: String(freeReplies) },
        message_id: id(10),
        user_id: userId,
        sent_time: String(now()),
      },
      error: 0,
      message: 'Success',
    };
  }

  function quota(p: Record<string, any>): unknown {
    const userId = String(p.user_id ?? '');
    const last = lastInteraction.get(userId);
    // The shape of this endpoint's answer is unverified; these are the fields ZALO-OA.md names.
    return {
      data: {
        ...(last === undefined ? {} : { last_interaction: String(last) }),
        cs_reply: { remain: String(remain.get(userId) ?? freeReplies), total: String(freeReplies) },
      },
      error: 0,
      message: 'Success',
    };
  }

  const apiRoutes: Record<string, (p: Record<string, any>, files: Record<string, UploadedFile>) => unknown> = {
    '/v3.0/oa/message/cs': (p) => sendCs(p),
    '/v2.0/oa/upload/image': (_, files) => upload('image', files),
    '/v2.0/oa/upload/file': (_, files) => upload('file', files),
    '/v3.0/oa/quota/message': (p) => quota(p),
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const [, root, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const reply = (body: unknown, status = 200) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const isApi = root === 'openapi' && path in apiRoutes;
    const isToken = root === 'oauth' && path === '/v4/oa/access_token' && req.method === 'POST';
    if (!isApi && !isToken) {
      req.resume();
      return reply(NOT_FOUND, 404);
    }
    const header = req.headers[isApi ? 'access_token' : 'secret_key'];
    const call: OaCall = { path, params: {}, at: Date.now() };
    if (typeof header === 'string') call.credential = header;
    calls.push(call);
    const answer = (body: unknown) => {
      if ((body as OaError).error) call.error = body as OaError;
      else call.result = body;
      reply(body);
    };
    let request: Awaited<ReturnType<typeof readRequest>>;
    try {
      request = await readRequest(req, url);
    } catch {
      return answer(invalid('unreadable request body'));
    }
    call.params = request.params;
    if (Object.keys(request.files).length) call.files = request.files;

    if (isToken) return answer(injected.get(path)?.shift() ?? token(request.params, call.credential));
    const expiry = accessTokens.get(call.credential ?? '');
    if (expiry === undefined || now() >= expiry) return answer(TOKEN_INVALID);
    if (!admitApiCall()) return answer(RATE_LIMITED);
    answer(injected.get(path)?.shift() ?? apiRoutes[path]!(request.params, request.files));
  }

  const server = http.createServer((req, res) => {
    serve(req, res).catch((err: unknown) => {
      // A bug in the fake must fail the test that hit it, not crash the run.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`fake Zalo OA crashed: ${err instanceof Error ? err.stack : String(err)}`);
    });
  });
  server.keepAliveTimeout = 60_000; // never drop an idle keep-alive socket before the client does
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiRoot: `${base}/openapi`,
    oauthRoot: `${base}/oauth`,
    appId,
    appSecret,
    oaSecretKey,
    oaId,
    calls,
    callsTo: (path) => calls.filter((c) => c.path === path),
    sends,
    sendsTo: (userId) => sends.filter((s) => s.userId === userId),
    failNext(path, error, times = 1) {
      const queue = injected.get(path) ?? [];
      for (let i = 0; i < times; i++) queue.push(error);
      injected.set(path, queue);
    },
    now,
    advance(ms) {
      offset += ms;
    },
    issueTokens,
    registerAuthCode(codeChallenge, code = id(16)) {
      authCodes.set(code, codeChallenge);
      return code;
    },
    expireRefreshTokens() {
      for (const [token, state] of refreshTokens) if (state === 'live') refreshTokens.set(token, 'expired');
    },
    reusedRefreshTokens,
    userInteracted,
    setQuota(userId, left) {
      remain.set(userId, left);
    },
    setRateLimit(perSecond) {
      rateLimit = perSecond;
    },
    events: eventBuilders(appId, oaId, now),
    async post(url, event, { signature = 'valid' } = {}) {
      const raw = JSON.stringify(event);
      const timestamp = String((event as { timestamp?: unknown }).timestamp ?? '');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (signature !== 'none') {
        const secret = signature === 'valid' ? oaSecretKey : `${oaSecretKey}-wrong`;
        headers['X-ZEvent-Signature'] = `mac=${zaloOaSignature(appId, raw, timestamp, secret)}`;
      }
      const user = interactingUser(event as Record<string, any>);
      if (user !== undefined) userInteracted(user);
      const res = await fetch(url, { method: 'POST', headers, body: raw });
      await res.arrayBuffer();
      return res.status;
    },
    reset() {
      calls.length = 0;
      sends.length = 0;
      reusedRefreshTokens.length = 0;
      injected.clear();
      lastInteraction.clear();
      remain.clear();
      rateLimit = opts.rateLimit ?? null;
      apiCallTimes = [];
      offset = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The environment that connects a service to a fake OA, with a refresh token it issued as the initial one. */
export function oaEnv(oa: FakeZaloOa): Record<string, string> {
  return {
    ZALO_OA_APP_ID: oa.appId,
    ZALO_OA_SECRET_KEY: oa.oaSecretKey,
    ZALO_APP_SECRET: oa.appSecret,
    ZALO_OA_API_ROOT: oa.apiRoot,
    ZALO_OAUTH_ROOT: oa.oauthRoot,
    ZALO_OA_REFRESH_TOKEN: oa.issueTokens().refresh_token,
  };
}
