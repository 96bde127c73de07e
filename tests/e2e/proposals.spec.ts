import path from 'node:path';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import type { Api } from '../../shared/api/contract';
import { test, expect, type ParkDeskApp } from './fixtures';
import { savedData } from '../support/saved-data';

const URDU_TITLE = 'فیصل آباد سافٹ ویئر ٹیکنالوجی پارک';

interface StoredFile {
  schemaVersion: number;
  proposals: { id: string; fields: Record<string, unknown>; stageHistory: { to: string }[] }[];
}

async function fillFaisalabadProposal(app: ParkDeskApp, title: string) {
  const { page } = app;
  await page.getByRole('button', { name: 'New proposal' }).first().click();
  await expect(page.getByRole('heading', { name: 'New proposal' })).toBeVisible();
  await page.getByLabel('Reference number', { exact: true }).fill('PSEB/STP/FSD/2021-01');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('City', { exact: true }).fill('Faisalabad');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Building name', { exact: true }).fill('Ali Fatima College of Science and Technology');
  await page.getByLabel('Offering party', { exact: true }).fill('Sitara Chemical Industries');
  await page.getByLabel('Partner type', { exact: true }).selectOption({ label: 'Private company' });
  await page.getByLabel('Gross covered area', { exact: true }).fill('19,500');
  await page.getByLabel('Date received', { exact: true }).fill('15-Feb-2021');
}

test('an official creates a proposal, finds it after a restart and edits it', async ({ app, openApp }) => {
  // A long journey of many screens: sized for a loaded 2-core CI machine.
  test.setTimeout(120_000);
  await fillFaisalabadProposal(app, 'Faisalabad Software Technology Park');
  await app.page.getByRole('button', { name: 'Save proposal' }).click();

  await expect(app.page.getByRole('heading', { name: 'Faisalabad Software Technology Park' })).toBeVisible();
  await expect(app.page.getByRole('status')).toContainText('Proposal PSEB/STP/FSD/2021-01 saved.');
  await expect(app.page.getByRole('region', { name: 'Area and capacity' })).toContainText('19,500 sq ft');

  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  const table = app.page.getByRole('table', { name: 'Proposals' });
  await expect(table.getByRole('row', { name: /PSEB\/STP\/FSD\/2021-01/ })).toContainText('19,500 sq ft');
  await expect(table.getByRole('row', { name: /PSEB\/STP\/FSD\/2021-01/ })).toContainText('Received');

  // Restart: a new window on the same data folder.
  await app.close();
  const reopened = await openApp({ dataDir: app.dataDir });
  await reopened.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await reopened.page.getByRole('button', { name: 'Faisalabad Software Technology Park' }).click();
  await reopened.page.getByRole('button', { name: 'Edit' }).click();
  await expect(reopened.page.getByLabel('Gross covered area', { exact: true })).toHaveValue('19,500');
  await reopened.page.getByLabel('Usable area', { exact: true }).fill('18000');
  await reopened.page.getByLabel('Notes', { exact: true }).fill('First MoU under the PPP model.');
  await reopened.page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(reopened.page.getByRole('region', { name: 'Area and capacity' })).toContainText('18,000 sq ft');

  const stored = (await reopened.readDataFile()) as StoredFile;
  expect(stored.schemaVersion).toBe(1);
  expect(stored.proposals).toHaveLength(1);
  expect(stored.proposals[0]!.fields).toMatchObject({
    referenceNumber: 'PSEB/STP/FSD/2021-01',
    title: 'Faisalabad Software Technology Park',
    city: 'Faisalabad',
    province: 'Punjab',
    grossAreaSqFt: 19500,
    usableAreaSqFt: 18000,
    dateReceived: '2021-02-15',
    offeringPartyType: 'private-company',
    notes: 'First MoU under the PPP model.',
  });
  expect(stored.proposals[0]!.stageHistory.map((move) => move.to)).toEqual(['received']);
});

const AREA_MESSAGES: Record<string, string> = {
  '0': 'Gross covered area must be more than 0.',
  '-5': 'Gross covered area must be more than 0.',
  abc: 'Gross covered area must be a number in sq ft, for example 19,500.',
  '19,50': 'Gross covered area: the commas in “19,50” are not where thousands or lakhs go; write 1,950 if that is the number you mean.',
};
for (const badArea of Object.keys(AREA_MESSAGES)) {
  test(`a gross area of "${badArea}" is refused beside the field and nothing is written`, async ({ app }) => {
    await fillFaisalabadProposal(app, 'Faisalabad Software Technology Park');
    const area = app.page.getByLabel('Gross covered area', { exact: true });
    await area.fill(badArea);
    await app.page.getByRole('button', { name: 'Save proposal' }).click();

    const expected = AREA_MESSAGES[badArea]!;
    await expect(area).toHaveAttribute('aria-invalid', 'true');
    await expect(area).toBeFocused();
    await expect(area).toHaveAccessibleDescription(new RegExp(expected.replace(/[.()]/g, '\\$&')));
    await expect(app.page.getByRole('alert')).toContainText('One field needs attention');
    await expect(app.page.getByLabel('Title', { exact: true })).toHaveValue('Faisalabad Software Technology Park');

    const stored = (await app.readDataFile().catch(() => ({ proposals: [] }))) as StoredFile;
    expect(stored.proposals).toHaveLength(0);

    // Correcting the field clears the message and saves.
    await area.fill('19500');
    await app.page.getByRole('button', { name: 'Save proposal' }).click();
    await expect(app.page.getByRole('heading', { name: 'Faisalabad Software Technology Park' })).toBeVisible();
  });
}

test('numbers that are not numbers (NaN, Infinity) sent straight to main are refused, and nothing is written', async ({ app }) => {
  // Electron's IPC carries NaN and Infinity as they are (structured clone), and so must the
  // bridge: a NaN that arrived as null would be saved as "not known".
  const fields = { referenceNumber: 'PSEB/STP/ISB/2026-01', title: 'Islamabad STP', city: 'Islamabad', province: 'Islamabad Capital Territory', grossAreaSqFt: 30000 };
  for (const bad of [{ seatCapacity: Number.NaN }, { seatCapacity: Number.POSITIVE_INFINITY }, { usableAreaSqFt: Number.NEGATIVE_INFINITY }]) {
    const refused = await app.page.evaluate((input) => (window as unknown as { api: Api }).api.createProposal(input), { fields: { ...fields, ...bad } });
    expect(refused, JSON.stringify(Object.keys(bad))).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { [`fields.${Object.keys(bad)[0]!}`]: expect.any(String) } } });
  }
  const stored = (await app.readDataFile().catch(() => ({ proposals: [] }))) as StoredFile;
  expect(stored.proposals).toHaveLength(0);
});

test('required fields are named when missing, and leaving a half-filled form asks first', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'New proposal' }).first().click();
  await page.getByRole('button', { name: 'Save proposal' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('4 fields need attention before saving.');
  await expect(page.getByLabel('Reference number', { exact: true })).toBeFocused();
  await expect(page.getByLabel('City', { exact: true })).toHaveAccessibleDescription('City is required.');
  // The summary names each field with its message and leads to it.
  await expect(summary.getByRole('listitem')).toHaveText([
    'Reference number: Reference number is required.',
    'Title: Title is required.',
    'City: City is required.',
    'Province: Choose a province from the list.',
  ]);
  await summary.getByRole('link', { name: 'City' }).click();
  await expect(page.getByLabel('City', { exact: true })).toBeFocused();
  // The area may be unknown when the offer arrives; date boxes show their format, never an example value.
  await expect(page.getByLabel('Gross covered area', { exact: true })).not.toHaveAttribute('aria-required', 'true');
  await expect(page.getByLabel('Date received', { exact: true })).not.toHaveAttribute('placeholder');
  await expect(page.getByLabel('Date received', { exact: true })).toHaveAccessibleDescription(/Format dd-mmm-yyyy/);

  await page.getByLabel('Title', { exact: true }).fill('Half-typed proposal');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Half-typed proposal');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
});

test('a reference number already in use is refused with the other proposal named', async ({ app }) => {
  await fillFaisalabadProposal(app, 'Faisalabad Software Technology Park');
  await app.page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(app.page.getByRole('heading', { name: 'Faisalabad Software Technology Park' })).toBeVisible();

  await fillFaisalabadProposal(app, 'A second Faisalabad offer');
  await app.page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(app.page.getByLabel('Reference number', { exact: true })).toHaveAccessibleDescription(
    /already used by "Faisalabad Software Technology Park"/,
  );
  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.proposals).toHaveLength(1);
});

test('Urdu typed into the title comes back intact in the list and after reopening', async ({ app, openApp }) => {
  await fillFaisalabadProposal(app, URDU_TITLE);
  await expect(app.page.getByLabel('Title', { exact: true })).toHaveAttribute('dir', 'auto');
  await app.page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(app.page.getByRole('heading', { name: URDU_TITLE })).toBeVisible();

  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await expect(app.page.getByRole('button', { name: URDU_TITLE, exact: true })).toBeVisible();

  await app.close();
  const reopened = await openApp({ dataDir: app.dataDir });
  await reopened.page.keyboard.press('Control+2');
  const title = reopened.page.getByRole('button', { name: URDU_TITLE, exact: true });
  await expect(title).toHaveText(URDU_TITLE);
  const stored = (await reopened.readDataFile()) as StoredFile;
  expect(stored.proposals[0]!.fields.title).toBe(URDU_TITLE);
});

test('sample parks load once, on request, and never twice', async ({ app }) => {
  const { page } = app;
  await expect(page.getByRole('heading', { name: 'Nothing to show yet' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data' }).click();
  await expect(page.getByRole('definition').filter({ hasText: app.dataDir })).toBeVisible();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeDisabled();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Proposals' }).click();
  await expect(page.getByText('4 proposals')).toBeVisible();
  await page.getByLabel('Search proposals', { exact: true }).fill('rawalpindi');
  await expect(page.getByText('1 of 4 proposals')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /Rawalpindi/ })).toContainText('Operational');

  // They are practice data, in a folder of their own; the register was never written.
  const stored = await savedData(path.join(app.dataDir, 'practice', DATA_FILE_NAME));
  expect(stored.proposals.map((p) => p.fields.city).sort()).toEqual(['Bannu', 'Faisalabad', 'Quetta', 'Rawalpindi']);
  await expect(app.readDataFile()).rejects.toThrow(/ENOENT/);
});
