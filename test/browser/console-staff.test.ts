import { testQueueBackend } from '../support/queue-data.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPERATOR } from '../../src/core/scope.ts';
import { consoleLoginUrl } from '../../src/features/console/links.ts';
import { createSignInLink } from '../../src/features/console/sessions.ts';
import { phone } from '../support/browser.ts';
import type { Harness } from '../support/harness.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { onboard } from '../support/onboard.ts';
import { testPii } from '../support/people.ts';
import { chooseLabel, makeStaff } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
import { TelegramUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
await consoleInHungMy((w) => {
  world = w;
  ({ h, hungMy } = w);
});

const ADMIN = 'Thiếu tá Lê Văn An';
const NEWCOMER = 'Trung uý Đỗ Minh Khoa';
const COLLEAGUE = 'Đại uý Võ Thị Hạnh';
/** A display label is typed by its holder: the page shows it as text, never as markup. */
const HOSTILE = '<img src=x onerror=alert(1)>';

/** A browser of its own that opened `link`, every request it makes recorded. */
// Answers the page expects (401 once signed out, 403 for what a role may not see) are logged by Chromium.
const signIn = (link: string) => openWatched(world, link, { expected: /status of 40[13]/, no404: true });

const openSection = async (page: Page, name: string) => {
  await page.getByRole('navigation').getByRole('link', { name }).click();
  await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText()).toBe(name);
};

describe('web console: staff, invites, the audit log and the queues (issue 15, staff slice)', () => {
  let admin: TelegramUser;
  let colleague: TelegramUser;
  beforeAll(async () => {
    admin = new TelegramUser(h, 'Lê', 'Văn An');
    await makeStaff(h, admin, hungMy, 'admin', ADMIN);
    colleague = new TelegramUser(h, 'Võ', 'Thị Hạnh');
    await makeStaff(h, colleague, hungMy, 'officer', COLLEAGUE);
    await makeStaff(h, new TelegramUser(h, 'Mã', 'Độc'), hungMy, 'officer', HOSTILE);
  });

  it('an admin invites an officer, who redeems the code in chat; revoking their role ends their open session', async () => {
    const { context, page } = await signIn(await askLink(admin));
    await openSection(page, 'Cán bộ');
    await expect.poll(() => page.getByTestId('grants').innerText()).toContain(COLLEAGUE);
    expect(await page.getByTestId('grants').innerText()).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);

    // The invite: an officer of Xã Hưng Mỹ, valid 3 days; the code is shown once.
    const form = page.getByTestId('invites');
    await form.getByLabel('Vai trò').selectOption('officer');
    await form.getByLabel('Địa bàn').selectOption(hungMy);
    await form.getByLabel('Hiệu lực (ngày)').fill('3');
    await page.getByRole('button', { name: 'Tạo mã' }).click();
    const shown = await page.getByTestId('invite-code').innerText();
    const code = /[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec(shown)![0];
    expect(shown).toContain(`/staff ${code}`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-staff.png', fullPage: true });
    await expect
      .poll(() => page.getByTestId('invite').allInnerTexts())
      .toEqual([expect.stringContaining('Cán bộ Công an · Xã Hưng Mỹ, Cà Mau')]);
    const invite = await h.db.staffInvite.findFirstOrThrow({ where: { createdBy: { not: 'cli' } } });
    expect(invite).toMatchObject({ role: 'officer', areaCode: hungMy });
    expect(invite.expiresAt.getTime() - invite.createdAt.getTime()).toBeCloseTo(3 * 86_400_000, -5);

    // The code works in chat, as one from the CLI does.
    const newcomer = new TelegramUser(h, 'Đỗ', 'Minh Khoa');
    await onboard(newcomer);
    await newcomer.send(`/staff ${code}`);
    await chooseLabel(newcomer, NEWCOMER);
    await page.getByTestId('invite-state').selectOption('used');
    // Newest first: the one just redeemed, used.
    await expect.poll(() => page.getByTestId('invite').first().innerText()).toContain('đã dùng lúc');

    const theirs = await signIn(await askLink(newcomer));
    expect(await theirs.page.getByTestId('who-label').innerText()).toBe(NEWCOMER);

    await page.reload();
    const row = page.getByTestId('grant').filter({ hasText: NEWCOMER });
    await row.getByRole('button', { name: 'Thu hồi quyền' }).click();
    await row.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain(NEWCOMER);
    await expect
      .poll(() => page.getByTestId('grant').allInnerTexts())
      .not.toContainEqual(expect.stringContaining(NEWCOMER));
    await newcomer.expect(/Vai trò Cán bộ Công an của bạn tại Xã Hưng Mỹ, Cà Mau đã kết thúc/);

    // Their open console: the next page load is signed out.
    await theirs.page.reload();
    await expect.poll(() => theirs.page.getByTestId('signed-out').innerText()).toContain('Chưa đăng nhập');
    await Promise.all([context.close(), theirs.context.close()]);
  });

  it('the audit log shows those actions by staff label, filters them, and names no resident', async () => {
    // A resident's wrong code is recorded too (that is what stops guessing), without naming them.
    const resident = new TelegramUser(h, 'Nguyễn', 'Văn Dân');
    await onboard(resident);
    await resident.send('/staff ABCD-EFGH-JKMN');
    await resident.expect(/Mã mời không đúng/);

    const { context, page } = await signIn(await askLink(admin));
    await openSection(page, 'Nhật ký');
    const log = page.getByTestId('audit');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(3);
    const rows = await page.getByTestId('audit-entry').allInnerTexts();
    const row = (action: string) => rows.find((r) => r.includes(action)) ?? '';
    expect(row('grant.revoke')).toContain(ADMIN);
    expect(row('grant.revoke')).toContain('Xã Hưng Mỹ, Cà Mau');
    expect(row('grant.revoke')).toContain('Cán bộ Công an');
    expect(row('invite.create')).toContain(ADMIN);
    expect(row('invite.redeem')).toContain('không còn là cán bộ');
    // The resident's failed code concerns no area of the admin's: not in their log at all.
    expect(rows.some((r) => r.includes('invite.failed'))).toBe(false);
    const text = await log.innerText();
    for (const name of ['Nguyễn', 'Văn Dân', String(resident.chatId)]) expect(text).not.toContain(name);

    await page.getByLabel('Hành động').selectOption('grant.');
    await page.getByRole('button', { name: 'Lọc' }).click();
    const shownActions = async () =>
      (await page.getByTestId('audit-entry').allInnerTexts()).map((r) => r.split('\t')[1]);
    await expect.poll(async () => (await shownActions()).every((a) => a?.startsWith('grant.'))).toBe(true);
    expect(await shownActions()).toContain('grant.revoke');
    await page.getByLabel('Hành động').selectOption('');
    await page.getByLabel('Người thực hiện').fill('Lê Văn An');
    await page.getByLabel('Từ ngày').fill('2000-01-01');
    await page.getByLabel('Đến ngày').fill('2000-01-31');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect.poll(() => log.innerText()).toContain('Không có mục nào.');
    await context.close();
  });

  it('the operator pages through the whole log; every change needs the CSRF token', async () => {
    const { result: token } = await runUseCase(h.db, (s) => createSignInLink(s.tx, testPii(), OPERATOR, OPERATOR));
    const { context, page } = await signIn(consoleLoginUrl(h.url, token));
    // More than a page of entries (50): the next one follows on.
    await h.db.auditLog.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        actorId: null,
        action: 'test.filler',
        entity: 'Test',
        entityId: String(i),
      })),
    });
    await openSection(page, 'Nhật ký');
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBe(50);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await expect.poll(() => page.getByTestId('audit-entry').count()).toBeGreaterThan(60);
    // The resident's wrong code: the operator sees the record, still without anyone named.
    const failed = (await page.getByTestId('audit-entry').allInnerTexts()).find((r) => r.includes('invite.failed'));
    expect(failed).toContain('Không hiển thị');

    // Riding on the cookie without the page's token: refused, nothing done.
    const before = await h.db.staffInvite.count();
    const forged = await page.request.post(`${h.url}/console/api/staff/invites`, {
      data: { role: 'admin', areaCode: hungMy, days: 7 },
    });
    expect(forged.status()).toBe(403);
    const grant = await h.db.staffGrant.findFirstOrThrow({ where: { label: COLLEAGUE } });
    const forgedRevoke = await page.request.post(`${h.url}/console/api/staff/grants/${grant.id}/revoke`);
    expect(forgedRevoke.status()).toBe(403);
    expect(await h.db.staffInvite.count()).toBe(before);
    expect(await h.db.staffGrant.count({ where: { id: grant.id } })).toBe(1);
    await context.close();
  });

  it('an officer sees colleagues but manages nothing: no invites, no revoking, no audit log, no queues', async () => {
    const { context, page } = await signIn(await askLink(colleague));
    const nav = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    expect(nav).not.toContain('Nhật ký');
    expect(nav).not.toContain('Hệ thống');
    await openSection(page, 'Cán bộ');
    await expect.poll(() => page.getByTestId('grants').innerText()).toContain(ADMIN);
    expect(await page.getByRole('button', { name: 'Thu hồi quyền' }).count()).toBe(0);
    expect(await page.getByTestId('invites').count()).toBe(0);

    const csrfToken = (await (await page.request.get(`${h.url}/console/api/me`)).json()).csrfToken as string;
    const headers = { 'x-csrf-token': csrfToken };
    const invite = await page.request.post(`${h.url}/console/api/staff/invites`, {
      headers,
      data: { role: 'officer', areaCode: hungMy, days: 7 },
    });
    expect(invite.status()).toBe(403);
    const adminGrant = await h.db.staffGrant.findFirstOrThrow({ where: { label: ADMIN } });
    const revoke = await page.request.post(`${h.url}/console/api/staff/grants/${adminGrant.id}/revoke`, { headers });
    expect(revoke.status()).toBe(403);
    expect((await page.request.get(`${h.url}/console/api/audit`)).status()).toBe(403);
    expect((await page.request.get(`${h.url}/console/api/staff/invites`)).status()).toBe(403);
    expect((await page.request.get(`${h.url}/console/api/health`)).status()).toBe(404);
    expect((await page.request.get(`${h.url}/console/queues`)).status()).toBe(404);
    expect((await page.request.get(`${h.url}/console/queues/api/queues`)).status()).toBe(404);
    await context.close();

    // Without any session: 401.
    const anonymous = await phone(world.browser);
    expect((await anonymous.request.get(`${h.url}/console/queues`)).status()).toBe(401);
    await anonymous.close();
  });

  it('the operator sees the health of each part and Bull Board, served entirely by the service', async () => {
    const { result: token } = await runUseCase(h.db, (s) => createSignInLink(s.tx, testPii(), OPERATOR, OPERATOR));
    const { context, page, requests } = await signIn(consoleLoginUrl(h.url, token));
    await openSection(page, 'Hệ thống');
    await expect.poll(() => page.getByTestId('health').innerText()).toContain('Mọi thành phần đang hoạt động.');
    const parts = await page.getByTestId('health-part').allInnerTexts();
    expect(parts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/PostgreSQL\s+hoạt động/),
        testQueueBackend === 'redis'
          ? expect.stringMatching(/Redis \(hàng đợi\)\s+hoạt động/)
          : expect.stringMatching(/Hàng đợi trong PostgreSQL\s+hoạt động/),
        // The fake OA has handed out no token yet (`zalo-oa connect` was never run).
        expect.stringMatching(/Zalo OA\s+chưa kết nối/),
      ]),
    );

    await page.getByTestId('queues-link').click();
    await page.waitForURL(/\/console\/queues/);
    // Bull Board lists the service's queues.
    await expect.poll(() => page.locator('body').innerText(), { timeout: 15_000 }).toContain('chats');
    expect(await page.locator('body').innerText()).toContain('deliver-telegram');
    // Nothing from elsewhere: its scripts, styles and data all come from this service.
    expect(requests.filter((u) => !u.startsWith(h.url) && !u.startsWith('data:'))).toEqual([]);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-queues.png' });
    // Bull Board's own changes carry no CSRF token: only from the console's own origin.
    const clean = `${h.url}/console/queues/api/queues/chats/clean/completed`;
    expect((await page.request.put(clean)).status()).toBe(403);
    expect((await page.request.put(clean, { headers: { origin: 'https://evil.example' } })).status()).toBe(403);
    expect((await page.request.put(clean, { headers: { origin: h.url } })).status()).toBeLessThan(300);
    await context.close();
  });
});
