import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test as base, _electron, type Page } from '@playwright/test';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { openBridgedApp } from '../support/browser-bridge';
import { FaultyFs } from '../support/faulty-fs';
import { savedData } from '../support/saved-data';
import { createTestPlatform, type TestDialogs } from '../support/test-platform';

export type AppKind = 'browser' | 'electron';

export interface ParkDeskApp {
  page: Page;
  dataDir: string;
  /** The data file exactly as it is on disk now. */
  readDataFile(): Promise<unknown>;
  /** The save / open / folder dialogs the test answers (browser kind only: Electron's are native). */
  dialogs: TestDialogs;
  /** Switchable disk failures under the store (browser kind only). */
  storageFaults: FaultyFs | undefined;
  close(): Promise<void>;
}

interface Options {
  /** Which shell the specs drive: the renderer in Chromium over the real services, or real Electron. */
  appKind: AppKind;
  /** The data folder the app opens; a fresh one per test unless a test prepares its own. */
  dataDir: string | undefined;
}

interface Fixtures {
  /** Opens Park Desk on a data folder (default: this test's folder); call again to "restart" it. */
  openApp(options?: { dataDir?: string }): Promise<ParkDeskApp>;
  /** Park Desk opened on this test's fresh data folder. */
  app: ParkDeskApp;
}

const require = createRequire(import.meta.url);

/**
 * The Electron binary's path, or undefined where it was never downloaded (as on these machines).
 * Read from electron's path.txt rather than require('electron'), which would try to download it.
 */
export function electronBinary(): string | undefined {
  const packageDir = path.dirname(require.resolve('electron/package.json'));
  const overrideDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = path.join(overrideDir ?? path.join(packageDir, 'dist'), relative);
  return existsSync(binary) ? binary : undefined;
}

const MAIN_ENTRY = path.resolve(import.meta.dirname, '../../out/main/index.js');

export const test = base.extend<Options & Fixtures>({
  appKind: ['browser', { option: true }],
  dataDir: [undefined, { option: true }],

  openApp: async ({ appKind, dataDir, browser }, use, testInfo) => {
    if (appKind === 'electron') {
      test.skip(!electronBinary(), 'The Electron binary is not installed here (it cannot be downloaded on this machine).');
    }
    const opened: ParkDeskApp[] = [];
    const defaultDir = dataDir ?? testInfo.outputPath('park-desk-data');

    await use(async (options = {}) => {
      const folder = options.dataDir ?? defaultDir;
      // What is saved: the data file with its change log replayed (saves append to the journal).
      const readDataFile = async (): Promise<unknown> => savedData(path.join(folder, DATA_FILE_NAME));
      let app: ParkDeskApp;
      if (appKind === 'electron') {
        const electronApp = await _electron.launch({
          executablePath: electronBinary(),
          args: [MAIN_ENTRY],
          env: { ...process.env, PARK_DESK_DATA_DIR: folder },
        });
        const page = await electronApp.firstWindow();
        // Electron shows native dialogs; specs that answer dialogs skip under Electron.
        const dialogs = createTestPlatform(browser, testInfo.outputPath('exports')).dialogs;
        app = { page, dataDir: folder, readDataFile, dialogs, storageFaults: undefined, close: () => electronApp.close() };
      } else {
        const storageFaults = new FaultyFs();
        const bridged = await openBridgedApp(browser, { dataDir: folder, exportDir: testInfo.outputPath('exports'), storageFs: storageFaults });
        app = { page: bridged.page, dataDir: folder, readDataFile, dialogs: bridged.dialogs, storageFaults, close: () => bridged.close() };
      }
      opened.push(app);
      return app;
    });

    for (const app of opened) await app.close().catch(() => undefined);
  },

  app: async ({ openApp }, use) => {
    await use(await openApp());
  },
});

export { expect } from '@playwright/test';
