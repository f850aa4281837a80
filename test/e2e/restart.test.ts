import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.ts';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase, serviceEnv, TELEGRAM_SECRET, ZALO_SECRET } from '../support/harness.ts';
import { freePort, spawnService, waitForHttp, type ServiceProcess } from '../support/process.ts';
import { TelegramUser, ZaloUser, type Chat } from '../support/users.ts';

let tg: FakeTelegram;
let zalo: FakeZalo;
let env: Record<string, string>;
let base: string;
let proc: ServiceProcess | undefined;
let database: TestDatabase;

const chat: Chat = {
  get tg() {
    return tg;
  },
  get zalo() {
    return zalo;
  },
  post: (platform, body) =>
    fetch(`${base}/webhooks/${platform}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [platform === 'telegram' ? 'x-telegram-bot-api-secret-token' : 'x-bot-api-secret-token']:
          platform === 'telegram' ? TELEGRAM_SECRET : ZALO_SECRET,
      },
      body: JSON.stringify(body),
    }),
};

async function start() {
  proc = spawnService(env);
  await waitForHttp(`${base}/readyz`);
}

beforeAll(async () => {
  tg = await startFakeTelegram();
  zalo = await startFakeZalo();
  database = await ownDatabase();
  const port = await freePort();
  env = serviceEnv(tg, zalo, database.url, { PORT: String(port), LOG_LEVEL: 'info' });
  base = `http://127.0.0.1:${port}`;
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && proc) console.log(proc.output().slice(-5000));
});

afterAll(async () => {
  proc?.child.kill('SIGKILL');
  await Promise.all([tg?.close(), zalo?.close()]);
  await database?.drop();
});

describe('a restart in the middle of onboarding', () => {
  it('continues each dialogue where it was, after kill -9', async () => {
    await start();
    const t = new TelegramUser(chat);
    const z = new ZaloUser(chat);
    await t.send('/start');
    await z.send('Xin chào');
    await t.pressLabel(await t.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await z.choose(await z.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    const tConsent = await t.expect(/Trước khi bắt đầu/);
    await z.expect(/Trước khi bắt đầu/);

    proc!.child.kill('SIGKILL');
    await proc!.exited;
    await start();

    // The consent question is still the one being answered, on both messengers. A chat whose
    // drainer was killed mid-work waits for its lease (10 s) before the new process takes it.
    await t.pressLabel(tConsent, /Tôi đồng ý/);
    await z.send('1');
    await t.expect(/Bạn sống ở xã\/phường nào\?/, 20_000);
    await z.expect(/Bạn sống ở xã\/phường nào\?/, 20_000);
    await z.send('hung my');
    await z.choose(await z.expect(/kết quả/), /Cà Mau/);
    await z.expect(/Hoàn tất! Khu vực của bạn: Xã Hưng Mỹ, Cà Mau\./);
  });

  it('shuts down gracefully on SIGTERM', async () => {
    if (!proc || proc.child.exitCode !== null) await start();
    proc!.child.kill('SIGTERM');
    expect(await proc!.exited).toBe(0);
    expect(proc!.output()).toContain('shutting down');
    proc = undefined;
  });
});

describe('configuration errors stop the start', () => {
  it('names the offending variables without echoing secrets', async () => {
    const bad = spawnService({
      ...env,
      DATABASE_URL: 'mysql://x',
      DATA_ENCRYPTION_KEY: 'not-a-key-secret-value',
      PORT: 'eighty',
    });
    expect(await bad.exited).toBe(1);
    const out = bad.output();
    expect(out).toContain('DATABASE_URL: must be a postgresql:// URL');
    expect(out).toContain('DATA_ENCRYPTION_KEY: must be 32 bytes');
    expect(out).toContain('PORT:');
    expect(out).not.toContain('not-a-key-secret-value');
  });
});
