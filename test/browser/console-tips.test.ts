import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findIdentity, type Harness } from '../support/harness.ts';
import {
  askLink,
  consoleInHungMy,
  expectHidden,
  officerAndStranger,
  openWatched,
  type ConsoleWorld,
} from '../support/console.ts';
import { onboard } from '../support/onboard.ts';
import { quickTip } from '../support/report.ts';
import { neighbourOf } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Issue 15, acceptance 1: the tip inbox and a tip's page in the web console, driven in a real browser.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
// A normal tip turns red after an hour unacknowledged.
await consoleInHungMy(
  (w) => {
    world = w;
    ({ h, hungMy } = w);
  },
  { CONSOLE_AGE_RED_MINUTES: 'urgent:15,normal:60' },
);

const XSS = '<img src=x onerror=alert(1)>';

/** `/web` in the officer's private chat, then the link from the recorded message opened in a browser of its own. */
// Expected refusals (a tip outside the officer's areas) are logged by Chromium as failed loads.
const signIn = async (officer: TelegramUser) =>
  openWatched(world, await askLink(officer), { expected: /status of 404/ });

const codesShown = (page: Page) =>
  page.getByTestId('tip-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

describe('web console: tips (issue 15, acceptance 1)', () => {
  let citizen: ZaloUser;
  let officer: TelegramUser;
  let stranger: TelegramUser;
  let code: string;
  let xssCode: string;
  let oldCode: string;
  let elsewhereCode: string;

  beforeAll(async () => {
    ({ officer, stranger } = await officerAndStranger(h, hungMy));

    citizen = new ZaloUser(h, 'Nguyễn Thị Báo Tin');
    await onboard(citizen);
    code = await quickTip(citizen, 'Có hai thanh niên lạ đi xe máy không biển số hỏi thăm nhà trống ở ấp 3.');
    xssCode = await quickTip(citizen, XSS);
    oldCode = await quickTip(citizen, 'Đèn đường ở cầu Hưng Mỹ tắt mấy hôm nay, buổi tối rất tối.');
    // Filed two hours ago: past the hour a normal tip may wait.
    await h.db.$executeRaw`UPDATE "Tip" SET "createdAt" = now() - interval '2 hours' WHERE code = ${oldCode}`;

    // A tip of the other commune: its reporter lives there.
    const neighbour = new TelegramUser(h, 'Võ', 'Thị Bên');
    await onboard(neighbour);
    const identity = await findIdentity(h, 'telegram', String(neighbour.id));
    await h.db.user.update({ where: { id: identity!.userId }, data: { areaCode: await neighbourOf(h, hungMy) } });
    elsewhereCode = await quickTip(neighbour, 'Có người lạ đến chào mời vay tiền lãi cao ở chợ xã bên.');
  });

  it('the inbox shows only the commune’s tips, with their age; a tip opens, is answered and resolved', async () => {
    const { context, page } = await signIn(officer);
    await page.getByRole('link', { name: 'Tin báo' }).click();
    await expect.poll(() => codesShown(page)).toHaveLength(3);
    const shown = await codesShown(page);
    expect([...shown].sort()).toEqual([code, xssCode, oldCode].sort());
    expect(shown).not.toContain(elsewhereCode);
    // Oldest first among normal tips (the chat inbox's order); the one waiting 2 hours is red, the others not.
    expect(shown[0]).toBe(oldCode);
    const age = (c: string) => page.locator(`[data-code="${c}"] [data-testid="age"]`);
    expect(await age(oldCode).getAttribute('data-overdue')).toBe('yes');
    expect(await age(oldCode).innerText()).toBe('2 giờ');
    expect(await age(code).getAttribute('data-overdue')).toBe('no');
    // Filters: the code, then newest first.
    await page.getByTestId('filter-code').fill(code.slice(0, 5));
    await page.getByTestId('filter-code').press('Enter');
    await page.getByTestId('filter-code').blur();
    await expect.poll(() => codesShown(page)).toEqual(shown.filter((c) => c!.startsWith(code.slice(0, 5))));
    await page.getByTestId('filter-code').fill('');
    await page.getByTestId('filter-code').blur();
    await page.getByTestId('filter-sort').selectOption('newest');
    await expect.poll(async () => (await codesShown(page))[2]).toBe(oldCode);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-inbox.png' });

    // The tip's page: its content and no word of who sent it.
    await page.getByRole('link', { name: code }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/tips/${code}`);
    await expect.poll(() => page.getByTestId('tip-content').innerText()).toContain('xe máy không biển số');
    const body = await page.locator('body').innerText();
    expect(body).not.toContain(citizen.displayName);
    expect(body).not.toContain(citizen.id);
    const api = await (await page.request.get(`${h.url}/console/api/tips/${code}`)).text();
    expect(api).not.toContain(citizen.displayName);
    expect(api).not.toContain(citizen.id);

    // A reply reaches the citizen on Zalo, through the bot.
    await page.getByTestId('reply-text').fill('Cảm ơn bạn. Bạn còn nhớ màu xe không?');
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    await expect.poll(() => page.getByTestId('tip-notice').innerText()).toBe('Đã gửi trả lời tới người báo.');
    const answer = await citizen.expect(/Cán bộ trả lời về tin báo/);
    expect(answer.text).toContain(code);
    expect(answer.text).toContain('Bạn còn nhớ màu xe không?');
    await expect.poll(() => page.getByTestId('thread').innerText()).toContain('Bạn còn nhớ màu xe không?');
    // Answering a new tip acknowledged it, as in chat.
    expect(await page.getByTestId('tip-status').innerText()).toBe('Đã tiếp nhận');

    // Resolved with a note, after the confirmation: the citizen is told, with the note.
    await page.getByTestId('moves').getByRole('button', { name: 'Đã xử lý xong' }).click();
    const dialog = page.getByTestId('confirm');
    await dialog.waitFor();
    await dialog.getByTestId('note').fill('Đã tăng cường tuần tra ở ấp 3.');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('tip-status').innerText()).toBe('Đã xử lý xong');
    const told = await citizen.expect(/đã được xử lý xong/);
    expect(told.text).toContain(code);
    expect(told.text).toContain('Cán bộ ghi chú: Đã tăng cường tuần tra ở ấp 3.');
    // The history names the officer by their label; the only move left is reopening.
    expect(await page.getByTestId('history').innerText()).toContain('Đã xử lý xong · Đại uý Trần Văn Tâm');
    expect(await page.getByTestId('moves').getByRole('button').allInnerTexts()).toEqual(['Mở lại']);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-tip.png', fullPage: true });

    // Every action is in the audit log, as the officer's.
    const { userId } = await h.db.staffGrant.findFirstOrThrow({ where: { label: 'Đại uý Trần Văn Tâm' } });
    const tip = await h.db.tip.findUniqueOrThrow({ where: { code } });
    const actions = (await h.db.auditLog.findMany({ where: { actorId: userId, entityId: tip.id } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['console.tip.view', 'tip.reply', 'tip.status']));
    expect(await h.db.auditLog.count({ where: { actorId: userId, action: 'console.tips.list' } })).toBeGreaterThan(0);
    await context.close();
  });

  it('a tip’s text is shown as text: no script runs', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/tips/${xssCode}`);
    await expect.poll(() => page.getByTestId('tip-content').innerText()).toBe(XSS);
    expect(await page.locator('main img').count()).toBe(0);
    await page.goto(`${h.url}/console/tips`);
    await expect.poll(() => codesShown(page)).toContain(xssCode);
    await context.close();
  });

  it('the CSV export holds what the filters show and nothing that identifies the reporter', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/tips?status=all`);
    await expect.poll(() => codesShown(page)).toHaveLength(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '"Mã tin","Địa bàn","Loại việc","Trạng thái","Mức độ","Thời gian gửi","Cập nhật","Nội dung","Địa điểm"',
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain(`"${code}","Xã Hưng Mỹ","Người, phương tiện khả nghi","Đã xử lý xong","Thường"`);
    expect(csv).toContain(`"${XSS}"`);
    expect(csv).not.toContain(elsewhereCode);
    expect(csv).not.toContain(citizen.id);
    expect(csv).not.toContain(citizen.displayName);
    await context.close();
  });

  it('an officer of another commune gets 404 on the tip’s page and its API, and never sees it listed', async () => {
    const { context, page } = await signIn(stranger);
    await expectHidden(page, h.url, {
      page: `/console/tips/${code}`,
      notFound: { testId: 'tip-not-found', text: 'Không có tin báo này' },
      api: `/console/api/tips/${code}`,
      change: { path: `/console/api/tips/${code}/reply`, data: { text: 'Xin chào' } },
    });
    const list = await (await page.request.get(`${h.url}/console/api/tips?status=all`)).json();
    expect(list.tips.map((t: { code: string }) => t.code)).toEqual([elsewhereCode]);
    await context.close();
  });

  it('a change without the CSRF token is refused and changes nothing', async () => {
    const { context, page } = await signIn(officer);
    const res = await page.request.post(`${h.url}/console/api/tips/${oldCode}/status`, {
      data: { status: 'rejected' },
    });
    expect(res.status()).toBe(403);
    expect((await h.db.tip.findUniqueOrThrow({ where: { code: oldCode } })).status).toBe('new');
    await context.close();
  });
});
