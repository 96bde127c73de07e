import path from 'node:path';
import type { Browser } from '@playwright/test';
import { openParkServices } from '../../electron/services/park-services';
import { RENDERER_DIR } from '../support/renderer-files';
import { createTestPlatform } from '../support/test-platform';
import { timeRuns, type Timing } from './measure';

/**
 * The dashboard over the whole data (beside one bare pass over every record), and one MoU
 * summary printed to PDF by Chromium and saved, as the export button does it.
 */
export async function measureDashboardAndPdf(browser: Browser, dataDir: string, runs: number): Promise<{ dashboard: Timing; barePass: Timing; pdf: Timing }> {
  const { platform } = createTestPlatform(browser, path.join(dataDir, 'exports'));
  const services = await openParkServices({ dataDir, appVersion: 'bench', platform, fontsDir: path.join(RENDERER_DIR, 'fonts') });
  try {
    const { proposals, mous } = services.store.data;
    const dashboard = await timeRuns(runs, async () => {
      const result = await services.dispatch('getDashboard', {});
      if (!result.ok) throw new Error(result.error.message);
    });
    const barePass = await timeRuns(runs, () => {
      let area = 0;
      for (const proposal of proposals) area += proposal.fields.grossAreaSqFt ?? 0;
      for (const mou of mous) area += mou.fields.obligations.length;
      return area;
    });
    const mou = mous[0];
    if (!mou) throw new Error('no MoU to print');
    const pdf = await timeRuns(Math.min(runs, 3), async () => {
      const result = await services.dispatch('exportMouSummaryPdf', { id: mou.id });
      if (!result.ok) throw new Error(result.error.message);
    });
    return { dashboard, barePass, pdf };
  } finally {
    await services.close();
  }
}
