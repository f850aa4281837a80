import { fold } from '../../core/fold.ts';

/**
 * Words that mean someone may be in danger right now. Whole words or phrases,
 * without diacritics, so "cứu tôi" and "cuu toi" both match but "nghiên cứu" does not.
 */
const PHRASES = [
  'cuu voi',
  'cuu toi',
  'cuu em',
  'cuu con',
  'cuu nguoi',
  'cuu chau',
  'keu cuu',
  'cap cuu',
  'chay nha',
  'dang chay',
  'hoa hoan',
  'chay lon',
  'no sung',
  'co sung',
  'ban nhau',
  'no bom',
  'dam nguoi',
  'dam chet',
  'giet nguoi',
  'bat coc',
  'cuop',
  'dang danh nhau',
  'danh nguoi',
  'tai nan',
  'nguoi chet',
  'bi thuong nang',
  'khan cap',
  'dot nhap',
  'hiep dam',
  'tu tu',
  'help me',
  'fire',
  'emergency',
  'gun',
  'kidnap',
  'robbery',
  'accident',
  'dying',
  'stabbed',
];

const PATTERN = new RegExp(`(?:^|\\s)(?:${PHRASES.join('|')})(?=\\s|$)`);

export function soundsUrgent(text: string): boolean {
  return PATTERN.test(fold(text));
}
