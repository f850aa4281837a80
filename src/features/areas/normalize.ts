/** Kind words of administrative units, as written: they name a unit's kind, not the unit. */
const KIND_WORDS = [
  'thị trấn',
  'đặc khu',
  'thị xã',
  'thành phố',
  'tổ dân phố',
  'xã',
  'phường',
  'huyện',
  'quận',
  'tỉnh',
  'ấp',
  'khóm',
  'thôn',
  'tp.',
  'tp',
  'tx',
  'tt',
];
/** Typed without diacritics, these are still unmistakably kind words ("quan", "phuong" are not: Quán Thánh, Phương Liệt). */
const PLAIN_KIND_WORDS = ['thi tran', 'dac khu', 'thi xa', 'thanh pho', 'xa', 'huyen', 'tinh', 'tp', 'tx', 'tt'];
/** Folded forms of all kind words: never required for a match. */
const FOLDED_KIND_WORDS = new Set(['quan', 'phuong', 'ap', 'khom', 'thon', 'to dan pho', ...PLAIN_KIND_WORDS]);

const leading = (words: string[]) =>
  new RegExp(`^(?:(?:${words.map((w) => w.replace('.', '\\.')).join('|')})(?:\\s+|$))+`, 'u');
const LEADING_KIND = leading(KIND_WORDS);
const LEADING_PLAIN_KIND = leading(PLAIN_KIND_WORDS);

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
 * A name or address for searching: each comma-separated part stripped of its
 * leading kind words, then folded ("xã Hòa Mỹ, huyện Cái Nước" → "hoa my cai nuoc").
 */
export function normalizeSearch(text: string): string {
  return text
    .split(/[,;\n]/)
    .map((part) =>
      fold(part.normalize('NFC').toLowerCase().trim().replace(LEADING_KIND, '')).replace(LEADING_PLAIN_KIND, ''),
    )
    .filter(Boolean)
    .join(' ');
}

export function tokens(text: string): string[] {
  return normalizeSearch(text).split(' ').filter(Boolean);
}

/** Tokens a match must contain: kind words typed mid-sentence ("hung my huyen cai nuoc") are not required. */
export function requiredTokens(text: string): string[] {
  const all = tokens(text);
  const names = all.filter((t) => !FOLDED_KIND_WORDS.has(t));
  return names.length ? names : all;
}
