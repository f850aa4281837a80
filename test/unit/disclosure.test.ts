import { describe, expect, it } from 'vitest';
import { guardedCount } from '../../src/core/disclosure.ts';

describe('counts that could point at a reporter', () => {
  it('show 1 to 4 as "< 5", none as 0, and 5 or more as they are', () => {
    expect([0, 1, 4, 5, 12].map(guardedCount)).toEqual(['0', '< 5', '< 5', '5', '12']);
  });
});
