import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DATA_FILE_NAME } from '../../electron/services/park-services';
import { todayInPakistan } from '../../shared/format/dates';
import { test, expect } from './fixtures';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

async function loadSamples(page: Page) {
  await nav(page, 'Data').click();
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');
}

/** A calendar date `days` from today in Pakistan (negative: in the past). */
function dayFromToday(days: number): string {
  const today = todayInPakistan();
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

test('dashboard figures open the list with their filters applied', async ({ app }) => {
  const { page } = app;
  await loadSamples(page);
  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('heading', { name: 'Needs attention' })).toBeVisible();
  // The sample MoUs count at once: the Faisalabad fit-out obligation is long overdue.
  const due = page.getByRole('group', { name: 'Obligations and reviews' });
  await expect(due.getByRole('button', { name: /with overdue obligations/ })).toHaveText(/^1\s*MoU with overdue obligations$/);
  await expect(due).toContainText('PSEB/MoU/STP/FSD/2021');

  await page.getByRole('table', { name: 'Parks by province' }).getByRole('button', { name: 'Balochistan' }).click();
  await expect(page.getByRole('heading', { name: 'Proposals', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Province', { exact: true })).toHaveValue('Balochistan');
  await expect(page.getByText('1 of 4 proposals')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row', { name: /Quetta/ })).toBeVisible();

  await nav(page, 'Dashboard').click();
  await expect(page.getByRole('button', { name: /operational \(set a target/ })).toHaveText(/^1\s*park operational \(set a target under Data\)$/);
  await page.getByRole('button', { name: /park operational/ }).click();
  await expect(page.getByLabel('Stage', { exact: true })).toHaveValue('operational');
  await expect(page.getByLabel('Province', { exact: true })).toHaveValue('');
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row')).toHaveCount(2);

  await nav(page, 'Dashboard').click();
  await page.getByRole('button', { name: /expiring within 30 days/ }).click();
  await expect(page.getByRole('heading', { name: 'MoUs', level: 1 })).toBeVisible();

  // "Stuck" opens the proposals longer in their stage than the threshold, and says so above the list.
  await nav(page, 'Dashboard').click();
  const stuck = page.getByRole('group', { name: 'Stuck in their stage' });
  await stuck.getByLabel('Stuck after').fill('0');
  await stuck.getByRole('button', { name: 'Save threshold' }).click();
  await expect(stuck.getByText('Stuck after cannot be less than 1.')).toBeVisible();
  await stuck.getByLabel('Stuck after').fill('1');
  await stuck.getByRole('button', { name: 'Save threshold' }).click();
  await expect(page.getByRole('status')).toContainText('A proposal now counts as stuck after 1 day in one stage.');
  const stuckFigure = stuck.getByRole('button', { name: /in one stage longer than 1 day$/ });
  const count = Number((await stuckFigure.locator('.figure-value').textContent()) ?? 'NaN');
  await stuckFigure.click();
  await expect(page.getByText('Stuck: in one stage longer than 1 day')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Proposals' }).getByRole('row')).toHaveCount(count + 1);
});

test('needs attention shows MoUs expiring, overdue obligations and periods ending, from the MoU records', async ({ openApp }, testInfo) => {
  // MoUs are entered on the MoU screens (another part of the app); here the data file holds one already.
  const dataDir = testInfo.outputPath('seeded');
  await mkdir(dataDir, { recursive: true });
  const [pseb, partner] = [randomUUID(), randomUUID()];
  const now = new Date().toISOString();
  const signedOn = dayFromToday(-365 * 5 + 20); // a five-year term ending in about three weeks
  const mou = {
    id: randomUUID(),
    createdAt: now,
    updatedAt: now,
    statusHistory: [{ at: now, from: null, to: 'active', by: 'Test', note: '' }],
    fields: {
      mouNumber: 'PSEB/MOU/FSD/2021',
      type: 'two-party',
      parties: [
        { id: pseb, name: 'Pakistan Software Export Board', role: 'First party', type: 'pseb', signatories: [] },
        { id: partner, name: 'Sitara Chemical', role: 'Second party', type: 'private-company', signatories: [] },
      ],
      witnesses: [],
      signedOn,
      termYears: 5,
      freeInternetEndsOn: dayFromToday(10),
      obligations: [
        { id: randomUUID(), partyId: partner, description: 'Provide standby generator', dueOn: dayFromToday(-12) },
        { id: randomUUID(), partyId: pseb, description: 'Install PSEB branding', dueOn: dayFromToday(30) },
      ],
      amendments: [],
    },
  };
  await writeFile(
    path.join(dataDir, DATA_FILE_NAME),
    JSON.stringify({ schemaVersion: 1, settings: { officialName: 'Ayesha Khan' }, proposals: [], mous: [mou] }),
  );
  const { page } = await openApp({ dataDir });

  const expiring = page.getByRole('group', { name: 'MoU expiry and notice' });
  await expect(expiring.getByRole('button', { name: /expiring within 30 days/ })).toContainText('1');
  await expect(expiring.getByRole('button', { name: /expiring within 90 days/ })).toContainText('1');
  const overdue = page.getByRole('group', { name: 'Obligations and reviews' });
  const overdueFigure = overdue.getByRole('button', { name: /with overdue obligations/ });
  await expect(overdueFigure).toHaveText(/^1\s*MoU with overdue obligations$/);
  await expect(overdue).toContainText('PSEB/MOU/FSD/2021: Provide standby generator');
  await expect(overdue).toContainText('12 days overdue');
  await expect(overdue).not.toContainText('Install PSEB branding');
  const periods = page.getByRole('group', { name: 'Subsidy and free internet ending within 90 days' });
  await expect(periods).toContainText('PSEB/MOU/FSD/2021: free internet ends');

  // The MoU named under a period ending opens its MoU page.
  await periods.getByRole('button', { name: 'PSEB/MOU/FSD/2021' }).click();
  await expect(page.getByRole('heading', { name: 'MoU PSEB/MOU/FSD/2021', level: 1 })).toBeVisible();

  await nav(page, 'Dashboard').click();
  await overdueFigure.click();
  await expect(page.getByRole('heading', { name: 'MoUs', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'MoUs' }).getByRole('row', { name: /PSEB\/MOU\/FSD\/2021/ })).toContainText('1 overdue');
});
