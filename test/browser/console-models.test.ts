import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { OPERATOR } from '../../src/core/scope.ts';
import { createModel } from '../../src/features/models/actions.ts';
import { reviewPeriod } from '../../src/features/models/decisions.ts';
import { leaveModel, requestJoin } from '../../src/features/models/store.ts';
import type { LocalModel } from '../../src/generated/prisma/client.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { findIdentity, type Harness } from '../support/harness.ts';
import { decodeQr } from '../support/models.ts';
import { onboard } from '../support/onboard.ts';
import { seedPerson } from '../support/people.ts';
import { quickTip } from '../support/report.ts';
import { makeStaff, neighbourOf } from '../support/staff.ts';
import { runUseCase } from '../support/use-cases.ts';
import { TelegramUser, ZaloUser } from '../support/users.ts';

// Issue 15: the review of models ("sơ kết") in the web console, driven in a real browser.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
await consoleInHungMy((w) => {
  world = w;
  ({ h, hungMy } = w);
});

const OFFICER = 'Đại uý Trần Văn Tâm';
const XSS = '<script>alert(1)</script>';
const DAY = 86_400_000;

// A model outside the officer's areas is refused (404): Chromium logs the page's request for it.
const signIn = async (u: TelegramUser) => openWatched(world, await askLink(u), { expected: /status of 404/ });

const card = (page: Page, model: LocalModel) => page.locator(`[data-testid="model"][data-id="${model.id}"]`);
const figure = (page: Page, model: LocalModel, name: string) =>
  card(page, model).getByTestId(`fig-${name}`).locator('dd').innerText();

async function newModel(areaCode: string, name: string): Promise<LocalModel> {
  const { result } = await runUseCase(h.db, (s) =>
    createModel(s, OPERATOR, { areaCode, name, kind: 'camera', joinPolicy: 'open' }),
  );
  if (!result.ok) throw new Error(result.reason);
  return result.model;
}

describe('web console: the models review (issue 15)', () => {
  let officer: TelegramUser;
  let member: ZaloUser;
  let camera: LocalModel;
  let hostile: LocalModel;
  let club: LocalModel;
  let elsewhere: LocalModel;

  beforeAll(async () => {
    const other = await neighbourOf(h, hungMy);
    officer = new TelegramUser(h, 'Trần', 'Văn Tâm');
    await makeStaff(h, officer, hungMy, 'officer', OFFICER);

    camera = await newModel(hungMy, 'Camera an ninh ấp 3');
    hostile = await newModel(hungMy, XSS);
    club = await newModel(hungMy, 'Câu lạc bộ phòng cháy ấp 5');
    elsewhere = await newModel(other, 'Tổ tự quản xã bên');

    // Five residents join the camera model, two of them leave; a join long ago is outside the window.
    const people = [];
    for (let i = 0; i < 5; i++) people.push(await seedPerson(h.db, { areaCode: hungMy }));
    for (const p of people) await h.db.$transaction((tx) => requestJoin(tx, camera, p.user.id, false));
    for (const p of people.slice(0, 2)) await h.db.$transaction((tx) => leaveModel(tx, camera.id, p.user.id));
    await h.db.modelEvent.create({ data: { modelId: camera.id, kind: 'join', at: new Date(Date.now() - 100 * DAY) } });
    // A member on Zalo files a tip in chat.
    member = new ZaloUser(h, 'Nguyễn Thị Thành Viên');
    await onboard(member);
    const identity = await findIdentity(h, 'zalo', member.id);
    await h.db.$transaction((tx) => requestJoin(tx, camera, identity!.userId, false));
    await quickTip(member, 'Có người lạ đi xe không biển số qua ấp 3 lúc nửa đêm.');
    // A notice sent to the members, and a draft that was never sent.
    for (const status of ['done', 'draft'] as const)
      await h.db.broadcast.create({
        data: { modelId: camera.id, areaCode: hungMy, audience: {}, texts: { vi: 'Họp tổ camera.' }, status },
      });
  });

  it('shows the commune’s models with their figures, records "improve" with a note, and it is there after reloading', async () => {
    const { context, page } = await signIn(officer);
    await page.getByRole('navigation').getByRole('link', { name: 'Mô hình' }).click();
    await card(page, camera).waitFor();
    // The figures, as PostgreSQL counts them.
    const since = new Date(Date.now() - 90 * DAY);
    const expected = {
      members: await h.db.membership.count({ where: { modelId: camera.id, status: 'active' } }),
      joins: await h.db.modelEvent.count({ where: { modelId: camera.id, kind: 'join', at: { gte: since } } }),
      leaves: await h.db.modelEvent.count({ where: { modelId: camera.id, kind: 'leave', at: { gte: since } } }),
      notices: await h.db.broadcast.count({ where: { modelId: camera.id, status: { notIn: ['draft', 'cancelled'] } } }),
    };
    expect(expected).toEqual({ members: 4, joins: 6, leaves: 2, notices: 1 });
    for (const [name, n] of Object.entries(expected)) expect(await figure(page, camera, name)).toBe(String(n));
    expect(await figure(page, camera, 'pending')).toBe('0');
    // One tip by a member: too few to show as a number.
    const [{ n: tips }] = await h.db.$queryRaw<[{ n: bigint }]>`
      SELECT count(*) AS n FROM "Tip" t JOIN "Membership" m ON m."userId" = t."reporterId"
      WHERE m."modelId" = ${camera.id} AND m.status = 'active'`;
    expect(tips).toBe(1n);
    expect(await figure(page, camera, 'tips')).toBe('< 5');
    // The commune's models only; the hostile name is text.
    const shown = await page.getByTestId('model').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(shown.sort()).toEqual([camera, hostile, club].map((m) => String(m.id)).sort());
    expect(await card(page, hostile).getByTestId('model-name').innerText()).toBe(XSS);
    expect(await page.locator('main script').count()).toBe(0);

    await card(page, camera).getByRole('button', { name: 'Ghi kết luận sơ kết' }).click();
    const form = card(page, camera).getByTestId('decision-form');
    await form.getByLabel('Củng cố, nâng chất').check();
    await form.getByTestId('decision-note').fill('Cần thêm 2 camera ở ngã ba; họp tổ mỗi tháng.');
    await form.getByRole('button', { name: 'Lưu kết luận' }).click();
    const half = reviewPeriod().endsWith('H1') ? '6 tháng đầu năm' : '6 tháng cuối năm';
    const periodText = `${half} ${reviewPeriod().slice(0, 4)}`;
    await expect
      .poll(() => card(page, camera).getByTestId('model-notice').innerText())
      .toBe(`Đã ghi kết luận cho kỳ ${periodText}.`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-models.png', fullPage: true });

    await page.reload();
    const decision = card(page, camera).getByTestId('decision');
    await expect
      .poll(() => decision.innerText())
      .toContain(`${periodText}: Củng cố, nâng chất — Cần thêm 2 camera ở ngã ba; họp tổ mỗi tháng.`);
    expect(await decision.innerText()).toContain(OFFICER);
    expect(await card(page, camera).getByTestId('model-state').innerText()).toBe('Đang hoạt động');
    const row = await h.db.modelDecision.findUniqueOrThrow({
      where: { modelId_period: { modelId: camera.id, period: reviewPeriod() } },
    });
    expect(row).toMatchObject({ decision: 'improve', note: 'Cần thêm 2 camera ở ngã ba; họp tổ mỗi tháng.' });
    expect(await h.db.auditLog.count({ where: { action: 'model.decision', entityId: String(camera.id) } })).toBe(1);
    expect(await h.db.auditLog.count({ where: { action: 'console.models.review' } })).toBeGreaterThan(0);
    await context.close();
  });

  it('chat’s review records the decision too (the same use case): it replaces the console’s, and the console shows it', async () => {
    await officer.send('/models');
    await officer.pressLabel(await officer.expect(/Tổng kết mô hình/), new RegExp(`#${camera.id} Camera`));
    await officer.pressLabel(await officer.expect(/Camera an ninh ấp 3\nLoại/), /Tổng kết/);
    const review = await officer.expect(/Ghi kết luận sơ kết/);
    expect(review.text).toContain('Kết luận 6 tháng');
    expect(review.text).toContain('Củng cố, nâng chất — Cần thêm 2 camera ở ngã ba');
    await officer.pressLabel(review, /Kết luận: Duy trì/);
    await officer.expect(/Gõ ghi chú/);
    await officer.send('Tổ đã lắp thêm camera, hoạt động tốt.');
    await officer.expect(/Đã thay kết luận 6 tháng (đầu|cuối) năm \d{4} cho "Camera an ninh ấp 3": Duy trì\./);

    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/models`);
    await expect
      .poll(() => card(page, camera).getByTestId('decision').innerText())
      .toContain('Duy trì — Tổ đã lắp thêm camera, hoạt động tốt.');
    expect(await h.db.auditLog.count({ where: { action: 'model.decision', entityId: String(camera.id) } })).toBe(2);
    await context.close();
  });

  it('"retire" retires the model: the page shows it retired and in chat it takes no one', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/models`);
    await card(page, club).getByRole('button', { name: 'Ghi kết luận sơ kết' }).click();
    const form = card(page, club).getByTestId('decision-form');
    await form.getByLabel('Ngừng hoạt động').check();
    await form.getByTestId('retire-warning').waitFor();
    await form.getByRole('button', { name: 'Lưu kết luận' }).click();
    await expect.poll(() => card(page, club).getByTestId('model-state').innerText()).toBe('Đã ngừng hoạt động');
    expect(await card(page, club).getByTestId('model-notice').innerText()).toContain('Mô hình đã ngừng hoạt động.');
    expect(await h.db.auditLog.count({ where: { action: 'model.retire', entityId: String(club.id) } })).toBe(1);

    // A resident types the code from the poster: the model is shown as retired, with nothing to join.
    await member.send(club.joinCode);
    const shown = await member.expect(/Câu lạc bộ phòng cháy ấp 5/);
    expect(shown.text).toContain('Mô hình này đã ngừng hoạt động.');
    expect(shown.options.map((o) => o.label).join(' ')).not.toContain('Tham gia');
    await context.close();
  });

  it('a leader invite is shown once and makes whoever redeems it the leader', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/models`);
    await card(page, camera).getByRole('button', { name: 'Mời trưởng mô hình' }).click();
    const code = await card(page, camera).getByTestId('leader-invite-code').innerText();
    const leader = new ZaloUser(h, 'Trần Văn Trưởng');
    await onboard(leader);
    await leader.send(`/staff ${code}`);
    await leader.expect(/Chào mừng! Bạn đã được cấp quyền Trưởng mô hình "Camera an ninh ấp 3"/);
    await page.reload();
    await expect.poll(() => card(page, camera).innerText()).toContain('Có trưởng mô hình');
    expect(await card(page, camera).getByTestId('leader-invite').count()).toBe(0);
    await context.close();
  });

  it('the poster shows the join code and a QR code of the join link; another commune’s model is not found', async () => {
    const { context, page } = await signIn(officer);
    await page.goto(`${h.url}/console/models`);
    await card(page, camera).getByRole('link', { name: 'Tờ thông báo để in' }).click();
    expect(new URL(page.url()).pathname).toBe(`/console/models/${camera.id}/poster`);
    const poster = page.getByTestId('poster');
    await expect.poll(() => poster.getByTestId('poster-code').innerText()).toBe(camera.joinCode);
    const link = `https://t.me/antq_test_bot?start=m_${camera.joinCode}`;
    expect(await poster.innerText()).toContain(link);
    expect(await poster.innerText()).toContain(`Nhắn mã ${camera.joinCode} cho bot trên Zalo`);
    const img = poster.locator('img.poster-qr');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBeGreaterThan(0);
    const png = await page.request.get(new URL((await img.getAttribute('src'))!, h.url).href);
    expect(decodeQr(await png.body())).toBe(link);
    // Printed, the sheet stands alone: none of the console around it.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'In tờ thông báo' }).isVisible()).toBe(false);
    expect(await poster.getByTestId('poster-code').isVisible()).toBe(true);
    if (process.env.SCREENSHOTS)
      await page.screenshot({ path: 'docs/screenshots/console-model-poster.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // The XSS model's poster: its name is text.
    await page.goto(`${h.url}/console/models/${hostile.id}/poster`);
    await expect.poll(() => page.getByTestId('poster-name').innerText()).toBe(XSS);

    // Outside the officer's areas: as if there were no such model, for the page and every API.
    await page.goto(`${h.url}/console/models/${elsewhere.id}/poster`);
    await expect
      .poll(() => page.getByTestId('poster-problem').innerText())
      .toBe('Không có mô hình này trong địa bàn của bạn.');
    const csrf = (await (await page.request.get(`${h.url}/console/api/me`)).json()).csrfToken as string;
    const headers = { 'x-csrf-token': csrf };
    const api = `${h.url}/console/api/models/${elsewhere.id}`;
    expect((await page.request.get(`${api}/poster`)).status()).toBe(404);
    expect((await page.request.get(`${api}/qr.png`)).status()).toBe(404);
    const decide = { period: reviewPeriod(), decision: 'retire', note: '' };
    expect((await page.request.post(`${api}/decision`, { headers, data: decide })).status()).toBe(404);
    expect((await page.request.post(`${api}/leader-invite`, { headers })).status()).toBe(404);
    expect((await h.db.localModel.findUniqueOrThrow({ where: { id: elsewhere.id } })).retiredAt).toBeNull();
    // Bad input is a 400, without the CSRF token a 403; nothing is written.
    const mine = `${h.url}/console/api/models/${hostile.id}/decision`;
    for (const data of [
      { ...decide, period: '2099-H1' },
      { ...decide, decision: 'close' },
      { ...decide, note: 'x'.repeat(1001) },
    ])
      expect((await page.request.post(mine, { headers, data })).status()).toBe(400);
    expect((await page.request.get(`${h.url}/console/api/models/abc/poster`)).status()).toBe(400);
    expect((await page.request.post(mine, { data: decide })).status()).toBe(403);
    expect(await h.db.modelDecision.count({ where: { modelId: { in: [hostile.id, elsewhere.id] } } })).toBe(0);
    await context.close();
  });
});
