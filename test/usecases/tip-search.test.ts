import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { newTipCode } from '../../src/features/tips/code.ts';
import { findTips, type TipFilter, type TipReach, type TipSort } from '../../src/features/tips/store.ts';
import type { StaffGrant, TipCategory, TipStatus } from '../../src/generated/prisma/client.ts';
import type { TestDatabase } from '../support/database.ts';
import { ownDatabase } from '../support/harness.ts';
import { testPii } from '../support/people.ts';
import { areaCode, neighbourOf } from '../support/staff.ts';

const pii = testPii();
let database: TestDatabase;
let db: Db;
let hungMy: string;
let other: string;
beforeAll(async () => {
  database = await ownDatabase();
  db = createDb(database.url);
  hungMy = await areaCode({ db }, 'Xã Hưng Mỹ', 'Cà Mau');
  other = await neighbourOf({ db }, hungMy);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const HOUR = 3_600_000;

async function tip(area: string, status: TipStatus, category: TipCategory, urgent: boolean, hoursAgo: number) {
  const code = await newTipCode(db);
  await db.tip.create({
    data: {
      code,
      areaCode: area,
      status,
      category,
      urgent,
      descriptionEnc: pii.encrypt('Mô tả sự việc'),
      createdAt: new Date(Date.now() - hoursAgo * HOUR),
    },
  });
  return code;
}

const grant = (areaCode: string, role: StaffGrant['role'] = 'officer'): StaffGrant => ({
  id: 'g',
  userId: 'u',
  role,
  areaCode,
  label: null,
  createdAt: new Date(),
});

describe('the inbox query (chat, API and console alike)', () => {
  let t: Record<string, string>;
  beforeAll(async () => {
    t = {
      newUrgent: await tip(hungMy, 'new', 'fire', true, 1),
      newOld: await tip(hungMy, 'new', 'theft', false, 50),
      taken: await tip(hungMy, 'in_progress', 'theft', false, 5),
      resolved: await tip(hungMy, 'resolved', 'drugs', false, 30),
      elsewhere: await tip(other, 'new', 'theft', false, 2),
    };
  });
  const codes = async (reach: TipReach, filter: TipFilter, sort: TipSort = 'urgent') =>
    (await findTips(db, reach, filter, sort, 1, 50)).tips.map((x) => x.code);
  const mine = () => [grant(hungMy)];

  it('reaches the officer’s areas only; a leader’s role reaches none; the operator all', async () => {
    expect(await codes(mine(), {})).not.toContain(t.elsewhere);
    expect(await codes([grant(hungMy, 'leader')], {})).toEqual([]);
    expect(await codes('everywhere', {})).toContain(t.elsewhere);
  });

  it('filters by status, category, urgency, dates and code; sorts three ways', async () => {
    expect(await codes(mine(), { statuses: ['resolved'] })).toEqual([t.resolved]);
    expect(await codes(mine(), { category: 'theft' })).toEqual([t.newOld, t.taken]);
    expect(await codes(mine(), { urgent: true })).toEqual([t.newUrgent]);
    expect(await codes(mine(), { urgent: false, statuses: ['new'] })).toEqual([t.newOld]);
    const since = new Date(Date.now() - 10 * HOUR);
    expect(await codes(mine(), { from: since })).toEqual([t.newUrgent, t.taken]);
    expect(await codes(mine(), { to: since })).toEqual([t.newOld, t.resolved]);
    expect(await codes(mine(), { code: t.taken!.slice(3).toLowerCase() })).toEqual([t.taken]);
    expect(await codes(mine(), { code: t.elsewhere! })).toEqual([]);
    expect(await codes(mine(), {}, 'urgent')).toEqual([t.newUrgent, t.newOld, t.resolved, t.taken]);
    expect(await codes(mine(), {}, 'newest')).toEqual([t.newUrgent, t.taken, t.resolved, t.newOld]);
    expect(await codes(mine(), {}, 'oldest')).toEqual([t.newOld, t.resolved, t.taken, t.newUrgent]);
  });

  it('pages, and a page past the last gives the last', async () => {
    const page = await findTips(db, mine(), {}, 'oldest', 9, 3);
    expect({ total: page.total, pages: page.pages, page: page.page }).toEqual({ total: 4, pages: 2, page: 2 });
    expect(page.tips.map((x) => x.code)).toEqual([t.newUrgent]);
  });
});
