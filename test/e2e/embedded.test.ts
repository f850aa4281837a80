import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.ts';
import { startFakeZalo, type FakeZalo } from '../fakes/zalo.ts';
import { TELEGRAM_SECRET } from '../support/harness.ts';
import { cliOnFolder, remotePorts, startEmbedded } from '../support/embedded.ts';
import { freePort, spawnService, type ServiceProcess } from '../support/process.ts';
import { TelegramUser, type Chat } from '../support/users.ts';

/*
 * `npm start` with nothing configured: no DATABASE_URL, no DATA_ENCRYPTION_KEY, no REDIS_URL. The service
 * runs the embedded PostgreSQL in its data folder, its queues on BullMQ's PostgreSQL backend in the same instance.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'antq-embedded-'));
let tg: FakeTelegram;
let zalo: FakeZalo;
let env: Record<string, string>;
let url: string;
let proc: ServiceProcess | undefined;

beforeAll(async () => {
  tg = await startFakeTelegram();
  zalo = await startFakeZalo();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    CONSOLE_TILE_URL: 'none',
    TELEGRAM_BOT_TOKEN: tg.token,
    TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
    TELEGRAM_API_ROOT: tg.apiRoot,
  };
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && proc) console.log(proc.output().slice(-5000));
});

afterAll(async () => {
  if (proc?.child.exitCode === null) {
    proc.child.kill('SIGTERM');
    await proc.exited;
  }
  await Promise.all([tg?.close(), zalo?.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<void> {
  proc = await startEmbedded(env);
}

async function stop(): Promise<void> {
  proc!.child.kill('SIGTERM');
  expect(await proc!.exited).toBe(0);
}

const cli = (...args: string[]) => cliOnFolder(env, args);

const chat: Chat = {
  get tg() {
    return tg;
  },
  get zalo() {
    return zalo;
  },
  post: (_platform, body) =>
    fetch(`${url}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
      body: JSON.stringify(body),
    }),
};

describe('npm start with no database configured', () => {
  it('runs on its own data folder, refuses a second process, takes the folder back after kill -9 with everything kept, and gives it back on SIGTERM', async () => {
    await start();
    // The next steps are logged just after the server listens.
    await expect.poll(() => proc!.output()).toContain('Back it up');
    const out = proc!.output();
    expect(out).toContain('embedded database created');
    expect(out).toContain('npm run cli -- console-link --admin');
    expect(out).toContain('/chat');
    expect(out).toContain('Back it up');
    expect(statSync(path.join(dataDir, 'data-encryption.key')).mode & 0o777).toBe(0o600);

    // The chat works on it (transactions through Prisma on PGlite), areas imported on the first start.
    const t = new TelegramUser(chat);
    await t.send('/start');
    await t.pressLabel(await t.expect(/Chọn ngôn ngữ/), /Tiếng Việt/);
    await t.pressLabel(await t.expect(/Trước khi bắt đầu/), /Tôi đồng ý/);
    await t.expect(/Bạn sống ở xã\/phường nào\?/);
    await t.send('hung my');
    await t.pressLabel(await t.expect(/kết quả/), /Cà Mau/);
    await t.expect(/Hoàn tất! Khu vực của bạn: Xã Hưng Mỹ, Cà Mau\./);

    // Nothing of the machine's PostgreSQL or Redis is used: the queues are in the embedded database too.
    const ports = remotePorts(proc!.child.pid!);
    expect(ports).not.toContain(5432);
    expect(ports).not.toContain(6379);
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ queue_backend: 'postgres' });

    // The operator's CLI while the service holds the folder; a second service on it is refused.
    const second = spawnService({ ...env, PORT: String(await freePort()) });
    const link = await cli('console-link', '--admin');
    expect(link.out).toMatch(/\/console\/login\?token=/);
    expect(link.code).toBe(0);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by process ${proc!.child.pid}`);

    // A broadcast from the CLI goes out through the queues in the embedded database.
    const sent = await cli('broadcast', 'create', '--area', '32140', '--text', 'Thông báo thử nghiệm');
    expect(sent.code).toBe(0);
    await t.expect(/Thông báo thử nghiệm/, 15_000);

    // kill -9: the lock left behind names a dead process, and is taken over.
    proc!.child.kill('SIGKILL');
    await proc!.exited;
    expect(existsSync(path.join(dataDir, 'service.lock'))).toBe(true);
    await start();
    expect(proc!.output()).toContain('embedded database opened');
    expect(proc!.output()).not.toContain('Back it up');
    // The resident is still known: /start greets them in their language, not with the language question.
    await t.send('/start');
    expect((await t.next(15_000)).text).not.toMatch(/Chọn ngôn ngữ/);

    // A graceful stop gives the folder back.
    await stop();
    expect(existsSync(path.join(dataDir, 'service.lock'))).toBe(false);

    // With no service on the folder, the CLI opens it itself (and gives it back).
    const search = await cli('areas', 'search', 'hung my');
    expect(search.code).toBe(0);
    expect(search.out).toContain('Xã Hưng Mỹ, Cà Mau');
    expect(existsSync(path.join(dataDir, 'service.lock'))).toBe(false);
  }, 90_000);
});
