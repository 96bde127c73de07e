import path from 'node:path';
import type { Browser } from '@playwright/test';
import { openParkServices } from '../../electron/services/park-services';
import { RENDERER_DIR } from '../support/renderer-files';
import { createTestPlatform } from '../support/test-platform';
import { summarise, timeRuns, type Timing } from './measure';

/**
 * The dashboard over the whole data (beside one bare pass over every record), and one MoU
 * summary printed to PDF by Chromium and saved, as the export button does it.
 */
export async function measureDashboardAndPdf(browser: Browser, dataDir: string, runs: number, pdfRuns = Math.min(runs, 3)): Promise<{ dashboard: Timing; barePass: Timing; pdf: Timing }> {
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
    const pdf = await timeRuns(pdfRuns, async () => {
      const result = await services.dispatch('exportMouSummaryPdf', { id: mou.id });
      if (!result.ok) throw new Error(result.error.message);
    });
    return { dashboard, barePass, pdf };
  } finally {
    await services.close();
  }
}

/** What an official types into the global search, one keystroke at a time (Urdu typed with Arabic letters, a number with no match). */
const GLOBAL_SEARCH_TYPING = ['faisalabad software', 'sitara tower', 'EO-105123', 'علي فاطمه', 'PSEB/STP/RAW/77', 'amazon outlet mall'];

/**
 * The global search as main answers it, through the dispatcher (input check included): the first
 * keystroke after opening (which folds every record), each later keystroke, and the first
 * keystroke after a save (which re-folds only the record saved).
 */
export async function measureGlobalSearch(dataDir: string): Promise<{ firstKeystroke: Timing; keystroke: Timing; keystrokeCpu: Timing; afterSave: Timing; barePass: Timing }> {
  const services = await openParkServices({ dataDir, appVersion: 'bench' });
  try {
    const search = async (query: string) => {
      const result = await services.dispatch('searchParks', { query });
      if (!result.ok) throw new Error(result.error.message);
    };
    const firstKeystroke = await timeRuns(1, () => search('f'));
    const samples: number[] = [];
    // CPU time beside wall time: on a machine shared with other work, waiting for a core inflates
    // the wall clock's tail; the CPU time is what the keystroke itself costs.
    const cpuSamples: number[] = [];
    for (const text of GLOBAL_SEARCH_TYPING) {
      for (let i = 1; i <= text.length; i++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        await search(text.slice(0, i));
        samples.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpuSamples.push((used.user + used.system) / 1000);
      }
    }
    const afterSave: number[] = [];
    for (let i = 0; i < 5; i++) {
      const proposal = services.store.data.proposals[i]!;
      const saved = await services.dispatch('updateProposal', { id: proposal.id, expectedUpdatedAt: proposal.updatedAt, fields: { ...proposal.fields, notes: `Edited ${i}` } });
      if (!saved.ok) throw new Error(saved.error.message);
      const start = performance.now();
      await search(`edited ${i}`);
      afterSave.push(performance.now() - start);
    }
    // The least any search can cost: one lower-cased substring test over every record's title.
    const { proposals, mous } = services.store.data;
    const barePass = await timeRuns(5, () => {
      let found = 0;
      for (const p of proposals) if (p.fields.title.toLowerCase().includes('amazon')) found++;
      for (const m of mous) if (m.fields.mouNumber.toLowerCase().includes('amazon')) found++;
      return found;
    });
    return { firstKeystroke, keystroke: summarise(samples), keystrokeCpu: summarise(cpuSamples), afterSave: summarise(afterSave), barePass };
  } finally {
    await services.close();
  }
}
