import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { DataFileError, DataFileInUseError, ParkStore } from '../../../electron/services/storage/park-store';
import { DatabaseSchema } from '../../../shared/domain/database';
import type { Result } from '../../../shared/api/result';
import { FaultyFs, type FaultCode } from '../../support/faulty-fs';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from '../services/temp-data-dir';
import { savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const fields = { referenceNumber: 'PSEB/STP/QTA/2021-03', title: 'Quetta STP', city: 'Quetta', province: 'Balochistan', grossAreaSqFt: 12000 };
const clock = { now: () => new Date('2026-11-25T10:00:00.000Z') };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('a failed save', () => {
  const cases: [FaultCode, RegExp][] = [
    ['ENOSPC', /the disk is full/],
    ['EROFS', /the folder is read-only/],
    ['EACCES', /did not allow Park Desk to write/],
  ];
  for (const [code, words] of cases) {
    it(`(${code}) says so plainly and leaves memory and file as they were`, async () => {
      const dir = await makeDir();
      const fs = new FaultyFs();
      const services = await openParkServices({ dataDir: dir, appVersion: 't', clock, storageFs: fs });
      const first = value(await apiOf(services).createProposal({ fields }));
      const file = path.join(dir, DATA_FILE_NAME);
      const before = await savedData(file);
      const fileBefore = await readFile(file).catch(() => null);

      fs.fault = { code, step: 'write' };
      const failed = await services.dispatch('createProposal', { fields: { ...fields, referenceNumber: 'NEW-1' } });
      expect(failed).toMatchObject({ ok: false, error: { code: 'storage' } });
      if (!failed.ok) {
        expect(failed.error.message).toMatch(words);
        expect(failed.error.message).toMatch(/Nothing was changed/);
      }
      expect(value(await apiOf(services).listProposals({}))).toEqual([expect.objectContaining({ id: (first as { id: string }).id })]);
      // A full disk may take part of the appended entry; it was never acknowledged, and opening drops it.
      expect(await savedData(file)).toEqual(before);
      expect(await readFile(file).catch(() => null)).toEqual(fileBefore);
      expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);

      // Once the disk has room again, the same save goes through.
      fs.fault = undefined;
      value(await apiOf(services).createProposal({ fields: { ...fields, referenceNumber: 'NEW-1' } }));
      expect((await savedData(file)).proposals).toHaveLength(2);
      await services.close();
    });
  }

  it('never shows unsaved data to a read made while the write is under way', async () => {
    const dir = await makeDir();
    const fs = new FaultyFs();
    const store = await ParkStore.open(path.join(dir, DATA_FILE_NAME), { fs });
    const rename = fs.holdNextRename();
    const writing = store.update((db) => {
      db.settings.officialName = 'Ayesha';
    });
    // The change has been applied to a copy and written; the file is not yet in place.
    await rename.reached;
    expect(store.data.settings.officialName).toBe('');
    rename.release();
    await writing;
    expect(store.data.settings.officialName).toBe('Ayesha');
    await store.close();
  });
});

describe('one writer per data file', () => {
  it('refuses a second open while the first holds the file, naming who holds it', async () => {
    const file = path.join(await makeDir(), DATA_FILE_NAME);
    const first = await ParkStore.open(file);
    const refused = await ParkStore.open(file).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DataFileInUseError);
    expect((refused as Error).message).toContain(`is in use by Park Desk on computer ${os.hostname()}`);
    expect((refused as Error).message).toContain(`process ${process.pid}`);
    await first.close();
    const second = await ParkStore.open(file);
    await second.close();
  });

  it('takes over a lock left by a process that no longer exists on this computer', async () => {
    const file = path.join(await makeDir(), DATA_FILE_NAME);
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default, so never a live process
    await writeFile(`${file}.lock`, JSON.stringify({ pid: deadPid, host: os.hostname(), user: 'x', since: '2026-01-01T00:00:00Z', token: 't' }));
    const store = await ParkStore.open(file);
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8')).pid).toBe(process.pid);
    await store.close();
    await expect(readFile(`${file}.lock`)).rejects.toThrow(/ENOENT/);
  });

  it('respects a lock held from another computer (a shared folder), since it cannot be checked', async () => {
    const file = path.join(await makeDir(), DATA_FILE_NAME);
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 1, host: 'PSEB-PC-07', user: 'asad', since: '2026-11-25T09:00:00Z', token: 't' }));
    await expect(ParkStore.open(file)).rejects.toThrow(/in use by Park Desk on computer PSEB-PC-07 \(user asad/);
  });

  it('treats a fresh, half-written lock as in use', async () => {
    const file = path.join(await makeDir(), DATA_FILE_NAME);
    await writeFile(`${file}.lock`, '');
    await expect(ParkStore.open(file)).rejects.toBeInstanceOf(DataFileInUseError);
  });
});

const DAMAGED: Record<string, string> = {
  empty: '',
  truncated: '{"schemaVersion":1,"settings":{"officialName":"Ayesha"},"proposals":[{"id":"5',
  garbled: '{"schemaVersion":1,\u0000\u0001 ÿþ garbage',
  null: 'null',
  list: '[]',
  'wrong shape': '{"schemaVersion":1,"settings":{"officialName":""},"proposals":{}}',
  'no version': '{"settings":{"officialName":""},"proposals":[],"mous":[]}',
};

describe('a data file that cannot be read', () => {
  for (const [name, text] of Object.entries(DAMAGED)) {
    it(`(${name}) is copied aside byte for byte, never written over, and recovery is offered`, async () => {
      const dir = await makeDir();
      const file = path.join(dir, DATA_FILE_NAME);
      const bytes = Buffer.from(text, 'latin1');
      await writeFile(file, bytes);
      const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
      const state = value(await apiOf(services).getRecoveryState({}));
      expect(state).toMatchObject({ needed: true, kind: 'damaged', dataFile: file });
      if (!state.needed) throw new Error('unreachable');
      expect(state.message).toContain('could not be read');
      expect(await readFile(state.setAsideFile!)).toEqual(bytes);
      expect(path.basename(state.setAsideFile!)).toMatch(/^park-desk-data\.set-aside-20261125T100000000Z-[0-9a-f]{4}\.json$/);

      expect(await services.dispatch('updateSettings', { officialName: 'x' })).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(await readFile(file)).toEqual(bytes);

      // Starting afresh writes a valid file; the set-aside copy stays.
      expect(value(await apiOf(services).startEmpty({}))).toEqual({ setAsideFile: state.setAsideFile });
      value(await apiOf(services).updateSettings({ officialName: 'Ayesha' }));
      expect(DatabaseSchema.parse(await savedData(file)).settings.officialName).toBe('Ayesha');
      expect(await readFile(state.setAsideFile!)).toEqual(bytes);
      await services.close();
    });
  }

  it('throws DataFileError when opened without recovery, leaving the file alone', async () => {
    const file = path.join(await makeDir(), DATA_FILE_NAME);
    await writeFile(file, '[]');
    await expect(ParkStore.open(file)).rejects.toBeInstanceOf(DataFileError);
    expect(await readFile(file, 'utf8')).toBe('[]');
    // The lock was let go, so the file can be opened again.
    await writeFile(file, '');
    await expect(ParkStore.open(file)).rejects.toBeInstanceOf(DataFileError);
  });

  it('refuses a file from a newer Park Desk without writing or copying anything', async () => {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE_NAME);
    const newer = '{"schemaVersion":99,"settings":{"officialName":""},"proposals":[],"mous":[],"future":true}';
    await writeFile(file, newer);
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    expect(value(await apiOf(services).getRecoveryState({}))).toMatchObject({ needed: true, kind: 'too-new', message: expect.stringContaining('newer version') });
    expect(await services.dispatch('startEmpty', {})).toMatchObject({ ok: true });
    // Starting afresh over it kept the newer file aside first.
    const aside = (await readdir(dir)).filter((n) => n.includes('set-aside'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, aside[0]!), 'utf8')).toBe(newer);
    await services.close();
  });

  it('leaves a newer file exactly as it was when the official does nothing', async () => {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE_NAME);
    await writeFile(file, '{"schemaVersion":2}');
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    await services.close();
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":2}');
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME]);
  });
});

describe('migrations', () => {
  it('brings an older file up to date, with a backup of the old bytes taken first', async () => {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE_NAME);
    // A synthetic version 0: the official's name at the top level and no MoUs yet.
    const v0 = JSON.stringify({ schemaVersion: 0, officialName: 'Ayesha Khan', proposals: [] });
    await writeFile(file, v0);
    const migrations = { 0: ({ officialName, ...rest }: Record<string, unknown>) => ({ ...rest, settings: { officialName }, mous: [] }) };
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock, migrations });
    expect(services.store.data.settings.officialName).toBe('Ayesha Khan');
    const stored = JSON.parse(await readFile(file, 'utf8'));
    expect(stored).toEqual({ schemaVersion: 1, settings: { officialName: 'Ayesha Khan' }, proposals: [], mous: [] });

    const backups = value(await apiOf(services).listBackups({}));
    const beforeMigration = backups.backups.find((b) => b.kind === 'before-migration');
    expect(beforeMigration).toBeDefined();
    expect(await readFile(path.join(backups.folder, beforeMigration!.id), 'utf8')).toBe(v0);
    await services.close();
  });

  it('sets aside a file whose version has no migration any more', async () => {
    const dir = await makeDir();
    await writeFile(path.join(dir, DATA_FILE_NAME), '{"schemaVersion":0}');
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    expect(value(await apiOf(services).getRecoveryState({}))).toMatchObject({ needed: true, kind: 'damaged', message: expect.stringContaining('data version 0') });
    await services.close();
  });
});
