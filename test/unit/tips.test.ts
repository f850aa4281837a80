import { describe, expect, it } from 'vitest';
import { normalizeTipCode } from '../../src/features/tips/code.ts';
import { headOf, normalizePhone, partsOf } from '../../src/features/tips/draft.ts';
import { soundsUrgent } from '../../src/features/tips/emergency.ts';
import { normalizeInviteCode, randomCode } from '../../src/features/staff/invites.ts';

describe('tip reference codes', () => {
  it.each([
    ['AN-7K3Q9P', 'AN-7K3Q9P'],
    ['an-7k3q9p', 'AN-7K3Q9P'],
    [' AN 7K3Q9P ', 'AN-7K3Q9P'],
    ['7k3q9p', 'AN-7K3Q9P'],
  ])('%s reads as %s', (text, code) => expect(normalizeTipCode(text)).toBe(code));

  it.each(['', 'AN-', 'AN-7K3Q9', 'AN-7K3Q9PX', 'AN-7K3Q0P', 'AN-IIIIII', 'XX-7K3Q9P', '/tip'])(
    '%s is not a code',
    (text) => expect(normalizeTipCode(text)).toBeUndefined(),
  );

  it('random codes use only unambiguous characters', () => {
    const codes = Array.from({ length: 2000 }, () => randomCode(6));
    expect(codes.every((c) => /^[2-9A-HJKMNP-Z]{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => normalizeTipCode(`AN-${c}`) === `AN-${c}`)).toBe(true);
  });
});

describe('phone numbers left for officers', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['84912345678', '0912345678'],
    ['(028) 3829-1234', '02838291234'],
  ])('%s → %s', (text, phone) => expect(normalizePhone(text)).toBe(phone));

  it.each(['12345', '09123456789', 'abc', '', '+1 555 123 4567', '0112345678'])('%s is refused', (text) =>
    expect(normalizePhone(text)).toBeUndefined(),
  );
});

describe('emergency words', () => {
  it.each([
    'CỨU TÔI VỚI có người phá cửa',
    'cuu voi',
    'Cháy nhà ở cuối xóm!',
    'đang có cướp ở chợ',
    'hai nhóm đang đánh nhau',
    'có súng',
    'Help me please',
  ])('"%s" sounds urgent', (text) => expect(soundsUrgent(text)).toBe(true));

  it.each(['Tôi đang nghiên cứu lắp camera', 'xe máy lạ đỗ trước cổng', 'cứu trợ bão lụt đã phát xong', 'firefly'])(
    '"%s" does not',
    (text) => expect(soundsUrgent(text)).toBe(false),
  );
});

describe('invite codes', () => {
  it('ignore case, spaces and dashes', () => {
    expect(normalizeInviteCode('abcd efgh-jkmn')).toBe('ABCDEFGHJKMN');
  });
});

describe('a long description in parts', () => {
  it('cuts at the limit, never inside an emoji', () => {
    expect(headOf('abcdef', 4)).toBe('abcd');
    expect(headOf('abc', 4)).toBe('abc');
    expect(headOf('abc🚨de', 4)).toBe('abc'); // 🚨 is two UTF-16 units: kept whole for the next part
    expect(partsOf('abc🚨de', 4)).toEqual(['abc', '🚨de']);
    expect(partsOf('x'.repeat(10), 4)).toEqual(['xxxx', 'xxxx', 'xx']);
    expect(partsOf('', 4)).toEqual([]);
  });
});
