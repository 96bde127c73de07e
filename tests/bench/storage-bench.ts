import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DATA_FILE_NAME, openParkServices } from '../../electron/services/park-services';
import type { Database } from '../../shared/domain/database';
import type { Proposal } from '../../shared/domain/proposal';
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
