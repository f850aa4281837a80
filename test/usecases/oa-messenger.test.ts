import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { createLogger } from '../../src/logger.ts';
import { ZaloOaMessenger } from '../../src/platforms/zalo-oa/messenger.ts';
import { OaOAuth } from '../../src/platforms/zalo-oa/oauth.ts';
import { OaTokens } from '../../src/platforms/zalo-oa/tokens.ts';
import { SendError } from '../../src/platforms/types.ts';
import { startFakeZaloOa, type FakeZaloOa } from '../fakes/zalo-oa.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { testPii } from '../support/people.ts';

const CS = '/v3.0/oa/message/cs';
const USER = '7391847562938475629384756';

let database: TestDatabase;
let db: Db;
let oa: FakeZaloOa;
beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  oa = await startFakeZaloOa();
});
afterAll(async () => {
  await db?.$disconnect();
  await oa?.close();
  await database?.drop();
});

/** A messenger as the service builds it, at `now`, starting from a refresh token the fake issued. */
function messenger(now = () => new Date()) {
  const oauth = new OaOAuth({ appId: oa.appId, appSecret: oa.appSecret, root: oa.oauthRoot });
  const tokens = new OaTokens({
    db,
    pii: testPii(),
    oauth,
    appId: oa.appId,
    initialRefreshToken: oa.issueTokens().refresh_token,
  });
  const secrets = { appId: oa.appId, oaSecretKey: oa.oaSecretKey, appSecret: oa.appSecret };
  return new ZaloOaMessenger({ apiRoot: oa.apiRoot, secrets, tokens, log: createLogger('silent'), now });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (err: unknown) => err as SendError,
  );

beforeEach(async () => {
  oa.reset();
  await db.oaToken.deleteMany();
  oa.userInteracted(USER);
});

describe('Zalo OA messenger', () => {
  it('sends with the stored access token; a token Zalo refuses is refreshed once and the message retried', async () => {
    const m = messenger();
    await m.send(USER, { text: 'Xin chào' });
    oa.failNext(CS, { error: -216, message: 'Access token is invalid' });
    await m.send(USER, { text: 'Lần hai' });
    expect(oa.sendsTo(USER).map((s) => s.message.text)).toEqual(['Xin chào', 'Lần hai']);
    const [first, refused, retried] = oa.callsTo(CS);
    expect(refused!.credential).toBe(first!.credential);
    expect(retried!.credential).not.toBe(refused!.credential);
    // One refresh for the initial token, one for the refused one.
    expect(oa.callsTo('/v4/oa/access_token')).toHaveLength(2);
  });

  it('reads OA verdicts as send errors: outside the window, -32 rate limited, -234 held until 06:00', async () => {
    // 22:00 in Vietnam (UTC+7): 8 hours to 06:00.
    const m = messenger(() => new Date('2026-12-01T15:00:00Z'));
    oa.failNext(CS, { error: -230, message: 'User has not interacted' });
    const outside = await failure(m.send(USER, { text: 'a' }));
    expect(outside).toMatchObject({ reason: 'outside_window' });
    expect(outside!.message).toMatch(/-230 .*outside the interaction window/);

    oa.failNext(CS, { error: -32, message: 'limit call api' });
    expect(await failure(m.send(USER, { text: 'b' }))).toMatchObject({ reason: 'rate_limited', retryAfterMs: 2000 });

    oa.failNext(CS, { error: -234, message: 'night' });
    expect(await failure(m.send(USER, { text: 'c' }))).toMatchObject({
      reason: 'rate_limited',
      retryAfterMs: 8 * 3600_000,
    });

    oa.failNext(CS, { error: -213, message: 'not a follower' });
    expect(await failure(m.send(USER, { text: 'd' }))).toMatchObject({ reason: 'blocked' });
    expect(oa.sendsTo(USER)).toEqual([]);
  });

  it('a menu becomes oa.query.hide buttons whose payloads are the marked option ids', async () => {
    await messenger().send(USER, {
      text: 'Chọn',
      menu: [
        { id: 'tip:new', label: 'Báo tin' },
        { id: 'home', label: 'Quay lại' },
      ],
    });
    expect(oa.sendsTo(USER)[0]!.buttons).toEqual([
      { type: 'oa.query.hide', title: 'Báo tin', payload: '#chon:tip:new' },
      { type: 'oa.query.hide', title: 'Quay lại', payload: '#chon:home' },
    ]);
  });

  it('uploads a file the bot made, then sends it after the text: a document by its token, an image by its id', async () => {
    const m = messenger();
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    await m.send(USER, { text: 'Lịch', file: { kind: 'document', filename: 'le.ics', base64: btoa(ics) } });
    const [fileUpload] = oa.callsTo('/v2.0/oa/upload/file');
    expect(fileUpload!.files!.file).toMatchObject({ filename: 'le.ics', content: Buffer.from(ics) });
    const token = (fileUpload!.result as { data: { token: string } }).data.token;
    await m.send(USER, { text: 'QR', file: { kind: 'photo', filename: 'qr.png', base64: 'iVBORw0KGgo=' } });
    const [imageUpload] = oa.callsTo('/v2.0/oa/upload/image');
    const attachmentId = (imageUpload!.result as { data: { attachment_id: string } }).data.attachment_id;
    expect(oa.sendsTo(USER).map((s) => s.message)).toEqual([
      { text: 'Lịch' },
      { attachment: { type: 'file', payload: { token } } },
      { text: 'QR' },
      {
        attachment: {
          type: 'template',
          payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] },
        },
      },
    ]);
  });

  it('the same file to several followers is uploaded once and sent by the same token', async () => {
    const m = messenger();
    const file = {
      kind: 'document' as const,
      filename: 'ngay-hoi.ics',
      base64: btoa('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n'),
    };
    const other = `${USER.slice(0, -1)}9`;
    oa.userInteracted(other);
    await m.send(USER, { text: 'Lịch', file });
    await m.send(other, { text: 'Lịch', file });
    expect(oa.callsTo('/v2.0/oa/upload/file')).toHaveLength(1);
    const tokens = [USER, other].map((u) => oa.sendsTo(u)[1]!.message.attachment.payload.token);
    expect(tokens[0]).toBe(tokens[1]);
  });

  it('an upload Zalo refuses fails the send before anything is sent; a file-id photo with nothing to fetch it is refused', async () => {
    const m = messenger();
    const big = Buffer.alloc(5_000_001).toString('base64');
    const refused = await failure(
      m.send(USER, { text: 'x', file: { kind: 'document', filename: 'a.ics', base64: big } }),
    );
    expect(refused).toMatchObject({ reason: 'rejected' });
    expect(await failure(m.send(USER, { text: 'Ảnh', photo: { fileId: 'telegram-file' } }))).toMatchObject({
      reason: 'rejected',
    });
    expect(oa.sendsTo(USER)).toEqual([]);
  });
});
