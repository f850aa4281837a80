import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATOR } from '../../src/core/scope.ts';
import { consoleLoginUrl } from '../../src/features/console/links.ts';
import { createSignInLink } from '../../src/features/console/sessions.ts';
import { revoke } from '../../src/features/staff/actions.ts';
import { phone } from '../support/browser.ts';
import { runCli } from '../support/cli.ts';
import type { Harness } from '../support/harness.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { onboard } from '../support/onboard.ts';
import { testPii } from '../support/people.ts';
import { makeStaff } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
import { TelegramUser } from '../support/users.ts';

let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
await consoleInHungMy((w) => {
  world = w;
  ({ h, hungMy } = w);
});

const LABEL = 'Đại uý Trần Văn Tâm';

/** A browser of its own that opened `link`: the console's home, signed in. */
async function signIn(link: string) {
  // A signed-out page's question "who is signed in?" is answered 401, which Chromium logs: that one is expected.
  const opened = await openWatched(world, link, { expected: /status of 401/ });
  expect(opened.status).toBe(200);
  expect(new URL(opened.page.url()).pathname).toBe('/console');
  return opened;
}

/** What a refused link's page answers and says. */
async function refusal(link: string): Promise<{ status: number | undefined; text: string }> {
  const context = await phone(world.browser);
  const page = await context.newPage();
  const res = await page.goto(link);
  const text = await page.locator('body').innerText();
  await context.close();
  return { status: res?.status(), text };
}

describe('web console sign-in (issue 15, first slice)', () => {
  let officer: TelegramUser;
  let userId: string;
  beforeAll(async () => {
    officer = new TelegramUser(h, 'Trần', 'Văn Tâm');
    await makeStaff(h, officer, hungMy, 'officer', LABEL);
    const grant = await h.db.staffGrant.findFirstOrThrow({ where: { label: LABEL } });
    userId = grant.userId;
  });

  it('GET /console without a session says how to sign in', async () => {
    const context = await phone(world.browser);
    const page = await context.newPage();
    await page.goto(`${h.url}/console`);
    const signedOut = page.getByTestId('signed-out');
    await expect.poll(() => signedOut.innerText()).toContain('gõ /web trong tin nhắn riêng với bot');
    await context.close();
  });

  it('/web is for staff only: a resident gets the usual answer and no link', async () => {
    const resident = new TelegramUser(h, 'Lê', 'Thị Dân');
    await onboard(resident);
    await resident.send('/web');
    const answer = await resident.expect(/chỉ dành cho cán bộ/);
    expect(answer.text).not.toContain('/console/login');
  });

  it('/web sends an honest one-time link; opening it signs the officer in, once', async () => {
    await officer.send('/web');
    const msg = await officer.expect(/Liên kết đăng nhập/);
    expect(msg.text).toContain('chỉ dùng được một lần, trong 10 phút');
    expect(msg.text).toContain('đừng chuyển tiếp');
    const link = /https?:\/\/\S+/.exec(msg.text)![0];
    expect(link).toMatch(new RegExp(`^${h.config.PUBLIC_URL}/console/login\\?token=[A-Za-z0-9_-]{43}$`));

    const { context, page } = await signIn(link);
    await expect.poll(() => page.getByTestId('who-label').innerText()).toBe(LABEL);
    expect(await page.getByTestId('who').innerText()).toContain('Cán bộ Công an · Xã Hưng Mỹ, Cà Mau');
    const nav = await page.getByRole('navigation').getByRole('link').allInnerTexts();
    expect(nav).toEqual(['Tin báo', 'Thông báo', 'Mô hình', 'Ngày hội', 'Cán bộ', 'Thống kê']);
    // `SCREENSHOTS=1 npx vitest run test/browser` refreshes the README's picture.
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-shell.png' });
    // A section's page at its own address: its title and its content.
    await page.getByRole('link', { name: 'Thông báo' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/broadcasts');
    await expect.poll(() => page.getByRole('main').innerText()).toContain('Soạn thông báo mới');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).innerText()).toBe('Thông báo');

    // The cookie: out of scripts' reach, the console's path only, not sent by other sites; http here, so not Secure.
    const [cookie, ...others] = await context.cookies();
    expect(others).toEqual([]);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/console' });
    // Stored hashed: the cookie's value is nowhere in the database.
    const sessions = await h.db.consoleSession.findMany({ where: { userId } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.tokenHash).not.toBe(cookie!.value);
    expect(await h.db.consoleSession.count({ where: { tokenHash: cookie!.value } })).toBe(0);

    // The same link again (another browser, someone it was forwarded to): refused.
    const again = await refusal(link);
    expect(again.status).toBe(410);
    expect(again.text).toContain('đã được dùng');
    expect(await h.db.consoleSession.count({ where: { userId } })).toBe(1);
    await context.close();
  });

  it('a link older than 10 minutes is refused', async () => {
    const link = await askLink(officer);
    // Ten minutes later, in the database's time.
    await h.db
      .$executeRaw`UPDATE "ConsoleLink" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = ${userId} AND "usedAt" IS NULL`;
    const { status, text } = await refusal(link);
    expect(status).toBe(410);
    expect(text).toContain('đã hết hạn (sau 10 phút)');
    const made = await refusal(`${h.url}/console/login?token=not-a-real-token`);
    expect(made.status).toBe(404);
    expect(made.text).toContain('không hợp lệ');
  });

  it('the language switches to English and stays so', async () => {
    const { context, page } = await signIn(await askLink(officer));
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(() => page.getByRole('navigation').getByRole('link').allInnerTexts())
      .toEqual(['Tips', 'Notices', 'Models', 'Festival days', 'Staff', 'Statistics']);
    await page.reload();
    await expect.poll(() => page.getByTestId('who').innerText()).toContain('Police officer · Xã Hưng Mỹ, Cà Mau');
    await context.close();
  });

  it('a change without the CSRF token is refused (403) and does nothing; logout ends the session', async () => {
    const { context, page } = await signIn(await askLink(officer));
    const before = await h.db.consoleSession.count({ where: { userId } });
    // The browser's cookie goes along, as with a forged form on another site.
    const forged = await page.request.post(`${h.url}/console/api/logout`);
    expect(forged.status()).toBe(403);
    const wrong = await page.request.post(`${h.url}/console/api/logout`, { headers: { 'x-csrf-token': 'guess' } });
    expect(wrong.status()).toBe(403);
    expect(await h.db.consoleSession.count({ where: { userId } })).toBe(before);
    expect((await page.request.get(`${h.url}/console/api/me`)).status()).toBe(200);

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.getByTestId('signed-out').innerText()).toContain('Bạn đã đăng xuất.');
    expect(await h.db.consoleSession.count({ where: { userId } })).toBe(before - 1);
    expect(await context.cookies()).toEqual([]);
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-out').innerText()).toContain('Chưa đăng nhập');
    const actions = (
      await h.db.auditLog.findMany({ where: { actorId: userId, entity: { startsWith: 'Console' } } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['console.link', 'console.login', 'console.logout']));
    await context.close();
  });

  it('a session idle for 12 hours has ended', async () => {
    const { context, page } = await signIn(await askLink(officer));
    await h.db
      .$executeRaw`UPDATE "ConsoleSession" SET "lastSeenAt" = now() - interval '12 hours 1 second' WHERE "userId" = ${userId}`;
    await page.reload();
    await expect.poll(() => page.getByTestId('signed-out').innerText()).toContain('Chưa đăng nhập');
    await context.close();
  });

  it('revoking the officer’s grant signs them out at their next page load; the operator’s session stays', async () => {
    const { context, page } = await signIn(await askLink(officer));
    const { result: token } = await runUseCase(h.db, (s) => createSignInLink(s.tx, testPii(), OPERATOR, OPERATOR));
    const operator = await signIn(consoleLoginUrl(h.url, token));
    expect(await operator.page.getByTestId('who').innerText()).toContain('Quản trị hệ thống');

    const grant = await h.db.staffGrant.findFirstOrThrow({ where: { userId } });
    const { result } = await runUseCase(h.db, (s) => revoke(s, OPERATOR, grant.id));
    expect(result.ok).toBe(true);
    expect(await h.db.consoleSession.count({ where: { userId } })).toBe(0);

    await page.reload();
    await expect.poll(() => page.getByTestId('signed-out').innerText()).toContain('Chưa đăng nhập');
    await operator.page.reload();
    await expect.poll(() => operator.page.getByTestId('who').innerText()).toContain('Toàn bộ địa bàn');
    await Promise.all([context.close(), operator.context.close()]);
  });

  it('npm run cli -- console-link prints a working link: --admin for the operator, --person for a staff member', async () => {
    const printed = await runCli(h, ['console-link', '--admin'], { PUBLIC_URL: h.config.PUBLIC_URL! });
    expect(printed.code, printed.out).toBe(0);
    expect(printed.out).toContain('Works once, within 10 minutes');
    const link = /https?:\/\/\S+/.exec(printed.out)![0];
    const { context, page } = await signIn(link);
    expect(await page.getByTestId('who').innerText()).toContain('Quản trị hệ thống');
    await context.close();
    const other = new TelegramUser(h, 'Phạm', 'Văn Hải');
    await makeStaff(h, other, hungMy, 'officer', 'Thượng uý Phạm Văn Hải');
    const { userId: otherId } = await h.db.staffGrant.findFirstOrThrow({
      where: { label: 'Thượng uý Phạm Văn Hải' },
    });
    const forPerson = await runCli(h, ['console-link', '--person', otherId], { PUBLIC_URL: h.config.PUBLIC_URL! });
    expect(forPerson.code, forPerson.out).toBe(0);
    const theirs = await signIn(/https?:\/\/\S+/.exec(forPerson.out)![0]);
    expect(await theirs.page.getByTestId('who-label').innerText()).toBe('Thượng uý Phạm Văn Hải');
    await theirs.context.close();
    const unknown = await runCli(h, ['console-link', '--person', '00000000-0000-0000-0000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain('No staff member with user id');
  });
});
