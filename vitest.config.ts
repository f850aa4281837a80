import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one database and one Redis; each uses its own users and key prefix.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
