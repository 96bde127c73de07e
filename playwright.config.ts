import { defineConfig, devices } from '@playwright/test';
import { QUIET_CHROMIUM_ARGS, systemChromiumPath } from './tests/support/chromium';
import type { AppKind } from './tests/e2e/fixtures';

const executablePath = systemChromiumPath();

export default defineConfig<{ appKind: AppKind }>({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [['list']],
  // Sized for a loaded 2-core CI machine, where a screen can take seconds to answer; a journey
  // of many screens sets its own longer timeout with test.setTimeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // The built renderer in Chromium, bridged to the real services over a temp data folder.
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        appKind: 'browser',
        launchOptions: { executablePath, args: QUIET_CHROMIUM_ARGS },
      },
    },
    {
      // The same specs against real Electron; reported as skipped where its binary is missing.
      name: 'electron',
      // Chromium is still named so the shared fixtures can start; Electron brings its own.
      use: { appKind: 'electron', launchOptions: { executablePath, args: QUIET_CHROMIUM_ARGS } },
    },
  ],
});
