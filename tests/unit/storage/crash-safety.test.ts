import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseBytes } from '../../../electron/services/storage/serialise';
import { bundleWriter, startWriter } from './processes/spawn-writer';
import { useTempDataDir } from '../services/temp-data-dir';
import { savedData, savedHistory } from '../../support/saved-data';
import { ParkStore } from '../../../electron/services/storage/park-store';

const makeDir = useTempDataDir();
const DATA_FILE = 'park-desk-data.json';
let bundle: string;

beforeAll(async () => {
  bundle = await bundleWriter();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a writer killed with SIGKILL at random moments', () => {
  /**
   * One data folder killed `rounds` times over. After each kill: every acknowledged save is in
   * what opening would find (data file plus journal), and the hash chain verifies.
   */
  async function killRepeatedly(rounds: number, mode?: 'compact'): Promise<{ acknowledged: number; killedWhileWriting: number; killedWhileCompacting: number }> {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE);
    const acknowledged = new Set<string>();
    let killedWhileWriting = 0;
    let killedWhileCompacting = 0;

    for (let round = 0; round < rounds; round += 1) {
      const writer = startWriter(bundle, dir, `r${round}`, undefined, mode);
      // Saving: one round in ten dies during start-up (lock, clean-up, replay, session backup); the rest
      // somewhere in a run of saves (after "ready" the writer does nothing but save, one after another).
      const duringStartUp = mode !== 'compact' && round % 10 === 0;
      if (!duringStartUp) await Promise.race([writer.ready, writer.exited]);
      await sleep(Math.random() * 60);
      writer.child.kill('SIGKILL');
      const exit = await writer.exited;
      expect(exit.code === 0 || exit.signal === 'SIGKILL', writer.lines.join('\n')).toBe(true);
      expect(writer.lines.filter((l) => l.startsWith('error') || l.startsWith('refused') || l.startsWith('stderr')), `round ${round}`).toEqual([]);
      for (const id of writer.acked) acknowledged.add(id);
      if (writer.lines.includes('ready') && !writer.lines.includes('done')) killedWhileWriting += 1;
      if (writer.lines.filter((l) => l.startsWith('compact')).at(-1) === 'compacting') killedWhileCompacting += 1;

      const saved = await savedData(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
      if (saved === undefined) {
        expect(acknowledged.size, `round ${round}: nothing saved after acknowledged writes`).toBe(0);
        continue;
      }
      const stored = new Set(saved.proposals.map((p) => p.id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing, `round ${round}: acknowledged writes missing`).toEqual([]);
      expect(await savedHistory(file), `round ${round}: the chain`).toMatchObject({ ok: true });
    }

    // A last writer opens what the kills left, replays it and closes (compacting): everything is there, the chain verifies.
    const last = startWriter(bundle, dir, 'last', 1, mode);
    expect((await last.exited).code, last.lines.join('\n')).toBe(0);
    const store = await ParkStore.open(file);
    // A save made durable just before the kill, but not yet reported, may be there too.
    expect(store.data.proposals.length).toBeGreaterThanOrEqual(acknowledged.size + 1);
    expect(await store.verifyHistory()).toMatchObject({ ok: true, entries: store.data.proposals.length });
    await store.close();
    expect(readDatabaseBytes(await readFile(file)).kind).toBe('ok');
    // Temp files of killed writers are removed by the next start; only the last writer's can remain.
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(2);
    return { acknowledged: acknowledged.size, killedWhileWriting, killedWhileCompacting };
  }

  it('during saves, over 100 times: every acknowledged save is there and the chain verifies', async () => {
    const started = Date.now();
    // Two folders side by side (one per core), 57 kills each, 51 of them while saving.
    const lanes = await Promise.all([killRepeatedly(57), killRepeatedly(57)]);
    const acknowledged = lanes.reduce((sum, lane) => sum + lane.acknowledged, 0);
    const whileWriting = lanes.reduce((sum, lane) => sum + lane.killedWhileWriting, 0);
    expect(acknowledged).toBeGreaterThan(100);
    expect(whileWriting).toBeGreaterThanOrEqual(100);
    console.log(`crash test (saves): 114 kills, ${acknowledged} acknowledged saves, ${whileWriting} kills mid-run, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  it('during compactions, at least 100 times: every acknowledged save is there and the chain verifies', async () => {
    const started = Date.now();
    const lanes = await Promise.all([killRepeatedly(56, 'compact'), killRepeatedly(56, 'compact')]);
    const acknowledged = lanes.reduce((sum, lane) => sum + lane.acknowledged, 0);
    const whileCompacting = lanes.reduce((sum, lane) => sum + lane.killedWhileCompacting, 0);
    expect(acknowledged).toBeGreaterThan(100);
    expect(whileCompacting).toBeGreaterThanOrEqual(100);
    console.log(`crash test (compactions): 112 kills, ${whileCompacting} during a compaction, ${acknowledged} acknowledged saves, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});

describe('two processes on one data file', () => {
  it('refuses the second, which never writes, and loses no acknowledged write of the first', async () => {
    const dir = await makeDir();
    // The first holds the file after its writes until told, so on a loaded machine it cannot
    // finish (and let go) before the second has even started.
    const first = startWriter(bundle, dir, 'first', 300, 'hold');
    await first.ready;
    const second = startWriter(bundle, dir, 'second', 5);
    const secondExit = await second.exited;
    first.child.stdin!.end();
    expect(secondExit.code).toBe(3);
    expect(second.lines[0]).toMatch(/^refused The data file .* is in use by Park Desk on computer .* \(user .*, process \d+\)/);
    expect(second.acked).toEqual([]);

    expect((await first.exited).code).toBe(0);
    const stored = await savedData(path.join(dir, DATA_FILE));
    expect(stored.proposals.map((p) => p.id)).toEqual(first.acked);
    expect(first.acked).toHaveLength(300);
    expect(stored.proposals.some((p) => p.fields.referenceNumber.startsWith('second'))).toBe(false);

    // Once the first has closed, the next writer gets the file.
    const third = startWriter(bundle, dir, 'third', 1);
    expect((await third.exited).code).toBe(0);
    expect(third.acked).toHaveLength(1);
  }, 60_000);
});
