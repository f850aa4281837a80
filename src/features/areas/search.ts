import type { Tx } from '../../core/tx.ts';
import { fold, looseSpelling, normalizeSearch, tokens } from './normalize.ts';

/** The levels a person picks from (hamlets are not imported). */
export type SearchLevel = 'province' | 'commune';

export interface AreaMatch {
  code: string;
  name: string;
  provinceName: string;
  level: SearchLevel;
  /** Set when a pre-2025 name matched better than the current one. */
  via?: { oldName: string; oldDistrict: string; oldProvince: string };
}

interface Candidate extends AreaMatch {
  searchText: string;
}

/** The query as the ranking reads it. */
interface Query {
  /** Readings of the query: a plain "tinh bien" is the province word plus "bien", or the name Tịnh Biên. */
  phrases: string[];
  /** With diacritics, when typed with them. */
  accented: string | null;
  words: string[];
  /** How names are read before comparing: y as i, and without spaces when the query ran its words together. */
  view: (folded: string) => string;
}

/**
 * How close a candidate is to the query, lower is better: its name equals the
 * query with diacritics (0), without (1), starts with it (2), contains it (3),
 * contains all words typed (4), only the required ones (5).
 */
function rank(c: Candidate, q: Query): number {
  const label = c.via?.oldName ?? c.name;
  const name = q.view(normalizeSearch(label));
  const padded = ` ${q.view(c.searchText)} `;
  const closeness = (p: string) =>
    name === p ? 1 : name.startsWith(`${p} `) ? 2 : padded.includes(` ${p} `) ? 3 : Infinity;
  const score =
    q.accented !== null && normalizeSearch(label, true) === q.accented
      ? 0
      : Math.min(...q.phrases.map(closeness), q.words.every((w) => padded.includes(` ${w} `)) ? 4 : 5);
  // A current name beats an old one equally close, but an exact old name
  // (how many still say where they live) beats a loosely matching current one.
  return score + (c.via ? 0.5 : 0);
}

/** Rows fetched per source before ranking: enough for any real query, bounded for one-word ones. */
const CANDIDATES = 300;
/** Characters of a query read: more than any address, so the rest would only cost work. */
export const MAX_QUERY = 100;
/** Distinct words matched: a full old address ("xã …, huyện …, tỉnh …") has fewer. */
export const MAX_WORDS = 10;

/** Each word once, at most MAX_WORDS: a repeated word matches nothing more, it only multiplies the LIKEs. */
const distinct = (words: string[]) => [...new Set(words)].slice(0, MAX_WORDS);

/**
 * Rows containing every required word (y read as i); those with every word typed come first, so a
 * common required word ("thanh") cannot crowd them out. `squeeze` compares with the spaces taken out.
 */
async function fetchCandidates(
  db: Tx,
  level: SearchLevel,
  required: string[],
  words: string[],
  squeeze: boolean,
): Promise<Candidate[]> {
  // Tokens are [a-z0-9] only (see fold), so they carry no LIKE wildcards to escape.
  const like = (ws: string[]) => ws.map((w) => (squeeze ? `%${looseSpelling(w)}%` : `% ${looseSpelling(w)} %`));
  const [requiredLike, allLike] = [like(required), like(words)];
  const [direct, old] = await Promise.all([
    db.$queryRaw<Candidate[]>`
      SELECT a."code", a."name", a."level"::text AS "level", coalesce(p."name", a."name") AS "provinceName",
             a."searchText"
      FROM "Area" a LEFT JOIN "Area" p ON p."code" = a."parentCode",
           LATERAL (SELECT ' ' || translate(CASE WHEN ${squeeze} THEN replace(a."searchText", ' ', '')
                                            ELSE a."searchText" END, 'y', 'i') || ' ' AS "seen") s
      WHERE a."level" = ${level}::"AreaLevel" AND s."seen" LIKE ALL (${requiredLike}::text[])
      ORDER BY s."seen" LIKE ALL (${allLike}::text[]) DESC, length(a."searchText")
      LIMIT ${CANDIDATES}`,
    // Former names exist for communes only.
    level === 'commune'
      ? db.$queryRaw<Array<Candidate & { oldName: string; oldDistrict: string; oldProvince: string }>>`
          SELECT a."code", a."name", a."level"::text AS "level", p."name" AS "provinceName", al."searchText",
                 al."oldName", al."oldDistrict", al."oldProvince"
          FROM "AreaAlias" al JOIN "Area" a ON a."code" = al."areaCode" JOIN "Area" p ON p."code" = a."parentCode",
               LATERAL (SELECT ' ' || translate(CASE WHEN ${squeeze} THEN replace(al."searchText", ' ', '')
                                                ELSE al."searchText" END, 'y', 'i') || ' ' AS "seen") s
          WHERE s."seen" LIKE ALL (${requiredLike}::text[])
          ORDER BY s."seen" LIKE ALL (${allLike}::text[]) DESC, length(al."searchText")
          LIMIT ${CANDIDATES}`
      : [],
  ]);
  return [
    ...direct,
    ...old.map(({ oldName, oldDistrict, oldProvince, ...c }) => ({ ...c, via: { oldName, oldDistrict, oldProvince } })),
  ];
}

/**
 * Areas whose name (with province), or for communes a former name (with old
 * district and province), contains every word typed; diacritics, case and
 * kind words ("xã", "huyện") ignored, y read as i ("Hưng Mĩ"), and words run
 * together ("hungmy") when nothing matches them apart. Best first, one entry per area. Only the
 * first MAX_QUERY characters and MAX_WORDS distinct words count, so no query costs more than a real one.
 */
export async function searchAreas(
  db: Tx,
  typed: string,
  opts: { limit?: number; level?: SearchLevel } = {},
): Promise<AreaMatch[]> {
  const level = opts.level ?? 'commune';
  const text = typed.slice(0, MAX_QUERY);
  const required = distinct(tokens(text));
  if (!required.some((t) => t.length >= 2 || /\d/.test(t))) return [];
  const plain = normalizeSearch(text);
  const words = distinct(plain.split(' '));
  // "hungmy" for "hưng mỹ": only when the words as typed match nothing, so run-together words never crowd out real ones.
  const spaced = await fetchCandidates(db, level, required, words, false);
  const squeeze = spaced.length === 0;
  const candidates = squeeze ? await fetchCandidates(db, level, required, words, true) : spaced;

  const view = (folded: string) => (squeeze ? looseSpelling(folded).replace(/ /g, '') : looseSpelling(folded));
  const accented = normalizeSearch(text, true);
  const query: Query = {
    phrases: [plain, fold(text)].map(view),
    accented: accented === plain ? null : accented,
    words: words.map(view),
    view,
  };
  const best = new Map<string, { match: Candidate; score: number }>();
  for (const c of candidates) {
    const score = rank(c, query);
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

/** "Xã Hưng Mỹ, Cà Mau": how an area is named to people (its code if unknown). */
export async function areaLabel(db: Tx, code: string): Promise<string> {
  const area = await getArea(db, code);
  return area ? `${area.name}, ${area.provinceName}` : code;
}
