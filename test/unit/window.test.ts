import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { hasWindow, windowPassed } from '../../src/core/window.ts';

const week = { ZALO_OA_WINDOW_HOURS: 168 };
const now = new Date('2026-12-01T12:00:00Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

describe('the interaction window', () => {
  it('applies to the Zalo OA only', () => {
    expect(hasWindow(week, 'zalo_oa')).toBe(true);
    expect(hasWindow(week, 'telegram')).toBe(false);
    expect(hasWindow(week, 'zalo')).toBe(false);
    expect(windowPassed(week, 'telegram', hoursAgo(24 * 365), now)).toBe(false);
  });

  it('has passed once the configured hours since the last interaction are over, not on the boundary', () => {
    expect(windowPassed(week, 'zalo_oa', hoursAgo(167), now)).toBe(false);
    expect(windowPassed(week, 'zalo_oa', hoursAgo(168), now)).toBe(false);
    expect(windowPassed(week, 'zalo_oa', hoursAgo(169), now)).toBe(true);
    expect(windowPassed({ ZALO_OA_WINDOW_HOURS: 24 }, 'zalo_oa', hoursAgo(25), now)).toBe(true);
  });

  it('counts an unknown last interaction as open: the platform refuses at send time if it is not', () => {
    expect(windowPassed(week, 'zalo_oa', null, now)).toBe(false);
  });

  it('is configured in hours (ZALO_OA_WINDOW_HOURS), 168 unless set', () => {
    const env = { DATABASE_URL: 'postgresql://postgres@127.0.0.1/antq', DATA_ENCRYPTION_KEY: 'a'.repeat(64) };
    expect(loadConfig(env).ZALO_OA_WINDOW_HOURS).toBe(168);
    expect(loadConfig({ ...env, ZALO_OA_WINDOW_HOURS: '24' }).ZALO_OA_WINDOW_HOURS).toBe(24);
    expect(() => loadConfig({ ...env, ZALO_OA_WINDOW_HOURS: '0' })).toThrow(/ZALO_OA_WINDOW_HOURS/);
  });
});
