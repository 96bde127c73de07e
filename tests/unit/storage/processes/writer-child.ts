/**
 * A Park Desk writer in a process of its own, for the crash and two-writer tests.
 *   node writer-child.mjs <dataDir> <label> [maxWrites] [compact]
 * Prints "ready" once it holds the data file, then "ack <id>" after each update that resolved
 * (the only writes the parent may expect to find), or "refused <message>" when the file is in use.
 * With `compact`, it also compacts again and again while it saves, printing "compacting" before
 * each compaction and "compacted" after, so the parent knows when a kill landed in one.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataFileInUseError, ParkStore } from '../../../../electron/services/storage/park-store';

const [dataDir, label, maxWritesText, mode] = process.argv.slice(2);
const maxWrites = maxWritesText && maxWritesText !== 'unlimited' ? Number(maxWritesText) : Number.POSITIVE_INFINITY;
const write = (line: string) => new Promise<void>((resolve) => process.stdout.write(`${line}\n`, () => resolve()));

let store: ParkStore;
try {
  store = await ParkStore.open(path.join(dataDir!, 'park-desk-data.json'));
} catch (error) {
  if (error instanceof DataFileInUseError) {
    await write(`refused ${error.message}`);
    process.exit(3);
  }
  await write(`error ${(error as Error).message}`);
  process.exit(2);
}
await write('ready');

let stopped = false;
const compacting =
  mode === 'compact'
    ? (async () => {
        while (!stopped) {
          if (store.lastEntry.seq === 0) {
            await new Promise((resolve) => setTimeout(resolve, 1));
            continue;
          }
          await write('compacting');
          const did = await store.compactNow();
          await write(did ? 'compacted' : 'compacted nothing');
          if (!did) await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })()
    : Promise.resolve();

for (let n = 1; n <= maxWrites; n += 1) {
  const id = randomUUID();
  const at = new Date().toISOString();
  await store.update((db) => {
    db.proposals.push({
      id,
      createdAt: at,
      updatedAt: at,
      fields: { referenceNumber: `${label}-${n}`, title: 'Crash test', city: 'Lahore', province: 'Punjab', grossAreaSqFt: n },
      stageHistory: [{ at, from: null, to: 'received', by: label!, note: '' }],
    });
  });
  await write(`ack ${id}`);
}
stopped = true;
await compacting;
await store.close();
await write('done');
