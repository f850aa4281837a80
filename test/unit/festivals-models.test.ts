import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { parseTimeOnDay } from '../../src/core/format.ts';
import { parseRowId } from '../../src/core/menu.ts';
import { festivalIcs } from '../../src/features/festivals/ics.ts';
import { parseNames } from '../../src/features/festivals/store.ts';
import { leadTime } from '../../src/features/festivals/texts.ts';
import { normalizeJoinCode } from '../../src/features/models/store.ts';
import type { Festival } from '../../src/generated/prisma/client.ts';
import { I18n } from '../../src/i18n/index.ts';

const i18n = new I18n();

describe('model join codes', () => {
  it.each([
    ['MH-7K3Q9P', 'MH-7K3Q9P'],
    ['mh-7k3q9p', 'MH-7K3Q9P'],
    [' MH 7K3Q9P ', 'MH-7K3Q9P'],
    ['MH7K3Q9P', 'MH-7K3Q9P'],
  ])('%s reads as %s', (text, code) => expect(normalizeJoinCode(text)).toBe(code));

  it.each(['', 'MH-', 'MH-7K3Q9', 'MH-7K3Q0P', 'AN-7K3Q9P', 'xin chào'])('%s is not a code', (text) =>
    expect(normalizeJoinCode(text)).toBeUndefined(),
  );
});

describe('festival times and names', () => {
  const start = new Date('2027-08-19T00:30:00Z'); // 07:30 in Vietnam

  it('an end typed as a time is on the start day, Vietnam time', () => {
    expect(parseTimeOnDay('11:30', start)?.toISOString()).toBe('2027-08-19T04:30:00.000Z');
    expect(parseTimeOnDay('11h30', start)?.toISOString()).toBe('2027-08-19T04:30:00.000Z');
    expect(parseTimeOnDay('20/08/2027 09:00', start)?.toISOString()).toBe('2027-08-20T02:00:00.000Z');
    expect(parseTimeOnDay('25:00', start)).toBeUndefined();
    expect(parseTimeOnDay('chiều nay', start)).toBeUndefined();
  });

  it('lead times read as people say them', () => {
    expect(leadTime(i18n, 'vi', 7 * 86_400)).toBe('7 ngày');
    expect(leadTime(i18n, 'vi', 7200)).toBe('2 giờ');
    expect(leadTime(i18n, 'en', 86_400)).toBe('1 day');
    expect(leadTime(i18n, 'en', 90)).toBe('90 seconds');
    expect(leadTime(i18n, 'en', 5400)).toBe('90 minutes');
  });

  it('commended names: one a line or separated by ";", each 2–120 characters, at most 50', () => {
    expect(parseNames(' Nguyễn Văn An ;\nTổ tự quản ấp 3\n\n')).toEqual(['Nguyễn Văn An', 'Tổ tự quản ấp 3']);
    expect(parseNames('')).toBeUndefined();
    expect(parseNames('A; Nguyễn Văn B')).toBeUndefined();
    expect(parseNames(Array.from({ length: 51 }, (_, n) => `Người ${n}`).join(';'))).toBeUndefined();
  });

  it('FESTIVAL_REMINDERS: longest first, distinct; a bad list names the variable', () => {
    const base = { DATABASE_URL: 'postgresql://x@127.0.0.1/db', DATA_ENCRYPTION_KEY: 'a'.repeat(64) };
    expect(loadConfig(base).FESTIVAL_REMINDERS).toEqual([604_800, 86_400, 7200]);
    expect(loadConfig({ ...base, FESTIVAL_REMINDERS: '2h, 30m,2h,1d' }).FESTIVAL_REMINDERS).toEqual([
      86_400, 7200, 1800,
    ]);
    expect(() => loadConfig({ ...base, FESTIVAL_REMINDERS: '7 days' })).toThrow(/FESTIVAL_REMINDERS: must be a list/);
  });
});

describe('the .ics calendar file', () => {
  const festival = {
    id: 7,
    title: 'Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ, huyện cũ Cái Nước; năm 2027',
    venue: 'Nhà văn hoá',
    programme: 'Khai mạc\nVăn nghệ, trò chơi dân gian',
    startsAt: new Date('2027-08-19T00:30:00Z'),
    endsAt: new Date('2027-08-19T04:30:00Z'),
    status: 'scheduled',
  } as Festival;
  const ics = festivalIcs(festival, 'Xã Hưng Mỹ, Cà Mau', new Date('2027-08-01T00:00:00Z'));

  it('has CRLF lines of at most 75 octets, folded without splitting a character', () => {
    const lines = ics.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(ics).not.toContain('\uFFFD');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Ngày hội Toàn dân bảo vệ an ninh Tổ quốc xã Hưng Mỹ\\, huyện cũ Cái Nước\\; năm 2027\r\n',
    );
    expect(unfolded).toContain('DESCRIPTION:Khai mạc\\nVăn nghệ\\, trò chơi dân gian\r\n');
    expect(unfolded).toContain('DTSTART:20270819T003000Z\r\nDTEND:20270819T043000Z\r\n');
    expect(unfolded).toContain('UID:festival-7@antq-bot\r\n');
    expect(unfolded).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2.0\r\n[\s\S]*END:VEVENT\r\nEND:VCALENDAR\r\n$/);
  });
});

describe('row ids in choices and commands', () => {
  it.each([
    ['1', 1],
    ['#42', 42],
    [' 7 ', 7],
    ['2147483647', 2_147_483_647],
  ])('%s is %d', (raw, id) => expect(parseRowId(raw)).toBe(id));

  it.each(['', '0', '-1', '1.5', '2147483648', '99999999999999999999', 'abc', '1:1', '1e3'])('%s is no id', (raw) =>
    expect(parseRowId(raw)).toBeUndefined(),
  );
});
