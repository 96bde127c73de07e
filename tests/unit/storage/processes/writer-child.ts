/**
 * A Park Desk writer in a process of its own, for the crash and two-writer tests.
 *   node writer-child.mjs <dataDir> <label> [maxWrites] [hold]
 * Prints "ready" once it holds the data file, then "ack <id>" after each update that resolved
 * (the only writes the parent may expect to find), or "refused <message>" when the file is in use.
 * With "hold" it keeps the file open after its writes until its standard input ends.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { DataFileInUseError, ParkStore } from '../../../../electron/services/storage/park-store';

const [dataDir, label, maxWritesText, holdArg] = process.argv.slice(2);
const maxWrites = maxWritesText ? Number(maxWritesText) : Number.POSITIVE_INFINITY;
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
if (holdArg === 'hold') {
  await write('holding');
  process.stdin.resume();
  await new Promise((resolve) => process.stdin.on('end', resolve));
}
await store.close();
await write('done');
