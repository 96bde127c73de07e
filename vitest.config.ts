import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Real files on disk: every test gets its own temp folder, so files may run in parallel.
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on these 2-core machines. Many
    // tests wait on child processes, fsync and a local server, so two keep both cores busy.
    maxWorkers: 2,
    // Some tests parse electron-builder's schema or spawn processes; a busy 2-core machine needs headroom.
    testTimeout: 20_000,
  },
});
