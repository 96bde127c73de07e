import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openParkServices, type ParkServices } from '../../../electron/services/park-services';
import { practiceDataDir } from '../../../electron/services/practice-data';
import type { Proposal } from '../../../shared/domain/proposal';
import { useTempDataDir } from './temp-data-dir';
import { savedData } from '../../support/saved-data';

const FONTS_DIR = path.resolve(import.meta.dirname, '../../../renderer/public/fonts');
const tempDir = useTempDataDir();
const opened: ParkServices[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
});

/** 27-Nov-2026, 10:00 in Pakistan: inside Q2 FY2026-27. */
const NOW = new Date('2026-11-27T05:00:00.000Z');

async function openWithSamples() {
  const dataDir = await tempDir();
  const savePaths: string[] = [];
  const printed: { html: string; landscape: boolean | undefined }[] = [];
  const services = await openParkServices({
    dataDir,
    appVersion: 'test',
    fontsDir: FONTS_DIR,
    clock: { now: () => NOW },
    platform: {
      pdfPrinter: { printHtmlToPdf: async (html, layout) => (printed.push({ html, landscape: layout?.landscape }), new TextEncoder().encode('%PDF fake')) },
      saveDialog: { chooseSavePath: async ({ defaultName }) => savePaths.shift() ?? path.join(dataDir, defaultName) },
    },
  });
  opened.push(services);
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const result = await services.dispatch(name, input);
    if (!result.ok) throw Object.assign(new Error(result.error.message), { error: result.error });
    return result.value as T;
  };
  // The sample parks open as practice data, in a folder of their own; calls are answered from there.
  await call('loadSampleData', {});
  const practice = services.active().store;
  const byTitle = (title: string) => practice.data.proposals.find((p) => p.fields.title.startsWith(title))!;
  return { services, call, byTitle, printed, dataDir, practiceDir: practiceDataDir(dataDir) };
}

const Q2_RETURN = { period: 'FY2026-27-Q2', firmsHoused: '30', seatsAvailable: '800', seatsOccupied: '600', note: 'سہ ماہی رپورٹ' };

describe('occupancy returns', () => {
  it('keeps a return on the Rawalpindi park and shows 75% occupancy there and on the dashboard', async () => {
    const { call, byTitle, services, practiceDir } = await openWithSamples();
    const rwp = byTitle('Rawalpindi');
    const saved = await call<Proposal>('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: Q2_RETURN });
    expect(saved.occupancyReturns).toEqual([expect.objectContaining({ period: 'FY2026-27-Q2', firmsHoused: 30, seatsAvailable: 800, seatsOccupied: 600, note: 'سہ ماہی رپورٹ' })]);

    const park = await call<{ latest: { occupancyPercent: number } }>('getParkOccupancy', { id: rwp.id });
    expect(park.latest.occupancyPercent).toBe(75);
    const overview = await call<{ parksExpected: number; parksReporting: number; occupancyPercent: number }>('getOccupancyOverview', {});
    expect(overview).toMatchObject({ parksExpected: 1, parksReporting: 1, occupancyPercent: 75 });

    // It is on disk, in the practice data file: a reopened folder reads it back.
    expect(path.dirname(services.active().dataFile)).toBe(practiceDir);
    const file = await savedData(services.active().dataFile);
    expect(file.proposals.find((p) => p.id === rwp.id)!.occupancyReturns).toHaveLength(1);

    // An archived MoU (entered by mistake) no longer speaks for the park: no MoU, no targets.
    const rwpMou = services.active().store.data.mous.find((m) => m.fields.proposalId === rwp.id)!;
    expect((await call<{ mouNumber?: string }>('getParkOccupancy', { id: rwp.id })).mouNumber).toBe(rwpMou.fields.mouNumber);
    await call('archiveMou', { id: rwpMou.id });
    expect(await call<{ mouNumber?: string }>('getParkOccupancy', { id: rwp.id })).not.toHaveProperty('mouNumber');
  });

  it('refuses a park not yet housing firms, a period not begun, a second return for one period and a stale edit', async () => {
    const { call, byTitle } = await openWithSamples();
    const fsd = byTitle('Faisalabad');
    await expect(call('addOccupancyReturn', { proposalId: fsd.id, expectedUpdatedAt: fsd.updatedAt, values: Q2_RETURN })).rejects.toThrow(
      'Occupancy returns are kept for parks at Fit-out or Operational; this one is at MoU signed.',
    );
    const rwp = byTitle('Rawalpindi');
    const future = call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: { ...Q2_RETURN, period: 'FY2026-27-Q3' } });
    await expect(future).rejects.toMatchObject({ error: { fieldErrors: { 'values.period': 'Q3 FY2026-27 has not begun (it starts on 01-Jan-2027); a return is for a period under way or past.' } } });
    const saved = await call<Proposal>('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: Q2_RETURN });
    await expect(call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: saved.updatedAt, values: Q2_RETURN })).rejects.toThrow(
      'A return for Q2 FY2026-27 is already recorded; edit that one instead.',
    );
    await expect(call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: { ...Q2_RETURN, period: '2026-10' } })).rejects.toThrow(/changed since you opened it/);
    const tooMany = call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: saved.updatedAt, values: { ...Q2_RETURN, period: '2026-10', seatsOccupied: '900' } });
    await expect(tooMany).rejects.toMatchObject({ error: { fieldErrors: { 'values.seatsOccupied': 'Seats occupied cannot be more than the 800 seats available.' } } });
  });

  it('edits a return in place and removes it', async () => {
    const { call, byTitle } = await openWithSamples();
    const rwp = byTitle('Rawalpindi');
    const saved = await call<Proposal>('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: { ...Q2_RETURN, peopleEmployed: '700' } });
    const returnId = saved.occupancyReturns![0]!.id;
    const edited = await call<Proposal>('updateOccupancyReturn', { proposalId: rwp.id, returnId, expectedUpdatedAt: saved.updatedAt, values: { ...Q2_RETURN, seatsOccupied: '640' } });
    expect(edited.occupancyReturns).toEqual([expect.objectContaining({ id: returnId, seatsOccupied: 640 })]);
    expect(edited.occupancyReturns![0]).not.toHaveProperty('peopleEmployed');
    const removed = await call<Proposal>('removeOccupancyReturn', { proposalId: rwp.id, returnId, expectedUpdatedAt: edited.updatedAt });
    expect(removed.occupancyReturns).toBeUndefined();
  });
});

describe('reports', () => {
  it('writes the register as a real spreadsheet: numbers, dates, frozen header and filters', async () => {
    const { call, byTitle, dataDir } = await openWithSamples();
    const rwp = byTitle('Rawalpindi');
    await call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: Q2_RETURN });
    const saved = await call<{ path: string; fileName: string }>('exportParkRegisterSpreadsheet', { filters: {} });
    expect(saved.fileName).toBe('Park register 27-Nov-2026.xlsx');
    expect(path.dirname(saved.path)).toBe(dataDir);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved.path);
    const sheet = workbook.getWorksheet('Park register')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const rawalpindi = rows.find((r) => String(r.getCell(col('Park')).value).startsWith('Rawalpindi'))!;
    expect(rawalpindi.getCell(col('Area (sq ft)')).value).toBe(44_000);
    expect(rawalpindi.getCell(col('In stage since')).value).toEqual(new Date('2021-12-29T00:00:00.000Z'));
    expect(rawalpindi.getCell(col('MoU signed')).value).toEqual(new Date('2021-05-20T00:00:00.000Z'));
    expect(rawalpindi.getCell(col('MoU signed')).numFmt).toBe('dd-mmm-yyyy');
    expect(rawalpindi.getCell(col('Occupancy')).value).toBe(0.75);
    expect(rawalpindi.getCell(col('MoU state')).value).toBe('Expiry unknown');
    expect(rows).toHaveLength(4);
  });

  it('prints the register across the page and the progress report with 75% occupancy for Q2 FY2026-27', async () => {
    const { call, byTitle, printed } = await openWithSamples();
    const rwp = byTitle('Rawalpindi');
    await call('addOccupancyReturn', { proposalId: rwp.id, expectedUpdatedAt: rwp.updatedAt, values: Q2_RETURN });
    const register = await call<{ path: string }>('exportParkRegisterPdf', { filters: { province: 'Punjab' } });
    expect(path.basename(register.path)).toBe('Park register 27-Nov-2026.pdf');
    expect(printed[0]!.landscape).toBe(true);
    expect(printed[0]!.html).toContain('Province: Punjab');
    expect(printed[0]!.html).not.toContain('Quetta');

    const report = await call<{ html: string; fileName: string }>('getProgressReportHtml', { period: 'FY2026-27-Q2' });
    expect(report.fileName).toBe('Progress report Q2 FY2026-27.pdf');
    expect(report.html).toContain('Occupancy 75%: 600 of 800 seats occupied, 30 firms housed, in 1 park with a return for Q2 FY2026-27.');
    expect(report.html).toContain('<svg');
    await expect(call('getProgressReportHtml', { period: 'FY2027-28' })).rejects.toThrow('FY2027-28 has not begun yet; choose a period that has started.');
    await expect(call('getProgressReportHtml', { period: '2026-10' })).rejects.toThrow(/field/);
  });
});
