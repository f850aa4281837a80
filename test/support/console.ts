import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, phone } from './browser.ts';
import type { Harness } from './harness.ts';
import { harnessInHungMy } from './hung-my.ts';
import { freePort } from './process.ts';
import { TelegramUser } from './users.ts';
import { makeStaff, neighbourOf } from './staff.ts';

export interface ConsoleWorld {
  h: Harness;
  hungMy: string;
  browser: Browser;
  /** What went wrong in any page (script errors, dialogs, unexpected failed loads): empty when the file ends. */
  problems: string[];
}

/**
 * The service in Xã Hưng Mỹ for a file of console tests, with a headless Chromium. Its public address is the port it
 * listens on: the sign-in links the bot sends must reach this very service.
 */
export async function consoleInHungMy(
  take: (world: ConsoleWorld) => void,
  env: Record<string, string> = {},
): Promise<void> {
  const port = await freePort();
  const world = { problems: [] as string[] } as ConsoleWorld;
  harnessInHungMy(
    (started) => {
      Object.assign(world, started);
      take(world);
    },
    { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...env },
  );
  beforeAll(async () => {
    world.browser = await launchBrowser();
  });
  afterAll(() => world.browser?.close());
  afterAll(() => expect(world.problems).toEqual([]));
}

/** `/web` in a staff member's private chat: the link as the bot sent it. */
export async function askLink(u: TelegramUser): Promise<string> {
  await u.send('/web');
  const msg = await u.expect(/Liên kết đăng nhập/);
  return /https?:\/\/\S+/.exec(msg.text)![0];
}

export interface WatchOptions {
  /** Failed loads the test expects, as Chromium logs them ("status of 401"). */
  expected?: RegExp;
  /** A 404 answer to anything the page asks for is a problem (a missing asset, an icon). */
  no404?: boolean;
}

/** What watching a page needs: the browser, and where its problems are recorded. */
export type Watcher = Pick<ConsoleWorld, 'browser' | 'problems'>;

/**
 * Records a page's problems: nothing it runs may fail or be blocked (its Content-Security-Policy included), and
 * any dialog is a script it should never have run.
 */
export function watchPage(page: Page, problems: string[], opts: WatchOptions = {}): void {
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  if (opts.no404) page.on('response', (r) => void (r.status() === 404 && problems.push(`404 ${r.url()}`)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.expected?.test(m.text())) problems.push(`${m.text()} ${m.location().url}`);
  });
}

/** A phone-sized browser of its own with one watched page. */
export async function watchedPage(
  world: Watcher,
  opts: WatchOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(world.browser);
  const page = await context.newPage();
  watchPage(page, world.problems, opts);
  return { context, page };
}

/** A watched page (see watchPage) opening `link`, every request it makes recorded. */
export async function openWatched(
  world: Watcher,
  link: string,
  opts: WatchOptions = {},
): Promise<{ context: BrowserContext; page: Page; requests: string[]; status: number | undefined }> {
  const { context, page } = await watchedPage(world, opts);
  const requests: string[] = [];
  page.on('request', (r) => void requests.push(r.url()));
  const res = await page.goto(link);
  await page.getByTestId('who').waitFor();
  return { context, page, requests, status: res?.status() };
}

export interface Hidden {
  /** The page's address and what it shows instead (its test id and words). */
  page: string;
  notFound: { testId: string; text: string };
  /** The same thing's API, and a change to it with its body. */
  api: string;
  change: { path: string; data: unknown };
}

/**
 * What a signed-in officer gets for something outside their areas: the page answers 404 and says it is not
 * theirs, its API 404, and a change (with the session's CSRF token) 404 too. Returns the session's token.
 */
export async function expectHidden(page: Page, base: string, hidden: Hidden): Promise<string> {
  const res = await page.goto(`${base}${hidden.page}`);
  expect(res?.status()).toBe(404);
  await expect.poll(() => page.getByTestId(hidden.notFound.testId).innerText()).toContain(hidden.notFound.text);
  expect((await page.request.get(`${base}${hidden.api}`)).status()).toBe(404);
  const me = await (await page.request.get(`${base}/console/api/me`)).json();
  const change = await page.request.post(`${base}${hidden.change.path}`, {
    headers: { 'x-csrf-token': me.csrfToken },
    data: hidden.change.data,
  });
  expect(change.status()).toBe(404);
  return me.csrfToken as string;
}

/** An officer of Xã Hưng Mỹ and one of a neighbouring commune (who must find nothing of Hưng Mỹ's), labelled. */
export async function officerAndStranger(h: Harness, hungMy: string) {
  const officer = new TelegramUser(h, 'Trần', 'Văn Tâm');
  await makeStaff(h, officer, hungMy, 'officer', 'Đại uý Trần Văn Tâm');
  const stranger = new TelegramUser(h, 'Lý', 'Văn Xa');
  await makeStaff(h, stranger, await neighbourOf(h, hungMy), 'officer', 'Thượng uý Lý Văn Xa');
  return { officer, stranger };
}
