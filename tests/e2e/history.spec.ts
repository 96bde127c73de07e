import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import type { Proposal } from '../../shared/domain/proposal';
import { test, expect } from './fixtures';
import { enterFaisalabadProposal, FAISALABAD, moveStage, setOfficialName } from './proposal-steps';

interface StoredFile {
  proposals: (Pick<Proposal, 'id' | 'stageHistory'> & { fields: { referenceNumber: string } })[];
  mous: { fields: { signedOn?: string }; statusHistory: { at: string; recordedAt?: string; from: string | null; to: string; passedStatuses?: string[] }[] }[];
}

const nav = (page: import('@playwright/test').Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test('the Rawalpindi park is entered in one form at Operational since 15-Mar-2022; the stages before are passed without a record', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await setOfficialName(page, 'Ayesha Khan');
  await nav(page, 'New proposal').click();
  await page.getByLabel('Reference number', { exact: true }).fill('PSEB/STP/RWP/2021-02');
  await page.getByLabel('Title', { exact: true }).fill('Rawalpindi Software Technology Park');
  await page.getByLabel('City', { exact: true }).fill('Rawalpindi');
  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await page.getByLabel('Gross covered area', { exact: true }).fill('44,000');
  await expect(page.getByLabel('Current stage', { exact: true })).toHaveValue('received');
  await page.getByLabel('Current stage', { exact: true }).selectOption({ label: 'Operational' });
  // A later stage needs its date; a date in the future is refused at the field.
  await page.getByLabel('Date reached', { exact: true }).fill('1-Jan-2099');
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByLabel('Date reached', { exact: true })).toHaveAccessibleDescription(/cannot be in the future/);
  await page.getByLabel('Date reached', { exact: true }).fill('15-Mar-2022');
  await page.getByRole('button', { name: 'Save proposal' }).click();

  await expect(page.getByRole('heading', { name: 'Rawalpindi Software Technology Park', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*Operational/);
  const timeline = page.getByRole('list', { name: 'Stage moves, newest first' });
  await expect(timeline.getByRole('listitem')).toHaveCount(1);
  const entry = timeline.getByRole('listitem').first();
  await expect(entry).toContainText('15-Mar-2022');
  await expect(entry).toContainText('Entered at Operational by Ayesha Khan (recorded');
  await expect(entry).toContainText(
    'Passed without a record: Received, Screening, Site inspection, Evaluation, Committee recommendation, Board approval, MoU negotiation, MoU signed, Fit-out',
  );
  // At Operational with no signed MoU: out of step, with the way to record the MoU.
  await expect(page.getByRole('note', { name: 'Out of step with its MoU' })).toContainText('no MoU is recorded');

  // The dashboard counts it under Needs attention, with the list behind the figure.
  await nav(page, 'Dashboard').click();
  const outOfStep = page.getByRole('group', { name: 'Proposal and MoU out of step' });
  await expect(outOfStep.getByRole('button', { name: /proposal whose MoU disagrees/ })).toHaveText(/1\s*proposal whose MoU disagrees/);
  await outOfStep.getByRole('button', { name: 'PSEB/STP/RWP/2021-02' }).click();
  await expect(page.getByRole('heading', { name: 'Rawalpindi Software Technology Park', level: 1 })).toBeVisible();

  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.proposals[0]!.stageHistory).toEqual([
    expect.objectContaining({ at: '2022-03-15T07:00:00.000Z', from: null, to: 'operational', by: 'Ayesha Khan', passedStages: expect.arrayContaining(['received', 'fit-out']) }),
  ]);
  expect(stored.proposals[0]!.stageHistory[0]!.passedStages).toHaveLength(9);
});

test('the Faisalabad MoU is created directly as Signed on 20-May-2021, moving its proposal to MoU signed on that day in the same save', async ({ openApp }, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = testInfo.outputPath('park-desk-data');
  const services = await openParkServices({ dataDir, appVersion: 'test' });
  await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' });
  const created = await services.dispatch('createProposal', {
    start: { stage: 'mou-negotiation', on: '2021-04-01', note: 'Board approved.' },
    fields: { referenceNumber: FAISALABAD.referenceNumber, title: FAISALABAD.title, city: 'Faisalabad', province: 'Punjab', offeringParty: 'Sitara Chemical Industries', offeringPartyType: 'private-company', grossAreaSqFt: 19500 },
  });
  expect(created.ok).toBe(true);
  await services.close();
  const app = await openApp({ dataDir });
  const { page } = app;

  await nav(page, 'Proposals').click();
  await page.getByRole('button', { name: FAISALABAD.title }).click();
  await page.getByRole('region', { name: 'MoUs' }).getByRole('button', { name: 'Create MoU' }).click();
  await expect(page.getByRole('heading', { name: 'New MoU' })).toBeVisible();
  await page.getByLabel('MoU number', { exact: true }).fill('PSEB/MoU/STP/FSD/2021');
  await page.getByLabel('Status now', { exact: true }).selectOption({ label: 'Signed' });
  await page.getByLabel('Status since', { exact: true }).fill('20-May-2021');
  const alsoMove = page.getByRole('checkbox', { name: `Also move proposal ${FAISALABAD.referenceNumber} to MoU signed on the date signed` });
  await expect(alsoMove).toBeChecked();
  await page.getByRole('button', { name: 'Save MoU' }).click();

  await expect(page.getByRole('heading', { name: 'MoU PSEB/MoU/STP/FSD/2021', level: 1 })).toBeVisible();
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status).toContainText('since 20-May-2021');
  await expect(page.getByRole('region', { name: 'Key dates' })).toContainText('Date signed20-May-2021');
  const statusHistory = page.getByRole('list', { name: 'Status moves, newest first' });
  await expect(statusHistory).toContainText('Entered as Signed');
  await expect(statusHistory).toContainText('Passed without a record: Draft, Legal review, Approved');
  await expect(page.getByRole('note', { name: 'Out of step with its proposal' })).toHaveCount(0);

  // The proposal moved with it, dated the day of signing.
  await page.getByRole('region', { name: 'Proposal' }).getByRole('button', { name: /Faisalabad Software Technology Park/ }).click();
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*MoU signed/);
  const first = page.getByRole('list', { name: 'Stage moves, newest first' }).getByRole('listitem').first();
  await expect(first).toContainText('20-May-2021');
  await expect(first).toContainText('MoU negotiation → MoU signed');
  await expect(first).toContainText('MoU PSEB/MoU/STP/FSD/2021 recorded as signed on 20-May-2021.');

  const stored = (await app.readDataFile()) as StoredFile;
  expect(stored.mous[0]!.fields.signedOn).toBe('2021-05-20');
  expect(stored.mous[0]!.statusHistory).toEqual([
    expect.objectContaining({ at: '2021-05-20T07:00:00.000Z', from: null, to: 'signed', passedStatuses: ['draft', 'legal-review', 'approved'] }),
  ]);
  expect(stored.proposals[0]!.stageHistory.at(-1)).toMatchObject({ at: '2021-05-20T07:00:00.000Z', to: 'mou-signed' });
});

test('a wrong Reject is corrected: the proposal is back at its stage, and the history shows the Reject and its correction', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  await setOfficialName(page, 'Ayesha Khan');
  await enterFaisalabadProposal(page);
  await moveStage(page, 'Move to Screening…', 'Papers complete.');
  await moveStage(page, 'Reject…', 'Building unsuitable.');
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*Rejected/);

  await page.getByRole('button', { name: 'Correct the last move…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Correct the last move' });
  await expect(dialog).toContainText('Withdraws Screening → Rejected');
  await dialog.getByRole('button', { name: 'Withdraw the move' }).click();
  await expect(dialog.getByLabel('Reason', { exact: true })).toHaveAccessibleDescription(/Give the reason the move is withdrawn/);
  await dialog.getByLabel('Reason', { exact: true }).fill('Rejected the wrong proposal: this one is still being screened.');
  await dialog.getByRole('button', { name: 'Withdraw the move' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*Screening/);
  await expect(page.getByRole('group', { name: 'Allowed moves' }).getByRole('button').first()).toHaveText('Move to Site inspection…');
  const items = page.getByRole('list', { name: 'Stage moves, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(4);
  await expect(items.nth(0)).toContainText('Correction: Screening → Rejected withdrawn; back at Screening by Ayesha Khan');
  await expect(items.nth(0)).toContainText('Rejected the wrong proposal');
  await expect(items.nth(1).locator('del')).toHaveText('Screening → Rejected');
  await expect(items.nth(1)).toContainText('Building unsuitable.');
  await expect(items.nth(1)).toContainText('by Ayesha Khan: Rejected the wrong proposal: this one is still being screened.');

  // One dialog may pass several stages; they are recorded as passed, and the note must say why.
  await page.getByRole('button', { name: 'Move to Site inspection…' }).click();
  const move = page.getByRole('dialog', { name: 'Move to Site inspection' });
  await move.getByLabel('Move to', { exact: true }).selectOption({ label: 'Board approval' });
  await expect(page.getByRole('dialog', { name: 'Move to Board approval' })).toContainText('Passes Site inspection, Evaluation, Committee recommendation');
  await page.getByRole('button', { name: 'Record: Board approval' }).click();
  await expect(page.getByRole('textbox', { name: 'Note' })).toHaveAccessibleDescription(/passed without a record/);
  await page.getByRole('textbox', { name: 'Note' }).fill('Inspection and evaluation were done on paper.');
  await page.getByRole('button', { name: 'Record: Board approval' }).click();
  await expect(page.getByRole('region', { name: 'Stage', exact: true })).toContainText(/Now at\s*Board approval/);
  await expect(items.nth(0)).toContainText('Passed without a record: Site inspection, Evaluation, Committee recommendation');

  const stored = (await app.readDataFile()) as StoredFile;
  const history = stored.proposals[0]!.stageHistory;
  expect(history.map((m) => m.to)).toEqual(['received', 'screening', 'rejected', 'screening', 'board-approval']);
  expect(history[3]!.withdraws).toBe(history[2]!.id);
});

test('an MoU move made by mistake is corrected, and an MoU entered by mistake is archived, undone, archived and restored', async ({ openApp }, testInfo) => {
  test.setTimeout(120_000);
  const dataDir = testInfo.outputPath('park-desk-data');
  const services = await openParkServices({ dataDir, appVersion: 'test' });
  await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' });
  await services.close();
  const app = await openApp({ dataDir });
  const { page } = app;
  // The sample parks open in the practice data folder, never in the register.
  await nav(page, 'Data').click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');

  await nav(page, 'MoUs').click();
  await expect(page.getByText('3 MoUs', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'PSEB/MoU/STP/FSD/2021', exact: true }).click();
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await status.getByRole('button', { name: 'Move to Active…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move to Active' });
  await dialog.getByRole('button', { name: 'Move to Active' }).click();
  await expect(dialog).toBeHidden();
  await expect(status).toContainText(/Now\s*Active/);

  await status.getByRole('button', { name: 'Correct the last move…' }).click();
  const correct = page.getByRole('dialog', { name: 'Correct the last move' });
  await correct.getByLabel('Reason', { exact: true }).fill('The park has not opened yet.');
  await correct.getByRole('button', { name: 'Withdraw the move' }).click();
  await expect(correct).toBeHidden();
  await expect(status).toContainText(/Now\s*Signed\s*since 20-May-2021/);
  const history = page.getByRole('list', { name: 'Status moves, newest first' }).getByRole('listitem');
  await expect(history.nth(0)).toContainText('Correction: Signed → Active withdrawn; back at Signed');
  await expect(history.nth(1).locator('del')).toHaveText('Signed → Active');

  // Archive asks first; the notice offers Undo.
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByRole('dialog', { name: 'Archive MoU PSEB/MoU/STP/FSD/2021?' }).getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('heading', { name: 'MoUs', level: 1 })).toBeVisible();
  await expect(page.getByText('2 MoUs', { exact: true })).toBeVisible();
  await page.getByRole('status').filter({ hasText: 'MoU PSEB/MoU/STP/FSD/2021 archived.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('3 MoUs', { exact: true })).toBeVisible();

  // Archived again, it is in the archived view, out of the dashboard's count, and restored from there.
  await page.getByRole('button', { name: 'PSEB/MoU/STP/FSD/2021', exact: true }).click();
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByRole('dialog', { name: 'Archive MoU PSEB/MoU/STP/FSD/2021?' }).getByRole('button', { name: 'Archive' }).click();
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Archived MoUs' });
  await expect(page.getByText('1 archived MoU', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Restore MoU PSEB/MoU/STP/FSD/2021' }).click();
  await expect(page.getByRole('heading', { name: 'No archived MoUs' })).toBeVisible();
  const stored = JSON.parse(await readFile(path.join(app.dataDir, 'practice', DATA_FILE_NAME), 'utf8')) as { mous: { fields: { mouNumber: string }; archivedAt?: string }[] };
  expect(stored.mous).toHaveLength(3);
  expect(stored.mous.filter((m) => m.archivedAt)).toEqual([]);
});
