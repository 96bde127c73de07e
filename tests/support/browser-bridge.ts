import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { METHOD_NAMES } from '../../shared/api/contract';
import { openParkServices, type ParkServices } from '../../electron/services/park-services';
import type { StorageFs } from '../../electron/services/storage/storage-fs';
import { RENDERER_DIR, RENDERER_URL, serveRenderer } from './renderer-files';
import { BRIDGE_CODEC_SOURCE, bridgeCodec } from './bridge-codec';
import { createTestPlatform, type TestDialogs } from './test-platform';
import packageJson from '../../package.json' with { type: 'json' };

export interface BridgedApp {
  page: Page;
  context: BrowserContext;
  services: ParkServices;
  dataDir: string;
  /** Stand-ins for the native save and folder dialogs. */
  dialogs: TestDialogs;
  /** Where a file dropped on the page "is" on disk: the preload's webUtils.getPathForFile, emulated. */
  dropDir: string;
  close(): Promise<void>;
}

/**
 * The real renderer in Chromium with `window.api` wired to the real services, the way the
 * preload wires it to main in Electron: every call goes through the contract's dispatcher.
 */
export async function openBridgedApp(
  browser: Browser,
  {
    dataDir,
    exportDir = path.join(dataDir, '..', 'exports'),
    viewport = { width: 1366, height: 768 },
    storageFs,
    dropDir = path.join(dataDir, '..', 'dropped'),
  }: { dataDir: string; exportDir?: string; viewport?: { width: number; height: number }; storageFs?: StorageFs; dropDir?: string },
): Promise<BridgedApp> {
  const { platform, dialogs } = createTestPlatform(browser, path.resolve(exportDir));
  const services = await openParkServices({
    dataDir: path.resolve(dataDir),
    appVersion: packageJson.version,
    platform,
    fontsDir: path.join(RENDERER_DIR, 'fonts'),
    ...(storageFs ? { storageFs } : {}),
  });
  const context = await browser.newContext({ viewport, locale: 'en-PK', timezoneId: 'Asia/Karachi' });
  await serveRenderer(context);
  // Calls cross as text, both ways: like Electron's IPC the page and main share no objects, and
  // one string crosses the DevTools protocol far faster than Playwright's per-value
  // serialisation of a 10,000-row answer. The text is the structured-clone codec's, not bare
  // JSON, so NaN, Infinity, undefined, Date and Map arrive as Electron's IPC would deliver them
  // (bare JSON would turn a NaN seat capacity into null, which the dispatcher accepts).
  await context.exposeBinding('__parkDeskInvoke', async (_source, name: string, input: string) =>
    bridgeCodec.encode(await services.dispatch(name, bridgeCodec.decode(input))),
  );
  await context.addInitScript({
    content: `(() => {
      const codec = (function () {\n${BRIDGE_CODEC_SOURCE}\n})();
      const invoke = window.__parkDeskInvoke;
      const api = {};
      for (const name of ${JSON.stringify(METHOD_NAMES)}) {
        api[name] = async (input) => codec.decode(await invoke(name, codec.encode(input)));
      }
      Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
      // The preload's second surface. A dropped File has no path in a plain browser, so the
      // emulated getPathForFile places it in the test's drop folder under its own name.
      const dropDir = ${JSON.stringify(path.resolve(dropDir))};
      const shell = {
        onMenuCommand: () => () => {},
        pathForFile: (file) => dropDir + ${JSON.stringify(path.sep)} + file.name,
      };
      Object.defineProperty(window, 'shell', { value: Object.freeze(shell), writable: false });
    })();`,
  });
  const page = await context.newPage();
  await page.goto(RENDERER_URL);
  return {
    page,
    context,
    services,
    dataDir,
    dialogs,
    dropDir: path.resolve(dropDir),
    async close() {
      await context.close();
      await services.close();
    },
  };
}
