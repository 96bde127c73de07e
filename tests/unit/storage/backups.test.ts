import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { BackupShelf } from '../../../electron/services/storage/backups';
import { nodeStorageFs } from '../../../electron/services/storage/storage-fs';
import type { Result } from '../../../shared/api/result';
import { FaultyFs } from '../../support/faulty-fs';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const fields = { referenceNumber: 'PSEB/STP/BNU/2023-01', title: 'Bannu STP', city: 'Bannu', province: 'Khyber Pakhtunkhwa', grossAreaSqFt: 8000 };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** A clock the test moves forward. */
function movingClock(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function session(dir: string, clock: { now(): Date }, work?: (s: Awaited<ReturnType<typeof openParkServices>>) => Promise<void>) {
  const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
  await work?.(services);
  await services.close();
}

describe('automatic backups', () => {
  it('takes one at the start of each session that begins with a changed file, plus one per day', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-25T05:00:00.000Z');
    await session(dir, clock, async (s) => void value(await apiOf(s).createProposal({ fields })));
    clock.advance(60_000);
    await session(dir, clock); // first session with a file: session + daily
    clock.advance(60_000);
    await session(dir, clock); // same bytes, same day: nothing new
    const backups = (await readdir(path.join(dir, 'backups'))).sort();
    expect(backups.map((n) => n.split('.')[1])).toEqual(['daily', 'session']);
    const copy = await readFile(path.join(dir, 'backups', backups[1]!), 'utf8');
    expect(copy).toBe(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
  });

  it('keeps the last 10 sessions and the last 7 days', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    for (let day = 0; day < 12; day += 1) {
      await session(dir, clock, async (s) => void value(await apiOf(s).updateSettings({ officialName: `Day ${day}` })));
      clock.advance(24 * 3600_000);
    }
    const list = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    const { backups } = value(await apiOf(list).listBackups({}));
    await list.close();
    expect(backups.filter((b) => b.kind === 'session')).toHaveLength(10);
    const daily = backups.filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(7);
    expect(daily[0]!.takenAt > daily[6]!.takenAt).toBe(true); // newest first
  }, 30_000);
});

describe('back up now and restore', () => {
  it('restores a backup, first backing up what is there so the restore can be undone', async () => {
    const dir = await makeDir();
    const services = await openParkServices({ dataDir: dir, appVersion: 't' });
    value(await apiOf(services).createProposal({ fields }));
    const manual = value(await apiOf(services).backUpNow({}));
    expect(manual.kind).toBe('manual');
    value(await apiOf(services).createProposal({ fields: { ...fields, referenceNumber: 'LATER-1' } }));

    const restored = value(await apiOf(services).restoreBackup({ backupId: manual.id }));
    expect(restored).toMatchObject({ restored: { id: manual.id }, proposalCount: 1, safetyBackup: { kind: 'before-restore' } });
    expect(value(await apiOf(services).listProposals({}))).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8')).proposals).toHaveLength(1);

    // Undo: restore the backup taken just before.
    value(await apiOf(services).restoreBackup({ backupId: restored.safetyBackup!.id }));
    expect((value(await apiOf(services).listProposals({})) as { referenceNumber: string }[]).map((p) => p.referenceNumber).sort()).toEqual([
      'LATER-1',
      'PSEB/STP/BNU/2023-01',
    ]);
    await services.close();
  });

  it('refuses a damaged backup, a path, or a name that is not a backup, and changes nothing', async () => {
    const dir = await makeDir();
    const services = await openParkServices({ dataDir: dir, appVersion: 't' });
    value(await apiOf(services).createProposal({ fields }));
    const manual = value(await apiOf(services).backUpNow({}));
    await writeFile(path.join(dir, 'backups', manual.id), '{"schemaVersion":1,');
    expect(await services.dispatch('restoreBackup', { backupId: manual.id })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('cannot be read either') } });
    for (const backupId of ['../park-desk-data.json', '/etc/passwd', 'park-desk-data.manual.20261125T100000000Z.deadbeef.json/../../x', 'park-desk-data.manual.20261125T100000000Z.deadbeef.json']) {
      expect((await services.dispatch('restoreBackup', { backupId })).ok, backupId).toBe(false);
    }
    expect(value(await apiOf(services).listProposals({}))).toHaveLength(1);
    await services.close();
  });

  it('offers the newest good backup when the data file is damaged, and restores it', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-20T05:00:00.000Z');
    await session(dir, clock, async (s) => void value(await apiOf(s).createProposal({ fields })));
    clock.advance(3600_000);
    await session(dir, clock); // session backup of the good file
    clock.advance(3600_000);
    let damagedBackup = '';
    await session(dir, clock, async (s) => {
      damagedBackup = value(await apiOf(s).backUpNow({})).id;
    });
    await writeFile(path.join(dir, 'backups', damagedBackup), 'garbage'); // the newest backup is bad too
    await writeFile(path.join(dir, DATA_FILE_NAME), '{"schemaVersion":1,"settings":');

    clock.advance(3600_000);
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    const state = value(await apiOf(services).getRecoveryState({}));
    if (!state.needed) throw new Error('recovery expected');
    expect(state.backups[0]!.id).toBe(damagedBackup);
    expect(state.latestGoodBackupId).toMatch(/^park-desk-data\.(session|daily)\./);
    const restored = value(await apiOf(services).restoreBackup({ backupId: state.latestGoodBackupId! }));
    expect(restored.safetyBackup).toBeUndefined(); // nothing readable to back up; the damaged file was set aside instead
    expect(value(await apiOf(services).getRecoveryState({}))).toEqual({ needed: false });
    expect(value(await apiOf(services).listProposals({}))).toHaveLength(1);
    await services.close();
  });
});

/** 30 proposals, as in the report: enough that losing them matters. */
async function thirtyProposals(dir: string, clock: { now(): Date }) {
  await session(dir, clock, async (s) => {
    for (let n = 1; n <= 30; n += 1) value(await apiOf(s).createProposal({ fields: { ...fields, referenceNumber: `PSEB/STP/BNU/2023-${String(n).padStart(2, '0')}` } }));
  });
}

async function proposalsInBackups(dir: string): Promise<number[]> {
  const folder = path.join(dir, 'backups');
  const names = await readdir(folder);
  return Promise.all(names.map(async (n) => (JSON.parse(await readFile(path.join(folder, n), 'utf8')) as { proposals: unknown[] }).proposals.length));
}

describe('a data file lost while its backups remain (antivirus quarantine, a roaming profile not synced)', () => {
  it('opens the recovery screen at every start instead of an empty file, and the 30 proposals stay restorable after 11 daily sessions', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    await thirtyProposals(dir, clock);
    clock.advance(3600_000);
    await session(dir, clock); // the start backups of the file with 30 proposals
    await rm(path.join(dir, DATA_FILE_NAME));

    for (let day = 1; day <= 11; day += 1) {
      clock.advance(24 * 3600_000);
      await session(dir, clock, async (s) => {
        const state = value(await apiOf(s).getRecoveryState({}));
        expect(state, `day ${day}`).toMatchObject({ needed: true, kind: 'missing', message: expect.stringContaining('missing') });
        // Nothing may be saved over the lost file until the official chooses.
        expect(await s.dispatch('updateSettings', { officialName: `Day ${day}` })).toMatchObject({ ok: false, error: { code: 'storage' } });
      });
    }
    await expect(readFile(path.join(dir, DATA_FILE_NAME))).rejects.toThrow(/ENOENT/);
    expect(Math.max(...(await proposalsInBackups(dir)))).toBe(30);

    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock });
    const state = value(await apiOf(services).getRecoveryState({}));
    if (!state.needed) throw new Error('recovery expected');
    expect(value(await apiOf(services).restoreBackup({ backupId: state.latestGoodBackupId! })).proposalCount).toBe(30);
    expect(value(await apiOf(services).listProposals({}))).toHaveLength(30);
    await services.close();
  }, 60_000);

  it('after starting afresh, 11 sessions of changes never rotate away the last backup with the records', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    await thirtyProposals(dir, clock);
    clock.advance(3600_000);
    await session(dir, clock);
    await rm(path.join(dir, DATA_FILE_NAME));
    clock.advance(3600_000);
    await session(dir, clock, async (s) => {
      // Where the recovery screen is shown, the official chooses to begin with no records.
      if (value(await apiOf(s).getRecoveryState({})).needed) value(await apiOf(s).startEmpty({}));
    });
    for (let day = 1; day <= 11; day += 1) {
      clock.advance(24 * 3600_000);
      await session(dir, clock, async (s) => void value(await apiOf(s).updateSettings({ officialName: `Day ${day}` })));
    }
    const counts = await proposalsInBackups(dir);
    expect(Math.max(...counts)).toBe(30);
    // The rotation still works for the rest: the last 10 sessions of the empty file, and so on.
    expect(counts.filter((c) => c === 0).length).toBeGreaterThanOrEqual(10);
  }, 60_000);
});

describe('backups folder housekeeping', () => {
  it('removes at start the temp file of a backup cut short by a crash', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    await session(dir, clock, async (s) => void value(await apiOf(s).createProposal({ fields })));
    const leftover = 'park-desk-data.session.20261101T050000000Z.0a1b2c3d.json.0123456789abcdef.tmp';
    await mkdir(path.join(dir, 'backups'), { recursive: true });
    await writeFile(path.join(dir, 'backups', leftover), '{"schemaVersion":1,"sett');
    await writeFile(path.join(dir, 'backups', 'notes from IT.txt'), 'kept');
    clock.advance(60_000);
    await session(dir, clock);
    const names = await readdir(path.join(dir, 'backups'));
    expect(names).not.toContain(leftover);
    expect(names).toContain('notes from IT.txt');
  });

  it('keeps the folder within its size budget, the oldest session backups going first and the protected ones never', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    const shelf = new BackupShelf(dir, clock, nodeStorageFs, 10_000);
    const dataOf = (n: number, size: number) => Buffer.from(JSON.stringify({ schemaVersion: 1, settings: { officialName: `v${n}` }, proposals: [{ note: 'x'.repeat(size) }], mous: [] }));
    // 20 times a 2 KB data file: a 42 KB budget (the 10 KB minimum is below it).
    for (let n = 1; n <= 15; n += 1) {
      clock.advance(3600_000);
      await shelf.take('manual', dataOf(n, 2_000));
    }
    for (let n = 1; n <= 30; n += 1) {
      clock.advance(3600_000);
      await shelf.take(n % 3 === 0 ? 'daily' : 'session', dataOf(n, 2_000));
    }
    const current = dataOf(30, 2_000).byteLength; // the data file as last backed up
    const usage = await shelf.usage(current);
    expect(usage.budgetBytes).toBe(20 * current);
    expect(usage.totalBytes).toBe(usage.backups.reduce((sum, b) => sum + b.sizeBytes, 0));
    expect(usage.totalBytes).toBeLessThanOrEqual(usage.budgetBytes);
    const count = (kind: string) => usage.backups.filter((b) => b.kind === kind).length;
    // Every session backup went before any daily one, and the backups taken by hand were not needed.
    expect(count('session')).toBe(0);
    expect(count('daily')).toBeGreaterThan(0);
    expect(count('manual')).toBe(15);

    // A backup much bigger than the data file now is kept outside the budget, and never pruned for space.
    clock.advance(3600_000);
    const big = await shelf.take('session', dataOf(99, 30_000));
    for (let n = 0; n < 12; n += 1) {
      clock.advance(3600_000);
      await shelf.take('session', dataOf(100 + n, 2_000));
    }
    const after = await shelf.list();
    expect(after.map((b) => b.id)).toContain(big.id);
    expect(after.filter((b) => b.kind === 'manual')).toHaveLength(15);
  });

  it('shows the backups’ size against the budget under Data, and reports a start backup that could not be taken', async () => {
    const dir = await makeDir();
    const clock = movingClock('2026-11-01T05:00:00.000Z');
    await session(dir, clock, async (s) => void value(await apiOf(s).createProposal({ fields })));
    clock.advance(24 * 3600_000);
    const fs = new FaultyFs();
    // An antivirus holds every new backup longer than Park Desk waits.
    fs.fault = { code: 'EBUSY', step: 'rename', where: `${path.sep}backups${path.sep}` };
    const services = await openParkServices({ dataDir: dir, appVersion: 't', clock, storageFs: fs });
    const listed = value(await apiOf(services).listBackups({}));
    expect(listed.problem).toMatch(/backup at the start of this session could not be taken: another program is using the file/);
    expect(listed).toMatchObject({ budgetBytes: 500 * 1024 * 1024, totalBytes: listed.backups.reduce((sum, b) => sum + b.sizeBytes, 0) });
    // The official is still free to work, and the next backup that works clears the notice.
    value(await apiOf(services).updateSettings({ officialName: 'Ayesha' }));
    fs.fault = undefined;
    value(await apiOf(services).backUpNow({}));
    expect(value(await apiOf(services).listBackups({})).problem).toBeUndefined();
    await services.close();
  });
});
