import { test, expect } from './fixtures';
import { enterFaisalabadProposal, FAISALABAD } from './proposal-steps';

const nav = (page: import('@playwright/test').Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

async function loadSamples(page: import('@playwright/test').Page) {
  await nav(page, 'Data').click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');
}

test('search finds the Faisalabad proposal by city and by an Urdu word in its notes', async ({ app }) => {
  const { page } = app;
  // Among the sample parks (practice data), the Faisalabad park given an Urdu note.
  await loadSamples(page);
  await nav(page, 'Proposals').click();
  await page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Notes', { exact: true }).fill(FAISALABAD.urduNote);
  await page.getByRole('button', { name: 'Save proposal' }).click();
  await expect(page.getByRole('heading', { name: FAISALABAD.title, level: 1 })).toBeVisible();

  await nav(page, 'Proposals').click();
  const search = page.getByLabel('Search proposals', { exact: true });
  const table = page.getByRole('table', { name: 'Proposals' });

  await search.fill('faisalabad');
  await expect(page.getByText('1 of 4 proposals')).toBeVisible();
  await expect(table.getByRole('button', { name: FAISALABAD.title })).toBeVisible();

  await search.fill('پارک');
  await expect(page.getByText('1 of 4 proposals')).toBeVisible();
  await expect(table.getByRole('button', { name: FAISALABAD.title })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
});

test('filters and sort narrow the list, survive moving between screens, and clear', async ({ app }) => {
  const { page } = app;
  await loadSamples(page);
  await nav(page, 'Proposals').click();
  const table = page.getByRole('table', { name: 'Proposals' });
  await expect(page.getByText('4 proposals')).toBeVisible();

  await page.getByLabel('Province', { exact: true }).selectOption('Punjab');
  await expect(page.getByText('2 of 4 proposals')).toBeVisible();
  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Operational' });
  await expect(page.getByText('1 of 4 proposals')).toBeVisible();
  await expect(table.getByRole('row', { name: /Rawalpindi/ })).toBeVisible();

  await page.getByLabel('Stage', { exact: true }).selectOption({ label: 'All stages' });
  await page.getByRole('button', { name: 'Area' }).click();
  await page.getByRole('button', { name: 'Area' }).click();
  await expect(page.getByRole('columnheader', { name: 'Area' })).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('row').nth(1)).toContainText('Rawalpindi');

  // Away and back: the filters and sort are as they were.
  await nav(page, 'Dashboard').click();
  await nav(page, 'Proposals').click();
  await expect(page.getByLabel('Province', { exact: true })).toHaveValue('Punjab');
  await expect(page.getByText('2 of 4 proposals')).toBeVisible();
  await expect(table.getByRole('row').nth(1)).toContainText('Rawalpindi');

  await page.getByLabel('Partner type', { exact: true }).selectOption({ label: 'University' });
  await expect(page.getByText('No proposal matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('4 proposals')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear filters' })).toBeDisabled();

  // Ctrl+N opens a new proposal.
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'New proposal' })).toBeVisible();
});

test('archive asks first, can be undone, and an archived proposal is restored from the archived view', async ({ app }) => {
  const { page } = app;
  await enterFaisalabadProposal(page);

  await page.getByRole('button', { name: 'Archive…' }).click();
  const confirm = page.getByRole('dialog', { name: `Archive ${FAISALABAD.referenceNumber}?` });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(((await app.readDataFile()) as { proposals: { archivedAt?: string }[] }).proposals[0]!.archivedAt).toBeUndefined();

  await page.getByRole('button', { name: 'Archive…' }).click();
  await confirm.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('status')).toContainText(`Proposal ${FAISALABAD.referenceNumber} archived.`);
  await expect(page.getByRole('heading', { name: 'Proposals', level: 1 })).toBeVisible();
  await expect(page.getByText('0 proposals')).toBeVisible();

  // Undo is one shortcut away, shown on the notice.
  await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-keyshortcuts', 'Alt+U');
  await expect(page.getByRole('status')).toContainText('Alt+U');
  await page.keyboard.press('Alt+U');
  await expect(page.getByRole('status')).toContainText(`Proposal ${FAISALABAD.referenceNumber} restored.`);
  // One notice at a time: the restore replaced the archive notice.
  await expect(page.getByRole('status').getByRole('button', { name: 'Undo' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title })).toBeVisible();

  await page.getByRole('button', { name: FAISALABAD.title }).click();
  await page.getByRole('button', { name: 'Archive…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText('0 proposals')).toBeVisible();
  const stored = (await app.readDataFile()) as { proposals: { archivedAt?: string }[] };
  expect(stored.proposals).toHaveLength(1);
  expect(stored.proposals[0]!.archivedAt).toBeTruthy();

  // The dashboard leaves it out.
  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('heading', { name: 'Nothing to show yet' })).toBeVisible();

  await nav(page, 'Proposals').click();
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Archived proposals' });
  await expect(page.getByText('1 archived proposal')).toBeVisible();
  await page.getByRole('button', { name: `Restore ${FAISALABAD.referenceNumber}` }).click();
  await expect(page.getByText('0 archived proposals')).toBeVisible();
  await page.getByLabel('Show', { exact: true }).selectOption({ label: 'Current proposals' });
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('button', { name: FAISALABAD.title })).toBeVisible();
});
