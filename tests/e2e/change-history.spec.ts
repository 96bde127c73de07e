import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatDate, todayInPakistan } from '../../shared/format/dates';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './accessibility';
import { enterFaisalabadProposal, FAISALABAD, moveStage, setOfficialName } from './proposal-steps';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

/** The change log beside the data file (electron/services/storage/journal.ts). */
const JOURNAL_FILE = 'park-desk-data.journal';
const HISTORY_FILE = 'park-desk-data.history';
const NEW_NOTE = 'رقبہ ۲۰ ہزار مربع فٹ ہو گیا، بورڈ کی منظوری سے';

async function editProposal(page: Page, label: string, value: string) {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();
}

async function verifyHistory(page: Page) {
  await nav(page, 'Data').click();
  const panel = page.getByRole('region', { name: 'Verify history' });
  await panel.getByRole('button', { name: 'Verify history' }).click();
  return panel;
}

/**
 * Issue 15 item 2, the auditor's view: each save of the Faisalabad proposal is listed on its
 * page (who, when, every field before and after, Urdu intact), Verify history finds the chain
 * intact, a restore shows as replacing every record, and after one byte of an old entry of the
 * change log is changed Verify history names that change.
 */
test('the Faisalabad proposal shows who changed its area and notes, and Verify history names the change altered on disk', async ({ app, openApp }) => {
  test.setTimeout(180_000);
  let { page } = app;
  await setOfficialName(page, 'Ayesha Khan');
  await enterFaisalabadProposal(page);

  const history = page.getByRole('region', { name: 'Change history' });
  const entries = history.getByRole('list', { name: 'Changes, newest first' }).getByRole('listitem');
  // Created: the fields entered, in words and as the page shows them.
  await expect(entries).toHaveCount(1);
  await expect(entries.first().getByRole('heading')).toContainText('Created by Ayesha Khan');
  await expect(entries.first().getByRole('row', { name: /Gross covered area \(sq ft\)/ }).getByRole('cell')).toHaveText(['19,500']);
  await expect(entries.first().getByRole('row', { name: /^Partner type/ }).getByRole('cell')).toHaveText(['Private company']);
  await expect(entries.first().getByRole('row', { name: /^Date received/ }).getByRole('cell')).toHaveText(['15-Feb-2021']);
  await expect(entries.first().getByRole('row', { name: /^Notes/ }).getByRole('cell')).toHaveText([FAISALABAD.urduNote]);

  // The area grows: one row, before and after, with who and when (Pakistan time).
  await editProposal(page, 'Gross covered area', '20,000');
  await expect(entries).toHaveCount(2);
  const areaChange = entries.first();
  await expect(areaChange.getByRole('heading')).toContainText('Changed by Ayesha Khan');
  await expect(areaChange.getByRole('heading')).toContainText(formatDate(todayInPakistan()));
  await expect(areaChange.getByRole('row')).toHaveCount(2); // the header and the one field changed
  await expect(areaChange.getByRole('row', { name: /Gross covered area \(sq ft\)/ }).getByRole('cell')).toHaveText(['19,500', '20,000']);

  // Urdu typed into the notes comes back intact on both sides of the change.
  await editProposal(page, 'Notes', NEW_NOTE);
  await expect(entries).toHaveCount(3);
  const noteCells = entries.first().getByRole('row', { name: /^Notes/ }).getByRole('cell');
  await expect(noteCells).toHaveText([FAISALABAD.urduNote, NEW_NOTE]);
  await expect(noteCells.nth(1).locator('[dir="auto"]')).toHaveText(NEW_NOTE);
  // A stage move is a change too, named by its stages; the oldest change folds under "Show older".
  await moveStage(page, 'Move to Screening…', 'Papers complete; building plans received.');
  await expect(entries).toHaveCount(3);
  await expect(entries.first().getByRole('row', { name: /^Stage move 2/ }).getByRole('cell')).toHaveText([
    'Added',
    /^Received → Screening by Ayesha Khan on .*: Papers complete; building plans received\.$/,
  ]);
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await history.scrollIntoViewIfNeeded();
  await history.screenshot({ path: test.info().outputPath('change-history.png') });
  await history.getByRole('button', { name: 'Show older (1 more change)' }).click();
  await expect(entries).toHaveCount(4);
  await expect(entries.last().getByRole('heading')).toContainText('Created by Ayesha Khan');
  // The button is gone; focus is on the first change it revealed, so the keyboard goes on from there.
  await expect(entries.last().getByRole('heading')).toBeFocused();

  // The page's own facts agree with the history's newest "after".
  await expect(page.getByRole('region', { name: 'Area and capacity' })).toContainText('20,000 sq ft');
  await expectNoAxeViolations(page, 'a proposal page with its change history');

  // Verify history: the chain holds.
  let panel = await verifyHistory(page);
  await expect(panel.getByText(/^History verified/)).toHaveText(
    /History verified: \d+ changes?, the chain is intact \(last hash [0-9a-f]{8}…\)/,
    { timeout: 30_000 },
  );
  await expectNoAxeViolations(page, 'the Data screen with Verify history passed');
  await panel.screenshot({ path: test.info().outputPath('verify-history-intact.png') });

  // A restore replaces every record: the proposal's history says so.
  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status')).toContainText('Backed up:');
  const backups = page.getByRole('table', { name: 'Backups' });
  await backups.getByRole('row', { name: /Backed up by hand/ }).getByRole('button', { name: /^Restore backup of/ }).click();
  await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByRole('status')).toContainText('1 proposal and 0 MoUs');
  await nav(page, 'Proposals').click();
  await page.getByRole('button', { name: FAISALABAD.title }).click();
  await expect(entries.first().getByRole('heading')).toContainText('All records replaced: a backup restored');
  await expect(entries.first()).toContainText('Every record was replaced at this point, this one included.');
  await expect(entries.first().getByRole('row', { name: /^Proposals/ }).getByRole('cell')).toHaveText(['1', '1']);

  // Test only: one byte of the proposal's first entry is changed on disk, with the app closed.
  await app.close();
  // Where it is: in the journal, or in the history archive if a compaction has folded it in already.
  let journalFile = path.join(app.dataDir, JOURNAL_FILE);
  let lines = (await readFile(journalFile, 'utf8')).split('\n');
  const isCreation = (line: string) => line.includes('"op":"create"') && line.includes('"recordKind":"proposal"');
  if (!lines.some(isCreation)) {
    journalFile = path.join(app.dataDir, HISTORY_FILE);
    lines = (await readFile(journalFile, 'utf8')).split('\n');
  }
  const created = lines.findIndex(isCreation);
  expect(created, 'the change log holds the proposal\'s creation').toBeGreaterThanOrEqual(0);
  const seq = (JSON.parse(lines[created]!) as { seq: number }).seq;
  // "Ayesha Khan" becomes "Ayesha Khen": the same length, one byte, a forged author.
  lines[created] = lines[created]!.replace('"by":"Ayesha Khan"', '"by":"Ayesha Khen"');
  await writeFile(journalFile, lines.join('\n'));

  ({ page } = await openApp());
  panel = await verifyHistory(page);
  const alert = panel.getByRole('alert');
  await expect(alert).toContainText(`The history does not verify from change ${seq} (${FAISALABAD.title}, proposal ${FAISALABAD.referenceNumber}, ${formatDate(todayInPakistan())}`, {
    timeout: 30_000,
  });
  await expect(alert).toContainText('Call IT');
  await expectNoAxeViolations(page, 'the Data screen with Verify history failed');
  await panel.screenshot({ path: test.info().outputPath('verify-history-broken.png') });
});
