import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real files on disk: every test gets its own temp folder, so files may run in parallel.
    pool: 'forks',
    // Some tests parse electron-builder's schema or spawn processes; a busy 2-core machine needs headroom.
    testTimeout: 20_000,
  },
});
