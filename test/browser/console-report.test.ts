import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from '../support/harness.ts';
import { askLink, consoleInHungMy, openWatched, type ConsoleWorld } from '../support/console.ts';
import { testPii } from '../support/people.ts';
import { residents, seedResidents } from '../support/residents.ts';
import { makeStaff, neighbourOf } from '../support/staff.ts';
import { TelegramUser } from '../support/users.ts';

// Issue 15, acceptance 4: the periodic review report of Xã Hưng Mỹ for a period, its numbers against SQL counts.
let h: Harness;
let hungMy: string;
let world: ConsoleWorld;
await consoleInHungMy((w) => {
  world = w;
  ({ h, hungMy } = w);
});

/** The first half of 2025, Vietnam time: a past period, whatever day the test runs. */
const FROM = '2025-01-01';
const TO = '2025-06-30';
const start = new Date('2025-01-01T00:00:00+07:00');
const end = new Date('2025-07-01T00:00:00+07:00');
/** A moment of the period: `days` after its start, plus `hours`. */
const at = (days: number, hours = 0) => new Date(start.getTime() + days * 86_400_000 + hours * 3_600_000);

const MINUTE = 60_000;

describe('web console: statistics and the review report (issue 15, acceptance 4)', () => {
  let officer: TelegramUser;
  let other: string;

  beforeAll(async () => {
    other = await neighbourOf(h, hungMy);
    officer = new TelegramUser(h, 'Hồ', 'Văn Sơ Kết');
    await makeStaff(h, officer, hungMy, 'officer', 'Thiếu tá Hồ Văn Sơ Kết');

    // Residents on Telegram and Zalo (one of them has blocked the bot), and a few next door.
    await seedResidents(h.db, [...residents('telegram', 9, hungMy), ...residents('zalo', 6, hungMy)]);
    await seedResidents(h.db, residents('zalo', 3, other));
    const people = await h.db.user.findMany({
      where: { areaCode: hungMy, consentVersion: 'seeded' },
      include: { identities: true },
      orderBy: { id: 'asc' },
    });
    await h.db.identity.update({ where: { id: people[0]!.identities[0]!.id }, data: { blockedAt: at(10) } });
    const neighbour = await h.db.user.findFirstOrThrow({ where: { areaCode: other } });

    // Tips of several categories and statuses over the months, acknowledged after 30 minutes, resolved after 3 hours.
    const pii = testPii();
    const tip = async (
      reporterId: string,
      areaCode: string,
      category: 'theft' | 'fraud' | 'drugs' | 'traffic',
      status: 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'rejected',
      filed: Date,
    ) => {
      const created = await h.db.tip.create({
        data: {
          code: `AN-${randomUUID().slice(0, 6).toUpperCase()}`,
          reporterId,
          areaCode,
          category,
          status,
          descriptionEnc: pii.encrypt('Tin báo của bài kiểm tra.'),
          createdAt: filed,
        },
      });
      const steps: Array<{ status: typeof status; after: number }> = [{ status: 'new', after: 0 }];
      if (status !== 'new') steps.push({ status: status === 'resolved' ? 'acknowledged' : status, after: 30 * MINUTE });
      if (status === 'resolved') steps.push({ status: 'resolved', after: 180 * MINUTE });
      await h.db.tipEvent.createMany({
        data: steps.map((s) => ({
          tipId: created.id,
          status: s.status,
          byId: s.after ? people[1]!.id : null,
          at: new Date(filed.getTime() + s.after),
        })),
      });
    };
    const [a, b, c, d, e, f, g] = people.map((p) => p.id);
    const plan: Array<[string, Parameters<typeof tip>[2], Parameters<typeof tip>[3], number]> = [
      [a!, 'theft', 'resolved', 3],
      [b!, 'theft', 'resolved', 20],
      [c!, 'theft', 'new', 40],
      [d!, 'theft', 'rejected', 45],
      [e!, 'theft', 'resolved', 70],
      [f!, 'theft', 'in_progress', 100],
      [g!, 'fraud', 'resolved', 35],
      [a!, 'fraud', 'in_progress', 95],
      [b!, 'fraud', 'acknowledged', 130],
      [c!, 'drugs', 'resolved', 150],
      [d!, 'drugs', 'new', 170],
      [e!, 'traffic', 'resolved', 175],
    ];
    for (const [who, category, status, day] of plan) await tip(who, hungMy, category, status, at(day, 9));
    // Not the period's, not the commune's.
    await tip(a!, hungMy, 'theft', 'new', at(-5));
    await tip(a!, hungMy, 'theft', 'new', at(183));
    await tip(neighbour.id, other, 'fraud', 'new', at(30));

    // Models: one new in the period (6 members, 2 of whom filed tips), one kept, one retired in it.
    const model = (name: string, createdAt: Date, retiredAt: Date | null = null) =>
      h.db.localModel.create({
        data: {
          joinCode: `MH-${randomUUID().slice(0, 6).toUpperCase()}`,
          areaCode: hungMy,
          name,
          kind: 'camera',
          createdAt,
          retiredAt,
        },
      });
    const created = await model('Camera an ninh ấp Cái Rắn', at(20));
    const kept = await model('Tổ tự quản ấp Hưng Thành', new Date('2024-05-01T00:00:00+07:00'));
    await model('Tổ liên gia ấp Cái Đôi', new Date('2024-03-01T00:00:00+07:00'), at(80));
    // Members of the new model: two of them (a, b) filed four of the period's tips; the rest filed none.
    const members = [a, b, ...people.slice(7, 11).map((p) => p.id)];
    for (const userId of members)
      await h.db.membership.create({ data: { modelId: created.id, userId: userId!, status: 'active' } });
    await h.db.membership.create({ data: { modelId: kept.id, userId: people[12]!.id, status: 'active' } });
    await h.db.membership.create({ data: { modelId: kept.id, userId: people[13]!.id, status: 'left' } });
    await h.db.modelEvent.createMany({
      data: [
        ...members.map((_, n) => ({ modelId: created.id, kind: 'join' as const, at: at(21 + n) })),
        { modelId: kept.id, kind: 'join', at: at(30) },
        { modelId: kept.id, kind: 'leave', at: at(60) },
      ],
    });

    // A festival day with its answers and commendations, and a cancelled one.
    const festival = await h.db.festival.create({
      data: {
        areaCode: hungMy,
        title: 'Ngày hội Toàn dân bảo vệ ANTQ',
        venue: 'Sân UBND xã',
        startsAt: at(70, 7),
        endsAt: at(70, 11),
      },
    });
    await h.db.rsvp.createMany({
      data: people.slice(0, 9).map((p, n) => ({ festivalId: festival.id, userId: p.id, going: n < 7 })),
    });
    await h.db.commendation.create({
      data: {
        festivalId: festival.id,
        names: ['Tổ tự quản ấp Hưng Thành', 'Ông Nguyễn Văn Ba', 'Bà Lê Thị Tư'],
        createdAt: at(71),
      },
    });
    await h.db.festival.create({
      data: {
        areaCode: hungMy,
        title: 'Ngày hội hoãn',
        venue: 'Nhà văn hoá ấp',
        startsAt: at(90),
        endsAt: at(90, 3),
        status: 'cancelled',
      },
    });

    // A notice to the commune: 12 recipients, 9 reached, 3 blocked.
    const broadcast = await h.db.broadcast.create({
      data: {
        areaCode: hungMy,
        audience: { kind: 'area', areaCode: hungMy },
        texts: { vi: 'Cảnh giác lừa đảo qua điện thoại.' },
        status: 'done',
        startedAt: at(100),
        finishedAt: at(100, 1),
        recipientCount: 12,
      },
    });
    await h.db.delivery.createMany({
      data: people.slice(0, 12).map((p, n) => ({
        broadcastId: broadcast.id,
        identityId: p.identities[0]!.id,
        platform: p.identities[0]!.platform,
        status: n < 9 ? 'sent' : 'blocked',
      })),
    });
  });

  /** The cells of a report row, as the page shows them. */
  const cells = (page: Page, table: string, row: string) =>
    page.locator(`[data-testid="table-${table}"] tr[data-row="${row}"] td`).allInnerTexts();
  const count = async (query: Promise<Array<{ n: bigint }>>) => String((await query)[0]!.n);

  it('shows the figures and the chart, and the report’s numbers are those SQL counts', async () => {
    const { context, page } = await openWatched(world, await askLink(officer));
    await page.getByRole('navigation').getByRole('link', { name: 'Thống kê' }).click();
    const form = page.getByTestId('stats');
    // By default: the officer's commune, this half-year.
    await expect.poll(() => form.getByLabel('Địa bàn').inputValue()).toBe(hungMy);
    expect(await form.getByLabel('Từ ngày').inputValue()).toMatch(/^\d{4}-0[17]-01$/);
    await form.getByLabel('Từ ngày').fill(FROM);
    await form.getByLabel('Đến ngày').fill(TO);
    await page.getByRole('button', { name: 'Xem' }).click();
    await expect.poll(() => page.getByTestId('card-received').innerText()).toMatch(/^12\n/);
    expect(await page.getByTestId('card-median-ack').innerText()).toMatch(/^30 phút/);
    expect(await page.getByTestId('card-median-resolve').innerText()).toMatch(/^3 giờ/);
    await page.getByTestId('tips-chart').waitFor();
    // Residents by messenger, as SQL counts them (those who blocked the bot left out).
    const onPlatform = (platform: 'telegram' | 'zalo') =>
      h.db.identity.count({ where: { platform, blockedAt: null, user: { areaCode: hungMy } } });
    expect(await page.getByTestId('platforms').innerText()).toBe(
      `Telegram ${await onPlatform('telegram')} · Zalo ${await onPlatform('zalo')}`,
    );
    // Six months: one row a month; January has the theft of day 3 and 20.
    const months = await page.getByTestId('over-time').locator('tbody tr').allInnerTexts();
    expect(months).toHaveLength(6);
    expect(months[0]).toMatch(/^01\/2025\t2\t0\t0\t0\t2$/);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-stats.png', fullPage: true });

    await page.getByRole('link', { name: 'Báo cáo sơ kết' }).click();
    expect(new URL(page.url()).pathname).toBe('/console/stats/report');
    await page.getByTestId('report').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /Báo cáo sơ kết phong trào/ }).innerText()).toMatch(
      /Toàn dân bảo vệ an ninh Tổ quốc/i,
    );
    expect(await page.getByTestId('report-area').innerText()).toBe('Xã Hưng Mỹ, Cà Mau');
    expect(await page.getByTestId('report-period').innerText()).toBe('Từ ngày 01/01/2025 đến ngày 30/06/2025');
    if (process.env.SCREENSHOTS) await page.screenshot({ path: 'docs/screenshots/console-report.png', fullPage: true });

    const db = h.db;
    const inPeriod = (column: string) => `"${column}" >= $2 AND "${column}" < $3`;
    // $1 is the commune; $2 and $3 the period's bounds where a count needs them.
    const sql = (text: string, ...params: unknown[]) =>
      count(db.$queryRawUnsafe<Array<{ n: bigint }>>(text, hungMy, ...params));
    const period = (text: string, ...params: unknown[]) => sql(text, start, end, ...params);
    const tips = (where = 'TRUE') =>
      period(`SELECT count(*) AS n FROM "Tip" WHERE "areaCode" = $1 AND ${inPeriod('createdAt')} AND ${where}`);

    expect(await cells(page, 'tips', 'received')).toEqual([await tips()]);
    expect(await cells(page, 'tips', 'handled')).toEqual([
      await tips(`status IN ('resolved', 'rejected', 'duplicate')`),
    ]);
    for (const status of ['new', 'acknowledged', 'in_progress', 'resolved', 'rejected', 'duplicate'])
      expect(await cells(page, 'tips', `status-${status}`)).toEqual([await tips(`status = '${status}'`)]);
    expect(await cells(page, 'tips', 'median-ack')).toEqual(['30 phút']);
    for (const category of ['theft', 'fraud', 'drugs', 'traffic'])
      expect(await cells(page, 'categories', `cat-${category}`)).toEqual([
        await tips(`category = '${category}'`),
        await tips(`category = '${category}' AND status IN ('resolved', 'rejected', 'duplicate')`),
      ]);
    expect(await page.locator('[data-testid="table-categories"] tbody tr').count()).toBe(4);

    const models = (where: string) =>
      period(`SELECT count(*) AS n FROM "LocalModel" WHERE "areaCode" = $1 AND ${where}`);
    expect(await cells(page, 'models', 'models-created')).toEqual([await models(inPeriod('createdAt'))]);
    expect(await cells(page, 'models', 'models-retired')).toEqual([await models(inPeriod('retiredAt'))]);
    expect(await cells(page, 'models', 'models-kept')).toEqual([
      await models(`"createdAt" < $2 AND ("retiredAt" IS NULL OR "retiredAt" >= $3)`),
    ]);
    const members = await sql(
      `SELECT count(*) AS n FROM "Membership" ms JOIN "LocalModel" m ON m.id = ms."modelId"
       WHERE m."areaCode" = $1 AND m."retiredAt" IS NULL AND ms.status = 'active'`,
    );
    expect(await cells(page, 'models', 'members')).toEqual([members]);
    const events = (kind: string) =>
      period(
        `SELECT count(*) AS n FROM "ModelEvent" e JOIN "LocalModel" m ON m.id = e."modelId"
         WHERE m."areaCode" = $1 AND e.at >= $2 AND e.at < $3 AND e.kind = $4::"ModelEventKind"`,
        kind,
      );
    expect(await cells(page, 'models', 'members-joined')).toEqual([await events('join')]);
    expect(await cells(page, 'models', 'members-left')).toEqual([await events('leave')]);

    // The new model's members filed a few of the period's tips: too few to show, they could point at one of them.
    const memberTips = Number(
      await period(
        `SELECT count(*) AS n FROM "Tip" t JOIN "Membership" ms ON ms."userId" = t."reporterId" AND ms.status = 'active'
         JOIN "LocalModel" m ON m.id = ms."modelId"
         WHERE m."areaCode" = $1 AND m.name = $4 AND t."createdAt" >= $2 AND t."createdAt" < $3`,
        'Camera an ninh ấp Cái Rắn',
      ),
    );
    expect(memberTips).toBeGreaterThan(0);
    expect(memberTips).toBeLessThan(5);
    const modelRow = page.locator('[data-testid="table-model-list"] tbody tr', {
      hasText: 'Camera an ninh ấp Cái Rắn',
    });
    expect(await modelRow.locator('td').allInnerTexts()).toEqual(['6', '6', '0', '< 5']);

    const festivals = `FROM "Festival" f WHERE f."areaCode" = $1 AND f.status = 'scheduled' AND f."startsAt" >= $2 AND f."startsAt" < $3`;
    expect(await cells(page, 'festivals', 'festivals-held')).toEqual([
      await period(`SELECT count(*) AS n ${festivals}`),
    ]);
    const rsvps = (where: string) =>
      period(`SELECT count(*) AS n FROM "Rsvp" r WHERE ${where} AND r."festivalId" IN (SELECT f.id ${festivals})`);
    expect(await cells(page, 'festivals', 'festivals-answers')).toEqual([await rsvps('TRUE')]);
    expect(await cells(page, 'festivals', 'festivals-going')).toEqual([await rsvps('r.going')]);
    const commendations = `FROM "Commendation" c JOIN "Festival" f ON f.id = c."festivalId"
      WHERE f."areaCode" = $1 AND c."createdAt" >= $2 AND c."createdAt" < $3`;
    expect(await cells(page, 'festivals', 'commendations')).toEqual([
      await period(`SELECT count(*) AS n ${commendations}`),
    ]);
    expect(await cells(page, 'festivals', 'commended')).toEqual([
      await period(`SELECT sum(cardinality(c.names)) AS n ${commendations}`),
    ]);

    const identities = (platform: string) =>
      sql(
        `SELECT count(*) AS n FROM "Identity" i JOIN "User" u ON u.id = i."userId"
         WHERE u."areaCode" = $1 AND i."blockedAt" IS NULL AND i.platform = $2::"Platform"`,
        platform,
      );
    expect(await cells(page, 'residents', 'residents')).toEqual([
      String(await db.user.count({ where: { areaCode: hungMy } })),
    ]);
    expect(await cells(page, 'residents', 'platform-telegram')).toEqual([await identities('telegram')]);
    expect(await cells(page, 'residents', 'platform-zalo')).toEqual([await identities('zalo')]);

    const broadcasts = `FROM "Broadcast" b WHERE b."areaCode" = $1 AND b."startedAt" >= $2 AND b."startedAt" < $3`;
    expect(await cells(page, 'broadcasts', 'broadcasts-sent')).toEqual([
      await period(`SELECT count(*) AS n ${broadcasts}`),
    ]);
    expect(await cells(page, 'broadcasts', 'broadcasts-recipients')).toEqual([
      await period(`SELECT sum(b."recipientCount") AS n ${broadcasts}`),
    ]);
    expect(await cells(page, 'broadcasts', 'broadcasts-reached')).toEqual([
      await period(
        `SELECT count(*) AS n FROM "Delivery" d WHERE d.status = 'sent' AND d."broadcastId" IN (SELECT b.id ${broadcasts})`,
      ),
    ]);

    // The view is audited, with the area and the period.
    const audited = await db.auditLog.findFirst({ where: { action: 'console.report.view' }, orderBy: { id: 'desc' } });
    expect(audited?.details).toEqual({ areaCode: hungMy, from: FROM, to: TO });
    await context.close();
  });

  it('another commune’s report is not found, for the API and the page', async () => {
    const { context, page } = await openWatched(world, await askLink(officer), { expected: /status of 404/ });
    const api = await page.request.get(`${h.url}/console/api/stats/report?area=${other}&from=${FROM}&to=${TO}`);
    expect(api.status()).toBe(404);
    expect((await page.request.get(`${h.url}/console/api/stats?area=${other}`)).status()).toBe(404);
    expect((await page.request.get(`${h.url}/console/api/stats?area=${hungMy}&from=${TO}&to=${FROM}`)).status()).toBe(
      400,
    );
    await page.goto(`${h.url}/console/stats/report?area=${other}&from=${FROM}&to=${TO}`);
    await expect.poll(() => page.locator('main').innerText()).toContain('Không có địa bàn này trong phạm vi của bạn.');
    expect(await page.locator('main').innerText()).not.toContain('Báo cáo sơ kết phong trào');
    await context.close();
  });
});
