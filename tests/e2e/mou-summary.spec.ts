import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Mou } from '../../shared/domain/mou';
import {
  database,
  FAISALABAD_OBLIGATIONS,
  faisalabadMou,
  faisalabadProposal,
  longUrduObligations,
  manyObligations,
  quettaMou,
  rawalpindiMou,
  URDU_SIGNATORY,
  URDU_VENUE,
  writeDataFolder,
} from '../support/mou-data';
import { pdfLines, pdfPageCount, pdfText, PRINT_TIMEOUT } from '../support/pdf-text';
import { expect, test, type ParkDeskApp } from './fixtures';

const FSD_FILE = 'MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf';
const XSS = '<img src=x onerror=alert(1)>';

const OBLIGATIONS_HEADER = 'No. Obligation Party Owner Due Status';

/** Opens Park Desk on a data folder holding these MoUs (and the Faisalabad proposal). */
async function openWith(openApp: (o: { dataDir: string }) => Promise<ParkDeskApp>, dataDir: string, mous: Mou[]): Promise<ParkDeskApp & { dialogs: NonNullable<ParkDeskApp['dialogs']> }> {
  await writeDataFolder(dataDir, database({ proposals: [faisalabadProposal()], mous }));
  const app = await openApp({ dataDir });
  return app as ParkDeskApp & { dialogs: NonNullable<ParkDeskApp['dialogs']> };
}

/** From the MoU list to the MoU page, then its Preview / Export PDF, as an official goes. */
async function openSummary(app: ParkDeskApp, mouNumber: string) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  await app.page.getByRole('table', { name: 'MoUs' }).getByRole('button', { name: mouNumber, exact: true }).click();
  await expect(app.page.getByRole('heading', { name: `MoU ${mouNumber}`, level: 1 })).toBeVisible();
  await app.page.getByRole('button', { name: 'Preview / Export PDF' }).click();
  await expect(app.page.getByRole('heading', { name: `MoU summary ${mouNumber}` })).toBeVisible();
}

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', "Electron's save and folder dialogs are native; these specs answer them through the browser bridge.");
  test.slow();
});

test('an official previews the Faisalabad MoU and exports it; the PDF reads back exactly', async ({ openApp }, testInfo) => {
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [faisalabadMou(), rawalpindiMou()]);
  await openSummary(app, 'PSEB-STP-FSD-2021-01');

  const preview = app.page.frameLocator('iframe[title="Preview of the MoU summary PSEB-STP-FSD-2021-01"]');
  await expect(preview.getByRole('heading', { name: 'MoU PSEB-STP-FSD-2021-01' })).toBeVisible();
  await expect(preview.getByRole('cell', { name: URDU_SIGNATORY })).toBeVisible();
  await expect(app.page).toHaveTitle('MoU summary PSEB-STP-FSD-2021-01 – Park Desk');

  await app.page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.page.locator('.notices')).toContainText(`Saved “${FSD_FILE}”`, PRINT_TIMEOUT);
  expect(app.dialogs.proposedNames).toEqual([FSD_FILE]);
  const file = path.join(app.dialogs.exportDir, FSD_FILE);
  await expect(app.page.getByText(`Last saved to ${file}`)).toBeVisible();

  const text = await pdfText(file);
  for (const expected of [
    'MoU PSEB-STP-FSD-2021-01',
    'Status: Active',
    'Pakistan Software Export Board',
    'Sitara Chemical Industries',
    'Ayesha Siddiqui Managing Director 20-May-2021',
    'Imran Aslam Chief Executive Officer 20-May-2021',
    'Area committed 19,500 sq ft',
    'Signed 20-May-2021',
    'Expiry 31-May-2026',
    'Faisalabad Software Technology Park',
    URDU_SIGNATORY,
    URDU_VENUE,
    'Page 1 of',
  ]) {
    expect(text, expected).toContain(expected);
  }
  for (const obligation of FAISALABAD_OBLIGATIONS) expect(text, obligation.description).toContain(obligation.description);
  // Overdue is marked in words on the obligation's own row.
  const lines = await pdfLines(file);
  expect(lines.find((line) => line.includes('Complete the fit-out'))).toMatch(/Sitara Chemical Sitara Projects 31-Dec-2021 ! Overdue$/);
  expect(lines.find((line) => line.includes('quarterly occupancy report'))).toMatch(/31-Mar-2099 Open$/);
  expect(text).toMatch(/Generated on \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} by Ayesha Siddiqui with Park Desk\./);
  // What an official acts on leads: key dates, parties and every obligation are on page 1.
  const firstPage = await pdfText(file, 1);
  for (const expected of ['Key dates', 'Expiry 31-May-2026', 'Imran Aslam', ...FAISALABAD_OBLIGATIONS.map((o) => o.description)]) {
    expect(firstPage, `page 1 has ${expected}`).toContain(expected);
  }

  // Back returns to the MoU the summary was opened from.
  await app.page.getByRole('button', { name: 'Back to MoU', exact: true }).click();
  await expect(app.page.getByRole('heading', { name: 'MoU PSEB-STP-FSD-2021-01', level: 1 })).toBeVisible();
});

test('Ctrl+E exports from the summary; cancelling the save dialog saves nothing and says so; blanks print on request', async ({ openApp }, testInfo) => {
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [faisalabadMou((f) => delete f.notes)]);
  await openSummary(app, 'PSEB-STP-FSD-2021-01');

  // Nothing recorded, nothing printed; unless the official asks for blanks to complete by hand.
  const preview = app.page.frameLocator('iframe[title="Preview of the MoU summary PSEB-STP-FSD-2021-01"]');
  await expect(preview.getByRole('heading', { name: 'Obligations' })).toBeVisible();
  await expect(preview.getByRole('heading', { name: 'Notes' })).toHaveCount(0);
  await app.page.getByRole('checkbox', { name: 'Print blank rows for fields not recorded' }).check();
  await expect(preview.getByRole('heading', { name: 'Notes' })).toBeVisible();
  await expect(preview.getByRole('img', { name: 'Not recorded' })).toHaveCount(1);

  app.dialogs.cancelNextDialog();
  await app.page.keyboard.press('Control+e');
  await expect(app.page.locator('.notices')).toContainText('Export cancelled; no file was saved.');
  await expect(readdir(app.dialogs.exportDir)).rejects.toThrow(); // not even the folder was made

  await app.page.keyboard.press('Control+e');
  await expect(app.page.locator('.notices')).toContainText(`Saved “${FSD_FILE}”`, PRINT_TIMEOUT);
  expect((await stat(path.join(app.dialogs.exportDir, FSD_FILE))).size).toBeGreaterThan(10_000);
  expect(await pdfText(path.join(app.dialogs.exportDir, FSD_FILE))).toContain('Notes');
});

test('a name written as HTML prints as text and runs nothing, in the preview and the PDF', async ({ openApp }, testInfo) => {
  const hostile = faisalabadMou((f) => {
    f.parties[1]!.name = XSS;
    f.parties[1]!.signatories[0]!.name = `${XSS} signatory`;
  });
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [hostile]);
  const dialogs: string[] = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await openSummary(app, 'PSEB-STP-FSD-2021-01');
  const preview = app.page.frameLocator('iframe[title^="Preview of the MoU summary"]');
  await expect(preview.getByRole('cell', { name: XSS, exact: true }).first()).toBeVisible();
  await expect(preview.locator('img')).toHaveCount(0);

  await app.page.getByRole('button', { name: 'Export PDF' }).click();
  // The partner's name is in the file name too, with the characters Windows refuses replaced.
  const fileName = 'MoU PSEB-STP-FSD-2021-01 - img src=x onerror=alert(1).pdf';
  await expect(app.page.locator('.notices')).toContainText(`Saved “${fileName}”`, PRINT_TIMEOUT);
  const text = await pdfText(path.join(app.dialogs.exportDir, fileName));
  expect(text).toContain(XSS);
  expect(text).toContain(`${XSS} signatory`);
  expect(dialogs).toEqual([]);
});

test('an MoU with 60 obligations prints on several pages, each numbered, with the table header repeated', async ({ openApp }, testInfo) => {
  const long = faisalabadMou((f) => (f.obligations = manyObligations(60)));
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [long]);
  await openSummary(app, 'PSEB-STP-FSD-2021-01');
  await app.page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.page.locator('.notices')).toContainText(`Saved “${FSD_FILE}”`, PRINT_TIMEOUT);

  const file = path.join(app.dialogs.exportDir, FSD_FILE);
  const pages = await pdfPageCount(file);
  expect(pages).toBeGreaterThanOrEqual(3);
  let obligationPages = 0;
  for (let n = 1; n <= pages; n++) {
    const text = await pdfText(file, n);
    expect(text, `page ${n}`).toContain(`Page ${n} of ${pages}`);
    if (/Obligation number \d+:/.test(text)) {
      obligationPages++;
      expect(await pdfLines(file, n), `page ${n} repeats the header row`).toContain(OBLIGATIONS_HEADER);
    }
  }
  expect(obligationPages).toBeGreaterThanOrEqual(2);
  const all = await pdfText(file);
  for (let k = 1; k <= 60; k++) expect(all).toContain(`Obligation number ${k}: quarterly deliverable`);
});

test('an MoU at the schema\'s limits (300 obligations of 2,000 Urdu characters) exports whole', async ({ openApp }, testInfo) => {
  // Printing some 300 pages with the embedded Urdu font takes a while on a busy machine.
  test.setTimeout(240_000);
  const long = faisalabadMou((f) => (f.obligations = longUrduObligations(300)));
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [long]);
  await openSummary(app, 'PSEB-STP-FSD-2021-01');
  await app.page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(app.page.locator('.notices')).toContainText(`Saved “${FSD_FILE}”`, { timeout: 180_000 });

  const file = path.join(app.dialogs.exportDir, FSD_FILE);
  expect(await pdfPageCount(file)).toBeGreaterThan(250);
  const all = await pdfText(file);
  for (const k of [1, 150, 300]) expect(all).toContain(`Clause ${k} `);
  expect(all).toContain('پانی اور انٹرنیٹ کی فراہمی');
});

test('several MoUs export into one folder, one file each, with progress', async ({ openApp }, testInfo) => {
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [faisalabadMou(), rawalpindiMou(), quettaMou()]);
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  const exportButton = page.getByRole('button', { name: 'Export summaries…' });
  const selectAll = page.getByRole('checkbox', { name: 'Select all MoUs shown' });
  await expect(exportButton).toBeDisabled();
  await expect(page.getByText('0 selected')).toBeVisible();

  await page.getByRole('checkbox', { name: 'Select MoU PSEB-STP-RWP-2021-02' }).check();
  await expect(page.getByText('1 selected')).toBeVisible();
  await expect(selectAll).not.toBeChecked();
  await expect(exportButton).toBeEnabled();
  await selectAll.check();
  await expect(page.getByText('3 selected')).toBeVisible();

  // Only what is shown is exported: a search narrows the selection, clearing it brings the rest back.
  const search = page.getByLabel('Search MoUs', { exact: true });
  await search.fill('UltraSoft');
  await expect(page.getByText('1 selected')).toBeVisible();
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: 'Export MoU summaries' });
  await expect(dialog).toContainText('1 MoU summary will be saved as a PDF file');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await search.fill('');
  await expect(page.getByText('3 selected')).toBeVisible();
  await exportButton.click();

  await expect(dialog).toContainText('3 MoU summaries will be saved as PDF files');
  await dialog.getByRole('button', { name: 'Choose folder and export' }).click();
  await expect(dialog.getByRole('status')).toHaveText(/^Exporting [123] of 3…$/);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(dialog.getByRole('status')).toHaveText('Exported 3 of 3 MoU summaries.', { timeout: 90_000 });
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toHaveAttribute('value', '3');
  // In the order the list shows them (by MoU number).
  await expect(dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem')).toHaveText([
    FSD_FILE,
    'MoU PSEB-STP-QTA-2022-01 - UltraSoft.pdf',
    'MoU PSEB-STP-RWP-2021-02 - IMARAT Group.pdf',
  ]);
  await expect(app.page.locator('.notices')).toContainText(`Exported 3 of 3 MoU summaries into ${app.dialogs.exportDir}.`);

  expect((await readdir(app.dialogs.exportDir)).sort()).toEqual([FSD_FILE, 'MoU PSEB-STP-QTA-2022-01 - UltraSoft.pdf', 'MoU PSEB-STP-RWP-2021-02 - IMARAT Group.pdf']);
  expect(await pdfText(path.join(app.dialogs.exportDir, 'MoU PSEB-STP-RWP-2021-02 - IMARAT Group.pdf'))).toContain('Area committed 44,000 sq ft');

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  // The notice opens the folder, with the last file selected.
  await app.page.getByRole('status').getByRole('button', { name: 'Show in folder' }).click();
  await expect.poll(() => app.dialogs.shownInFolder).toEqual([path.join(app.dialogs.exportDir, 'MoU PSEB-STP-RWP-2021-02 - IMARAT Group.pdf')]);

  // For a meeting: the same selection as one PDF, a contents page first, each summary on its own pages.
  await exportButton.click();
  await dialog.getByRole('checkbox', { name: 'One combined PDF with a contents page' }).check();
  await expect(dialog).toContainText('3 MoU summaries will be saved as one PDF file, with a contents page first');
  await dialog.getByRole('button', { name: 'Choose file and export' }).click();
  await expect(dialog).toBeHidden(PRINT_TIMEOUT);
  const combinedName = app.dialogs.proposedNames.at(-1)!;
  expect(combinedName).toMatch(/^MoU summaries \d{2}-[A-Z][a-z]{2}-\d{4}\.pdf$/);
  await expect(app.page.locator('.notices')).toContainText(`Saved “${combinedName}” with 3 MoU summaries and a contents page`);
  const combined = path.join(app.dialogs.exportDir, combinedName);
  const contents = await pdfText(combined, 1);
  expect(contents).toContain('Contents: 3 MoU summaries');
  for (const mouNumber of ['PSEB-STP-FSD-2021-01', 'PSEB-STP-QTA-2022-01', 'PSEB-STP-RWP-2021-02']) expect(contents).toContain(mouNumber);
  expect(contents).toContain('Sitara Chemical Industries');
  expect(contents).toContain('UltraSoft');
  // Each summary starts on a page of its own, after the contents.
  expect(await pdfText(combined, 2)).toContain('MoU PSEB-STP-FSD-2021-01');
  const pages = await pdfPageCount(combined);
  const all = await pdfText(combined);
  for (const mouNumber of ['PSEB-STP-QTA-2022-01', 'PSEB-STP-RWP-2021-02']) expect(all).toContain(`MoU ${mouNumber}`);
  expect(all).toContain('Area committed 44,000 sq ft');
  expect(all).toContain(`Page ${pages} of ${pages}`);
});

test('cancelling a batch export stops after the file being written and keeps what was saved', async ({ openApp }, testInfo) => {
  const app = await openWith(openApp, testInfo.outputPath('park-desk-data'), [faisalabadMou(), rawalpindiMou(), quettaMou()]);
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  await app.page.getByRole('checkbox', { name: 'Select all MoUs shown' }).check();
  await expect(app.page.getByText('3 selected')).toBeVisible();
  await app.page.getByRole('button', { name: 'Export summaries…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Export MoU summaries' });
  await dialog.getByRole('button', { name: 'Choose folder and export' }).click();
  await expect(dialog.getByRole('status')).toHaveText('Exporting 1 of 3…');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await expect(dialog.getByRole('status')).toHaveText(/^Exported [12] of 3 MoU summaries \(cancelled\)\.$/, PRINT_TIMEOUT);
  const saved = Number(/Exported (\d)/.exec((await dialog.getByRole('status').textContent())!)![1]);
  expect(await readdir(app.dialogs.exportDir)).toHaveLength(saved);
  await expect(app.page.locator('.notices')).toContainText('the rest were cancelled');
});
