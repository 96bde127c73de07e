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
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog', { name: 'Search' }).waitFor({ state: 'hidden' });

  // The screens that show the history and occupancy work, after a few changes to the practice data
  // (taken last, so the screens above show the sample parks as loaded).
  const openProposal = async (title: string) => {
    await nav.getByRole('button', { name: 'Proposals' }).click();
    await page.getByRole('button', { name: title }).click();
    await page.getByRole('button', { name: 'Edit' }).waitFor();
  };
  const move = async (button: string, note: string) => {
    await page.getByRole('group', { name: 'Allowed moves' }).getByRole('button', { name: button }).click();
    const name = page.getByRole('dialog').getByRole('textbox', { name: 'Your name' });
    if (await name.count()) await name.fill('Ayesha Khan');
    const noteBox = page.getByRole('dialog').getByRole('textbox', { name: /^(Note|Reason)$/ });
    await noteBox.fill(note);
    await noteBox.press('Control+Enter');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
  };
  if (values['sample-data']) {
    // A wrong Reject, withdrawn by a correction: both stay in the history.
    await openProposal('Quetta Software Technology Park');
    await move('Move to Screening…', 'Papers complete.');
    await move('Reject…', 'Building unsuitable.');
    await page.getByRole('button', { name: 'Correct the last move…' }).click();
    const correct = page.getByRole('dialog', { name: 'Correct the last move' });
    await correct.getByLabel('Reason', { exact: true }).fill('Rejected the wrong proposal: this one is still being screened.');
    await correct.getByRole('button', { name: 'Withdraw the move' }).click();
    await correct.waitFor({ state: 'hidden' });
    await shoot('proposal-corrected');

    // An operational park with its occupancy return.
    await openProposal('Rawalpindi Software Technology Park');
    const panel = page.getByRole('region', { name: 'Occupancy returns' });
    await panel.getByRole('button', { name: 'Add return…' }).click();
    const returnDialog = page.getByRole('dialog', { name: 'Add an occupancy return' });
    await returnDialog.getByLabel('Firms housed').fill('30');
    await returnDialog.getByLabel('Seats available').fill('800');
    await returnDialog.getByLabel('Seats occupied').fill('600');
    await returnDialog.getByRole('button', { name: 'Add return' }).click();
    await returnDialog.waitFor({ state: 'hidden' });
    await panel.scrollIntoViewIfNeeded();
    await shoot('proposal-occupancy');
    await nav.getByRole('button', { name: 'Dashboard' }).click();
    await shoot('dashboard-after-changes');

    // The register and the progress report for the quarter under way, as PDFs beside the screenshots
    // (pdftoppm -png -r 80 -f 1 -l 1 FILE.pdf PAGE makes the README's page images).
    await nav.getByRole('button', { name: 'Reports' }).click();
    for (const [kind, file] of [['Park register', 'register.pdf'], ['Progress report for a period', 'progress-report.pdf']] as const) {
      await page.getByRole('radio', { name: kind }).check();
      await page.frameLocator('iframe[title^="Preview of the"]').getByRole('heading').first().waitFor();
      app.dialogs.savePaths.push(path.join(screenshotDir, file));
      await page.getByRole('button', { name: 'Export PDF' }).click();
      await page.locator('.notices').filter({ hasText: file }).waitFor({ timeout: 120_000 });
      console.log(`saved ${path.join(screenshotDir, file)}`);
    }

    // An MoU archived: the notice offers Undo; the archived view lists it.
    await nav.getByRole('button', { name: 'MoUs' }).click();
    await page.getByRole('button', { name: 'PSEB/MoU/STP/FSD/2021', exact: true }).click();
    await page.getByRole('button', { name: 'Archive…' }).click();
    await page.getByRole('dialog', { name: /^Archive MoU/ }).getByRole('button', { name: 'Archive' }).click();
    await page.getByRole('status').filter({ hasText: 'archived.' }).waitFor();
    await shoot('notice');
    await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Archived MoUs' });
    await shoot('mous-archived');
  }
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
