import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { openBridgedApp } from '../support/browser-bridge';
import { QUIET_CHROMIUM_ARGS, systemChromiumPath } from '../support/chromium';
import { RENDERER_DIR } from '../support/renderer-files';
import { summarise, type Timing } from './measure';

/** Slow is a finding to report, not a failure: steps may take minutes before the list is fast. */
const BENCH_STEP_TIMEOUT_MS = 300_000;

export async function launchBenchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: systemChromiumPath(), args: QUIET_CHROMIUM_ARGS });
}

/** The renderer's JavaScript as an official's PC loads it, gzipped (what an update would ship). */
export async function rendererJavaScriptGzipBytes(): Promise<{ rawBytes: number; gzipBytes: number }> {
  const assets = path.join(RENDERER_DIR, 'assets');
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const name of await readdir(assets)) {
    if (!name.endsWith('.js')) continue;
    const bytes = await readFile(path.join(assets, name));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { rawBytes, gzipBytes };
}

/**
 * From opening the window to the first proposal row painted on the Proposals screen (through the
 * test bridge, whose DevTools-protocol transport is slower than Electron's IPC), and the list
 * screen alone: from the click to the first row, with the 10,000 summaries already loaded.
 */
export async function measureFirstListPaint(browser: Browser, dataDir: string, runs: number): Promise<{ total: Timing; listScreen: Timing }> {
  const totals: number[] = [];
  const screens: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const app = await openBridgedApp(browser, { dataDir });
    app.page.setDefaultTimeout(BENCH_STEP_TIMEOUT_MS);
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    const firstRow = app.page.getByRole('table', { name: 'Proposals' }).getByRole('row').nth(1);
    await nav.getByRole('button', { name: 'Proposals' }).click();
    await firstRow.waitFor();
    totals.push(performance.now() - start);

    await nav.getByRole('button', { name: 'Dashboard' }).click();
    await app.page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    const screenStart = performance.now();
    await nav.getByRole('button', { name: 'Proposals' }).click();
    await firstRow.waitFor();
    screens.push(performance.now() - screenStart);
    await app.close();
  }
  return { total: summarise(totals), listScreen: summarise(screens) };
}

/**
 * Each keystroke in the proposals search, from the input event to React's update laid out, in
 * the page's own clock; beside it the bare filter of the same rows for the same text.
 */
export async function measureSearchKeystrokes(browser: Browser, dataDir: string, text: string): Promise<{ keystroke: Timing; bareFilter: Timing }> {
  const app = await openBridgedApp(browser, { dataDir });
  app.page.setDefaultTimeout(BENCH_STEP_TIMEOUT_MS);
  try {
    const { page } = app;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
    await page.getByRole('table', { name: 'Proposals' }).getByRole('row').nth(1).waitFor();
    const search = page.getByLabel('Search proposals', { exact: true });
    await search.focus();
    const result = await page.evaluate(async (typed: string) => {
      const input = document.activeElement as HTMLInputElement;
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const keystrokes: number[] = [];
      const bare: number[] = [];
      const listed = await (window as unknown as { api: { listProposals(i: object): Promise<{ ok: boolean; value: { title: string; city: string; referenceNumber: string }[] }> } }).api.listProposals({});
      const rows = listed.value;
      for (let i = 1; i <= typed.length; i++) {
        const query = typed.slice(0, i);
        const start = performance.now();
        setValue.call(input, query);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void document.body.offsetHeight; // force style and layout of whatever React changed
        keystrokes.push(performance.now() - start);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

        const bareStart = performance.now();
        const q = query.toLowerCase();
        rows.filter((r) => r.title.toLowerCase().includes(q) || r.city.toLowerCase().includes(q) || r.referenceNumber.toLowerCase().includes(q));
        bare.push(performance.now() - bareStart);
      }
      return { keystrokes, bare };
    }, text);
    return { keystroke: summarise(result.keystrokes), bareFilter: summarise(result.bare) };
  } finally {
    await app.close();
  }
}
