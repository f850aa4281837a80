/** Administrative words, folded: they name a unit's kind, not the unit. */
const ADMIN_WORDS = [
  'thi tran',
  'dac khu',
  'thi xa',
  'thanh pho',
  'to dan pho',
  'xa',
  'phuong',
  'huyen',
  'quan',
  'tinh',
  'tp',
  'tx',
  'tt',
  'ap',
  'khom',
  'thon',
];
const LEADING_ADMIN = new RegExp(`^(?:(?:${ADMIN_WORDS.join('|')})(?: |$))+`);

/** Lower case, no diacritics (đ → d), letters and digits only, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A name or address for searching: each comma-separated part folded and
 * stripped of its leading kind words ("xã Hòa Mỹ, huyện Cái Nước" → "hoa my cai nuoc").
 * Kind words elsewhere stay: "Quán Thánh" keeps its "quan".
 */
export function normalizeSearch(text: string): string {
  return text
    .split(/[,;\n]/)
    .map((part) => fold(part).replace(LEADING_ADMIN, '').trim())
    .filter(Boolean)
    .join(' ');
}

export function tokens(text: string): string[] {
  return normalizeSearch(text).split(' ').filter(Boolean);
}

/** Tokens a match must contain: kind words typed mid-sentence ("hung my huyen cai nuoc") are not required. */
export function requiredTokens(text: string): string[] {
  const all = tokens(text);
  const names = all.filter((t) => !ADMIN_WORDS.includes(t));
  return names.length ? names : all;
}
