import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.ts';
import { importAreas } from '../../src/features/areas/import.ts';
import { normalizeSearch } from '../../src/features/areas/normalize.ts';
import { searchAreas } from '../../src/features/areas/search.ts';
import { createTestDatabase } from '../support/database.ts';

let db: Db;
let drop: () => Promise<unknown>;
beforeAll(async () => {
  const created = await createTestDatabase('antq_areas');
  drop = created.drop;
  db = createDb(created.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await drop?.();
});

describe('areas import', () => {
  it('is idempotent: 34 provinces and 3,321 communes/wards after two runs', async () => {
    const first = await importAreas(db);
    const second = await importAreas(db);
    expect(first).toEqual(second);
    expect(second).toMatchObject({ provinces: 34, communes: 3321 });
    expect(second.aliases).toBeGreaterThan(10_000);
    const camau = await db.area.findUnique({ where: { code: '32140' }, include: { parent: true } });
    expect(camau).toMatchObject({
      name: 'Xã Hưng Mỹ',
      kind: 'Xã',
      level: 'commune',
      parent: { name: 'Cà Mau', kind: 'Tỉnh' },
    });
  });
});

describe('area search', () => {
  const codes = async (q: string) => (await searchAreas(db, q)).map((m) => m.code);

  it('ignores diacritics and case', async () => {
    expect((await codes('hung my')).slice(0, 2)).toEqual(['32140', '29407']);
    expect((await codes('HƯNG MỸ')).slice(0, 2)).toEqual(['32140', '29407']);
    expect((await searchAreas(db, 'hung my'))[0]).toEqual({
      code: '32140',
      name: 'Xã Hưng Mỹ',
      provinceName: 'Cà Mau',
    });
  });

  it('narrows by province', async () => {
    expect(await codes('hung my ca mau')).toEqual(['32140']);
  });

  it('places old addresses through the 2025 mappings', async () => {
    expect((await codes('xã Hưng Mỹ, huyện Cái Nước'))[0]).toBe('32140');
    const [match] = await searchAreas(db, 'xã Hòa Mỹ, huyện Cái Nước');
    expect(match).toMatchObject({ code: '32140', via: { oldName: 'Xã Hoà Mỹ', oldDistrict: 'Huyện Cái Nước' } });
  });

  it('returns nothing for nothing', async () => {
    expect(await codes('')).toEqual([]);
    expect(await codes('xã')).toEqual([]);
    expect(await codes('\'; DROP TABLE "Area"; --')).toEqual([]);
    expect(await db.area.count()).toBeGreaterThan(0);
  });
});

describe('normalization', () => {
  it.each([
    ['xã Hưng Mỹ, huyện Cái Nước', 'hung my cai nuoc'],
    ['Thành phố Hồ Chí Minh', 'ho chi minh'],
    ['Phường Quán Thánh', 'quan thanh'],
    ['Quán Thánh', 'quan thanh'],
    ['Đặc khu Côn Đảo', 'con dao'],
    ['Xã Hoà Mỹ', 'hoa my'],
    ['Xã Hòa Mỹ', 'hoa my'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });
});

describe('normalization of typed text without diacritics', () => {
  it.each([
    ['xa hung my', 'hung my'],
    ['phuong lien', 'phuong lien'],
    ['tp ho chi minh', 'ho chi minh'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSearch(input)).toBe(expected);
  });
});
