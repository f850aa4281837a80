import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxProgress } from '../../src/pipeline/progress.ts';

describe('inbox progress', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('is not stalled while nothing is due, however long nothing was handled', () => {
    const progress = new InboxProgress();
    vi.advanceTimersByTime(3600_000);
    progress.sawDue(undefined);
    expect(progress.stalledMs()).toBe(0);
  });

  it('counts the time due work has waited with nothing finished meanwhile', () => {
    const progress = new InboxProgress();
    vi.advanceTimersByTime(120_000);
    progress.sawDue(new Date(Date.now() - 30_000));
    expect(progress.stalledMs()).toBe(30_000);
    vi.advanceTimersByTime(60_000);
    expect(progress.stalledMs()).toBe(90_000);
  });

  it('is not stalled while updates are being finished, even behind an old backlog', () => {
    const progress = new InboxProgress();
    progress.sawDue(new Date(Date.now() - 600_000));
    vi.advanceTimersByTime(5_000);
    progress.finished();
    vi.advanceTimersByTime(1_000);
    expect(progress.stalledMs()).toBe(1_000);
  });
});
