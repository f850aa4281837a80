import { afterAll, beforeAll } from 'vitest';
import { startHarness, type Harness } from './harness.ts';
import { areaCode } from './staff.ts';

/**
 * Starts the service for a test file's tests (closed after them) in Xã Hưng Mỹ, Cà Mau, the commune most
 * tests play in, and hands over the harness and the commune's code once started.
 */
export function harnessInHungMy(
  take: (started: { h: Harness; hungMy: string }) => void,
  env?: Parameters<typeof startHarness>[0],
): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await startHarness(env);
    take({ h, hungMy: await areaCode(h, 'Xã Hưng Mỹ', 'Cà Mau') });
  });
  afterAll(() => h?.close());
}
