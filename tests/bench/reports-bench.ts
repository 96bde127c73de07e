import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { openParkServices } from '../../electron/services/park-services';
import type { Database } from '../../shared/domain/database';
import { fiscalQuarterOf, periodKey, quartersOf } from '../../shared/domain/fiscal-period';
import { acceptsReturns } from '../../shared/domain/occupancy';
import { currentStage } from '../../shared/domain/proposal';
import { todayInPakistan } from '../../shared/format/dates';
import { RENDERER_DIR } from '../support/renderer-files';
import { createTestPlatform } from '../support/test-platform';
import { timeRuns, type Timing } from './measure';

/**
 * Gives every park at Fit-out or Operational a return for each quarter of last fiscal year and
 * for this quarter, as a desk that files its returns would have them (a copy: other figures keep
 * the generated data as it is).
 */
export function withOccupancyReturns(data: Database, today = todayInPakistan()): Database {
  const current = fiscalQuarterOf(today);
  const periods = [...quartersOf(current.fiscalYear - 1), current].map(periodKey);
  let n = 0;
  const proposals = data.proposals.map((p) => {
    if (!acceptsReturns(currentStage(p))) return p;
    const occupancyReturns = periods.map((period, i) => {
      n += 1;
      const seatsAvailable = 200 + (n % 9) * 100;
      return {
        id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
        period,
        firmsHoused: 5 + (n % 40),
        seatsAvailable,
        seatsOccupied: Math.round(seatsAvailable * (0.4 + ((n + i) % 6) / 10)),
        peopleEmployed: 50 + (n % 700),
        recordedAt: '2026-11-01T05:00:00.000Z',
        recordedBy: 'Benchmark',
      };
    });
    return { ...p, occupancyReturns };
  });
  return { ...data, proposals };
}

export interface ReportTimings {
  registerHtml: Timing;
  registerHtmlBytes: number;
  registerSpreadsheet: Timing;
  progressHtml: Timing;
  progressPdf: Timing;
  parksWithReturns: number;
  /** The dashboard's figures over the same records in the same run: a yardstick for how busy the machine was. */
  dashboard: Timing;
}

/**
 * The park register (rows, MoU states and the whole HTML document; the .xlsx written through the
 * save dialog) and the progress report for this quarter (figures and HTML; then printed to PDF by
 * Chromium and saved, as Export PDF does), over every park on record.
 */
export async function measureReports(browser: Browser, dataDir: string, data: Database, runs: number): Promise<ReportTimings> {
  const withReturns = withOccupancyReturns(data);
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'park-desk-data.json'), JSON.stringify(withReturns));
  const { platform } = createTestPlatform(browser, path.join(dataDir, 'exports'));
  const services = await openParkServices({ dataDir, appVersion: 'bench', platform, fontsDir: path.join(RENDERER_DIR, 'fonts') });
  const ok = async (name: string, input: unknown) => {
    const result = await services.dispatch(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as { html?: string };
  };
  try {
    let registerHtmlBytes = 0;
    const registerHtml = await timeRuns(runs, async () => {
      registerHtmlBytes = Buffer.byteLength((await ok('getParkRegisterHtml', { filters: {} })).html!);
    });
    const registerSpreadsheet = await timeRuns(Math.min(runs, 3), () => ok('exportParkRegisterSpreadsheet', { filters: {} }));
    const period = periodKey(fiscalQuarterOf(todayInPakistan()));
    const progressHtml = await timeRuns(runs, () => ok('getProgressReportHtml', { period }));
    const progressPdf = await timeRuns(Math.min(runs, 3), () => ok('exportProgressReportPdf', { period }));
    const dashboard = await timeRuns(runs, () => ok('getDashboard', {}));
    return {
      registerHtml,
      registerHtmlBytes,
      registerSpreadsheet,
      progressHtml,
      progressPdf,
      dashboard,
      parksWithReturns: withReturns.proposals.filter((p) => p.occupancyReturns).length,
    };
  } finally {
    await services.close();
  }
}
