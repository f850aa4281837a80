/** `p`, or a rejection once `ms` have passed (the work itself is not cancelled). */
export const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
