import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile, removeLeftoverTempFiles, writeFileDurably } from '../../../electron/services/storage/durable-file';
import { BUSY_RETRY_DELAYS_MS } from '../../../electron/services/storage/storage-fs';
import { FaultyFs, type FaultCode, type FaultStep } from '../../support/faulty-fs';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();

describe('writeFileDurably', () => {
  it('replaces the file whole, owner-only (0600), leaving no temp file behind', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'data.json');
    await writeFile(file, 'old');
    await writeFileDurably(file, 'new contents, اردو');
    expect(await readFile(file, 'utf8')).toBe('new contents, اردو');
    expect(await readdir(dir)).toEqual(['data.json']);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  const steps: FaultStep[] = ['open', 'write', 'sync', 'rename'];
  const codes: FaultCode[] = ['ENOSPC', 'EROFS', 'EACCES'];
  for (const step of steps) {
    for (const code of codes) {
      it(`leaves the old file and no temp file when ${step} fails with ${code}`, async () => {
        const dir = await makeDir();
        const file = path.join(dir, 'data.json');
        await writeFile(file, 'old bytes');
        const fs = new FaultyFs();
        fs.fault = { code, step };
        await expect(writeFileDurably(file, 'new bytes that will not fit', fs)).rejects.toMatchObject({ code });
        // A refused rename may be an antivirus holding the file for a moment: tried again, a bounded number of times.
        expect(fs.raised).toBe(step === 'rename' && code === 'EACCES' ? 1 + BUSY_RETRY_DELAYS_MS.length : 1);
        expect(await readFile(file, 'utf8')).toBe('old bytes');
        expect(await readdir(dir)).toEqual(['data.json']);
      });
    }
  }
});

describe('a data file held for a moment by an antivirus, the search indexer or OneDrive', () => {
  for (const code of ['EPERM', 'EBUSY', 'EACCES'] as const) {
    it(`(${code} on the rename, three times) is saved once the file is let go`, async () => {
      const dir = await makeDir();
      const file = path.join(dir, 'data.json');
      await writeFile(file, 'old bytes');
      const fs = new FaultyFs();
      fs.fault = { code, step: 'rename', times: 3 };
      await writeFileDurably(file, 'new bytes', fs);
      expect(fs.raised).toBe(3);
      expect(await readFile(file, 'utf8')).toBe('new bytes');
      expect(await readdir(dir)).toEqual(['data.json']);
    });
  }

  it('gives up after a bounded number of tries when the file stays held, leaving the old file', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'data.json');
    await writeFile(file, 'old bytes');
    const fs = new FaultyFs();
    fs.fault = { code: 'EBUSY', step: 'rename' };
    await expect(writeFileDurably(file, 'new bytes', fs)).rejects.toMatchObject({ code: 'EBUSY' });
    expect(fs.raised).toBe(1 + BUSY_RETRY_DELAYS_MS.length);
    expect(await readFile(file, 'utf8')).toBe('old bytes');
    expect(await readdir(dir)).toEqual(['data.json']);
  });
});

describe('removeLeftoverTempFiles', () => {
  it('removes only the temp files of that data file', async () => {
    const dir = await makeDir();
    const file = path.join(dir, 'data.json');
    const names = ['data.json', 'data.json.0123456789abcdef.tmp', 'data.json.lock.fedcba9876543210.tmp', 'data.json.notours.tmp', 'other.json.0123456789abcdef.tmp', 'notes.txt'];
    for (const name of names) await writeFile(path.join(dir, name), 'x');
    const old = new Date(Date.now() - 120_000);
    await utimes(path.join(dir, 'data.json.lock.fedcba9876543210.tmp'), old, old);
    await writeFile(path.join(dir, 'data.json.lock.aaaaaaaaaaaaaaaa.tmp'), 'another process is taking the lock right now');
    expect((await removeLeftoverTempFiles(file)).sort()).toEqual(['data.json.0123456789abcdef.tmp', 'data.json.lock.fedcba9876543210.tmp']);
    expect((await readdir(dir)).sort()).toEqual(['data.json', 'data.json.lock.aaaaaaaaaaaaaaaa.tmp', 'data.json.notours.tmp', 'notes.txt', 'other.json.0123456789abcdef.tmp']);
  });
});

describe('DurableJsonFile as a lowdb adapter', () => {
  it('reads null for a missing file and round-trips data through Low', async () => {
    const file = path.join(await makeDir(), 'data.json');
    const adapter = new DurableJsonFile<{ n: number }>(file, { parse: JSON.parse, stringify: JSON.stringify });
    const db = new Low(adapter, { n: 0 });
    await db.read();
    expect(db.data).toEqual({ n: 0 });
    db.data.n = 7;
    await db.write();
    const again = new Low(new DurableJsonFile<{ n: number }>(file, { parse: JSON.parse, stringify: JSON.stringify }), { n: 0 });
    await again.read();
    expect(again.data).toEqual({ n: 7 });
  });
});
