import { createHash } from 'node:crypto';
import { mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { database, faisalabadMou, faisalabadProposal, writeDataFolder } from '../support/mou-data';
import { expectNoAxeViolations } from './accessibility';
import { expect, test, type ParkDeskApp } from './fixtures';

const MOU_NUMBER = 'PSEB-STP-FSD-2021-01';
const SCAN = 'Signed MoU scan.pdf';
const URDU_NOTE = 'دستخط شدہ نقل، فیصل آباد';

/** A small but real PDF: one page with one line of text. */
const PDF_BYTES = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj',
    '4 0 obj << /Length 58 >> stream',
    'BT /F1 18 Tf 72 760 Td (MoU PSEB-STP-FSD-2021-01 signed) Tj ET',
    'endstream endobj',
    '5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n'),
);
const SCAN_SHA = createHash('sha256').update(PDF_BYTES).digest('hex');

async function openMou(app: ParkDeskApp) {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'MoUs' }).click();
  await app.page.getByRole('table', { name: 'MoUs' }).getByRole('button', { name: MOU_NUMBER, exact: true }).click();
  await expect(app.page.getByRole('heading', { name: `MoU ${MOU_NUMBER}`, level: 1 })).toBeVisible();
}

/** Drops files on the record's attachments area, as Explorer would; the bridge emulates the preload's getPathForFile. */
async function dropFiles(app: ParkDeskApp, names: string[]) {
  const dataTransfer = await app.page.evaluateHandle((fileNames) => {
    const transfer = new DataTransfer();
    for (const name of fileNames) transfer.items.add(new File(['(read by main from disk)'], name));
    return transfer;
  }, names);
  await app.page.getByTestId('attachments-drop-area').dispatchEvent('drop', { dataTransfer });
}

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', "Electron's open dialog is native; this journey answers it through the browser bridge.");
  test.slow();
});

test('an official attaches the signed scan to the Faisalabad MoU, opens it after a restart, and Verify attachments names a changed byte', async ({ openApp }, testInfo) => {
  const dataDir = testInfo.outputPath('park-desk-data');
  await writeDataFolder(dataDir, database({ proposals: [faisalabadProposal()], mous: [faisalabadMou()] }));
  const scan = testInfo.outputPath(SCAN);
  await writeFile(scan, PDF_BYTES);

  const app = await openApp({ dataDir });
  await openMou(app);
  const panel = app.page.getByRole('region', { name: 'Attachments' });
  await expect(panel.getByText('No files attached.')).toBeVisible();

  // Add attachment…: the open dialog answers with the scan; the kind starts on Signed MoU (a PDF on an MoU).
  app.dialogs.openPathSets.push([scan]);
  await panel.getByRole('button', { name: 'Add attachment…' }).click();
  const dialog = app.page.getByRole('dialog', { name: `Attach ${SCAN} to MoU ${MOU_NUMBER}` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Kind')).toHaveValue('signed-mou');
  await dialog.getByLabel('Note (optional)').fill(URDU_NOTE);
  await expectNoAxeViolations(app.page, 'the add attachment dialog');
  await dialog.screenshot({ path: testInfo.outputPath('add-attachment-dialog.png') });
  await dialog.getByRole('button', { name: 'Attach file' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.page.locator('.notices')).toContainText(`${SCAN} attached to MoU ${MOU_NUMBER}.`);
  const stored = path.join(dataDir, 'attachments', SCAN_SHA.slice(0, 2), SCAN_SHA);
  expect(await readFile(stored)).toEqual(PDF_BYTES);

  // Restart: the record keeps the attachment, listed with its kind, size, who and the hash.
  await app.close();
  const reopened = await openApp({ dataDir });
  await openMou(reopened);
  const table = reopened.page.getByRole('table', { name: 'Attachments' });
  const row = table.getByRole('row').filter({ hasText: SCAN });
  await expect(row).toContainText('Signed MoU');
  await expect(row).toContainText(`${PDF_BYTES.length} bytes`);
  await expect(row).toContainText('Ayesha Siddiqui');
  await expect(row).toContainText(URDU_NOTE);
  const hash = row.getByTestId('attachment-hash');
  await expect(hash.locator('.full')).toHaveText(SCAN_SHA); // what a screen reader reads, and hover or focus shows
  await expect(hash).toHaveAttribute('title', SCAN_SHA);
  await expect(hash.locator('.short')).toHaveText(SCAN_SHA.slice(0, 12));
  await expect(hash.locator('.short')).toBeVisible();
  await hash.focus();
  await expect(hash.locator('.full')).toBeInViewport();
  await reopened.page.getByRole('region', { name: 'Attachments' }).screenshot({ path: testInfo.outputPath('attachments-hash-focused.png') });
  await expectNoAxeViolations(reopened.page, 'the MoU page with an attachment');
  await reopened.page.getByRole('region', { name: 'Attachments' }).screenshot({ path: testInfo.outputPath('attachments-panel.png') });
  await reopened.page.screenshot({ path: testInfo.outputPath('mou-attachments.png'), fullPage: true });

  // Open: the system viewer gets a copy under the original name (the stored file has no extension).
  await row.getByRole('button', { name: `Open ${SCAN}` }).click();
  await expect.poll(() => reopened.dialogs.openedFiles.length).toBe(1);
  const opened = reopened.dialogs.openedFiles[0]!;
  expect(path.basename(opened)).toBe(SCAN);
  expect(opened.startsWith(path.join(dataDir, 'attachment-views'))).toBe(true);
  expect(await readFile(opened)).toEqual(PDF_BYTES);

  // Dropped files: a program is attached but only ever shown in its folder; one over 50 MB is refused by name and size.
  const dropDir = path.join(dataDir, '..', 'dropped');
  await mkdir(dropDir, { recursive: true });
  await writeFile(path.join(dropDir, 'setup.exe'), 'MZ not to be run');
  await writeFile(path.join(dropDir, 'Site photos.tif'), '');
  await truncate(path.join(dropDir, 'Site photos.tif'), 61_000_000);
  await dropFiles(reopened, ['setup.exe', 'Site photos.tif']);
  const dropDialog = reopened.page.getByRole('dialog', { name: `Attach setup.exe to MoU ${MOU_NUMBER}` });
  await expect(dropDialog.getByRole('alert')).toHaveText('This file cannot be attached:Site photos.tif is 61 MB; attachments can be at most 50 MB each.');
  await expect(dropDialog.getByLabel('Kind')).toHaveValue('other');
  await expectNoAxeViolations(reopened.page, 'the add attachment dialog with a refused file');
  await dropDialog.screenshot({ path: testInfo.outputPath('drop-dialog.png') });
  await dropDialog.getByRole('button', { name: 'Attach file' }).click();
  await expect(dropDialog).toBeHidden();
  await table.getByRole('button', { name: 'Open setup.exe' }).click();
  await expect(reopened.page.locator('.notices')).toContainText('setup.exe is not a document or image Park Desk opens; it is shown in its folder instead, and is never run.');
  const exeSha = createHash('sha256').update('MZ not to be run').digest('hex');
  expect(reopened.dialogs.shownInFolder).toEqual([path.join(dataDir, 'attachments', exeSha.slice(0, 2), exeSha)]);
  expect(reopened.dialogs.openedFiles).toHaveLength(1);

  // Remove takes the reference away after a confirmation; the file stays in the store.
  await table.getByRole('button', { name: 'Remove setup.exe' }).click();
  await reopened.page.getByRole('dialog', { name: `Remove setup.exe from MoU ${MOU_NUMBER}?` }).getByRole('button', { name: 'Remove' }).click();
  await expect(table.getByRole('row').filter({ hasText: 'setup.exe' })).toHaveCount(0);
  expect(await readFile(path.join(dataDir, 'attachments', exeSha.slice(0, 2), exeSha), 'utf8')).toBe('MZ not to be run');

  // One changed byte in the stored scan: Verify attachments names it and its MoU.
  const bytes = await readFile(stored);
  bytes[bytes.length - 2] = bytes[bytes.length - 2]! ^ 0x20;
  await writeFile(stored, bytes);
  await reopened.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await reopened.page.getByRole('button', { name: 'Verify attachments' }).click();
  const verdict = reopened.page.getByRole('status', { name: 'Verify attachments result' });
  await expect(verdict).toContainText('1 attachment not as added');
  await expect(verdict).toContainText(`${SCAN} on MoU ${MOU_NUMBER}: the stored file has changed since it was added.`);
  await expectNoAxeViolations(reopened.page, 'the Data screen after Verify attachments');
  await reopened.page.getByRole('region', { name: 'Attachments' }).screenshot({ path: testInfo.outputPath('verify-attachments.png') });

  // And the changed file is no longer opened as if it were the signed scan.
  await openMou(reopened);
  await reopened.page.getByRole('table', { name: 'Attachments' }).getByRole('button', { name: `Open ${SCAN}` }).click();
  await expect(reopened.page.locator('.notices')).toContainText(`${SCAN} was not opened: the stored file has changed since it was added.`);
  expect(reopened.dialogs.openedFiles).toHaveLength(1);
});
