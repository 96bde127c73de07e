import { spawn } from 'node:child_process';
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireDataFileLock, DataFileInUseError, type DataFileLock } from '../../../electron/services/storage/data-file-lock';
import { ParkStore } from '../../../electron/services/storage/park-store';
import { systemProcessProbe } from '../../../electron/services/storage/process-probe';
import { nodeStorageFs, type StorageFs } from '../../../electron/services/storage/storage-fs';
import { errnoError, FatStickFs } from '../../support/faulty-fs';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const DATA_FILE = 'park-desk-data.json';
const DEAD_PID = 2 ** 22 + 12345; // above Linux's pid_max default, so never a live process

async function bootId(): Promise<string> {
  return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim();
}

/** A live process that is not Park Desk: what an old pid may belong to after a power cut. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

const children: { stop(): void }[] = [];
afterEach(() => {
  children.splice(0).forEach((c) => c.stop());
  vi.restoreAllMocks();
});

async function writeLock(file: string, holder: Record<string, unknown>, ageMs = 0): Promise<void> {
  await writeFile(`${file}.lock`, JSON.stringify({ host: os.hostname(), user: 'ayesha', since: '2026-11-20T09:00:00Z', token: 'left-behind', ...holder }));
  const at = new Date(Date.now() - ageMs);
  await utimes(`${file}.lock`, at, at);
}

describe.runIf(process.platform === 'linux')('a lock left by a shutdown or power cut on this computer (Linux)', () => {
  it('is taken over when its pid now belongs to a process started later', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const other = otherProcess();
    children.push(other);
    // The old Park Desk recorded its own start time; the process now under that pid started at another.
    await writeLock(file, { pid: other.pid, startTicks: '1', bootId: await bootId() });
    const store = await ParkStore.open(file);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, token: expect.not.stringMatching('left-behind') });
    await store.close();
  });

  it('is taken over when it was written in an earlier boot, whatever runs under its pid now', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const other = otherProcess();
    children.push(other);
    await writeLock(file, { pid: other.pid, startTicks: '1', bootId: '00000000-0000-0000-0000-000000000000' });
    const store = await ParkStore.open(file);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('records the holder’s start time and boot, and respects a holder that still runs with them', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const first = await ParkStore.open(file);
    const lock = JSON.parse(await readFile(`${file}.lock`, 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, startTicks: expect.stringMatching(/^\d+$/), bootId: await bootId() });
    await expect(ParkStore.open(file)).rejects.toBeInstanceOf(DataFileInUseError);
    await first.close();
  });
});

describe('a lock on Windows, where another user’s process answers EPERM', () => {
  const eperm = () => {
    // Windows: OpenProcess on a pid that is now some other user's process is refused.
    vi.spyOn(process, 'kill').mockImplementation((pid) => {
      throw errnoError('EPERM', 'kill', String(pid));
    });
    return systemProcessProbe({ platform: 'win32' });
  };

  it('is taken over once it has not been refreshed for longer than the threshold (the holder is gone)', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    await writeLock(file, { pid: 4242 }, 5 * 60_000);
    const store = await ParkStore.open(file, { processProbe: eperm() });
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('is respected while it is fresh (its holder may still run), with a message that asks for no hidden file to be deleted', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    await writeLock(file, { pid: 4242 }, 5_000);
    const refused = await ParkStore.open(file, { processProbe: eperm() }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFileInUseError);
    expect((refused as Error).message).toMatch(/start Park Desk again in a minute/);
    expect((refused as Error).message).not.toMatch(/delete/);
  });

  it('is kept fresh by its holder, so a living holder is never judged stale', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const held = await acquireDataFileLock(file, { refreshMs: 20 });
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(held.lockFile, old, old);
    await vi.waitFor(async () => expect(Date.now() - (await stat(held.lockFile)).mtimeMs).toBeLessThan(60_000));
    await expect(acquireDataFileLock(file, { probe: eperm() })).rejects.toBeInstanceOf(DataFileInUseError);
    await held.release();
  });
});

/** Node's fs, except that removing the lock file waits at a gate: a process paused just before it deletes. */
function pausedBeforeDeletingLock(): { fs: StorageFs; reached: Promise<void>; release: () => void } {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const fs: StorageFs = {
    ...nodeStorageFs,
    unlink: async (file) => {
      if (file.endsWith('.lock')) {
        reached();
        await released;
      }
      return nodeStorageFs.unlink(file);
    },
  };
  return { fs, reached: reachedPromise, release };
}

describe('two processes taking over the same stale lock', () => {
  it('end with exactly one holder: neither deletes the lock the other has just made', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    await writeLock(file, { pid: DEAD_PID });
    // B judges the lock stale and is paused just before deleting it...
    const paused = pausedBeforeDeletingLock();
    const b = acquireDataFileLock(file, paused.fs).then(
      (lock) => ({ lock }),
      (error: unknown) => ({ error }),
    );
    await paused.reached;
    // ...while A judges it stale too and finishes its takeover.
    const a = await acquireDataFileLock(file).then(
      (lock) => ({ lock }),
      (error: unknown) => ({ error }),
    );
    paused.release();
    const outcomes = [a, await b];
    const winners = outcomes.filter((o): o is { lock: DataFileLock } => 'lock' in o);
    expect(winners).toHaveLength(1);
    expect(outcomes.find((o) => 'error' in o)).toMatchObject({ error: expect.any(DataFileInUseError) });
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).token).toBe(winners[0]!.lock.holder.token);
    await winners[0]!.lock.release();
  });
});

describe('a data folder on a FAT32/exFAT USB stick (no hard links, no permission bits)', () => {
  it('opens, saves and reopens, and a lock left behind there is taken over', async () => {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE);
    const fs = new FatStickFs();
    const store = await ParkStore.open(file, { fs });
    await store.update((db) => {
      db.settings.officialName = 'Ayesha';
    });
    await store.close();
    await writeLock(file, { pid: DEAD_PID });
    const again = await ParkStore.open(file, { fs });
    expect(again.data.settings.officialName).toBe('Ayesha');
    await again.close();
    expect(fs.linkAttempts).toBe(0);
  });
});

describe('a holder whose lock was taken from it', () => {
  it('notices at its next refresh and refuses to save over the other copy’s data', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const store = await ParkStore.open(file, { lockRefreshMs: 20 });
    // Someone deleted the lock by hand and another copy started.
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 1, host: 'PSEB-PC-07', user: 'asad', since: '2026-11-25T09:00:00Z', token: 'other' }));
    await vi.waitFor(async () => {
      expect(await store.update((db) => void (db.settings.officialName = 'x')).catch((error: unknown) => (error as Error).message)).toMatch(/Another copy of Park Desk has opened the data file/);
    });
    await store.close();
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).token).toBe('other');
  });
});

describe('a lock deleted by hand while its holder runs', () => {
  it('is made again by the holder at its next refresh, which goes on saving', async () => {
    const file = path.join(await makeDir(), DATA_FILE);
    const store = await ParkStore.open(file, { lockRefreshMs: 20 });
    const token = JSON.parse(await readFile(`${file}.lock`, 'utf8')).token;
    await rm(`${file}.lock`);
    await vi.waitFor(async () => expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).token).toBe(token));
    await store.update((db) => void (db.settings.officialName = 'Ayesha'));
    await store.close();
    await expect(readFile(`${file}.lock`)).rejects.toThrow(/ENOENT/);
  });
});
