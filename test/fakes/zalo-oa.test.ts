import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseOaEvent } from '../../src/platforms/zalo-oa/parse.ts';
import { verifyOaSignature } from '../../src/platforms/zalo-oa/signature.ts';
import { pkceChallenge, startFakeZaloOa, type FakeZaloOa, type TokenPair } from './zalo-oa.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/zalo-oa/${name}`, import.meta.url), 'utf8')) as Record<string, any>;

const CS = '/v3.0/oa/message/cs';
const USER = '2468458835296197922'; // past 2^53, as Zalo's are
const LONG_ID = '1234567890123456789012345'; // 25 digits

let oa: FakeZaloOa;
let tokens: TokenPair;
beforeAll(async () => {
  oa = await startFakeZaloOa({ clock: 'manual' });
});
afterAll(() => oa.close());
beforeEach(() => {
  oa.reset();
  tokens = oa.issueTokens();
});

interface Answer {
  status: number;
  raw: string;
  body: Record<string, any>;
}

async function answer(res: Response): Promise<Answer> {
  const raw = await res.text();
  return { status: res.status, raw, body: JSON.parse(raw) as Record<string, any> };
}

async function api(
  path: string,
  body: object | FormData,
  accessToken: string | null = tokens.access_token,
  fake = oa,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (accessToken !== null) headers.access_token = accessToken;
  if (!(body instanceof FormData)) headers['content-type'] = 'application/json';
  const payload = body instanceof FormData ? body : JSON.stringify(body);
  return answer(await fetch(`${fake.apiRoot}${path}`, { method: 'POST', headers, body: payload }));
}

async function tokenCall(params: Record<string, string>, secretKey = oa.appSecret, fake = oa): Promise<Answer> {
  return answer(
    await fetch(`${fake.oauthRoot}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: secretKey },
      body: new URLSearchParams(params),
    }),
  );
}

const refresh = (refresh_token: string, fake = oa) =>
  tokenCall({ refresh_token, app_id: fake.appId, grant_type: 'refresh_token' }, fake.appSecret, fake);

const sendText = (user_id: string, text: string, accessToken?: string | null) =>
  api(CS, { recipient: { user_id }, message: { text } }, accessToken);

/** Zalo answers errors with HTTP 200: the code is in the body. */
function expectError(a: Answer, code: number) {
  expect(a.status).toBe(200);
  expect(a.body.error).toBe(code);
  expect(typeof a.body.message).toBe('string');
}

async function upload(kind: 'image' | 'file', content = Buffer.from('%PDF-1.4 poster')): Promise<Answer> {
  const form = new FormData();
  form.append('file', new Blob([content]), kind === 'image' ? 'qr.png' : 'qr.pdf');
  return api(`/v2.0/oa/upload/${kind}`, form);
}

/** The nested keys of a JSON value, for comparing shapes with a sample. */
function shape(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
}

describe('OAuth', () => {
  const verifier = 'a-verifier-of-at-least-43-characters-for-pkce-0123456789';
  const exchange = (code: string, code_verifier = verifier, app_id = oa.appId, secret?: string) =>
    tokenCall({ code, app_id, grant_type: 'authorization_code', code_verifier }, secret);

  it('exchanges a registered code for the S256 verifier, once, with expires_in a string like the sample', async () => {
    const code = oa.registerAuthCode(pkceChallenge(verifier));
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(shape(first.body)).toEqual(shape(fixture('oauth-access_token-response.json')));
    expect(first.body.expires_in).toBe('90000');
    expect((await sendText(USER, 'x', first.body.access_token)).body.error).not.toBe(-216);
    expectError(await exchange(code), -14003);
  });

  it('refuses a wrong code_verifier, app_id or secret_key header', async () => {
    expectError(await exchange(oa.registerAuthCode(pkceChallenge(verifier)), `${verifier}x`), -14004);
    expectError(await exchange(oa.registerAuthCode(pkceChallenge(verifier)), verifier, '1'), -14001);
    expectError(await exchange(oa.registerAuthCode(pkceChallenge(verifier)), verifier, oa.appId, 'nope'), -14002);
    expect(oa.callsTo('/v4/oa/access_token').map((c) => c.credential)).toEqual([oa.appSecret, oa.appSecret, 'nope']);
  });

  it('rotates refresh tokens: a used one is dead, and its reuse is recorded', async () => {
    const second = await refresh(tokens.refresh_token);
    expect(second.body.error).toBeUndefined();
    expect(second.body.refresh_token).not.toBe(tokens.refresh_token);
    expect(oa.reusedRefreshTokens).toEqual([]);

    expectError(await refresh(tokens.refresh_token), -14014);
    expect(oa.reusedRefreshTokens).toEqual([tokens.refresh_token]);

    const third = await refresh(second.body.refresh_token);
    expect(third.body.access_token).toMatch(/^[0-9a-f]+$/);
    expectError(await refresh('never-issued'), -14014);
    expect(oa.reusedRefreshTokens).toEqual([tokens.refresh_token]); // an unknown token is not a reuse
  });

  it('answers -216 to a missing, unknown or expired access token', async () => {
    oa.userInteracted(USER);
    expectError(await sendText(USER, 'x', null), -216);
    expectError(await sendText(USER, 'x', 'unknown'), -216);
    oa.advance(90_000_000 - 1);
    expect((await sendText(USER, 'x')).body.error).toBe(0);
    oa.userInteracted(USER);
    oa.advance(1);
    expectError(await sendText(USER, 'x'), -216);
    const fresh = await refresh(tokens.refresh_token); // a refresh token outlives its access token
    expect((await sendText(USER, 'x', fresh.body.access_token)).body.error).toBe(0);
  });

  it('expires access tokens after real milliseconds when so configured', async () => {
    const quick = await startFakeZaloOa({ accessTokenTtlMs: 100 });
    try {
      const pair = quick.issueTokens();
      expect(pair.expires_in).toBe('0');
      const quota = (t: string) => api('/v3.0/oa/quota/message', { user_id: USER }, t, quick);
      expect((await quota(pair.access_token)).body.error).toBe(0);
      await new Promise((r) => setTimeout(r, 150));
      expectError(await quota(pair.access_token), -216);
    } finally {
      await quick.close();
    }
  });
});

describe('cs messages', () => {
  beforeEach(() => oa.userInteracted(USER));

  it('answers like api-send-cs-text-response.json, counting the quota down per user', async () => {
    const first = await sendText(USER, 'Xin chào');
    expect(first.status).toBe(200);
    expect(shape(first.body)).toEqual(shape(fixture('api-send-cs-text-response.json')));
    expect(first.body.data.quota).toEqual({ quota_type: 'reply', remain: '7', total: '8' });
    expect(first.body.data.user_id).toBe(USER);
    expect((await sendText(USER, 'again')).body.data.quota.remain).toBe('6');
    oa.userInteracted('42');
    expect((await sendText('42', 'other user')).body.data.quota.remain).toBe('7');
    expect(oa.sendsTo(USER).map((s) => s.message.text)).toEqual(['Xin chào', 'again']);
  });

  it('keeps a 25-digit user id intact and refuses one sent as a number', async () => {
    oa.userInteracted(LONG_ID);
    const sent = await sendText(LONG_ID, 'x');
    expect(sent.raw).toContain(`"user_id":"${LONG_ID}"`);
    expect(oa.sendsTo(LONG_ID)).toHaveLength(1);
    const asNumber = await answer(
      await fetch(`${oa.apiRoot}${CS}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', access_token: tokens.access_token },
        body: `{"recipient":{"user_id":${LONG_ID}},"message":{"text":"x"}}`,
      }),
    );
    expectError(asNumber, -201);
    oa.userInteracted('42');
    expectError(await api(CS, { recipient: { user_id: 42 }, message: { text: 'x' } }), -201); // even a safe number
  });

  it('takes 2,000 characters of text and refuses 2,001', async () => {
    expect((await sendText(USER, 'a'.repeat(2000))).body.error).toBe(0);
    expectError(await sendText(USER, 'a'.repeat(2001)), -201);
    expect(oa.sends).toHaveLength(1);
  });

  it('sends an uploaded image by attachment_id and refuses an unknown one with -100', async () => {
    const uploaded = await upload('image');
    const attachment_id: string = uploaded.body.data.attachment_id;
    expect(uploaded.body).toMatchObject({ error: 0, message: 'Success' });
    expect(oa.callsTo('/v2.0/oa/upload/image')[0]!.files!.file!.filename).toBe('qr.png');
    const media = (element: object) => ({
      recipient: { user_id: USER },
      message: { attachment: { type: 'template', payload: { template_type: 'media', elements: [element] } } },
    });
    expect((await api(CS, media({ media_type: 'image', attachment_id }))).body.error).toBe(0);
    expectError(await api(CS, media({ media_type: 'image', attachment_id: 'deadbeef' })), -100);
    const byUrl = fixture('api-send-cs-image-request.json');
    byUrl.recipient.user_id = USER;
    expect((await api(CS, byUrl)).body.error).toBe(0);
  });

  it('sends an uploaded file by token and refuses an unknown token with -100', async () => {
    const fileToken: string = (await upload('file')).body.data.token;
    const file = (token: string) => ({
      recipient: { user_id: USER },
      message: { attachment: { type: 'file', payload: { token } } },
    });
    expect((await api(CS, file(fileToken))).body.error).toBe(0);
    expectError(await api(CS, file('nope')), -100);
    expectError(await api(CS, file(oa.issueTokens().access_token)), -100);
  });

  it('refuses an image over 1 MB and a file over 5 MB (the limits as quoted, unverified)', async () => {
    expectError(await upload('image', Buffer.alloc(1_000_001)), -201);
    expect((await upload('image', Buffer.alloc(1_000_000))).body.error).toBe(0);
    expectError(await upload('file', Buffer.alloc(5_000_001)), -201);
    expect((await upload('file', Buffer.alloc(5_000_000))).body.error).toBe(0);
  });

  it('records the buttons of a template and refuses invalid ones', async () => {
    const buttons = [
      { title: 'Báo tin', type: 'oa.query.show', payload: '#bao-tin' },
      { title: 'Ẩn', type: 'oa.query.hide', payload: '#an' },
      { title: 'Trang web', type: 'oa.open.url', payload: { url: 'https://congan.example.vn' } },
    ];
    const withButtons = (b: object[]) => ({
      recipient: { user_id: USER },
      message: { text: 'Chọn', attachment: { type: 'template', payload: { template_type: 'button', buttons: b } } },
    });
    expect((await api(CS, withButtons(buttons))).body.error).toBe(0);
    expect(oa.sendsTo(USER)[0]!.buttons).toEqual(buttons);
    expectError(await api(CS, withButtons([{ title: 'x', type: 'oa.dance', payload: '' }])), -201);
    expectError(await api(CS, withButtons([{ title: 'x'.repeat(101), type: 'oa.query.show', payload: '' }])), -201);
    expectError(await api(CS, withButtons([{ title: 'x', type: 'oa.query.show', payload: 'p'.repeat(1001) }])), -201);
    expect(oa.sends).toHaveLength(1);
  });

  it('sends a request_user_info template and refuses an unknown template type with -233', async () => {
    const template = (payload: object) => ({
      recipient: { user_id: USER },
      message: { attachment: { type: 'template', payload } },
    });
    const ask = {
      template_type: 'request_user_info',
      elements: [{ title: 'Để lại số điện thoại', subtitle: 'Nếu bạn muốn', image_url: 'https://x.vn/a.png' }],
    };
    expect((await api(CS, template(ask))).body.error).toBe(0);
    expectError(await api(CS, template({ template_type: 'carousel' })), -233);
  });

  it('refuses a user silent for longer than the window with -230', async () => {
    expectError(await sendText('777', 'never wrote'), -230);
    oa.advance(7 * 86_400_000);
    const fresh = oa.issueTokens().access_token; // the first one expired meanwhile
    expect((await sendText(USER, 'last day of the window', fresh)).body.error).toBe(0);
    oa.advance(1);
    expectError(await sendText(USER, 'too late', fresh), -230);
  });

  it('opens the window when a user event is posted, with a configurable window length', async () => {
    const short = await startFakeZaloOa({ windowMs: 1000 });
    const hook = await startWebhook();
    try {
      const t = short.issueTokens().access_token;
      const send = () => api(CS, { recipient: { user_id: USER }, message: { text: 'x' } }, t, short);
      expectError(await send(), -230);
      await short.post(hook.url, short.events.unfollow(USER)); // leaving is no interaction
      expectError(await send(), -230);
      await short.post(hook.url, short.events.text(USER, 'alo'));
      expect((await send()).body.error).toBe(0);
      short.advance(1001);
      expectError(await send(), -230);
    } finally {
      await Promise.all([short.close(), hook.close()]);
    }
  });

  it('answers -211 when the user has no quota left; the user writing restores it', async () => {
    oa.setQuota(USER, 1);
    expect((await sendText(USER, 'one')).body.data.quota.remain).toBe('0');
    expectError(await sendText(USER, 'two'), -211);
    const quota = await api('/v3.0/oa/quota/message', { user_id: USER });
    expect(quota.body.data.cs_reply).toEqual({ remain: '0', total: '8' });
    expect(quota.body.data.last_interaction).toMatch(/^\d{13}$/);
    oa.userInteracted(USER);
    expect((await sendText(USER, 'three')).body.error).toBe(0);
  });

  it('answers -32 above the rate limit within a second, HTTP 200', async () => {
    oa.setRateLimit(3);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => sendText(USER, `n${n}`)));
    expect(answers.map((a) => a.body.error).sort()).toEqual([-32, 0, 0, 0]);
    expectError(
      answers.find((a) => a.body.error === -32)!,
      -32,
    );
    await new Promise((r) => setTimeout(r, 1050));
    expect((await sendText(USER, 'later')).body.error).toBe(0);
  });

  it('answers injected errors, then behaves again; a client using the wrong root gets 404', async () => {
    oa.failNext(CS, { error: -224, message: 'OA tier package required' });
    expectError(await sendText(USER, 'x'), -224);
    expect((await sendText(USER, 'x')).body.error).toBe(0);
    const wrongRoot = await fetch(`${oa.oauthRoot}${CS}`, { method: 'POST', body: '{}' });
    expect(wrongRoot.status).toBe(404);
    await wrongRoot.arrayBuffer();
  });
});

interface Received {
  raw: Buffer;
  signature: string | undefined;
}

/** A webhook that records raw bytes and answers 200 only when the signature is right (computed here by hand). */
async function startWebhook(secret = 'fake-oa-secret-key') {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signature = req.headers['x-zevent-signature'] as string | undefined;
      received.push({ raw, signature });
      const body = JSON.parse(raw.toString('utf8')) as { app_id: string; timestamp: string };
      const expected = createHash('sha256')
        .update(Buffer.concat([Buffer.from(body.app_id), raw, Buffer.from(body.timestamp), Buffer.from(secret)]))
        .digest('hex');
      res.writeHead(signature === `mac=${expected}` ? 200 : 403).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo-oa`,
    received,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('webhook posts', () => {
  let hook: Awaited<ReturnType<typeof startWebhook>>;
  beforeAll(async () => {
    hook = await startWebhook();
  });
  afterAll(() => hook.close());
  beforeEach(() => {
    hook.received.length = 0;
  });

  it('signs sha256(app_id + raw body + timestamp + OA secret key), and can sign wrongly or not at all', async () => {
    const event = oa.events.text(USER, 'Có người lạ ở đầu ngõ — trộm?');
    expect(await oa.post(hook.url, event)).toBe(200);
    const [{ raw, signature }] = hook.received as [Received];
    expect(raw.toString('utf8')).toBe(JSON.stringify(event));
    expect(signature).toMatch(/^mac=[0-9a-f]{64}$/);

    expect(await oa.post(hook.url, event, { signature: 'wrong' })).toBe(403);
    expect(hook.received[1]!.signature).toMatch(/^mac=[0-9a-f]{64}$/);
    expect(await oa.post(hook.url, event, { signature: 'none' })).toBe(403);
    expect(hook.received[2]!.signature).toBeUndefined();
  });

  it("signs what the service's own check accepts and parses: the two sides agree", async () => {
    const event = oa.events.text(USER, 'Có người lạ ở đầu ngõ');
    expect(await oa.post(hook.url, event)).toBe(200);
    const [{ raw, signature }] = hook.received as [Received];
    expect(verifyOaSignature(raw, signature, { appId: oa.appId, oaSecretKey: 'fake-oa-secret-key' })).toBe(
      'app_id+oa_secret_key',
    );
    expect(parseOaEvent(raw)).toMatchObject({
      kind: 'event',
      action: 'message',
      userId: USER,
      text: 'Có người lạ ở đầu ngõ',
    });
  });

  it('builds events shaped like the samples, ids and timestamps as strings', async () => {
    expect(shape(oa.events.text(USER, 'hi'))).toEqual(shape(fixture('webhook-user_send_text.json')));
    expect(shape(oa.events.follow(USER))).toEqual(shape(fixture('webhook-follow.json')));
    const info = fixture('webhook-user_submit_info.json').info as Record<string, unknown>;
    expect(shape(oa.events.submitInfo(USER, info))).toEqual(shape(fixture('webhook-user_submit_info.json')));
    const { user_id_by_app: _, ...image } = oa.events.image(USER);
    expect(shape(image)).toEqual(shape(fixture('webhook-user_send_image-illustrative.json')));

    const event = oa.events.text(LONG_ID, 'x');
    expect(event).toMatchObject({ app_id: oa.appId, recipient: { id: oa.oaId }, sender: { id: LONG_ID } });
    expect(event.timestamp).toMatch(/^\d{13}$/);
    expect(typeof event.message.msg_id).toBe('string');
    await oa.post(hook.url, event);
    expect(hook.received[0]!.raw.toString('utf8')).toContain(`"sender":{"id":"${LONG_ID}"}`);
  });

  it('builds location, sticker and file events with their attachment payloads', () => {
    const payload = (e: { message: Record<string, any> }) => e.message.attachments[0] as unknown;
    expect(payload(oa.events.location(USER, '10.7769', '106.7009'))).toEqual({
      type: 'location',
      payload: { coordinates: { latitude: '10.7769', longitude: '106.7009' } },
    });
    expect(oa.events.location(USER, '1', '2').event_name).toBe('user_send_location');
    expect(payload(oa.events.sticker(USER, 'abc'))).toMatchObject({ type: 'sticker', payload: { id: 'abc' } });
    expect(oa.events.sticker(USER).event_name).toBe('user_send_sticker');
    expect(payload(oa.events.file(USER, 'tin.pdf', '2048'))).toMatchObject({
      type: 'file',
      payload: { name: 'tin.pdf', size: '2048', type: 'pdf' },
    });
    expect(oa.events.file(USER).event_name).toBe('user_send_file');
  });
});
