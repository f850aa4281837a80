import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fakePhotoBytes } from '../fakes/telegram.ts';
import { startFakeTiles } from '../fakes/tiles.ts';
import { testPii } from '../support/people.ts';
import { findIdentity, type Harness } from '../support/harness.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { onboard } from '../support/onboard.ts';
import { openThread, quickTip } from '../support/report.ts';
import { makeStaff, neighbourOf } from '../support/staff.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Issue 15: a tip's photos through the console, new tips arriving live, the inbox narrowed to one area, spam.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
const tiles = await startFakeTiles();
afterAll(() => tiles.close());
await consoleInHungMy(
  (w) => {
    world = w;
    ({ h, hungMy } = w);
  },
  { CONSOLE_TILE_URL: tiles.template },
);

const signIn = async (officer: TelegramUser) => openWatched(world, await askLink(officer), { no404: true });

const codesShown = (page: Page) =>
  page.getByTestId('tip-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

describe('web console: a tip’s page and the live inbox (issue 15)', () => {
  let officer: TelegramUser;
  let provinceOfficer: TelegramUser;
  let citizen: TelegramUser;
  let neighbourCode: string;
  let otherCommune: string;

  beforeAll(async () => {
    const hungMyArea = await h.db.area.findUniqueOrThrow({ where: { code: hungMy } });
    otherCommune = await neighbourOf(h, hungMy);
    officer = new TelegramUser(h, 'Phan', 'Văn Ảnh');
    await makeStaff(h, officer, hungMy, 'officer', 'Thượng uý Phan Văn Ảnh');
    provinceOfficer = new TelegramUser(h, 'Đặng', 'Tỉnh');
    await makeStaff(h, provinceOfficer, hungMyArea.parentCode!, 'officer', 'Thiếu tá Đặng Tỉnh');
    citizen = new TelegramUser(h, 'Hồ', 'Thị Chụp');
    await onboard(citizen);
    const neighbour = new ZaloUser(h, 'Mai Văn Kế');
    await onboard(neighbour);
    const identity = await findIdentity(h, 'zalo', neighbour.chatId);
    await h.db.user.update({ where: { id: identity!.userId }, data: { areaCode: otherCommune } });
    neighbourCode = await quickTip(neighbour, 'Có người lạ hỏi mua đất ruộng giá cao bất thường ở xã bên.');
  });

  it('shows the photos of a tip and of its thread through the console: no address of Telegram, no bot token', async () => {
    const code = await quickTip(citizen, 'Xe tải đổ trộm rác thải xuống kênh lúc nửa đêm.', undefined, {
      photos: ['kenh-1', 'kenh-2'],
    });
    await openThread(citizen, code);
    await citizen.sendPhoto('kenh-3');
    await citizen.expect(new RegExp(`Đã chuyển tới cán bộ phụ trách tin ${code}`));

    const { context, page, requests } = await signIn(officer);
    const loaded = new Map<string, number>();
    page.on(
      'response',
      (r) => void (r.url().includes('/photos/') && loaded.set(new URL(r.url()).pathname, r.status())),
    );
    await page.goto(`${h.url}/console/tips/${code}`);
    await expect.poll(() => page.getByTestId('tip-content').innerText()).toContain('đổ trộm rác thải');
    // Three pictures, each loaded by the page from the console with its session.
    await expect.poll(() => [...loaded.values()]).toEqual([200, 200, 200]);
    const sources = await page
      .getByTestId('photos')
      .locator('img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src));
    expect(sources).toHaveLength(3);
    const bytes = await Promise.all(sources.map(async (src) => (await page.request.get(src)).body()));
    expect(bytes).toEqual(['kenh-1', 'kenh-2', 'kenh-3'].map(fakePhotoBytes));
    const base = `/console/api/tips/${code}/photos`;
    expect(sources.slice(0, 2).map((src) => new URL(src).pathname)).toEqual([`${base}/tip/0`, `${base}/tip/1`]);
    expect(await page.getByRole('img', { name: 'Ảnh 1' }).count()).toBe(2);

    // Nothing the page asked for, nor the page itself, names Telegram's file address or the bot's token.
    const html = await page.content();
    for (const seen of [...requests, html]) {
      expect(seen).not.toContain(h.tg.token);
      expect(seen).not.toContain('/file/bot');
    }
    // Another officer's session cannot fetch them: the commune decides, as for the tip.
    const { context: other, page: otherPage } = await signIn(await strangerOf(otherCommune));
    expect((await otherPage.request.get(`${h.url}${base}/tip/0`)).status()).toBe(404);
    await other.close();
    await context.close();
  });

  it('a tip filed while the inbox is open appears without reloading the page', async () => {
    const { context, page } = await signIn(officer);
    await page.getByRole('link', { name: 'Tin báo' }).click();
    await page.getByTestId('tip-count').waitFor();
    const before = await codesShown(page);
    const code = await quickTip(citizen, 'Có nhóm thanh niên tụ tập uống rượu, nói lớn ở cuối ấp 4.');
    await expect.poll(() => codesShown(page)).toContain(code);
    expect(await page.getByTestId('tips-arrived').innerText()).toBe('Có tin báo mới: danh sách đã được cập nhật.');
    expect((await codesShown(page)).length).toBe(before.length + 1);
    // The neighbouring commune's tips never reach this officer's stream.
    expect(await codesShown(page)).not.toContain(neighbourCode);
    await context.close();
  });

  it('a province officer narrows the inbox to one commune', async () => {
    const { context, page } = await signIn(provinceOfficer);
    await page.goto(`${h.url}/console/tips`);
    await expect.poll(() => codesShown(page)).toContain(neighbourCode);
    await page.getByTestId('filter-area').selectOption(hungMy);
    await expect.poll(async () => (await codesShown(page)).includes(neighbourCode)).toBe(false);
    const shown = await codesShown(page);
    expect(shown.length).toBeGreaterThan(0);
    const areas = await h.db.tip.findMany({ where: { code: { in: shown as string[] } }, select: { areaCode: true } });
    expect(new Set(areas.map((a) => a.areaCode))).toEqual(new Set([hungMy]));
    expect(new URL(page.url()).searchParams.get('area')).toBe(hungMy);
    // An area outside the officer's narrows to nothing rather than widening.
    const res = await page.request.get(`${h.url}/console/api/tips?area=01`);
    expect((await res.json()).total).toBe(0);
    await context.close();
  });

  it('rejecting as spam tells the reporter and throttles them, as in chat', async () => {
    const spammer = new TelegramUser(h, 'Quảng', 'Cáo');
    await onboard(spammer);
    const code = await quickTip(spammer, 'quảng cáo quảng cáo quảng cáo vay tiền nhanh');
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/tips/${code}`);
    await page.getByTestId('moves').getByRole('button', { name: 'Tin rác (hạn chế người gửi)' }).click();
    await page.getByTestId('confirm').getByRole('button', { name: 'Xác nhận' }).click();
    await expect.poll(() => page.getByTestId('tip-status').innerText()).toBe('Không tiếp nhận');
    await spammer.expect(new RegExp(`Tin báo ${code} của bạn không được tiếp nhận xử lý`));
    const identity = await findIdentity(h, 'telegram', String(spammer.id));
    expect((await h.db.user.findUniqueOrThrow({ where: { id: identity!.userId } })).spamFlaggedAt).not.toBeNull();
    await context.close();
  });
});

describe('web console: the map of located tips (issue 15)', () => {
  it('shows the located tips the filters show, on tiles from the configured server; a dot opens its tip', async () => {
    const officer = new TelegramUser(h, 'Lưu', 'Bản Đồ');
    await makeStaff(h, officer, hungMy, 'officer', 'Trung uý Lưu Bản Đồ');
    const reporter = new ZaloUser(h, 'Đoàn Văn Chỉ');
    await onboard(reporter);
    const code = await quickTip(reporter, 'Bãi đất trống cạnh trường có người lạ tụ tập hút chích.');
    // The point the reporter shared (seeded: the fake Zalo has no location picker).
    await h.db.tip.update({
      where: { code },
      data: { locationEnc: testPii().encryptJson({ latitude: 9.1769, longitude: 105.1524 }) },
    });

    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/tips`);
    await page.getByTestId('map-toggle').click();
    await expect.poll(() => page.getByTestId('map-count').innerText()).toBe('Số tin có vị trí: 1');
    await expect.poll(() => tiles.requested.length).toBeGreaterThan(0);
    const dot = page.locator(`[data-testid="map"] path[data-code="${code}"]`);
    await dot.click();
    await page.locator('.leaflet-popup').getByRole('button', { name: code }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/console/tips/${code}`);
    await expect.poll(() => page.locator(`[data-testid="map"] path[data-code="${code}"]`).count()).toBe(1);
    expect(await page.getByText('© OpenStreetMap contributors').count()).toBe(1);
    await context.close();
  });
});

describe('web console: the officers’ own tools on a tip (issue 15)', () => {
  it('gives a tip to a named colleague, keeps a note the reporter never sees, and answers with a ready answer', async () => {
    const officer = new TelegramUser(h, 'Tô', 'Văn Giao');
    await makeStaff(h, officer, hungMy, 'officer', 'Đại uý Tô Văn Giao');
    const colleague = new TelegramUser(h, 'Ngô', 'Thị Nhận');
    await makeStaff(h, colleague, hungMy, 'officer', 'Thượng uý Ngô Thị Nhận');
    const reporter = new ZaloUser(h, 'Trịnh Văn Kể');
    await onboard(reporter);
    const code = await quickTip(reporter, 'Có người lạ đêm nào cũng soi đèn vào chuồng bò nhà tôi.');

    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/tips/${code}`);
    const desk = page.getByTestId('desk');
    await desk.getByLabel('Cán bộ phụ trách').selectOption({ label: 'Thượng uý Ngô Thị Nhận' });
    await desk.getByRole('button', { name: 'Giao tin' }).click();
    await expect.poll(() => page.getByTestId('desk-notice').innerText()).toContain('Đã giao tin.');
    const told = await colleague.expect(new RegExp(`Đại uý Tô Văn Giao đã giao tin báo ${code} cho đồng chí xử lý`));
    expect(told.text).not.toContain(reporter.displayName);
    // Giving a new tip acknowledged it: the reporter was told that much.
    await expect.poll(() => page.getByTestId('tip-status').innerText()).toBe('Đã tiếp nhận');
    await reporter.expect(new RegExp(`${code}[\\s\\S]*tiếp nhận`));
    // The reporter's next message goes to the colleague now in charge.
    await openThread(reporter, code);
    await reporter.send('Tối qua lúc 11 giờ lại thấy đèn soi.');
    await colleague.expect(new RegExp(`Người báo tin ${code} nhắn:\n\nTối qua lúc 11 giờ lại thấy đèn soi.`));

    // A note for colleagues: listed with its author's label, never sent to the reporter.
    await desk.getByTestId('note-text').fill('Nghi là nhóm trộm bò ở xã bên, đã báo công an xã bên.');
    await desk.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => desk.getByTestId('notes').innerText()).toContain('Đại uý Tô Văn Giao');
    expect(await desk.getByTestId('notes').innerText()).toContain('nhóm trộm bò ở xã bên');

    // A reply kept as the commune's ready answer, then used on the tip after a reload.
    const ready = 'Cảm ơn bạn đã báo tin. Công an xã sẽ tăng cường tuần tra khu vực này trong đêm.';
    await page.getByTestId('reply-text').fill(ready);
    await desk.getByRole('button', { name: 'Lưu nội dung đang soạn làm câu mẫu' }).click();
    await expect.poll(() => page.getByTestId('desk-notice').innerText()).toContain('Đã lưu câu trả lời mẫu');
    await page.reload();
    await expect.poll(() => page.getByTestId('thread').innerText()).toContain('lại thấy đèn soi');
    expect(await page.getByTestId('thread').innerText()).not.toContain('nhóm trộm bò');
    await page.getByTestId('canned').selectOption({ label: ready.slice(0, 60) + '…' });
    expect(await page.getByTestId('reply-text').inputValue()).toBe(ready);
    await page.getByRole('button', { name: 'Gửi trả lời' }).click();
    const answer = await reporter.expect(/Cán bộ trả lời về tin báo/);
    expect(answer.text).toContain('tăng cường tuần tra khu vực này');
    expect(
      reporter
        .all()
        .map((m) => m.text)
        .join('\n'),
    ).not.toContain('nhóm trộm bò');
    await context.close();
  });
});

let stranger: TelegramUser | undefined;
/** An officer of another commune, made once. */
async function strangerOf(area: string): Promise<TelegramUser> {
  if (!stranger) {
    stranger = new TelegramUser(h, 'Lâm', 'Văn Ngoài');
    await makeStaff(h, stranger, area, 'officer', 'Trung uý Lâm Văn Ngoài');
  }
  return stranger;
}
