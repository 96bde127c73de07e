import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateParkData } from './generate-park-data';
import { measureSqlitePeer } from './sqlite-peer';
import { measureImportRead, measureStorage } from './storage-bench';
import { round, type Timing } from './measure';
import { measureDashboardAndPdf, measureGlobalSearch } from './services-bench';
import { measureReports } from './reports-bench';
import { launchBenchBrowser, measureFirstListPaint, measureSearchKeystrokes, rendererJavaScriptGzipBytes } from './renderer-bench';

/**
 * npm run bench [-- --sizes 1000,10000,100000 --runs 7] [--search-only | --reports-only | --pdf-only]
 * Prints every figure beside its limit, measured in the same run, and writes them as JSON.
 */
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '7' },
    out: { type: 'string', default: 'bench-results' },
    'storage-only': { type: 'boolean', default: false },
    /** Leave out the import read (minutes at 100k): e.g. --storage-only --no-import --sizes 100000. */
    'no-import': { type: 'boolean', default: false },
    /** Only the global search rows (no storage, browser or SQLite figures): a quick check of search alone. */
    'search-only': { type: 'boolean', default: false },
    /** Only the report rows (register, progress report), e.g. --reports-only --sizes 10000. */
    'reports-only': { type: 'boolean', default: false },
    /** Only the "one MoU summary to PDF" row (and the dashboard beside it), e.g. --pdf-only --sizes 1000 --runs 9. */
    'pdf-only': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

interface Row {
  size: number;
  figure: string;
  medianMs: number;
  p95Ms: number;
  limit: string;
  limitMedianMs: number;
  ratio: number;
  target: string;
  note?: string;
}
const rows: Row[] = [];

function row(size: number, figure: string, value: Timing, limit: string, limitValue: Timing, target: string, note?: string) {
  rows.push({
    size,
    figure,
    medianMs: value.medianMs,
    p95Ms: value.p95Ms,
    limit,
    limitMedianMs: limitValue.medianMs,
    ratio: round(value.medianMs / limitValue.medianMs),
    target,
    ...(note ? { note } : {}),
  });
}

for (const size of sizes) {
  const sizeRuns = size >= 100_000 ? Math.min(runs, 3) : runs;
  const dataDir = await mkdtemp(path.join(tmpdir(), `park-desk-bench-${size}-`));
  try {
    const data = generateParkData(size, size);
    if (values['pdf-only']) {
      await writeFile(path.join(dataDir, 'park-desk-data.json'), JSON.stringify(data));
      const browser = await launchBenchBrowser();
      try {
        const figures = await measureDashboardAndPdf(browser, dataDir, sizeRuns, sizeRuns);
        row(size, 'dashboard figures', figures.dashboard, 'one bare pass over all records', figures.barePass, 'for information');
        row(size, 'one MoU summary to PDF', figures.pdf, 'target 1000 ms', { medianMs: 1000, p95Ms: 1000, runs: 1 }, 'median < 1000 ms');
      } finally {
        await browser.close();
      }
      continue;
    }
    if (!values['storage-only'] && !values['reports-only']) {
      // A folder of its own, so the backups the services take on opening stay out of the storage figures.
      const searchDir = path.join(dataDir, 'search');
      await mkdir(searchDir);
      await writeFile(path.join(searchDir, 'park-desk-data.json'), JSON.stringify(data));
      const search = await measureGlobalSearch(searchDir);
      const target = { medianMs: 16, p95Ms: 16, runs: 1 };
      row(size, 'global search keystroke', search.keystroke, 'bare title scan, all records', search.barePass, 'p95 < 16 ms', `${search.keystroke.runs} keystrokes, in main (IPC not included)`);
      row(size, 'global search keystroke, CPU', search.keystrokeCpu, 'bare title scan, all records', search.barePass, 'p95 < 16 ms', 'CPU time of the main process, unaffected by waiting for a core');
      row(size, 'global search after a save', search.afterSave, 'target 16 ms', target, 'p95 < 16 ms', 're-folds the saved record only');
      row(size, 'global search first (cold)', search.firstKeystroke, 'target 1000 ms', { medianMs: 1000, p95Ms: 1000, runs: 1 }, 'for information', 'folds every record once');
      if (values['search-only']) continue;
    }
    if (size <= 10_000 && !values['storage-only']) {
      const browser = await launchBenchBrowser();
      try {
        const r = await measureReports(browser, path.join(dataDir, 'reports'), data, sizeRuns);
        const kb = (r.registerHtmlBytes / 1024).toFixed(0);
        // Beside the dashboard's figures over the same records, so a busy machine shows in the ratio.
        const yardstick = 'dashboard figures, same run';
        row(size, 'park register (rows + HTML)', r.registerHtml, yardstick, r.dashboard, 'median < 2000 ms', `${kb} KiB of HTML`);
        row(size, 'park register spreadsheet (.xlsx)', r.registerSpreadsheet, yardstick, r.dashboard, 'median < 2000 ms');
        row(size, 'progress report (figures + HTML)', r.progressHtml, yardstick, r.dashboard, 'median < 2000 ms', `${r.parksWithReturns} parks with returns`);
        row(size, 'progress report to PDF', r.progressPdf, yardstick, r.dashboard, 'for information');
      } finally {
        await browser.close();
      }
    }
    if (values['reports-only']) continue;
    const storage = await measureStorage(dataDir, data, sizeRuns);
    const mb = (storage.fileBytes / 1e6).toFixed(1);
    row(size, `open (${mb} MB)`, storage.open, 'JSON.parse of the file', storage.openLimit, 'ratio <= 1.5');
    row(
      size,
      'save one proposal',
      storage.save,
      'journal append+fsync, same entry',
      storage.appendLimit,
      'ratio <= 1.3',
      `longest main-process block ${storage.saveLongestBlockMs} ms, event-loop delay max ${storage.saveEventLoopMaxMs} ms (target <= 16)`,
    );
    if (storage.rewriteLimit) row(size, 'save one proposal', storage.save, 'write+fsync+rename whole file', storage.rewriteLimit, 'for comparison', 'what every save cost before the journal');
    row(
      size,
      'compaction (snapshot from memory)',
      storage.compaction,
      'write+fsync+rename whole file',
      storage.rewriteLimit ?? storage.compaction,
      'blocks <= 16 ms',
      `longest main-process block ${storage.compactionLongestBlockMs} ms, event-loop delay max ${storage.compactionEventLoopMaxMs} ms; peak RSS ${storage.compactionPeakRssMb} MB (heap limit ${storage.heapLimitMb} MB)`,
    );
    const importRead = values['no-import'] ? undefined : await measureImportRead(dataDir, data, Math.min(sizeRuns, 3));
    if (importRead) row(size, 'import: read+check (worker)', importRead.worker, 'same on the main thread', importRead.inPlace, 'for information', `longest main-process block ${importRead.workerLongestBlockMs} ms (in place: ${importRead.inPlaceLongestBlockMs} ms)`);
    if (size <= 10_000 && !values['storage-only']) {
      await writeFile(path.join(dataDir, 'park-desk-data.json'), JSON.stringify(data));
      const browser = await launchBenchBrowser();
      try {
        const paint = await measureFirstListPaint(browser, dataDir, Math.min(sizeRuns, 3));
        const target = { medianMs: 1000, p95Ms: 1000, runs: 1 };
        row(size, 'start to first list paint (bridge)', paint.total, 'target 1000 ms', target, 'median < 1000 ms', 'includes the test bridge: DevTools protocol, not IPC');
        row(size, 'list screen paint (rows loaded)', paint.listScreen, 'target 1000 ms', target, 'median < 1000 ms');
        const figures = await measureDashboardAndPdf(browser, dataDir, sizeRuns);
        row(size, 'dashboard figures', figures.dashboard, 'one bare pass over all records', figures.barePass, 'for information');
        row(size, 'one MoU summary to PDF', figures.pdf, 'target 1000 ms', target, 'median < 1000 ms');
        const search = await measureSearchKeystrokes(browser, dataDir, 'faisalabad software');
        row(size, 'search: one keystroke', search.keystroke, 'bare filter of the same rows', search.bareFilter, 'p95 < 16 ms');
      } finally {
        await browser.close();
      }
    }
    const sqlite = measureSqlitePeer(path.join(dataDir, 'peer.sqlite'), data, sizeRuns);
    row(size, 'peer: SQLite open (all rows)', sqlite.open, 'JSON.parse of the file', storage.openLimit, 'for comparison');
    row(size, 'peer: SQLite save one row', sqlite.save, 'journal append+fsync, same entry', storage.appendLimit, 'for comparison');
    row(size, 'save one proposal vs SQLite', storage.save, 'SQLite save one row', sqlite.save, 'ratio <= 1');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

// Built by `npm run bench` (electron-vite build first); a run through tsx alone has no bundle to weigh.
const bundle = await rendererJavaScriptGzipBytes().catch(() => undefined);
const printedBundle = bundle
  ? `renderer JavaScript: ${(bundle.rawBytes / 1024).toFixed(0)} KiB, ${(bundle.gzipBytes / 1024).toFixed(0)} KiB gzipped`
  : 'renderer JavaScript: not built (run through npm run bench to weigh it)';

const pad = (text: string | number, width: number) => String(text).padEnd(width);
console.log(`\nPark Desk benchmark, ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${runs} runs (3 at 100k)\n`);
console.log(
  [pad('size', 8), pad('figure', 32), pad('median ms', 11), pad('p95 ms', 9), pad('limit', 32), pad('limit ms', 10), pad('ratio', 7), 'target'].join(''),
);
for (const r of rows) {
  console.log(
    [pad(r.size, 8), pad(r.figure, 32), pad(r.medianMs, 11), pad(r.p95Ms, 9), pad(r.limit, 32), pad(r.limitMedianMs, 10), pad(r.ratio, 7), r.target, r.note ? `  ${r.note}` : ''].join(''),
  );
}
console.log(`\n${printedBundle}`);
await mkdir(values.out, { recursive: true });
const jsonFile = path.join(values.out, `bench-${new Date().toISOString().slice(0, 10)}.json`);
await writeFile(jsonFile, JSON.stringify({ date: new Date().toISOString(), node: process.version, runs, rows, rendererJavaScript: bundle }, null, 2));
console.log(`\nFigures written to ${jsonFile}`);
