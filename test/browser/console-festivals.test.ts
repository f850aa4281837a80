import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/harness.ts';
import {
  askLink,
  consoleInHungMy,
  expectHidden,
  officerAndStranger,
  openWatched,
  type ConsoleWorld,
} from '../support/console.ts';
import { onboard } from '../support/onboard.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Issue 15: festival days in the web console ("create a festival and see its reminders"), driven in a real browser.
// The service's default lead times: reminders 7 days, 1 day and 2 hours before the start.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
await consoleInHungMy((w) => {
  world = w;
  ({ h, hungMy } = w);
});

const TITLE = 'Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ';

/** The day `days` from now in Vietnam, as a date field holds it ("2026-12-09"). */
const vietnamDay = (days: number) =>
  new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
/** "09/12/2026": the same day as festival messages write it. */
const spoken = (day: string) => day.split('-').reverse().join('/');

/** Each reminder's line as the timeline shows it: lead time and state. */
const timeline = (page: Page) =>
  page
    .getByTestId('reminder')
    .evaluateAll((rows) =>
      rows.map(
        (r) =>
          `${r.querySelector('strong')?.textContent} ${r.querySelector('[data-testid="reminder-state"]')?.textContent}`,
      ),
    );

// Expected refusals (a past start 400, the other commune’s officer 404) are logged by Chromium as failed loads.
const signIn = async (u: TelegramUser) => openWatched(world, await askLink(u), { expected: /status of 40[04]/ });

describe('web console: festival days (issue 15)', () => {
  let officer: TelegramUser;
  let stranger: TelegramUser;
  let tgResident: TelegramUser;
  let zaloResident: ZaloUser;
  let festivalId: number;

  beforeAll(async () => {
    ({ officer, stranger } = await officerAndStranger(h, hungMy));
    tgResident = new TelegramUser(h, 'Phạm', 'Văn Dân');
    zaloResident = new ZaloUser(h, 'Ngô Thị Dân');
    await onboard(tgResident);
    await onboard(zaloResident);
  });

  it('an officer creates one after its preview; residents are invited, an answer is counted, reminders are planned', async () => {
    const { context, page } = await signIn(officer);
    await page.getByRole('navigation').getByRole('link', { name: 'Ngày hội' }).click();
    await expect.poll(() => page.getByTestId('festival-new').isVisible()).toBe(true);
    await page.getByTestId('festival-new').click();
    await page.getByTestId('festival-title').fill(TITLE);
    await page.getByTestId('festival-area').selectOption(hungMy);
    await page.getByTestId('festival-venue').fill('Nhà văn hoá xã Hưng Mỹ');
    await page.getByTestId('festival-start').fill('07:30');
    await page.getByTestId('festival-end').fill('11:30');
    await page.getByTestId('festival-programme').fill('Văn nghệ; trao thưởng; ký cam kết an toàn, an ninh trật tự');

    // A day already past: refused with the use case's reason, nothing sent.
    await page.getByTestId('festival-day').fill(vietnamDay(-1));
    await page.getByRole('button', { name: 'Xem trước thông báo' }).click();
    await expect
      .poll(() => page.getByTestId('festival-problem').innerText())
      .toBe('Thời điểm bắt đầu không hợp lệ hoặc đã qua. Hãy chọn một thời điểm sắp tới.');

    // Eight days ahead: the announcement previewed as residents will read it, then sent.
    const day = vietnamDay(8);
    await page.getByTestId('festival-day').fill(day);
    await page.getByRole('button', { name: 'Xem trước thông báo' }).click();
    const dialog = page.getByTestId('confirm');
    await dialog.waitFor();
    const preview = await dialog.getByTestId('preview-text').innerText();
    expect(preview).toContain('Trân trọng kính mời bà con tham dự Ngày hội');
    expect(preview).toContain(`${spoken(day)}, 07:30`);
    expect(await dialog.getByTestId('preview-recipients').innerText()).toMatch(/^Gửi tới \d+ tài khoản · Xã Hưng Mỹ/);
    expect(await h.db.festival.count()).toBe(0);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-festival-preview.png' });
    await dialog.getByRole('button', { name: 'Gửi thông báo và tạo Ngày hội' }).click();

    await expect.poll(() => /\/console\/festivals\/(\d+)$/.test(new URL(page.url()).pathname)).toBe(true);
    festivalId = Number(/(\d+)$/.exec(page.url())![1]);
    await expect.poll(() => page.getByTestId('festival-heading').innerText()).toBe(TITLE);
    await expect.poll(() => timeline(page)).toEqual(['7 ngày Đã hẹn', '1 ngày Đã hẹn', '2 giờ Đã hẹn']);
    expect(await page.getByTestId('reminder-due').first().innerText()).toContain('07:30');

    // Residents of the commune are invited, on Telegram and on Zalo.
    const announced = await tgResident.expect(/Trân trọng kính mời bà con tham dự Ngày hội/, 15_000);
    expect(announced.text).toContain('🏛 Địa điểm: Nhà văn hoá xã Hưng Mỹ');
    expect((await zaloResident.expect(/Trân trọng kính mời/, 15_000)).text).toContain(TITLE);

    // One answers in chat: the page counts it.
    await tgResident.pressLabel(announced, /Tôi sẽ tham gia/);
    await tgResident.expect(/Đã ghi nhận: bạn sẽ tham gia/);
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByTestId('answers-going').innerText();
      })
      .toBe('Tham gia: 1');
    expect(await page.getByTestId('answers-not-going').innerText()).toBe('Không tham gia: 0');
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/console-festival.png', fullPage: true });

    // The list shows it upcoming, with its answer.
    await page.getByRole('link', { name: '‹ Danh sách Ngày hội' }).click();
    const row = page.locator(`[data-testid="festival-row"][data-id="${festivalId}"]`);
    await expect.poll(() => row.getByTestId('festival-state').innerText()).toBe('Sắp diễn ra');
    expect(await row.getByTestId('festival-going').innerText()).toContain('Tham gia: 1');
    await context.close();
  });

  it('moving it tells residents and plans the reminders again; commendations are announced; cancelling drops them', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/festivals/${festivalId}`);
    await page.getByRole('button', { name: 'Đổi thời gian' }).click();
    // Three days ahead: the 7-day reminder's time has passed.
    const day = vietnamDay(3);
    await page.getByTestId('festival-day').fill(day);
    await page.getByTestId('festival-endDay').fill(day);
    await page.getByRole('button', { name: 'Xem trước thông báo' }).click();
    const dialog = page.getByTestId('confirm');
    await dialog.waitFor();
    expect(await dialog.getByTestId('preview-text').innerText()).toContain('Ngày hội đổi thời gian');
    await dialog.getByRole('button', { name: 'Đổi thời gian' }).click();
    await expect
      .poll(() => page.getByTestId('festival-notice').innerText())
      .toMatch(/^Đã đổi thời gian; .* \d+ tài khoản$/);
    await expect.poll(() => timeline(page)).toEqual(['7 ngày Bỏ qua (đã quá giờ)', '1 ngày Đã hẹn', '2 giờ Đã hẹn']);
    for (const resident of [tgResident, zaloResident]) {
      const moved = await resident.expect(/Ngày hội đổi thời gian/, 15_000);
      expect(moved.text).toContain(`${spoken(day)}, 07:30`);
    }

    // Commendations: confirmed, then announced to the commune.
    await page.getByTestId('commend-names').fill('Nguyễn Văn Bảo; Tổ tự quản số 3');
    await page.getByRole('button', { name: 'Công bố khen thưởng' }).click();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Công bố khen thưởng' }).click();
    await expect
      .poll(() => page.getByTestId('festival-notice').innerText())
      .toBe('Đã công bố khen thưởng. Số cá nhân, tập thể: 2');
    expect(await page.getByTestId('commendations').innerText()).toContain('Tổ tự quản số 3');
    expect((await tgResident.expect(/Nguyễn Văn Bảo/, 15_000)).text).toContain('Tổ tự quản số 3');

    // Cancelled after its preview: the pending reminders are dropped, residents told.
    await page.getByRole('button', { name: 'Huỷ Ngày hội' }).click();
    await dialog.waitFor();
    expect(await dialog.getByTestId('preview-text').innerText()).toContain('đã bị huỷ');
    await dialog.getByRole('button', { name: 'Huỷ Ngày hội' }).click();
    await expect.poll(() => page.getByTestId('festival-state').innerText()).toBe('Đã huỷ');
    expect(await timeline(page)).toEqual(['7 ngày Bỏ qua (đã quá giờ)', '1 ngày Đã huỷ', '2 giờ Đã huỷ']);
    expect(await page.getByTestId('festival-actions').count()).toBe(0);
    await tgResident.expect(/Ngày hội sau đây đã bị huỷ/, 15_000);
    await zaloResident.expect(/đã bị huỷ/, 15_000);
    await context.close();
  });

  it('an officer of another commune gets 404 on the page and the API, and never sees it listed', async () => {
    const { context, page } = await signIn(stranger);
    const csrfToken = await expectHidden(page, h.url, {
      page: `/console/festivals/${festivalId}`,
      notFound: { testId: 'festival-not-found', text: 'Không có Ngày hội này' },
      api: `/console/api/festivals/${festivalId}`,
      change: {
        path: `/console/api/festivals/${festivalId}/move`,
        data: { startsAt: `${vietnamDay(5)}T07:30`, endsAt: `${vietnamDay(5)}T09:30` },
      },
    });
    const list = await (await page.request.get(`${h.url}/console/api/festivals`)).json();
    expect(list.festivals).toEqual([]);
    // Nor may they preview (count the residents of) an area not theirs; an unreadable time is a 400.
    const form = { areaCode: hungMy, title: 'Ngày hội thử', venue: 'Nhà văn hoá' };
    const preview = (span: { startsAt: string; endsAt: string }) =>
      page.request.post(`${h.url}/console/api/festivals/preview`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { ...form, ...span },
      });
    expect((await preview({ startsAt: `${vietnamDay(5)}T07:30`, endsAt: `${vietnamDay(5)}T09:30` })).status()).toBe(
      404,
    );
    expect((await preview({ startsAt: 'mai 7 giờ', endsAt: `${vietnamDay(5)}T09:30` })).status()).toBe(400);
    await context.close();
  });
});
