import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { test, expect, type ParkDeskApp } from './fixtures';
import { enterFaisalabadProposal, FAISALABAD, moveStage, setOfficialName } from './proposal-steps';
import { savedBytes, savedData } from '../support/saved-data';

interface StoredFile {
  proposals: { id: string; fields: { referenceNumber: string; title: string; notes?: string }; stageHistory: { from: string | null; to: string; by: string; note: string }[] }[];
  mous: unknown[];
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', 'Answers the export and import file dialogs through the browser bridge.');
});

async function exportEverything(app: ParkDeskApp): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'park-desk-exchange-')), 'export.json');
  await nav(app.page, 'Data').click();
  app.dialogs.savePaths.push(file);
  await app.page.getByRole('button', { name: 'Export everything…' }).click();
  await expect(app.page.getByRole('status')).toContainText(`saved to ${file}`);
  return file;
}

async function previewImport(app: ParkDeskApp, file: string) {
  await nav(app.page, 'Data').click();
  app.dialogs.openPaths.push(file);
  await app.page.getByRole('button', { name: 'Import from a file…' }).click();
}

async function openFaisalabad(page: Page) {
  await nav(page, 'Proposals').click();
  await page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
}

test('a stage move recorded on each of two computers: the import keeps both, in date order, and the stage is the later one', async ({ app, openApp }) => {
  test.setTimeout(120_000);
  await setOfficialName(app.page, 'Ayesha Khan');
  await enterFaisalabadProposal(app.page);
  const first = await exportEverything(app);

  // The other computer takes the proposal as it was.
  const other = await openApp({ dataDir: test.info().outputPath('other-computer') });
  await setOfficialName(other.page, 'Bilal Ahmed');
  await previewImport(other, first);
  await other.page.getByRole('region', { name: 'Import preview' }).getByRole('button', { name: 'Apply import' }).click();
  await expect(other.page.getByRole('status')).toContainText('Imported: 1 added');

  // Each records a different move: here first, there later.
  await openFaisalabad(app.page);
  await moveStage(app.page, 'Move to Screening…', 'Papers complete.');
  await openFaisalabad(other.page);
  await moveStage(other.page, 'Put on hold…', 'Waiting for the lease.');
  // …and changes a field, which the official here must settle.
  await other.page.getByRole('button', { name: 'Edit' }).click();
  await other.page.getByLabel('Notes', { exact: true }).fill('Lease papers awaited.');
  await other.page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(other.page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
  const second = await exportEverything(other);

  await previewImport(app, second);
  const preview = app.page.getByRole('region', { name: 'Import preview' });
  await expect(preview.getByRole('region', { name: 'Proposals in the file' })).toContainText('0 to add, 1 to update');
  await expect(preview).toContainText(`${FAISALABAD.referenceNumber} — ${FAISALABAD.title} — 1 history entry from the file; 1 difference to choose`);
  const notes = preview.getByRole('group', { name: `${FAISALABAD.referenceNumber} — ${FAISALABAD.title}: Notes` });
  await expect(notes.getByRole('radio', { name: /^This computer: / })).toHaveAccessibleName(new RegExp(`This computer: ${FAISALABAD.urduNote}`));
  await expect(notes.getByRole('radio', { name: /^The file: Lease papers awaited\./ })).not.toBeChecked();
  expect((await new AxeBuilder({ page: app.page }).include('.import-preview').analyze()).violations).toEqual([]);
  // Nothing is applied until every difference has a choice.
  await expect(preview.getByRole('button', { name: 'Apply import' })).toBeDisabled();
  await preview.getByRole('button', { name: 'Take all theirs' }).click();
  await expect(notes.getByRole('radio', { name: /^The file: / })).toBeChecked();
  await preview.getByRole('button', { name: 'Apply import' }).click();
  await expect(app.page.getByRole('status')).toContainText('Imported: 0 added, 1 updated');

  await openFaisalabad(app.page);
  const timeline = app.page.getByRole('list', { name: 'Stage moves, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(3);
  await expect(timeline.getByRole('listitem').nth(0)).toContainText('Received → On hold by Bilal Ahmed');
  await expect(timeline.getByRole('listitem').nth(1)).toContainText('Received → Screening by Ayesha Khan');
  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.proposals[0]!.stageHistory.map((m) => m.to)).toEqual(['received', 'screening', 'on-hold']);
  expect(stored.proposals[0]!.fields.notes).toBe('Lease papers awaited.');
  await nav(app.page, 'Proposals').click();
  await expect(app.page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: new RegExp(FAISALABAD.title) })).toContainText('On hold');
});

test('a file with a duplicated id, or an MoU linked to a proposal that exists nowhere, is refused naming the records; nothing changes', async ({ app }) => {
  await enterFaisalabadProposal(app.page);
  const dataFile = path.join(app.dataDir, DATA_FILE_NAME);
  // What is saved: the data file and its journal (saves append to the journal).
  const before = await savedBytes(dataFile);
  const stored = (await savedData(dataFile)) as unknown as StoredFile & { schemaVersion: number; settings: unknown };
  const mine = stored.proposals[0]!;
  const dir = await mkdtemp(path.join(tmpdir(), 'park-desk-bad-'));

  const duplicated = path.join(dir, 'duplicated.json');
  const twin = { ...mine, fields: { ...mine.fields, referenceNumber: 'PSEB/STP/TWIN/2021' } };
  await writeFile(duplicated, JSON.stringify({ ...stored, proposals: [mine, twin] }));
  await previewImport(app, duplicated);
  const refusal = app.page.getByRole('status').filter({ hasText: 'This file cannot be imported; nothing was changed.' });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`2 proposals in the file share one id (${mine.id}): proposal ${FAISALABAD.referenceNumber}, proposal PSEB/STP/TWIN/2021.`);
  await expect(app.page.getByRole('region', { name: 'Import preview' })).toHaveCount(0);

  const orphan = path.join(dir, 'orphan.json');
  const mou = {
    id: '7a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b',
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    fields: {
      mouNumber: 'PSEB/MoU/STP/ORPHAN',
      type: 'two-party',
      proposalId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
      parties: [
        { id: '1a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
        { id: '2a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'Host', role: 'Host', type: 'university', signatories: [] },
      ],
      witnesses: [],
      obligations: [],
      amendments: [],
    },
    statusHistory: [{ at: '2026-11-01T10:00:00.000Z', from: null, to: 'draft', by: '', note: '' }],
  };
  await writeFile(orphan, JSON.stringify({ schemaVersion: stored.schemaVersion, settings: { officialName: '' }, proposals: [], mous: [mou] }));
  await previewImport(app, orphan);
  await expect(app.page.getByRole('status').filter({ hasText: 'MoU PSEB/MoU/STP/ORPHAN' })).toContainText('MoU PSEB/MoU/STP/ORPHAN is linked to a proposal that is neither in the file nor on this computer.');

  expect(await savedBytes(dataFile)).toEqual(before);
});

test('sample data opens as practice data with a banner on every screen; the register never holds it', async ({ app }) => {
  const { page } = app;
  await enterFaisalabadProposal(page);
  const before = await savedBytes(path.join(app.dataDir, DATA_FILE_NAME));

  await nav(page, 'Data').click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Practice data opened. Added 4 sample parks.');
  const banner = page.getByRole('complementary', { name: 'Practice data' });
  for (const screen of ['Dashboard', 'Proposals', 'MoUs', 'Data']) {
    await nav(page, screen).click();
    await expect(banner).toContainText('Practice data — not the register.');
  }
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await nav(page, 'Proposals').click();
  const table = page.getByRole('table', { name: 'Proposals' });
  await expect(page.getByText('4 proposals')).toBeVisible();
  await expect(table.getByRole('row', { name: /Rawalpindi/ })).toContainText('Operational');
  expect(await savedBytes(path.join(app.dataDir, DATA_FILE_NAME))).toEqual(before);

  await banner.getByRole('button', { name: 'Return to the register' }).click();
  await expect(page.getByRole('status')).toContainText('Back in the register.');
  await expect(banner).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('button', { name: FAISALABAD.title })).toBeVisible();
  await expect(table.getByRole('row', { name: /Rawalpindi/ })).toHaveCount(0);
  await nav(page, 'Dashboard').click();
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention).toBeVisible();
  await expect(attention).not.toContainText('Illustrative');
  expect(await savedBytes(path.join(app.dataDir, DATA_FILE_NAME))).toEqual(before);
  const practice = await savedData(path.join(app.dataDir, 'practice', DATA_FILE_NAME));
  expect(practice.proposals).toHaveLength(4);
});
