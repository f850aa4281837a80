import { useEffect } from 'preact/hooks';

/**
 * Asks again whenever `deps` change and hands over the answer of the latest ask only: an answer that comes back
 * after a newer ask (filters changed quickly, a slow line) would otherwise show results for filters no longer set.
 */
export function useLatestAnswer<T>(
  ask: () => Promise<T> | undefined,
  take: (answer: T) => void,
  fail: (err: unknown) => void,
  deps: unknown[],
): void {
  useEffect(() => {
    let latest = true;
    ask()?.then(
      (answer) => latest && take(answer),
      (err: unknown) => latest && fail(err),
    );
    return () => void (latest = false);
  }, deps);
}
