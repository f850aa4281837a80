import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/core/format.ts';

const vn = (iso: string) => new Date(`${iso}+07:00`);

describe('formatTime', () => {
  it('shows the weekday, the four-digit year and Vietnam time', () => {
    expect(formatTime('vi', vn('2026-08-22T07:30:00'))).toBe('Thứ Bảy, 22/08/2026, 07:30');
    expect(formatTime('en', vn('2026-08-22T07:30:00'))).toBe('Saturday, 22/08/2026, 07:30');
  });
  it('names every weekday', () => {
    const week = [16, 17, 18, 19, 20, 21, 22].map((d) => formatTime('vi', vn(`2026-08-${d}T12:00:00`)).split(',')[0]);
    expect(week).toEqual(['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy']);
  });
  it('takes the Vietnam calendar day, not the server one', () => {
    // 18:00 UTC on 31 December is already New Year in Vietnam.
    expect(formatTime('vi', new Date('2026-12-31T18:00:00Z'))).toBe('Thứ Sáu, 01/01/2027, 01:00');
    expect(formatTime('en', new Date('2026-12-31T16:59:00Z'))).toBe('Thursday, 31/12/2026, 23:59');
  });
});
