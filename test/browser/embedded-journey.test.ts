import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { openWatched, watchPage, type Watcher } from '../support/console.ts';
import { cliOnFolder, remotePorts, startEmbedded } from '../support/embedded.ts';
import { freePort, spawnService, type ServiceProcess } from '../support/process.ts';
import { bot, browseChat, onboardOnWeb, press, say } from '../support/webchat.ts';

/*
 * Issue 16, acceptance 1: `npm start` with nothing configured (no DATABASE_URL, REDIS_URL, DATA_ENCRYPTION_KEY,
 * no messenger), the whole product in a browser: a citizen on /chat, the operator in the console.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'antq-journey-'));
let env: Record<string, string>;
let url: string;
let proc: ServiceProcess | undefined;
const world = { problems: [] as string[] } as Watcher;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, CONSOLE_TILE_URL: 'none' };
  world.browser = await launchBrowser();
});

afterEach((ctx) => {
  if (ctx.task.result?.state === 'fail' && proc) console.log(proc.output().slice(-5000));
});

afterAll(async () => {
  await world.browser?.close();
  if (proc?.child.exitCode === null) {
    proc.child.kill('SIGTERM');
    await proc.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
  expect(world.problems).toEqual([]);
});

const TIP = 'Có hai người lạ đi xe máy không biển số hỏi thăm nhà trống ở ấp 3.';
const REPLY = 'Cảm ơn bạn. Công an xã đã cử người đến ấp 3.';

/** /report on the web chat, no place, no photo, anonymous: the tip's code. */
async function fileTip(page: Page, text: string): Promise<string> {
  await say(page, '/report');
  await press(page, /Bạn muốn báo về việc gì\?/, /Người, phương tiện khả nghi/);
  await bot(page, /Hãy mô tả sự việc/).waitFor();
  await say(page, text);
  await press(page, /chọn Bỏ qua/, /Bỏ qua/);
  await press(page, /Bạn có ảnh/, /Bỏ qua/);
  await press(page, /gửi ẩn danh hay/, /Gửi ẩn danh/);
  await press(page, /Kiểm tra lại tin báo/, /Gửi tin báo/);
  return /AN-[2-9A-Z]{6}/.exec(await bot(page, /Mã tin: AN-/).innerText())![0];
}

describe('the whole product in embedded mode (issue 16, acceptance 1)', () => {
  it('a citizen on /chat files a tip, the operator handles it in the console, the reply reaches the open chat; all of it survives a restart', async () => {
    proc = await startEmbedded(env);
    // A second `npm start` on the folder while this one runs: refused, saying why (its start runs beside ours).
    const second = spawnService({ ...env, PORT: String(await freePort()) });

    // Nothing of the machine's PostgreSQL or Redis: the queues are in the embedded database too.
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({ queue_backend: 'postgres' });

    const citizen = await browseChat(world);
    await citizen.page.goto(`${url}/chat`);
    await onboardOnWeb(citizen.page);
    const code = await fileTip(citizen.page, TIP);

    // The operator's sign-in link from the CLI, a process of its own going through the service's socket.
    const link = await cliOnFolder(env, ['console-link', '--admin']);
    expect(link.code).toBe(0);
    const operator = await openWatched(world, /https?:\/\/\S+/.exec(link.out)![0]);
    const { page } = operator;
    await page.getByRole('link', { name: 'Tin báo' }).click();
    await page.getByRole('link', { name: code }).click();
    await expect.poll(() => page.getByTestId('tip-content').innerText()).toContain(TIP);
    await page.getByTestId('reply-text').fill(REPLY);
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => page.getByTestId('tip-notice').innerText()).toBe('Đã gửi trả lời tới người báo.');
    await page.getByTestId('moves').getByRole('button', { name: 'Đã xử lý xong' }).click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('tip-status').innerText()).toBe('Đã xử lý xong');

    // The citizen's open page shows the reply and the outcome, pushed, without a reload.
    await expect
      .poll(() => bot(citizen.page, new RegExp(`Cán bộ trả lời về tin báo ${code}`)).innerText())
      .toContain(REPLY);
    await bot(citizen.page, new RegExp(`${code}.*đã được xử lý xong`)).waitFor();

    const ports = remotePorts(proc.child.pid!);
    expect(ports).not.toContain(5432);
    expect(ports).not.toContain(6379);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`The data folder ${dataDir} is in use by process ${proc.child.pid}`);

    // A graceful stop and a new start on the folder. The pages are closed first: a page whose service went
    // away logs failed loads; their browsers (the device's token, the session's cookie) stay.
    await Promise.all([citizen.page.close(), page.close()]);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    proc = await startEmbedded(env);
    expect(proc.output()).toContain('embedded database opened');

    const chat = await citizen.context.newPage();
    watchPage(chat, world.problems);
    await chat.goto(`${url}/chat`);
    await expect.poll(() => bot(chat, new RegExp(`Cán bộ trả lời về tin báo ${code}`)).innerText()).toContain(REPLY);
    await bot(chat, /Mã tin: AN-/).waitFor();

    const tip = await operator.context.newPage();
    watchPage(tip, world.problems);
    await tip.goto(`${url}/console/tips/${code}`);
    await expect.poll(() => tip.getByTestId('tip-status').innerText()).toBe('Đã xử lý xong');
    expect(await tip.getByTestId('tip-content').innerText()).toContain(TIP);
    expect(await tip.getByTestId('thread').innerText()).toContain(REPLY);
    await Promise.all([citizen.context.close(), operator.context.close()]);
  }, 120_000);
});
