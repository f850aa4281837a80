import axios from 'axios';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { OaAuthError, OaOAuth, pkcePair } from '../../src/platforms/zalo-oa/oauth.ts';
import { OaTokens, OaTokenUnavailable } from '../../src/platforms/zalo-oa/tokens.ts';
import { startFakeZaloOa, type FakeZaloOa } from '../fakes/zalo-oa.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { testPii } from '../support/people.ts';

/*
 * Zalo's refresh token is single-use: two processes that refresh with the same one lose the OA. Each
 * "process" here has its own database pool and OAuth client, as two service processes would.
 */
const TTL = 10 * 60_000;
const AHEAD = 60_000;
const pii = testPii();

let database: TestDatabase;
let pools: Db[];
let oa: FakeZaloOa;
beforeAll(async () => {
  database = await ownDatabase();
  pools = [createDb(database.url), createDb(database.url)];
  oa = await startFakeZaloOa({ clock: 'manual', accessTokenTtlMs: TTL });
});
afterAll(async () => {
  await Promise.all(pools.map((db) => db.$disconnect()));
  await oa?.close();
  await database?.drop();
});
beforeEach(async () => {
  oa.reset();
  await pools[0]!.oaToken.deleteMany();
});

const oauth = () => new OaOAuth({ appId: oa.appId, appSecret: oa.appSecret, root: oa.oauthRoot, now: oa.now });
const processes = (initialRefreshToken?: string) =>
  pools.map(
    (db) =>
      new OaTokens({
        db,
        pii,
        oauth: oauth(),
        appId: oa.appId,
        initialRefreshToken,
        refreshAheadMs: AHEAD,
        now: oa.now,
      }),
  );
/** What the OA API says of a token: 0 when it works, -216 when it does not. */
const apiError = async (token: string) =>
  (await axios.post(`${oa.apiRoot}/v3.0/oa/quota/message`, { user_id: '1' }, { headers: { access_token: token } })).data
    .error as number;
const refreshCalls = () => oa.callsTo('/v4/oa/access_token').length;

describe('Zalo OA tokens', () => {
  it('two processes through several expiries: one refresh each time, never a dead refresh token, every token works', async () => {
    const both = processes(oa.issueTokens().refresh_token);
    for (let expiry = 0; expiry < 6; expiry++) {
      // Ten sends at once, from both processes, just inside the refresh margin.
      const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => both[i % 2]!.accessToken()));
      expect(new Set(tokens).size).toBe(1);
      expect(await apiError(tokens[0]!)).not.toBe(-216);
      expect(refreshCalls()).toBe(expiry + 1);
      oa.advance(TTL - AHEAD + 1_000);
    }
    expect(oa.reusedRefreshTokens).toEqual([]);
    const row = await pools[0]!.oaToken.findUniqueOrThrow({ where: { appId: oa.appId } });
    expect(row.source).toBe('refresh');
    // Stored encrypted: neither token is in the row in clear.
    expect(Buffer.from(row.refreshEnc).toString('utf8')).not.toMatch(/^[A-Za-z0-9]{24}$/);
  });

  it('takes ZALO_OA_REFRESH_TOKEN once: a stored pair wins over it afterwards', async () => {
    const [first] = processes(oa.issueTokens().refresh_token);
    const token = await first!.accessToken();
    const [later] = processes(oa.issueTokens().refresh_token);
    expect(await later!.accessToken()).toBe(token);
    expect(refreshCalls()).toBe(1);
    expect((await pools[0]!.oaToken.findUniqueOrThrow({ where: { appId: oa.appId } })).source).toBe('env');
  });

  it('a failed refresh keeps the pair: the token still valid is used, health says failing, the next try recovers', async () => {
    const [tokens] = processes(oa.issueTokens().refresh_token);
    const first = await tokens!.accessToken();
    oa.advance(TTL - AHEAD + 1_000);
    oa.failNext('/v4/oa/access_token', { error: -14014, message: 'Invalid refresh token' });
    expect(await tokens!.accessToken()).toBe(first);
    expect(await tokens!.health()).toMatchObject({ state: 'failing', reason: expect.stringContaining('-14014') });
    // Expired and refused a moment ago: no usable token, and no second try within the minute.
    oa.advance(AHEAD - 500);
    await expect(tokens!.accessToken()).rejects.toBeInstanceOf(OaTokenUnavailable);
    expect(refreshCalls()).toBe(2);
    oa.advance(61_000);
    const recovered = await tokens!.accessToken();
    expect(await apiError(recovered)).toBe(0);
    expect(await tokens!.health()).toMatchObject({ state: 'ok' });
    expect(oa.reusedRefreshTokens).toEqual([]);
  });

  it('whatever fails in telling of a change, the new pair stays stored: the spent refresh token is never needed again', async () => {
    const [tokens] = processes(oa.issueTokens().refresh_token);
    await tokens!.accessToken();
    oa.advance(TTL - AHEAD + 1_000);
    oa.failNext('/v4/oa/access_token', { error: -14014, message: 'Invalid refresh token' });
    const failed: unknown[] = [];
    const telling = new OaTokens({
      ...tokens!.opts,
      onChange: async (tx, change) => {
        await tx.oaToken.updateMany({ data: { failure: 'written by the failed notice' } });
        throw new Error(`notice of ${change.kind} failed`);
      },
      onChangeFailed: (err) => void failed.push(err),
    });
    await telling.accessToken();
    expect(await telling.health()).toMatchObject({ state: 'failing', reason: expect.stringContaining('-14014') });
    oa.advance(61_000);
    const recovered = await telling.accessToken();
    expect(failed.map((e) => (e as Error).message)).toEqual(['notice of failing failed', 'notice of working failed']);
    expect(await telling.health()).toMatchObject({ state: 'ok' });
    expect(await apiError(recovered)).toBe(0);
    expect(oa.reusedRefreshTokens).toEqual([]);
  });

  it('a token Zalo refuses is replaced once; a process that sees it replaced already takes the new one', async () => {
    const [one, two] = processes(oa.issueTokens().refresh_token);
    const old = await one!.accessToken();
    const fresh = await one!.replace(old);
    expect(fresh).not.toBe(old);
    expect(await two!.replace(old)).toBe(fresh);
    expect(refreshCalls()).toBe(2);
  });

  it('without anything stored or given, says it is not connected', async () => {
    const [tokens] = processes();
    await expect(tokens!.accessToken()).rejects.toThrow(/not connected/);
    expect(await tokens!.health()).toEqual({ state: 'none' });
  });

  it('connects by consent with PKCE; a wrong verifier is refused', async () => {
    const client = oauth();
    const { verifier, challenge } = pkcePair();
    expect(client.consentUrl('https://antq.example/oa/callback', challenge, 'st')).toMatch(
      new RegExp(`^${oa.oauthRoot}/v4/oa/permission\\?app_id=${oa.appId}&.*code_challenge=${challenge}`),
    );
    await expect(client.exchangeCode(oa.registerAuthCode(challenge), 'not-the-verifier')).rejects.toBeInstanceOf(
      OaAuthError,
    );
    const pair = await client.exchangeCode(oa.registerAuthCode(challenge), verifier);
    const [tokens] = processes();
    await tokens!.connect(pair);
    expect(await tokens!.accessToken()).toBe(pair.accessToken);
    expect((await pools[0]!.oaToken.findUniqueOrThrow({ where: { appId: oa.appId } })).source).toBe('connect');
  });
});
