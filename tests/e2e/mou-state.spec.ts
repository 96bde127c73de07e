import { database, faisalabadMou, faisalabadProposal, quettaMou, writeDataFolder } from '../support/mou-data';
import { pdfText, PRINT_TIMEOUT } from '../support/pdf-text';
import { expect, test, type ParkDeskApp } from './fixtures';

const FSD = 'PSEB-STP-FSD-2021-01';
const FSD_FILE = `MoU ${FSD} - Sitara Chemical Industries.pdf`;
const nav = (app: ParkDeskApp, name: string) => app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', "Electron's save dialog is native; this journey answers it through the browser bridge.");
  test.setTimeout(120_000);
});

test('the Faisalabad MoU, past its term, shows as expired on the dashboard, in the list, on its page and in its PDF', async ({ openApp }, testInfo) => {
  // Signed 20-May-2021 for 5 years, no effective date, still recorded Active (since 01-Jun-2021): it expired on 19-May-2026.
  // Quetta is Active with no term: its expiry is unknown, and the dashboard must say so rather than show a bare 0.
  const dataDir = testInfo.outputPath('park-desk-data');
  await writeDataFolder(dataDir, database({ proposals: [faisalabadProposal()], mous: [faisalabadMou((f) => delete f.effectiveOn), quettaMou()] }));
  const app = (await openApp({ dataDir })) as ParkDeskApp & { dialogs: NonNullable<ParkDeskApp['dialogs']> };
  const { page } = app;

  await nav(app, 'Dashboard').click();
  const expiry = page.getByRole('group', { name: 'MoU expiry and notice' });
  const expiredFigure = expiry.getByRole('button', { name: /MoUs? expired/ });
  await expect(expiredFigure).toHaveText(/^1\s*MoU expired$/);
  await expect(expiry).toContainText(`${FSD}: Expired on 19-May-2026: signed 20-May-2021, term 5 years`);
  await expect(expiry).toContainText('1 signed or active MoU has no term or date signed');
  await expect(page.getByRole('group', { name: 'Dates missing' })).toContainText('1 MoU has no term or date signed: its expiry is unknown');

  // The figure opens a list holding exactly it.
  await expiredFigure.click();
  await expect(page.getByRole('heading', { name: 'MoUs', level: 1 })).toBeVisible();
  await expect(page.getByText('Expired', { exact: true }).first()).toBeVisible();
  const table = page.getByRole('table', { name: 'MoUs' });
  await expect(table.getByRole('row')).toHaveCount(2);
  const row = table.getByRole('row', { name: new RegExp(FSD) });
  await expect(row.getByRole('cell').nth(5)).toHaveText('Expired');
  await expect(page.getByText('1 of 2 MoUs')).toBeVisible();

  // Its page says so, with the basis actually used.
  await row.getByRole('button', { name: FSD, exact: true }).click();
  await expect(page.getByRole('heading', { name: `MoU ${FSD}`, level: 1 })).toBeVisible();
  await expect(page.getByTestId('mou-state-sentence')).toHaveText('Expired on 19-May-2026: signed 20-May-2021, term 5 years');
  await expect(page.getByText('19-May-2026 (from the date signed and term; no effective date is recorded)')).toBeVisible();

  // And so does its PDF: "since" is the date of the move to Active, never a later day.
  await page.getByRole('button', { name: 'Preview / Export PDF' }).click();
  await expect(page.getByRole('heading', { name: `MoU summary ${FSD}` })).toBeVisible();
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.locator('.notices')).toContainText(`Saved “${FSD_FILE}”`, PRINT_TIMEOUT);
  const text = await pdfText(`${app.dialogs.exportDir}/${FSD_FILE}`);
  expect(text).toContain('Expired on 19-May-2026: signed 20-May-2021, term 5 years');
  expect(text).toContain('Status: Active');
  expect(text).not.toContain('from the effective date');
  const sinceDates = [...text.matchAll(/since (\d{2}-[A-Z][a-z]{2}-\d{4})/g)].map((m) => m[1]);
  expect(sinceDates.length).toBeGreaterThan(0);
  for (const date of sinceDates) expect(date).toBe('01-Jun-2021');
});
