import { savedBytes } from '../support/saved-data';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { database, faisalabadMou, faisalabadProposal, writeDataFolder } from '../support/mou-data';
import { expectNoAxeViolations } from './accessibility';
import { expect, test, type ParkDeskApp } from './fixtures';

const MOU_NUMBER = 'PSEB-STP-FSD-2021-01';
const SCAN = 'دستخط شدہ مفاہمت نامہ.pdf';
const PDF_BYTES = Buffer.from(['%PDF-1.4', '1 0 obj << /Type /Catalog >> endobj', `% ${'signed MoU scan '.repeat(200)}`, 'trailer << /Root 1 0 R >>', '%%EOF'].join('\n'));
const SCAN_SHA = createHash('sha256').update(PDF_BYTES).digest('hex');

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

async function openMou(app: ParkDeskApp) {
  await nav(app.page, 'MoUs').click();
  await app.page.getByRole('table', { name: 'MoUs' }).getByRole('button', { name: MOU_NUMBER, exact: true }).click();
  await expect(app.page.getByRole('heading', { name: `MoU ${MOU_NUMBER}`, level: 1 })).toBeVisible();
}

async function chooseImport(app: ParkDeskApp, file: string) {
  await nav(app.page, 'Data').click();
  app.dialogs.openPaths.push(file);
  await app.page.getByRole('button', { name: 'Import from a file…' }).click();
}

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', 'Answers the file dialogs through the browser bridge.');
  test.slow();
});

test('export everything carries the signed scan in one bundle; a changed byte is refused by name; a fresh data folder imports it with the same hash', async ({ openApp }, testInfo) => {
  const dataDir = testInfo.outputPath('park-desk-data');
  await writeDataFolder(dataDir, database({ proposals: [faisalabadProposal()], mous: [faisalabadMou()] }));
  const scan = testInfo.outputPath(SCAN);
  await writeFile(scan, PDF_BYTES);

  // Here: the signed scan is attached to the Faisalabad MoU, then everything is exported.
  const app = await openApp({ dataDir });
  await openMou(app);
  app.dialogs.openPathSets.push([scan]);
  await app.page.getByRole('region', { name: 'Attachments' }).getByRole('button', { name: 'Add attachment…' }).click();
  const dialog = app.page.getByRole('dialog', { name: `Attach ${SCAN} to MoU ${MOU_NUMBER}` });
  await dialog.getByRole('button', { name: 'Attach file' }).click();
  await expect(dialog).toBeHidden();

  const bundle = testInfo.outputPath('park-desk-export.parkdesk.zip');
  await nav(app.page, 'Data').click();
  await expect(app.page.getByRole('region', { name: 'Export and import' })).toContainText('.parkdesk.zip');
  app.dialogs.savePaths.push(bundle);
  await app.page.getByRole('button', { name: 'Export everything…' }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'Export:' })).toContainText(`2 records saved to ${bundle}`);
  const zip = await readFile(bundle);
  expect(zip.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));

  // Another computer, a fresh data folder.
  const other = await openApp({ dataDir: testInfo.outputPath('other-computer') });
  const otherData = await savedBytes(path.join(other.dataDir, 'park-desk-data.json'));

  // A copy of the bundle with one byte of the scan changed is refused before any preview, naming the file.
  const tampered = testInfo.outputPath('tampered.parkdesk.zip');
  const changed = Buffer.from(zip);
  const at = changed.indexOf(PDF_BYTES) + 40;
  changed[at] = changed[at]! ^ 0x20;
  await writeFile(tampered, changed);
  await chooseImport(other, tampered);
  await expect(other.page.locator('.notices')).toContainText(`The attachment “\u2068${SCAN}\u2069” of \u2068MoU ${MOU_NUMBER}\u2069 was changed after the export`);
  await expect(other.page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);
  expect(await savedBytes(path.join(other.dataDir, 'park-desk-data.json'))).toEqual(otherData);
  await other.page.screenshot({ path: testInfo.outputPath('bundle-refused.png'), fullPage: true });

  // The bundle as exported: previewed, applied, and the scan is in the store under the same hash.
  await chooseImport(other, bundle);
  const preview = other.page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('region', { name: 'MoUs in the file' })).toContainText('1 to add');
  await expect(preview).toContainText(/Its change log verifies: \d+ changes?, unchanged since the export\./);
  await preview.screenshot({ path: testInfo.outputPath('bundle-preview-verified.png') });
  await expectNoAxeViolations(other.page, 'the import preview of a bundle');
  await preview.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.page.getByRole('status').filter({ hasText: 'Imported:' })).toContainText('Imported: 2 added');
  expect(await readFile(path.join(other.dataDir, 'attachments', SCAN_SHA.slice(0, 2), SCAN_SHA))).toEqual(PDF_BYTES);

  await openMou(other);
  const row = other.page.getByRole('table', { name: 'Attachments' }).getByRole('row').filter({ hasText: SCAN });
  await expect(row.getByTestId('attachment-hash')).toHaveAttribute('title', SCAN_SHA);
  await nav(other.page, 'Data').click();
  await other.page.getByRole('button', { name: 'Verify attachments' }).click();
  await expect(other.page.getByRole('status', { name: 'Verify attachments result' })).not.toContainText('not as added');
  await other.page.screenshot({ path: testInfo.outputPath('bundle-imported.png'), fullPage: true });
});
