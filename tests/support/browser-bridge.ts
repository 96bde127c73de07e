import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { METHOD_NAMES } from '../../shared/api/contract';
import { openParkServices, type ParkServices } from '../../electron/services/park-services';
import type { StorageFs } from '../../electron/services/storage/storage-fs';
import { RENDERER_DIR, RENDERER_URL, serveRenderer } from './renderer-files';
import { createTestPlatform, type TestDialogs } from './test-platform';
import packageJson from '../../package.json' with { type: 'json' };

export interface BridgedApp {
  page: Page;
  context: BrowserContext;
  services: ParkServices;
  dataDir: string;
  /** Stand-ins for the native save and folder dialogs. */
  dialogs: TestDialogs;
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
  }: { dataDir: string; exportDir?: string; viewport?: { width: number; height: number }; storageFs?: StorageFs },
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
  // Calls cross as JSON text: like Electron's IPC the page and main share no objects, and one
  // string crosses the DevTools protocol far faster than Playwright's per-value serialisation
  // of a 10,000-row answer, so the bridge does not slow the renderer down more than IPC would.
  await context.exposeBinding('__parkDeskInvoke', async (_source, name: string, inputJson: string) =>
    JSON.stringify(await services.dispatch(name, inputJson === undefined ? undefined : JSON.parse(inputJson))),
  );
  await context.addInitScript((names: string[]) => {
    const invoke = (window as unknown as { __parkDeskInvoke: (n: string, i: string | undefined) => Promise<string> }).__parkDeskInvoke;
    const api: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const name of names) api[name] = async (input) => JSON.parse(await invoke(name, input === undefined ? undefined : JSON.stringify(input)));
    Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false });
  }, METHOD_NAMES);
  const page = await context.newPage();
  await page.goto(RENDERER_URL);
  return {
    page,
    context,
    services,
    dataDir,
    dialogs,
    async close() {
      await context.close();
      await services.close();
    },
  };
}
