import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_USABLE_TOKEN } from '../../src/platforms/zalo-oa/tokens.ts';
import { runCli } from '../support/cli.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { harnessInHungMy } from '../support/hung-my.ts';
import { makeStaff } from '../support/staff.ts';
import { until } from '../support/until.ts';
import { TelegramUser } from '../support/users.ts';

const DAY = 86_400_000;
const WELCOME = /Chọn ngôn ngữ/;

/** A 25-digit OA user id of its own for each follower. */
let next = 0;
const oaUserId = () => `${2_000_000_000_000_000_000_000_000n + BigInt(Date.now()) * 100n + BigInt(next++)}`;

/** A new follower at the service behind `url`, greeted (through the OA) before this resolves. */
async function follow(h: Harness, url: string) {
  const userId = oaUserId();
  expect(await h.oa.post(`${url}/webhooks/zalo-oa`, h.oa.events.follow(userId))).toBe(200);
  return userId;
}
const greeted = (h: Harness, userId: string) =>
  until(async () => h.oa.sendsTo(userId).find((s) => WELCOME.test(String(s.message.text ?? ''))));
const readyz = async (h: Harness) => (await fetch(`${h.url}/readyz`)).json() as Promise<Record<string, any>>;
const metric = async (url: string, name: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.split(' ').pop());
};
const refreshCalls = (h: Harness) =>
  h.oa.callsTo('/v4/oa/access_token').filter((c) => c.params.grant_type === 'refresh_token').length;

describe('Zalo OA tokens in operation (issue 14, acceptance 3)', () => {
  let h: Harness;
  let hungMy: string;
  harnessInHungMy((started) => ({ h, hungMy } = started));
  let dir: string;
  let admin: TelegramUser;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'antq-oa-connect-'));
    admin = new TelegramUser(h, 'Trần', 'Thị Quản');
    await makeStaff(h, admin, hungMy, 'admin', 'Quản trị Trần');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cli = (args: string[]) =>
    runCli(h, ['zalo-oa', ...args], {
      ZALO_OA_APP_ID: h.config.ZALO_OA_APP_ID!,
      ZALO_OA_SECRET_KEY: h.config.ZALO_OA_SECRET_KEY!,
      ZALO_APP_SECRET: h.config.ZALO_APP_SECRET!,
      ZALO_OAUTH_ROOT: h.config.ZALO_OAUTH_ROOT,
      ZALO_OA_CONNECT_FILE: join(dir, 'connect.json'),
      PUBLIC_URL: 'https://antq.example',
    });

  it('a dead refresh token keeps OA messages queued, shows in /readyz and /metrics, tells the admins once; `zalo-oa connect` sends them', async () => {
    // The OA works: the first follower is greeted with the token taken from ZALO_OA_REFRESH_TOKEN.
    await greeted(h, await follow(h, h.url));
    expect((await readyz(h)).zalo_oa).toMatchObject({ token: 'ok' });

    // A day later the access token has run out and Zalo no longer takes the refresh token.
    h.oa.expireRefreshTokens();
    h.oa.advance(DAY + 3_600_000);
    await h.db.oaToken.updateMany({ data: { expiresAt: new Date(Date.now() - 60_000) } });
    const waiting = [await follow(h, h.url), await follow(h, h.url)];
    const told = await admin.expect(/Gia hạn mã truy cập \(access token\) của Zalo Official Account không thành công/);
    expect(told.text).toMatch(/-14014/);
    expect(told.text).toMatch(/không tin nào bị bỏ/);
    expect(told.text).toMatch(/npm run cli -- zalo-oa connect/);
    // Both welcomes are kept (each chat's first message waits for a token, the rest behind it), none given up,
    // and the admins are not told again for the second follower.
    const waitsForToken = {
      platform: 'zalo_oa' as const,
      status: 'pending' as const,
      lastError: { startsWith: NO_USABLE_TOKEN },
    };
    await until(async () => (await h.db.outboundMessage.count({ where: waitsForToken })) === 2);
    expect(await h.db.outboundMessage.count({ where: { platform: 'zalo_oa', status: 'failed' } })).toBe(0);
    for (const userId of waiting) expect(h.oa.sendsTo(userId)).toEqual([]);
    await admin.expectSilence();

    const ready = await fetch(`${h.url}/readyz`);
    // Ready all the same: webhooks still store every event; only OA sends wait.
    expect(ready.status).toBe(200);
    expect((await ready.json()).zalo_oa).toMatchObject({
      token: 'none usable',
      reason: expect.stringContaining('-14014'),
      fix: 'npm run cli -- zalo-oa connect',
    });
    expect(await metric(h.url, 'antq_zalo_oa_token_ok')).toBe(0);
    expect(await metric(h.url, 'antq_zalo_oa_token_expiry_seconds')).toBeLessThan(0);
    expect(await metric(h.url, 'antq_zalo_oa_token_refresh_failures_total')).toBeGreaterThanOrEqual(1);

    const status = await cli(['status']);
    expect(status.code, status.out).toBe(1);
    expect(status.out).toMatch(/^Zalo OA token: refresh failing \(last tried .* \+07\): .*-14014/m);
    expect(status.out).toMatch(/^OA chats whose messages wait for a token: 2$/m);

    // The operator connects the OA again: the consent URL, then the address Zalo redirected to.
    const consent = await cli(['connect']);
    expect(consent.code, consent.out).toBe(0);
    const url = new URL(consent.out.split('\n').find((l) => l.startsWith(h.oa.oauthRoot))!);
    expect(url.searchParams.get('redirect_uri')).toBe('https://antq.example');
    const challenge = url.searchParams.get('code_challenge')!;
    const redirected = `https://antq.example/?code=${h.oa.registerAuthCode(challenge)}&state=${url.searchParams.get('state')}`;
    const stale = await cli(['connect', '--code', redirected.replace(/state=[^&]+/, 'state=an-older-attempt')]);
    expect(stale.code).toBe(2);
    expect(stale.out).toMatch(/belongs to another connection attempt/);
    const connected = await cli(['connect', '--code', redirected]);
    expect(connected.code, connected.out).toBe(0);
    expect(connected.out).toMatch(
      /^Connected: the token pair is stored \(encrypted\); the access token works until .* \+07\.$/m,
    );
    expect(connected.out).toMatch(
      /^The messages of 2 OA chat\(s\) that waited for a token are sent within seconds\.$/m,
    );
    // No token ever printed.
    const row = await h.db.oaToken.findUniqueOrThrow({ where: { appId: h.oa.appId } });
    expect(row.source).toBe('connect');
    for (const call of h.oa.callsTo('/v4/oa/access_token').filter((c) => c.result))
      expect(`${consent.out}${connected.out}`).not.toContain((call.result as { access_token: string }).access_token);

    for (const userId of waiting) await greeted(h, userId);
    await admin.expect(/Zalo Official Account đã có lại mã truy cập dùng được/);
    expect((await readyz(h)).zalo_oa).toMatchObject({ token: 'ok' });
    expect(await metric(h.url, 'antq_zalo_oa_token_ok')).toBe(1);
    expect(h.oa.reusedRefreshTokens).toEqual([]);

    // The code is used up, and so is the verifier kept for it.
    const again = await cli(['connect', '--code', redirected]);
    expect(again.code).toBe(2);
    expect(again.out).toMatch(/No connection under way here/);
  });
});

describe('two service processes through several token expiries (issue 14, acceptance 3)', () => {
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    a = await startHarness();
    // One deployment of two processes: the same database, Redis queues and environment, the same OA.
    b = await startHarness({
      DATABASE_URL: a.config.DATABASE_URL,
      REDIS_PREFIX: a.config.REDIS_PREFIX,
      ZALO_OA_API_ROOT: a.oa.apiRoot,
      ZALO_OAUTH_ROOT: a.oa.oauthRoot,
      ZALO_OA_REFRESH_TOKEN: a.config.ZALO_OA_REFRESH_TOKEN!,
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('one refresh per expiry, never a dead refresh token, every follower greeted, both processes sending', async () => {
    for (let expiry = 0; expiry < 6; expiry++) {
      const before = refreshCalls(a);
      if (expiry % 2) {
        // Zalo ends the token early (its clock is ahead): the sends see -216 and refresh once.
        a.oa.advance(DAY + 3_600_000);
      } else if (expiry > 0) {
        // The stored token is about to run out: the next sends refresh it ahead of expiry.
        await a.db.oaToken.updateMany({ data: { expiresAt: new Date(Date.now() + 60_000) } });
      }
      const followers = await Promise.all(Array.from({ length: 6 }, (_, i) => follow(a, i % 2 ? a.url : b.url)));
      for (const userId of followers) await greeted(a, userId);
      expect(refreshCalls(a) - before, `expiry ${expiry}`).toBe(1);
    }
    expect(a.oa.reusedRefreshTokens).toEqual([]);
    for (const h of [a, b]) expect((await readyz(h)).zalo_oa).toMatchObject({ token: 'ok' });
    const sentBy = async (h: Harness) =>
      (await (await fetch(`${h.url}/metrics`)).text()).match(
        /^antq_messages_sent_total\{platform="zalo_oa",outcome="sent"\} (\d+)/m,
      )?.[1];
    expect(Number(await sentBy(a))).toBeGreaterThan(0);
    expect(Number(await sentBy(b))).toBeGreaterThan(0);
  });
});
