import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findIdentity, type Harness } from '../support/harness.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { residents, seedResidents, type Resident } from '../support/residents.ts';
import { makeStaff, neighbourOf } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';

// Issue 15: broadcasts in the web console, composed, sent and steered in a real browser.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
// The reconciler looks often: a finished broadcast is marked done within a second, as a started one is fanned out.
await consoleInHungMy(
  (w) => {
    world = w;
    ({ h, hungMy } = w);
  },
  { BROADCAST_RECONCILE_SECONDS: '0.5' },
);

// A refused audience and a broadcast of another commune answer 404: Chromium logs them as failed loads.
const signIn = async (officer: TelegramUser) =>
  openWatched(world, await askLink(officer), { expected: /status of 404/ });

const openBroadcasts = async (page: Page) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Thông báo' }).click();
  await page.getByTestId('compose').waitFor();
};

const countShown = (page: Page) => page.getByTestId('recipient-count').innerText();

/** The report's table, as { outcome: number }. */
async function outcomes(page: Page): Promise<Record<string, number>> {
  const rows = await page.getByTestId('outcomes').locator('tbody tr').allInnerTexts();
  return Object.fromEntries(rows.map((r) => r.split('\t')).map(([name, n]) => [name!.trim(), Number(n)]));
}

describe('web console: broadcasts (issue 15)', () => {
  let officer: TelegramUser;
  let stranger: TelegramUser;
  let otherCommune: string;
  let people: Resident[];

  beforeAll(async () => {
    otherCommune = await neighbourOf(h, hungMy);
    officer = new TelegramUser(h, 'Phạm', 'Văn Loa');
    await makeStaff(h, officer, hungMy, 'officer', 'Đại uý Phạm Văn Loa');
    stranger = new TelegramUser(h, 'Lý', 'Văn Xa');
    await makeStaff(h, stranger, otherCommune, 'officer', 'Thượng uý Lý Văn Xa');
    // Onboarded in Hưng Mỹ like every test resident: they live in their own commune.
    const identity = await findIdentity(h, 'telegram', stranger.chatId);
    await h.db.user.update({ where: { id: identity!.userId }, data: { areaCode: otherCommune } });
    // With the officer, who lives in the commune too: 200 residents, a quarter of them reading English.
    people = [
      ...residents('telegram', 100, hungMy, (n) => (n % 4 === 0 ? 'en' : 'vi')),
      ...residents('zalo', 99, hungMy),
    ];
    await seedResidents(h.db, people);
  });

  it('composes to the commune (200 residents), previews, sends; the bar reaches 100 % and the report shows 200 sent', async () => {
    const { context, page } = await signIn(officer);
    await openBroadcasts(page);
    const form = page.getByTestId('compose');
    await expect.poll(() => countShown(page)).toContain('Số người nhận hiện tại: 200');
    expect(await countShown(page)).toContain('Telegram 101 · Zalo 99 · Zalo OA 0');
    // The count follows the audience.
    await form.getByLabel('Ứng dụng nhắn tin').selectOption('zalo');
    await expect.poll(() => countShown(page)).toContain('Số người nhận hiện tại: 99');
    await form.getByLabel('Ứng dụng nhắn tin').selectOption('');
    await form.getByLabel('Ngôn ngữ người nhận').selectOption('en');
    await expect.poll(() => countShown(page)).toContain('Số người nhận hiện tại: 25');
    await form.getByLabel('Ngôn ngữ người nhận').selectOption('');
    await expect.poll(() => countShown(page)).toContain('Số người nhận hiện tại: 200');

    // Too short: said on the page, nothing written.
    await form.getByLabel('Nội dung (tiếng Việt)').fill('Họp');
    await form.getByRole('button', { name: 'Gửi thông báo' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('từ 5 đến 3.500 ký tự');
    expect(await h.db.broadcast.count()).toBe(0);

    const vi = 'Tối thứ Bảy, 19 giờ, họp tổ an ninh tự quản tại nhà văn hoá ấp 3. <b>Mời bà con</b>.';
    const en = 'Neighbourhood security meeting on Saturday at 7 pm at the hamlet 3 cultural house.';
    await form.getByLabel('Nội dung (tiếng Việt)').fill(vi);
    await form.getByLabel('Bản tiếng Anh (không bắt buộc)').fill(en);
    await form.getByRole('button', { name: 'Xem trước' }).click();
    // Each messenger and language, as its renderer would send it; the author's text stays text.
    await expect.poll(() => page.getByTestId('preview').count()).toBe(6);
    const previews = await page.getByTestId('preview').allInnerTexts();
    expect(previews[0]).toContain('Telegram · Tiếng Việt');
    expect(previews[0]).toContain('📢 THÔNG BÁO của Xã Hưng Mỹ, Cà Mau');
    expect(previews[0]).toContain(vi);
    expect(previews[0]).toContain('/stop');
    expect(previews.find((p) => p.startsWith('Zalo OA · Tiếng Anh'))).toContain(en);
    expect(await page.locator('b').count()).toBe(0);

    await form.getByRole('button', { name: 'Gửi thông báo' }).click();
    const confirm = page.getByTestId('confirm-send');
    expect(await confirm.innerText()).toContain('Gửi thông báo ngay. Số người nhận: 200');
    await confirm.getByRole('button', { name: 'Xác nhận' }).click();

    // The broadcast's page: progress to 100 %, then the report.
    await page.waitForURL(/\/console\/broadcasts\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const bar = page.getByRole('progressbar');
    await expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 25_000 }).toBe('100');
    await expect
      .poll(() => page.getByTestId('broadcast').locator('h3').innerText(), { timeout: 10_000 })
      .toContain('Đã xong');
    expect(await outcomes(page)).toEqual({
      'Đã gửi': 200,
      'Bị chặn': 0,
      Lỗi: 0,
      'Bỏ qua': 0,
      'Ngoài khung tương tác': 0,
      'Đang chờ': 0,
      Tổng: 200,
    });
    expect(await page.getByTestId('progress-figures').innerText()).toBe('100% · 200/200');
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/console-broadcast.png', fullPage: true });

    // Every resident got it in their language, on their messenger; the author gets the report in chat.
    const got = (r: Resident) =>
      (r.platform === 'telegram' ? h.tg : h.zalo).textsTo(r.id).some((t) => t.includes(r.locale === 'en' ? en : vi));
    expect(people.filter(got)).toHaveLength(199);
    await officer.expect(new RegExp(`📊 Báo cáo thông báo #${id}`), 10_000);

    // The list shows it done, its bar full; the chat's own audit entries and the console's.
    await page.getByRole('link', { name: '‹ Danh sách thông báo' }).click();
    const row = page.locator(`[data-testid="broadcast-row"][data-id="${id}"]`);
    await expect.poll(() => row.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    expect(await row.innerText()).toContain('Đã xong');
    const actions = (await h.db.auditLog.findMany({ where: { entityId: String(id) } })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'broadcast.create',
        'broadcast.start',
        'console.broadcast.create',
        'console.broadcast.start',
      ]),
    );
    await context.close();
  });

  it('schedules a second one, pauses, resumes and (after confirming) cancels it; nobody gets it', async () => {
    const { context, page } = await signIn(officer);
    await openBroadcasts(page);
    const form = page.getByTestId('compose');
    await expect.poll(() => countShown(page)).toContain('200');
    const text = 'Lịch tiêm phòng dại cho chó mèo sẽ thông báo sau.';
    await form.getByLabel('Nội dung (tiếng Việt)').fill(text);
    await form.getByLabel('Hẹn giờ', { exact: true }).check();
    // Tomorrow at 07:30, Vietnam time.
    const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Giờ gửi (giờ Việt Nam)').fill(`${tomorrow}T07:30`);
    await form.getByRole('button', { name: 'Hẹn giờ gửi' }).click();
    await page.getByTestId('confirm-send').getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/console\/broadcasts\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    const state = () => page.getByTestId('broadcast').locator('h3').innerText();
    await expect.poll(state).toContain('Đã hẹn giờ');
    const stored = await h.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect(stored.scheduledAt?.toISOString()).toBe(new Date(`${tomorrow}T07:30:00+07:00`).toISOString());
    expect(await page.getByTestId('broadcast').innerText()).toContain('07:30');

    await page.getByRole('button', { name: 'Tạm dừng' }).click();
    await expect.poll(state).toContain('Tạm dừng');
    await page.getByRole('button', { name: 'Tiếp tục gửi' }).click();
    // Paused before its time: it waits for its time again.
    await expect.poll(state).toContain('Đã hẹn giờ');
    await page.getByRole('button', { name: 'Huỷ gửi' }).click();
    // Asked first; "keep" changes nothing.
    await page.getByTestId('confirm-cancel').getByRole('button', { name: 'Không huỷ' }).click();
    expect((await h.db.broadcast.findUniqueOrThrow({ where: { id } })).status).toBe('scheduled');
    await page.getByRole('button', { name: 'Huỷ gửi' }).click();
    await page.getByTestId('confirm-cancel').getByRole('button', { name: 'Xác nhận huỷ gửi' }).click();
    await expect.poll(state).toContain('Đã huỷ');
    expect(await page.getByTestId('broadcast').getByRole('button').count()).toBe(0);
    const b = await h.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect([b.status, b.startedAt]).toEqual(['cancelled', null]);
    expect(
      people.some((r) => (r.platform === 'telegram' ? h.tg : h.zalo).textsTo(r.id).some((t) => t.includes(text))),
    ).toBe(false);

    // Its state refuses a resume now; a time already past is refused before anything starts.
    const headers = { 'x-csrf-token': (await (await page.request.get(`${h.url}/console/api/me`)).json()).csrfToken };
    const api = `${h.url}/console/api/broadcasts`;
    expect((await page.request.post(`${api}/${id}/resume`, { headers })).status()).toBe(409);
    const audience = { kind: 'area', areaCode: hungMy };
    const drafted = await page.request.post(api, { headers, data: { audience, texts: { vi: text } } });
    const draftId = ((await drafted.json()) as { id: number }).id;
    const past = await page.request.post(`${api}/${draftId}/start`, {
      headers,
      data: { at: new Date(Date.now() - 60_000).toISOString() },
    });
    expect(past.status()).toBe(400);
    expect((await h.db.broadcast.findUniqueOrThrow({ where: { id: draftId } })).status).toBe('draft');
    await context.close();
  });

  it('a scheduled broadcast goes out when its time comes; the list follows it to 100 %', async () => {
    const { context, page } = await signIn(officer);
    await openBroadcasts(page);
    const form = page.getByTestId('compose');
    await form.getByLabel('Ngôn ngữ người nhận').selectOption('en');
    await expect.poll(() => countShown(page)).toContain('Số người nhận hiện tại: 25');
    const text = 'Nội dung chỉ gửi người đọc tiếng Anh.';
    const en = 'The hamlet 3 road is closed on Sunday morning for repairs.';
    await form.getByLabel('Nội dung (tiếng Việt)').fill(text);
    await form.getByLabel('Bản tiếng Anh (không bắt buộc)').fill(en);
    await form.getByLabel('Hẹn giờ', { exact: true }).check();
    const soon = new Date(Date.now() + 7 * 3_600_000 + 3_600_000).toISOString().slice(0, 16);
    await form.getByLabel('Giờ gửi (giờ Việt Nam)').fill(soon);
    await form.getByRole('button', { name: 'Hẹn giờ gửi' }).click();
    await page.getByTestId('confirm-send').getByRole('button', { name: 'Xác nhận' }).click();
    await page.waitForURL(/\/console\/broadcasts\/\d+$/);
    const id = Number(/(\d+)$/.exec(page.url())![1]);
    await page.getByRole('link', { name: '‹ Danh sách thông báo' }).click();
    const row = page.locator(`[data-testid="broadcast-row"][data-id="${id}"]`);
    await expect.poll(() => row.innerText()).toContain('Đã hẹn giờ');
    // The hour passes: the workers' reconciler starts it, as it starts chat's scheduled broadcasts.
    await h.db.broadcast.update({ where: { id }, data: { scheduledAt: new Date(Date.now() + 2000) } });
    await page.reload();
    await expect
      .poll(() => row.getByRole('progressbar').getAttribute('aria-valuenow'), { timeout: 20_000 })
      .toBe('100');
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Đã xong');
    const english = people.filter((r) => r.locale === 'en');
    expect(english.filter((r) => h.tg.textsTo(r.id).some((t) => t.includes(en)))).toHaveLength(25);
    await context.close();
  });

  it('another commune is refused: its audience and its broadcasts answer 404, and the page says so', async () => {
    // The officer of Hưng Mỹ asks for the other commune's residents, around the form (it offers only their own).
    const mine = await signIn(officer);
    const csrf = (await (await mine.page.request.get(`${h.url}/console/api/me`)).json()).csrfToken as string;
    const headers = { 'x-csrf-token': csrf };
    const audience = { kind: 'area', areaCode: otherCommune };
    const texts = { vi: 'Thông báo gửi nhầm địa bàn.' };
    const before = await h.db.broadcast.count();
    for (const path of ['count', 'preview', ''])
      expect(
        (
          await mine.page.request.post(`${h.url}/console/api/broadcasts${path && `/${path}`}`, {
            headers,
            data: { audience, texts },
          })
        ).status(),
      ).toBe(404);
    expect(await h.db.broadcast.count()).toBe(before);
    await mine.context.close();

    // The other commune's officer: neither the list nor the broadcast's page shows Hưng Mỹ's broadcasts.
    const { context, page } = await signIn(stranger);
    await openBroadcasts(page);
    await expect.poll(() => page.getByTestId('broadcast-list').innerText()).toContain('Chưa có thông báo nào.');
    const theirs = await h.db.broadcast.findFirstOrThrow({ where: { areaCode: hungMy } });
    expect((await page.request.get(`${h.url}/console/api/broadcasts/${theirs.id}`)).status()).toBe(404);
    const pause = await page.request.post(`${h.url}/console/api/broadcasts/${theirs.id}/pause`, {
      headers: { 'x-csrf-token': (await (await page.request.get(`${h.url}/console/api/me`)).json()).csrfToken },
    });
    expect(pause.status()).toBe(404);
    await page.goto(`${h.url}/console/broadcasts/${theirs.id}`);
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Không có thông báo này trong địa bàn của bạn.');
    await context.close();
  });
});
