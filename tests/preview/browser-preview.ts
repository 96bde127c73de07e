import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type { Api } from '../../shared/api/contract';
import { openBridgedApp } from '../support/browser-bridge';
import { QUIET_CHROMIUM_ARGS, systemChromiumPath } from '../support/chromium';

/**
 * The real renderer in Chromium over the real services, for machines without Electron.
 *   npm run preview:browser -- --data-dir ./my-data              (a window to use)
 *   npm run preview:browser -- --data-dir ./d --screenshots ./shots (saves each screen and exits)
 *   ... --viewport 1024x768   (window size; screenshots are then named e.g. dashboard-1024x768.png)
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    screenshots: { type: 'string' },
    headless: { type: 'boolean', default: false },
    'sample-data': { type: 'boolean', default: false },
    viewport: { type: 'string' },
  },
});

const dataDir = path.resolve(values['data-dir'] ?? 'preview-data');
const screenshotDir = values.screenshots ? path.resolve(values.screenshots) : undefined;
const headless = values.headless || Boolean(screenshotDir) || !process.env.DISPLAY;

const browser = await chromium.launch({ headless, executablePath: systemChromiumPath(), args: QUIET_CHROMIUM_ARGS });
const app = await openBridgedApp(browser, { dataDir });
const { page } = app;
const viewport = values.viewport ? /^(\d+)x(\d+)$/.exec(values.viewport) : undefined;
if (values.viewport && !viewport) throw new Error(`--viewport takes WIDTHxHEIGHT, e.g. 1024x768 (got ${values.viewport}).`);
if (viewport) await page.setViewportSize({ width: Number(viewport[1]), height: Number(viewport[2]) });
const shotSuffix = viewport ? `-${viewport[1]}x${viewport[2]}` : '';
console.log(`Park Desk preview on ${dataDir} (${app.services.dataFile}).`);

if (values['sample-data']) {
  await page.evaluate(() => (window as unknown as { api: Api }).api.loadSampleData({}));
  await page.reload();
}

if (screenshotDir) {
  await mkdir(screenshotDir, { recursive: true });
  const nav = page.getByRole('navigation', { name: 'Main' });
  const shoot = async (name: string) => {
    await page.waitForLoadState('networkidle');
    const file = path.join(screenshotDir, `${name}${shotSuffix}.png`);
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
  };
  await shoot('dashboard');
  await nav.getByRole('button', { name: 'Proposals' }).click();
  await shoot('proposals');
  // A proposal with an MoU and a timeline shows the most; any proposal will do otherwise.
  const proposalRows = page.getByRole('table', { name: 'Proposals' }).getByRole('row');
  const withMou = proposalRows.filter({ hasText: 'MoU signed' });
  const proposalRow = (await withMou.count()) ? withMou.first() : proposalRows.nth(1);
  if (await proposalRow.count()) {
    await proposalRow.getByRole('button').first().click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
    await shoot('proposal');
    await page.getByRole('button', { name: 'Edit' }).click();
    await shoot('proposal-form');
  }
  await nav.getByRole('button', { name: 'MoUs' }).click();
  const mouRows = page.getByRole('table', { name: 'MoUs' }).getByRole('row');
  const mouCount = Math.max(0, (await mouRows.count()) - 1);
  // Two rows ticked, to show the selection and Export summaries….
  for (let i = 1; i <= Math.min(2, mouCount); i++) await mouRows.nth(i).getByRole('checkbox').check();
  await shoot('mous');
  if (mouCount > 0) {
    // An MoU with obligations (one overdue) shows the most.
    const withObligations = mouRows.filter({ hasText: 'overdue' });
    const mouRow = (await withObligations.count()) ? withObligations.first() : mouRows.nth(1);
    await mouRow.getByRole('button').first().click();
    await page.getByRole('button', { name: 'Preview / Export PDF' }).waitFor();
    await shoot('mou');
    await page.getByRole('button', { name: 'Preview / Export PDF' }).click();
    await page.frameLocator('iframe[title^="Preview of the MoU summary"]').getByRole('heading').first().waitFor();
    await shoot('mou-summary');
    await page.getByRole('button', { name: 'Back to MoU', exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Save MoU' }).waitFor();
    await shoot('mou-form');
  }
  await nav.getByRole('button', { name: 'Reports' }).click();
  await page.frameLocator('iframe[title^="Preview of the"]').getByRole('heading').first().waitFor();
  await shoot('reports');
  await nav.getByRole('button', { name: 'Data' }).click();
  await shoot('data');
  // The global search over the Data screen, with results of both kinds.
  await page.keyboard.press('Control+f');
  await page.keyboard.type('rawalpindi');
  await page.getByRole('dialog', { name: 'Search' }).getByRole('status').filter({ hasText: 'Found' }).waitFor();
  await shoot('search');
  await app.close();
  await browser.close();
} else if (headless) {
  console.log('No display: the preview is running headless. Use --screenshots DIR to save the screens. Ctrl+C to stop.');
} else {
  console.log('Close the browser window (or press Ctrl+C) to stop.');
  page.on('close', async () => {
    await app.close();
    await browser.close();
  });
}
