import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseBytes } from '../../../electron/services/storage/serialise';
import { bundleWriter, startWriter } from './processes/spawn-writer';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const DATA_FILE = 'park-desk-data.json';
let bundle: string;

beforeAll(async () => {
  bundle = await bundleWriter();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a writer killed with SIGKILL at random moments', () => {
  /** One data folder killed `rounds` times over; returns how many writes were acknowledged. */
  async function killRepeatedly(rounds: number): Promise<{ acknowledged: number; killedWhileWriting: number }> {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE);
    const acknowledged = new Set<string>();
    let killedWhileWriting = 0;

    for (let round = 0; round < rounds; round += 1) {
      const writer = startWriter(bundle, dir, `r${round}`);
      // One round in ten dies during start-up (lock, clean-up, session backup); the rest somewhere in a run of writes.
      if (round % 10 !== 0) await Promise.race([writer.ready, writer.exited]);
      await sleep(Math.random() * 60);
      writer.child.kill('SIGKILL');
      const exit = await writer.exited;
      expect(exit.code === 0 || exit.signal === 'SIGKILL', writer.lines.join('\n')).toBe(true);
      expect(writer.lines.filter((l) => l.startsWith('error') || l.startsWith('refused')), `round ${round}`).toEqual([]);
      for (const id of writer.acked) acknowledged.add(id);
      if (writer.acked.length > 0) killedWhileWriting += 1;

      const text = await readFile(file, 'utf8').catch(() => null);
      if (text === null) {
        expect(acknowledged.size, `round ${round}: no file after acknowledged writes`).toBe(0);
        continue;
      }
      const stored = new Set((JSON.parse(text) as { proposals: { id: string }[] }).proposals.map((p) => p.id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing, `round ${round}: acknowledged writes missing`).toEqual([]);
    }

    expect(readDatabaseBytes(await readFile(file)).kind).toBe('ok');
    // Temp files of killed writers are removed by the next start; only the last writer's can remain.
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(2);
    return { acknowledged: acknowledged.size, killedWhileWriting };
  }

  it('leaves, 200 times over, a file that parses and holds every acknowledged write', async () => {
    const started = Date.now();
    // Two folders side by side (one per core), 100 kills each.
    const lanes = await Promise.all([killRepeatedly(100), killRepeatedly(100)]);
    const acknowledged = lanes.reduce((sum, lane) => sum + lane.acknowledged, 0);
    const whileWriting = lanes.reduce((sum, lane) => sum + lane.killedWhileWriting, 0);
    expect(acknowledged).toBeGreaterThan(100);
    expect(whileWriting).toBeGreaterThan(50);
    console.log(`crash test: 200 kills, ${acknowledged} acknowledged writes, ${whileWriting} kills mid-run, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);
});

describe('two processes on one data file', () => {
  it('refuses the second, which never writes, and loses no acknowledged write of the first', async () => {
    const dir = await makeDir();
    // The first holds the file after its writes until told, so on a loaded machine it cannot
    // finish (and let go) before the second has even started.
    const first = startWriter(bundle, dir, 'first', 300, true);
    await first.ready;
    const second = startWriter(bundle, dir, 'second', 5);
    const secondExit = await second.exited;
    first.child.stdin!.end();
    expect(secondExit.code).toBe(3);
    expect(second.lines[0]).toMatch(/^refused The data file .* is in use by Park Desk on computer .* \(user .*, process \d+\)/);
    expect(second.acked).toEqual([]);

    expect((await first.exited).code).toBe(0);
    const stored = JSON.parse(await readFile(path.join(dir, DATA_FILE), 'utf8')) as { proposals: { id: string; fields: { referenceNumber: string } }[] };
    expect(stored.proposals.map((p) => p.id)).toEqual(first.acked);
    expect(first.acked).toHaveLength(300);
    expect(stored.proposals.some((p) => p.fields.referenceNumber.startsWith('second'))).toBe(false);

    // Once the first has closed, the next writer gets the file.
    const third = startWriter(bundle, dir, 'third', 1);
    expect((await third.exited).code).toBe(0);
    expect(third.acked).toHaveLength(1);
  }, 60_000);
});
