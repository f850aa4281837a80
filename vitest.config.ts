import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // No text sent to a Zalo user in any test may speak of buttons (Zalo has none).
    setupFiles: ['test/support/zalo-texts.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one database and one Redis; each uses its own users and key prefix.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
