import type { Tx } from '../../core/tx.ts';
import { normalizeSearch, requiredTokens, tokens } from './normalize.ts';

export interface AreaMatch {
  code: string;
  name: string;
  provinceName: string;
  /** Set when only a pre-2025 name matched. */
  via?: { oldName: string; oldDistrict: string; oldProvince: string };
}

interface Candidate extends AreaMatch {
  searchText: string;
}

/** How far a name is from the query: lower is better. */
function rank(c: Candidate, query: string, all: string[]): number {
  const name = normalizeSearch(c.via?.oldName ?? c.name);
  const padded = ` ${c.searchText} `;
  const score =
    name === query
      ? 0
      : name.startsWith(`${query} `)
        ? 1
        : padded.includes(` ${query} `)
          ? 2
          : all.every((t) => padded.includes(` ${t} `))
            ? 3
            : 4;
  // A current name beats an old one of the same closeness, but an exact old name beats a loose current one.
  return score + (c.via ? 0.5 : 0);
}

const CANDIDATES = 300;

/**
 * Communes/wards whose name (with province), or a former name (with old
 * district and province), contains every word typed; diacritics and case ignored.
 */
export async function searchAreas(db: Tx, text: string, opts: { limit?: number } = {}): Promise<AreaMatch[]> {
  const query = normalizeSearch(text);
  const required = requiredTokens(text);
  if (!required.some((t) => t.length >= 2 || /\d/.test(t))) return [];
  const patterns = required.map((t) => `% ${t} %`);

  const [direct, old] = await Promise.all([
    db.$queryRaw<Candidate[]>`
      SELECT a."code", a."name", p."name" AS "provinceName", a."searchText"
      FROM "Area" a JOIN "Area" p ON p."code" = a."parentCode"
      WHERE a."level" = 'commune' AND (' ' || a."searchText" || ' ') LIKE ALL (${patterns}::text[])
      ORDER BY length(a."searchText") LIMIT ${CANDIDATES}`,
    db.$queryRaw<Array<Candidate & { oldName: string; oldDistrict: string; oldProvince: string }>>`
      SELECT a."code", a."name", p."name" AS "provinceName", al."searchText",
             al."oldName", al."oldDistrict", al."oldProvince"
      FROM "AreaAlias" al JOIN "Area" a ON a."code" = al."areaCode" JOIN "Area" p ON p."code" = a."parentCode"
      WHERE (' ' || al."searchText" || ' ') LIKE ALL (${patterns}::text[])
      ORDER BY length(al."searchText") LIMIT ${CANDIDATES}`,
  ]);
  const candidates: Candidate[] = [
    ...direct,
    ...old
      .filter((o) => normalizeSearch(o.oldName) !== normalizeSearch(o.name) || !direct.some((d) => d.code === o.code))
      .map(({ oldName, oldDistrict, oldProvince, ...c }) => ({ ...c, via: { oldName, oldDistrict, oldProvince } })),
  ];

  const all = tokens(text);
  const best = new Map<string, { match: Candidate; score: number }>();
  for (const c of candidates) {
    const score = rank(c, query, all);
    const seen = best.get(c.code);
    if (!seen || score < seen.score) best.set(c.code, { match: c, score });
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.match.name.localeCompare(b.match.name, 'vi') ||
        a.match.provinceName.localeCompare(b.match.provinceName, 'vi'),
    )
    .slice(0, opts.limit ?? 8)
    .map(({ match: { searchText: _, ...m } }) => m);
}

export interface AreaInfo {
  code: string;
  name: string;
  level: 'province' | 'commune' | 'hamlet';
  provinceName: string;
}

export async function getArea(db: Tx, code: string): Promise<AreaInfo | null> {
  const area = await db.area.findUnique({ where: { code }, include: { parent: true } });
  if (!area) return null;
  return { code: area.code, name: area.name, level: area.level, provinceName: area.parent?.name ?? area.name };
}
