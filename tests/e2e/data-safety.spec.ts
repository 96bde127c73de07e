import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import { test, expect, type ParkDeskApp } from './fixtures';
import { expectNoAxeViolations } from './accessibility';

const URDU = 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک';

async function createProposal(app: ParkDeskApp, reference: string, title: string) {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'New proposal' }).first().click();
  await page.getByLabel('Reference number', { exact: true }).fill(reference);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('City', { exact: true }).fill('Faisalabad');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Gross covered area', { exact: true }).fill('19,500');
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
}

const openData = (app: ParkDeskApp) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', 'Answers file dialogs and injects disk failures through the browser bridge.');
});

test('backs up now, restores after confirming, and the restore can be undone', async ({ app }) => {
  const { page } = app;
  await createProposal(app, 'PSEB/STP/FSD/2021-01', 'Faisalabad STP');
  await openData(app);
  const backups = page.getByRole('table', { name: 'Backups' });
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backed up:');
  await expect(backups.getByRole('row', { name: /Backed up by hand/ })).toHaveCount(1);
  await expect(page.getByText(/^Backups: 1 file, \d+ (bytes|KB) of 500\.0 MB\./)).toBeVisible();

  await createProposal(app, 'PSEB/STP/RWP/2021-02', 'Rawalpindi STP');
  await openData(app);
  await backups.getByRole('row', { name: /Backed up by hand/ }).getByRole('button', { name: /^Restore backup of/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog).toContainText('A backup of your current data is taken first');
  // Changing one's mind changes nothing.
  await dialog.getByRole('button', { name: 'Keep current data' }).click();
  expect(((await app.readDataFile()) as { proposals: unknown[] }).proposals).toHaveLength(2);

  await backups.getByRole('row', { name: /Backed up by hand/ }).getByRole('button', { name: /^Restore backup of/ }).click();
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status')).toContainText('1 proposal and 0 MoUs');
  await expect(page.getByRole('status')).toContainText('restore that to undo');
  expect(((await app.readDataFile()) as { proposals: unknown[] }).proposals).toHaveLength(1);

  // Undo: the backup taken just before the restore brings the Rawalpindi proposal back.
  await backups.getByRole('row', { name: /Before a restore/ }).getByRole('button', { name: /^Restore backup of/ }).click();
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status').last()).toContainText('2 proposals');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /Rawalpindi STP/ })).toBeVisible();
});

test('exports everything and imports it elsewhere after a preview; nothing is applied until confirmed', async ({ app, openApp }) => {
  // A long journey of many screens: sized for a loaded 2-core CI machine.
  test.setTimeout(120_000);
  await createProposal(app, 'PSEB/STP/FSD/2021-01', URDU);
  await openData(app);
  const exported = path.join(await mkdtemp(path.join(tmpdir(), 'park-desk-export-')), 'export.json');
  app.dialogs.savePaths.push(exported);
  await app.page.getByRole('button', { name: 'Export everything…' }).click();
  await expect(app.page.getByRole('status')).toContainText(`Export: 1 record saved to ${exported}`);

  const other = await openApp({ dataDir: test.info().outputPath('other-computer') });
  await openData(other);
  other.dialogs.openPaths.push(exported);
  await other.page.getByRole('button', { name: 'Import from a file…' }).click();
  const preview = other.page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('region', { name: 'Proposals in the file' })).toContainText('1 to add, 0 to update');
  await expect(preview).toContainText(`PSEB/STP/FSD/2021-01 — ${URDU}`);
  await expect(readFile(path.join(other.dataDir, DATA_FILE_NAME))).rejects.toThrow(/ENOENT/);

  await preview.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.page.getByRole('status')).toContainText('Imported: 1 added, 0 updated');
  await expect(preview).toHaveCount(0);
  const stored = (await other.readDataFile()) as { proposals: { fields: { title: string } }[] };
  expect(stored.proposals.map((p) => p.fields.title)).toEqual([URDU]);
});

test('exports proposals as CSV that Excel reads: BOM, CRLF and Urdu intact', async ({ app }) => {
  await createProposal(app, 'PSEB/STP/FSD/2021-01', URDU);
  await openData(app);
  const csv = path.join(await mkdtemp(path.join(tmpdir(), 'park-desk-csv-')), 'proposals.csv');
  app.dialogs.savePaths.push(csv);
  await app.page.getByRole('button', { name: 'Export proposals (CSV)…' }).click();
  await expect(app.page.getByRole('status')).toContainText('Proposals for Excel: 1 record saved');
  const bytes = await readFile(csv);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').slice(1).split('\r\n');
  expect(lines[1]).toContain(`PSEB/STP/FSD/2021-01,,${URDU},Faisalabad`);
  // Cancelling the dialog saves nothing and says so.
  app.dialogs.cancelNextDialog();
  await app.page.getByRole('button', { name: 'Export MoUs (CSV)…' }).click();
  await expect(app.page.getByRole('status').last()).toContainText('nothing was saved');
});

test('a damaged data file opens the recovery screen, which restores the latest good backup', async ({ openApp }) => {
  const dataDir = test.info().outputPath('damaged');
  // A session with one proposal, then a second start (which takes the backup), then the file is damaged.
  const first = await openParkServices({ dataDir, appVersion: 't' });
  await first.dispatch('createProposal', { fields: { referenceNumber: 'PSEB/STP/QTA/2021-03', title: 'Quetta STP', city: 'Quetta', province: 'Balochistan', grossAreaSqFt: 12000 } });
  await first.close();
  await (await openParkServices({ dataDir, appVersion: 't' })).close();
  const damaged = Buffer.from('{"schemaVersion":1,"settings":{"officialName":"Ayesha"},"propos');
  await writeFile(path.join(dataDir, DATA_FILE_NAME), damaged);

  const app = await openApp({ dataDir });
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Park Desk could not read its data file' })).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('cut short or garbled');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  const asideName = (await readdir(dataDir)).find((n) => n.includes('set-aside'));
  expect(asideName).toBeDefined();
  expect(await readFile(path.join(dataDir, asideName!))).toEqual(damaged);
  await expect(page.getByRole('definition').filter({ hasText: asideName! })).toBeVisible();
  await expectNoAxeViolations(page, 'the recovery screen');

  await page.getByRole('button', { name: 'Restore latest good backup' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /Quetta STP/ })).toBeVisible();
  expect(await readFile(path.join(dataDir, asideName!))).toEqual(damaged);
});

test('a data file gone missing beside its backups opens the recovery screen, not an empty Park Desk', async ({ openApp }) => {
  const dataDir = test.info().outputPath('missing');
  const first = await openParkServices({ dataDir, appVersion: 't' });
  await first.dispatch('createProposal', { fields: { referenceNumber: 'PSEB/STP/QTA/2021-03', title: 'Quetta STP', city: 'Quetta', province: 'Balochistan', grossAreaSqFt: 12000 } });
  await first.close();
  await (await openParkServices({ dataDir, appVersion: 't' })).close();
  await rm(path.join(dataDir, DATA_FILE_NAME)); // quarantined by an antivirus

  const { page } = await openApp({ dataDir });
  await expect(page.getByRole('heading', { name: 'Park Desk’s data file is missing' })).toBeVisible();
  await expect(page.getByRole('alert').first()).toContainText('moved by an antivirus');
  await page.getByRole('button', { name: 'Restore latest good backup' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /Quetta STP/ })).toBeVisible();
});

test('a save that fails on a full disk says so and keeps everything typed in the form', async ({ app }) => {
  const { page } = app;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await page.getByRole('button', { name: 'New proposal' }).first().click();
  await page.getByLabel('Reference number', { exact: true }).fill('PSEB/STP/FSD/2021-01');
  await page.getByLabel('Title', { exact: true }).fill(URDU);
  await page.getByLabel('City', { exact: true }).fill('Faisalabad');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Gross covered area', { exact: true }).fill('19,500');
  await page.getByLabel('Notes', { exact: true }).fill('Typed with care; must survive a full disk.');

  app.storageFaults!.fault = { code: 'ENOSPC', step: 'write' };
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('alert')).toContainText('Could not save: the disk is full');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(URDU);
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Typed with care; must survive a full disk.');
  await expect(page.getByLabel('Gross covered area', { exact: true })).toHaveValue('19,500');
  await expect(readFile(path.join(app.dataDir, DATA_FILE_NAME))).rejects.toThrow(/ENOENT/);

  // Space freed: the same form saves.
  app.storageFaults!.fault = undefined;
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: URDU })).toBeVisible();
  expect(((await app.readDataFile()) as { proposals: unknown[] }).proposals).toHaveLength(1);
});
