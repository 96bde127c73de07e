import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openParkServices, type ParkServices } from '../../electron/services/park-services';
import type { SyncStatus } from '../../shared/api/calls/sync-calls';
import type { Result } from '../../shared/api/result';
import { startTestCouch } from '../support/couch-server';
import { createMemorySecretStore } from '../support/test-platform';
import { generateParkData } from './generate-park-data';
import { summarise, timeRuns, type Timing } from './measure';

export interface SyncFigures {
  /** PC A pushes `count` changed records (one `_bulk_docs` per 250). */
  push: Timing;
  /** PC B pulls them (`_changes`, 250 a page) into its store. */
  pull: Timing;
  /** One field changed on A until B holds it: A's sync, then B's (the timer's wait left out). */
  oneChange: Timing;
  server: string;
}

const ok = <T>(result: unknown): T => {
  const r = result as Result<T>;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/**
 * Two data folders and one server of the CouchDB protocol on loopback (pouchdb-server, or
 * COUCHDB_URL): the time to sync `count` changed records each way, and for one change on one PC
 * to reach the other. Each run uses a fresh database so every push is of `count` new records.
 */
export async function measureSync(count: number, runs: number): Promise<SyncFigures> {
  const couch = await startTestCouch();
  const pushes: number[] = [];
  const pulls: number[] = [];
  const opened: ParkServices[] = [];
  const dirs: string[] = [];
  try {
    let pair: { a: ParkServices; b: ParkServices } | undefined;
    for (let run = 0; run < runs; run++) {
      const database = await couch.createDatabase({ amina: 'amina-pw', bilal: 'bilal-pw' });
      const open = async (user: string) => {
        const dir = await mkdtemp(path.join(tmpdir(), 'park-desk-sync-bench-'));
        dirs.push(dir);
        const services = await openParkServices({ dataDir: dir, appVersion: 'bench', platform: { secretStore: createMemorySecretStore() }, sync: { intervalMs: 0 } });
        opened.push(services);
        ok(await services.dispatch('saveSyncSettings', { serverUrl: couch.url, database, userName: user, password: `${user}-pw` }));
        return services;
      };
      const a = await open('amina');
      const b = await open('bilal');
      const data = generateParkData(count, 0, 2021 + run);
      await a.store.update((db) => void db.proposals.push(...data.proposals));
      let start = performance.now();
      const pushed = ok<SyncStatus>(await a.dispatch('syncNow', {}));
      pushes.push(performance.now() - start);
      if (pushed.waitingChanges !== 0) throw new Error(`push left ${pushed.waitingChanges} waiting`);
      start = performance.now();
      ok(await b.dispatch('syncNow', {}));
      pulls.push(performance.now() - start);
      if (b.store.data.proposals.length !== count) throw new Error(`pull brought ${b.store.data.proposals.length} of ${count}`);
      pair = { a, b };
    }
    const { a, b } = pair!;
    let n = 0;
    const oneChange = await timeRuns(runs, async () => {
      n += 1;
      const target = a.store.data.proposals[n]!;
      await a.store.update((db) => void (db.proposals[n]!.fields.notes = `change ${n}`));
      ok(await a.dispatch('syncNow', {}));
      ok(await b.dispatch('syncNow', {}));
      if (b.store.data.proposals.find((p) => p.id === target.id)?.fields.notes !== `change ${n}`) throw new Error('the change did not arrive');
    });
    return { push: summarise(pushes), pull: summarise(pulls), oneChange, server: process.env.COUCHDB_URL ? 'CouchDB (COUCHDB_URL)' : 'pouchdb-server on loopback' };
  } finally {
    for (const services of opened) await services.close();
    await couch.stop();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
}
