import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Result } from '../../../shared/api/result';
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
