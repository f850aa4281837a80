import { describe, expect, it } from 'vitest';
import { bucketStarts, timeUnitOf } from '../../src/features/stats/statistics.ts';

const vn = (day: string) => new Date(`${day}T00:00:00+07:00`);

describe('the statistics chart’s weeks and months', () => {
  it('goes by week up to a quarter, by month beyond', () => {
    expect(timeUnitOf({ from: vn('2026-07-01'), to: vn('2026-10-01') })).toBe('week');
    expect(timeUnitOf({ from: vn('2026-07-01'), to: vn('2027-01-01') })).toBe('month');
  });

  it('starts weeks on Monday and months on the 1st, on Vietnam’s calendar', () => {
    // 1 July 2026 is a Wednesday; its Monday is 29 June. The period ends before 20 July (a Monday).
    expect(bucketStarts({ from: vn('2026-07-01'), to: vn('2026-07-20') }, 'week')).toEqual([
      '2026-06-29',
      '2026-07-06',
      '2026-07-13',
    ]);
    expect(bucketStarts({ from: vn('2026-07-01'), to: vn('2027-01-01') }, 'month')).toEqual([
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
    ]);
    // Midnight in Vietnam is still the day before in UTC: the bucket is Vietnam's.
    expect(bucketStarts({ from: vn('2026-03-01'), to: vn('2026-03-02') }, 'month')).toEqual(['2026-03-01']);
  });
});
