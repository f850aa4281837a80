import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { csvCell } from '../../src/http/console/tips.ts';

describe('the console’s CSV cells', () => {
  it('are quoted, their quotes doubled, and a formula stays text', () => {
    expect(csvCell('Chợ "Hưng Mỹ", ấp 3\nsáng')).toBe('"Chợ ""Hưng Mỹ"", ấp 3\nsáng"');
    for (const formula of ['=HYPERLINK("x")', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(formula)).toBe(`"'${formula.replace(/"/g, '""')}"`);
    expect(csvCell('AN-7K3Q9P')).toBe('"AN-7K3Q9P"');
  });
});

describe('CONSOLE_AGE_RED_MINUTES', () => {
  const base = { DATABASE_URL: 'postgresql://x@127.0.0.1/db', DATA_ENCRYPTION_KEY: 'a'.repeat(64) };
  it('minutes per urgency; one left out keeps its default; a bad value names the variable', () => {
    expect(loadConfig(base).CONSOLE_AGE_RED_MINUTES).toEqual({ urgent: 15, normal: 1440 });
    expect(loadConfig({ ...base, CONSOLE_AGE_RED_MINUTES: ' normal: 60 ' }).CONSOLE_AGE_RED_MINUTES).toEqual({
      urgent: 15,
      normal: 60,
    });
    expect(() => loadConfig({ ...base, CONSOLE_AGE_RED_MINUTES: 'urgent=15' })).toThrow(/CONSOLE_AGE_RED_MINUTES/);
  });
});
