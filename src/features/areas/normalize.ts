/**
 * Kind words of administrative units, lower case, as a person writes them
 * before a name. Without diacritics only the unmistakable ones count:
 * "quan", "phuong", "ap", "khom", "thon" start real names (Quán Thánh, Phương Liệt).
 */
const KIND_WORDS = [
  'thị trấn',
  'thị xã',
  'thành phố',
  'tổ dân phố',
  'đặc khu',
  'xã',
  'phường',
  'huyện',
  'quận',
  'tỉnh',
  'ấp',
  'khóm',
  'thôn',
  'thi tran',
  'thi xa',
  'thanh pho',
  'to dan pho',
  'dac khu',
  'xa',
  'huyen',
  'tinh',
  'tp',
  'tx',
  'tt',
];
/** One kind word at the start, followed by a space, a dot ("tp.") or nothing. JS `\b` knows no Vietnamese letters. */
const LEADING_KIND = new RegExp(`^(?:${KIND_WORDS.join('|')})(?=[\\s.]|$)[\\s.]*`, 'u');

/** Both spellings are in use ("Hoà", "Hòa"): the tone mark of a final oa/oe/uy moves to its first vowel. */
const TONE_ON_SECOND_VOWEL = /([ou])([aey])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{M}])/gu;

/** Folded forms of all kind words (also "quan", "phuong"): words a match never has to contain. */
const FOLDED_KIND_WORDS = new Set(KIND_WORDS.map((w) => fold(w)));

/**
 * Lower case, no diacritics (đ → d), letters and digits only, single spaces;
 * apostrophes vanish (Cư M'gar → "cu mgar"). `keepMarks` keeps the diacritics,
 * to tell Quán Thánh from Quan Thành when the query has them.
 */
export function fold(text: string, keepMarks = false): string {
  const lower = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '');
  if (keepMarks) {
    return lower
      .normalize('NFD')
      .replace(TONE_ON_SECOND_VOWEL, '$1$3$2')
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  }
  return lower
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A name or a typed address for searching: each comma-separated part loses
 * one leading kind word, then is folded ("xã Hòa Mỹ, huyện Cái Nước" → "hoa my cai nuoc").
 * Only one, and only at the start: "Xã Xà Phiên" → "xa phien", "Phường Quán Thánh" → "quan thanh".
 */
export function normalizeSearch(text: string, keepMarks = false): string {
  return text
    .split(/[,;\n]/)
    .map((part) => fold(part.normalize('NFC').toLowerCase().trim().replace(LEADING_KIND, ''), keepMarks))
    .filter(Boolean)
    .join(' ');
}

/** "Mĩ" and "Mỹ", "Hi" and "Hy" are one name to people: folded text compares with y read as i. */
export const looseSpelling = (folded: string): string => folded.replace(/y/g, 'i');

/** Words a match must contain: kind words typed mid-sentence ("hung my huyen cai nuoc") are optional. */
export function tokens(query: string): string[] {
  const all = normalizeSearch(query).split(' ').filter(Boolean);
  const names = all.filter((t) => !FOLDED_KIND_WORDS.has(t));
  return names.length ? names : all;
}
