import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import type { Database } from '../../shared/domain/database';
import type { Proposal } from '../../shared/domain/proposal';
import { exportText, readExportText } from '../../electron/services/exchange/export-file';
import { readImportFile } from '../../electron/services/exchange/import-reader';
import { writeBytesDurably } from './durable-write-baseline';
import { longestBlockDuring, summarise, timeRuns, type Timing } from './measure';

export interface StorageFigures {
  fileBytes: number;
  open: Timing;
  openLimit: Timing;
  save: Timing;
  saveLimit: Timing;
  saveLongestBlockMs: number;
}

/** Open and save as the app does them (through the contract's dispatcher), each beside its limit. */
export async function measureStorage(dataDir: string, data: Database, runs: number): Promise<StorageFigures> {
  const file = path.join(dataDir, DATA_FILE_NAME);
  await writeFile(file, JSON.stringify(data));
  const fileBytes = (await stat(file)).size;

  const openLimit = await timeRuns(runs, async () => JSON.parse(await readFile(file, 'utf8')));
  const open = await timeRuns(runs, async () => {
    const services = await openParkServices({ dataDir, appVersion: 'bench' });
    await services.close();
  });

  const services = await openParkServices({ dataDir, appVersion: 'bench' });
  const saveSamples: number[] = [];
  const limitSamples: number[] = [];
  let longestBlockMs = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const target = services.store.data.proposals[(i * 7919) % services.store.data.proposals.length] as Proposal;
      const input = { id: target.id, expectedUpdatedAt: target.updatedAt, fields: { ...target.fields, notes: `Edited in run ${i}` } };
      const start = performance.now();
      const { result, longestBlockMs: block } = await longestBlockDuring(() => services.dispatch('updateProposal', input));
      saveSamples.push(performance.now() - start);
      if (!result.ok) throw new Error(`save failed: ${result.error.message}`);
      longestBlockMs = Math.max(longestBlockMs, block);

      const bytes = await readFile(file);
      const limitFile = path.join(dataDir, 'baseline.json');
      const limitStart = performance.now();
      await writeBytesDurably(limitFile, bytes);
      limitSamples.push(performance.now() - limitStart);
      await rm(limitFile);
    }
  } finally {
    await services.close();
  }
  return { fileBytes, open, openLimit, save: summarise(saveSamples), saveLimit: summarise(limitSamples), saveLongestBlockMs: longestBlockMs };
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
