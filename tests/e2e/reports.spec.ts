import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { formatDate, todayInPakistan } from '../../shared/format/dates';
import { pdfLines, pdfPageSize, pdfText, PRINT_TIMEOUT } from '../support/pdf-text';
import { expect, test } from './fixtures';
import { expectNoAxeViolations } from './accessibility';
import { setOfficialName } from './proposal-steps';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name });

test.beforeEach(({ appKind }) => {
  test.skip(appKind === 'electron', "Electron's save dialog is native; this journey answers it through the browser bridge.");
  test.setTimeout(120_000);
});

test('an occupancy return for Rawalpindi shows 75% on its page, the dashboard, the register and the progress report', async ({ app }) => {
  const { page, dialogs } = app;
  await setOfficialName(page, 'Ayesha Khan');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.getByRole('status')).toContainText('Added 4 sample parks.');

  // The return, entered on the park's page.
  await nav(page, 'Proposals').click();
  await page.getByRole('button', { name: 'Rawalpindi Software Technology Park' }).click();
  const panel = page.getByRole('region', { name: 'Occupancy returns' });
  await expect(panel).toContainText('No return yet.');
  await panel.getByRole('button', { name: 'Add return…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add an occupancy return' });
  await dialog.getByRole('combobox', { name: 'Fiscal year' }).selectOption({ label: 'FY2026-27' });
  await dialog.getByRole('combobox', { name: 'Quarter' }).selectOption({ label: 'Q2 (Oct-Dec)' });
  await dialog.getByLabel('Firms housed').fill('30');
  await dialog.getByLabel('Seats available').fill('800');
  // More seats occupied than available is refused at the field, and nothing is saved.
  await dialog.getByLabel('Seats occupied').fill('900');
  await dialog.getByRole('button', { name: 'Add return' }).click();
  await expect(dialog.getByText('Seats occupied cannot be more than the 800 seats available.')).toBeVisible();
  await expect(dialog.getByLabel('Seats occupied')).toBeFocused();
  await dialog.getByLabel('Seats occupied').fill('600');
  await dialog.getByRole('button', { name: 'Add return' }).click();
  await expect(page.getByRole('status')).toContainText('Return added for Q2 FY2026-27.');
  await expect(panel.getByRole('group', { name: 'Latest occupancy' })).toContainText('75% occupancy');
  await expect(panel.getByRole('group', { name: 'Latest occupancy' })).toContainText('600 of 800 seats occupied, 30 firms housed; return for Q2 FY2026-27 (Oct-Dec 2026).');
  const returnRow = panel.getByRole('table', { name: 'Occupancy returns' }).getByRole('row', { name: /Q2 FY2026-27/ });
  await expect(returnRow).toContainText('75%');
  await expect(returnRow).toContainText('by Ayesha Khan');
  const panelAxe = await new AxeBuilder({ page }).include('.occupancy-panel').analyze();
  expect(panelAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The dashboard.
  await nav(page, 'Dashboard').click();
  const overview = page.getByRole('region', { name: 'Occupancy of operational parks' });
  await expect(overview.getByRole('button', { name: /75%/ })).toContainText('600 of 800 seats occupied');
  await expect(overview).toContainText('1 of 1parks at Fit-out or Operational with a return');
  // The area figures the reports must agree with: each open park's area counted once, where it stands.
  const dashboardArea = async (name: RegExp) => /([\d,]+) sq ft/.exec(await page.getByRole('button', { name }).innerText())![1];
  const area = {
    pipeline: await dashboardArea(/in the pipeline, before MoU signed/),
    signed: await dashboardArea(/MoU signed or in fit-out/),
    operational: await dashboardArea(/sq ft\s*operational/),
  };
  expect(area).toEqual({ pipeline: '23,800', signed: '19,500', operational: '44,000' });

  // The register: preview, PDF across an A4 page, spreadsheet.
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Reports – Park Desk');
  const registerPreview = page.frameLocator('iframe[title="Preview of the park register"]');
  await expect(registerPreview.getByRole('heading', { name: 'Register of software technology parks' })).toBeVisible();
  await expect(registerPreview.getByRole('row', { name: /Rawalpindi Software Technology Park/ })).toContainText('75%');
  const screenAxe = await new AxeBuilder({ page }).include('.reports-screen').exclude('iframe').analyze();
  expect(screenAxe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expectNoAxeViolations(page, 'the Reports screen');

  const day = formatDate(todayInPakistan());
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.locator('.notices')).toContainText(`Saved “Park register ${day}.pdf”`, PRINT_TIMEOUT);
  const registerPdf = path.join(dialogs.exportDir, `Park register ${day}.pdf`);
  const size = await pdfPageSize(registerPdf);
  expect(Math.abs(size.width - 842), 'A4 width across').toBeLessThan(2);
  expect(Math.abs(size.height - 595), 'A4 height across').toBeLessThan(2);
  const registerText = await pdfText(registerPdf);
  for (const expected of ['Register of software technology parks', 'All parks', 'Faisalabad Software Technology Park', 'Rawalpindi Software Technology Park', 'Page 1 of 1', 'What this report leaves out', `Made on ${day}`, 'by Ayesha Khan with Park Desk']) {
    expect(registerText, expected).toContain(expected);
  }
  // Each park's row carries its MoU's derived state (the samples' MoUs have no term recorded).
  const lines = await pdfLines(registerPdf);
  expect(lines.find((l) => l.startsWith('Faisalabad Software')), 'Faisalabad row').toMatch(/MoU signed PSEB\/MoU\/STP\/FSD\/2021 20-May-2021 — Expiry unknown 0 ! 1 No return/);
  expect(lines.find((l) => l.startsWith('Rawalpindi Software')), 'Rawalpindi row').toMatch(/Operational PSEB\/MoU\/STP\/RWP\/2021 20-May-2021 — Expiry unknown 0 0 75%/);
  const areas = /([\d,]+) sq ft before MoU signed, ([\d,]+) sq ft signed \(MoU signed or Fit-out\), ([\d,]+) sq ft operational/.exec(registerText.replace(/\s+/g, ' '))!;
  expect(areas.slice(1), 'the register splits area as the dashboard does').toEqual([area.pipeline, area.signed, area.operational]);

  await page.getByRole('button', { name: 'Export spreadsheet' }).click();
  await expect(page.locator('.notices')).toContainText(`Saved “Park register ${day}.xlsx”`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(dialogs.exportDir, `Park register ${day}.xlsx`));
  const sheet = workbook.getWorksheet('Park register')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const column = (name: string) => headers.indexOf(name) + 1;
  const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
  const rawalpindi = rows.find((r) => r.getCell(column('Reference')).value === 'PSEB/STP/RWP/2021-02')!;
  expect(rawalpindi.getCell(column('Area (sq ft)')).value).toBe(44_000);
  expect(rawalpindi.getCell(column('MoU signed')).value).toEqual(new Date('2021-05-20T00:00:00.000Z'));
  expect(rawalpindi.getCell(column('In stage since')).value).toBeInstanceOf(Date);
  expect(rawalpindi.getCell(column('Occupancy')).value).toBe(0.75);
  expect(rows.map((r) => typeof r.getCell(column('Area (sq ft)')).value)).toEqual(['number', 'number', 'number', 'number']);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

  // The progress report for Q2 FY2026-27 gives the register's figures.
  await page.getByRole('radio', { name: 'Progress report for a period' }).check();
  await page.getByRole('combobox', { name: 'Fiscal year' }).selectOption({ label: 'FY2026-27' });
  await page.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Q2 (Oct-Dec)' });
  const reportPreview = page.frameLocator('iframe[title="Preview of the progress report for Q2 FY2026-27"]');
  await expect(reportPreview.getByRole('heading', { name: 'Progress report, Q2 FY2026-27 (Oct-Dec 2026)' })).toBeVisible();
  await page.getByRole('button', { name: 'Export PDF' }).click();
  await expect(page.locator('.notices')).toContainText('Saved “Progress report Q2 FY2026-27.pdf”', PRINT_TIMEOUT);
  const reportPdf = path.join(dialogs.exportDir, 'Progress report Q2 FY2026-27.pdf');
  const reportText = await pdfText(reportPdf);
  // "In brief" is two tables side by side: read as laid out, each figure beside its label on one line.
  const briefLines = await pdfLines(reportPdf, 1);
  for (const expected of [`Area before MoU signed ${area.pipeline} sq ft`, `Area signed (MoU signed or Fit-out) ${area.signed} sq ft`, `Area operational ${area.operational} sq ft`]) {
    expect(briefLines.find((l) => l.startsWith(expected)), expected).toBeDefined();
  }
  for (const expected of [
    'Occupancy 75%: 600 of 800 seats occupied, 30 firms housed, in 1 park with a return for Q2 FY2026-27.',
    'Parks by stage',
    'What this report leaves out',
    'Page 1 of',
  ]) {
    expect(reportText, expected).toContain(expected);
  }
});
