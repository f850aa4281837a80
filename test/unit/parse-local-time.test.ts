import { describe, expect, it } from 'vitest';
import { parseLocalTime } from '../../src/core/format.ts';

/** 1 December 2026, 09:00 in Vietnam. */
const now = new Date('2026-12-01T02:00:00Z');
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('parseLocalTime without a year', () => {
  it('a day just gone stays in the past (for the caller to refuse), not next year', () => {
    expect(parseLocalTime('30/11 07:30', now)).toEqual(vn('2026-11-30T07:30:00'));
    expect(parseLocalTime('01/12 08:00', now)).toEqual(vn('2026-12-01T08:00:00'));
    expect(parseLocalTime('15/07 07:30', now)).toEqual(vn('2026-07-15T07:30:00'));
  });
  it('a day ahead is this year or the next one', () => {
    expect(parseLocalTime('01/12 10:00', now)).toEqual(vn('2026-12-01T10:00:00'));
    expect(parseLocalTime('20/12 07:30', now)).toEqual(vn('2026-12-20T07:30:00'));
    expect(parseLocalTime('05/01 07:30', now)).toEqual(vn('2027-01-05T07:30:00'));
  });
  it('a day more than ~6 months back means next year', () => {
    expect(parseLocalTime('20/03 07:30', now)).toEqual(vn('2027-03-20T07:30:00'));
    expect(parseLocalTime('19/08 07:30', new Date('2027-03-01T00:00:00Z'))).toEqual(vn('2027-08-19T07:30:00'));
  });
  it('a given year is kept, and impossible dates are refused', () => {
    expect(parseLocalTime('30/11/2027 07:30', now)).toEqual(vn('2027-11-30T07:30:00'));
    expect(parseLocalTime('31/02 07:30', now)).toBeUndefined();
  });
});
