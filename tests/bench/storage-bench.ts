import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { journalPathOf } from '../../electron/services/storage/journal';
import { databaseBytes } from '../../electron/services/storage/serialise';
import path from 'node:path';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import type { Database } from '../../shared/domain/database';
import type { Proposal } from '../../shared/domain/proposal';
import { exportText, readExportText } from '../../electron/services/exchange/export-file';
import { readImportFile } from '../../electron/services/exchange/import-reader';
import { writeBytesDurably } from './durable-write-baseline';
import { longestBlockDuring, round, summarise, timeRuns, type Timing } from './measure';

export interface StorageFigures {
  fileBytes: number;
  open: Timing;
  openLimit: Timing;
  save: Timing;
  /** One append+fsync of the same journal entry to a file of its own: the floor for a durable save. */
  appendLimit: Timing;
  /** The whole file written, fsynced and renamed (what a save cost before the journal); not measured at 100k. */
  rewriteLimit: Timing | undefined;
  saveLongestBlockMs: number;
  /** perf_hooks.monitorEventLoopDelay's largest delay over all the saves. */
  saveEventLoopMaxMs: number;
  compaction: Timing;
  compactionLongestBlockMs: number;
  compactionEventLoopMaxMs: number;
  /** Peak resident memory seen while compacting, and the heap limit. */
  compactionPeakRssMb: number;
  heapLimitMb: number;
}

/** The last line of the journal: the entry the last save appended. */
async function lastJournalLine(dataFile: string): Promise<Buffer> {
  const bytes = await readFile(journalPathOf(dataFile));
  const end = bytes.length - 1;
  return bytes.subarray(bytes.lastIndexOf(0x0a, end - 1) + 1);
}

/** Open and save as the app does them (through the contract's dispatcher), each beside its limit. */
export async function measureStorage(dataDir: string, data: Database, runs: number): Promise<StorageFigures> {
  const file = path.join(dataDir, DATA_FILE_NAME);
  await writeFile(file, JSON.stringify(data));
  const fileBytes = (await stat(file)).size;

  const openLimit = await timeRuns(runs, async () => JSON.parse(await readFile(file, 'utf8')));
  const openTiming = await timeRuns(runs, async () => {
    const services = await openParkServices({ dataDir, appVersion: 'bench' });
    await services.close();
  });

  const services = await openParkServices({ dataDir, appVersion: 'bench' });
  const saveSamples: number[] = [];
  const appendSamples: number[] = [];
  const rewriteSamples: number[] = [];
  const compactionSamples: number[] = [];
  let longestBlockMs = 0;
  let compactionLongestBlockMs = 0;
  let peakRss = 0;
  let saveEventLoopMaxMs = 0;
  let compactionEventLoopMaxMs = 0;
  const ms = (histogram: ReturnType<typeof monitorEventLoopDelay>) => round(histogram.max / 1e6);
  const appendFile = path.join(dataDir, 'baseline.journal');
  try {
    for (let i = 0; i < runs; i++) {
      const target = services.store.data.proposals[(i * 7919) % services.store.data.proposals.length] as Proposal;
      const input = { id: target.id, expectedUpdatedAt: target.updatedAt, fields: { ...target.fields, notes: `Edited in run ${i}` } };
      // A fresh histogram per save, so time between saves (the whole-file baseline below) never counts.
      const saveDelay = monitorEventLoopDelay({ resolution: 1 });
      saveDelay.enable();
      const start = performance.now();
      const { result, longestBlockMs: block } = await longestBlockDuring(() => services.dispatch('updateProposal', input));
      saveSamples.push(performance.now() - start);
      saveDelay.disable();
      saveEventLoopMaxMs = Math.max(saveEventLoopMaxMs, ms(saveDelay));
      if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
      longestBlockMs = Math.max(longestBlockMs, block);

      // The floor: the same entry's bytes appended to a journal of its own and fsynced.
      const entry = await lastJournalLine(file);
      const handle = await open(appendFile, 'a', 0o600);
      const appendStart = performance.now();
      await handle.writeFile(entry);
      await handle.sync();
      appendSamples.push(performance.now() - appendStart);
      await handle.close();

      if (data.proposals.length < 100_000) {
        const bytes = databaseBytes(services.store.data);
        const limitFile = path.join(dataDir, 'baseline.json');
        const limitStart = performance.now();
        await writeBytesDurably(limitFile, bytes);
        rewriteSamples.push(performance.now() - limitStart);
        await rm(limitFile);
      }
    }
    // Compaction: the snapshot written from memory while the app goes on answering.
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const target = services.store.data.proposals[i] as Proposal;
      const saved = await services.dispatch('updateProposal', { id: target.id, expectedUpdatedAt: target.updatedAt, fields: { ...target.fields, notes: `Before compaction ${i}` } });
      if (!saved.ok) throw new Error(`save failed: ${saved.error.message}`);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 20);
      const compactionDelay = monitorEventLoopDelay({ resolution: 1 });
      compactionDelay.enable();
      const start = performance.now();
      const { result: compacted, longestBlockMs: block } = await longestBlockDuring(() => services.store.compactNow());
      compactionSamples.push(performance.now() - start);
      compactionDelay.disable();
      compactionEventLoopMaxMs = Math.max(compactionEventLoopMaxMs, ms(compactionDelay));
      clearInterval(sampler);
      if (!compacted) throw new Error('nothing was compacted');
      compactionLongestBlockMs = Math.max(compactionLongestBlockMs, block);
    }
  } finally {
    await services.close();
    await rm(appendFile, { force: true });
  }
  return {
    fileBytes,
    open: openTiming,
    openLimit,
    save: summarise(saveSamples),
    appendLimit: summarise(appendSamples),
    rewriteLimit: rewriteSamples.length > 0 ? summarise(rewriteSamples) : undefined,
    saveLongestBlockMs: longestBlockMs,
    saveEventLoopMaxMs,
    compaction: summarise(compactionSamples),
    compactionLongestBlockMs,
    compactionEventLoopMaxMs,
    compactionPeakRssMb: Math.round(peakRss / 1e6),
    heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1e6),
  };
}

export interface ImportReadFigures {
  worker: Timing;
  inPlace: Timing;
  workerLongestBlockMs: number;
  inPlaceLongestBlockMs: number;
}

/** Reading a file to import: in the worker (as the app does) beside the same read, parse and validation on the main thread. */
export async function measureImportRead(dataDir: string, data: Database, runs: number): Promise<ImportReadFigures> {
  const file = path.join(dataDir, 'bench-export.json');
  await writeFile(file, exportText(data, new Date().toISOString(), 'bench'));
  let workerLongestBlockMs = 0;
  let inPlaceLongestBlockMs = 0;
  const worker = await timeRuns(runs, async () => {
    const { result, longestBlockMs } = await longestBlockDuring(() => readImportFile(file));
    if (result.kind !== 'ok') throw new Error('the export did not read back');
    workerLongestBlockMs = Math.max(workerLongestBlockMs, longestBlockMs);
  });
  const inPlace = await timeRuns(runs, async () => {
    const { longestBlockMs } = await longestBlockDuring(async () => readExportText(await readFile(file, 'utf8')));
    inPlaceLongestBlockMs = Math.max(inPlaceLongestBlockMs, longestBlockMs);
  });
  await rm(file);
  return { worker, inPlace, workerLongestBlockMs, inPlaceLongestBlockMs };
}
