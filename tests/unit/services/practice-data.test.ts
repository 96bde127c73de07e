import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { loadSampleData } from '../../../electron/services/sample-data';
import type { Database } from '../../../shared/domain/database';
import type { Mou } from '../../../shared/domain/mou';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Result } from '../../../shared/api/result';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData, savedRecords } from '../../support/saved-data';

const makeDir = useTempDataDir();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function clockAt(iso: string) {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

const open = (dataDir: string, clock = clockAt('2026-11-25T10:00:00.000Z')) => openParkServices({ dataDir, appVersion: '0.0.0-test', clock });
const readJson = (file: string): Promise<Database> => savedData(file);

describe('practice data apart from the register', () => {
  it('opens the sample parks in a practice folder, leaves the register untouched and locked, and returns to it', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    const api = apiOf(services);
    value(await api.updateSettings({ officialName: 'Ayesha Khan' }));
    const own = value(await api.createProposal({ fields: { referenceNumber: 'OWN-1', title: 'Lahore STP', city: 'Lahore', province: 'Punjab', grossAreaSqFt: 10000 } }));
    const registerBytes = await savedBytes(path.join(dir, DATA_FILE_NAME));
    const registerData = await savedRecords(path.join(dir, DATA_FILE_NAME));

    expect(value(await api.loadSampleData({}))).toEqual({ added: 4, alreadyLoaded: false });
    const practiceDir = path.join(dir, 'practice');
    expect(value(await api.getAppInfo({}))).toMatchObject({ practice: true, dataDir: practiceDir, dataFile: path.join(practiceDir, DATA_FILE_NAME), proposalCount: 4 });
    expect(value(await api.getAppInfo({})).settings.officialName).toBe('Ayesha Khan');
    const rows = value(await api.listProposals({}));
    expect(rows.map((r) => r.referenceNumber)).not.toContain('OWN-1');
    // A change made in practice goes to the practice file only.
    const quetta = rows.find((r) => r.city === 'Quetta')!;
    const proposal = value(await api.getProposal({ id: quetta.id }));
    value(await api.moveProposalStage({ id: quetta.id, expectedUpdatedAt: proposal.updatedAt, to: 'screening', on: '2026-11-25', note: 'practice' }));
    expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(registerBytes);
    // The register stays this process's: a second copy of Park Desk is still refused.
    await expect(open(dir)).rejects.toMatchObject({ name: 'DataFileInUseError' });
    // Removing sample records is a register matter.
    expect(await services.dispatch('removeSampleRecords', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(value(await api.returnToRegister({}))).toEqual({ practice: false });
    expect(value(await api.getAppInfo({}))).toMatchObject({ practice: false, dataDir: dir, proposalCount: 1 });
    expect(value(await api.listProposals({})).map((r) => r.id)).toEqual([own.id]);
    expect((await readJson(path.join(practiceDir, DATA_FILE_NAME))).proposals).toHaveLength(4);

    // Opening practice again finds it as it was left; nothing is added twice.
    expect(value(await api.loadSampleData({}))).toEqual({ added: 0, alreadyLoaded: true });
    expect(value(await api.listProposals({})).find((r) => r.city === 'Quetta')!.stage).toBe('screening');
    await services.close();
    // Closing brings the data file up to date (a compaction): the same records, now in the data file.
    expect(await savedRecords(path.join(dir, DATA_FILE_NAME))).toEqual(registerData);
  });

  it('removes exactly the sample records an older version put in the register and nothing changed since, after a backup', async () => {
    const dir = await makeDir();
    const clock = clockAt('2026-11-25T10:00:00.000Z');
    const services = await open(dir, clock);
    const api = apiOf(services);
    value(await api.updateSettings({ officialName: 'Ayesha Khan' }));
    expect(value(await api.findSampleRecords({}))).toEqual({ removable: { proposals: [], mous: [] }, kept: [] });
    const own = value(await api.createProposal({ fields: { referenceNumber: 'OWN-1', title: 'Lahore STP', city: 'Lahore', province: 'Punjab', grossAreaSqFt: 10000 } }));
    clock.advance(1000);
    // What an older Park Desk did: the samples straight into the register.
    await loadSampleData(services.store, clock);
    const sample = (ref: string) => services.store.data.proposals.find((p) => p.fields.referenceNumber === ref) as Proposal;
    clock.advance(1000);
    const rawalpindi = sample('PSEB/STP/RWP/2021-02');
    value(await api.updateProposal({ id: rawalpindi.id, expectedUpdatedAt: rawalpindi.updatedAt, fields: { ...rawalpindi.fields, notes: 'My own note' } }));
    const quetta = sample('PSEB/STP/QTA/2022-01');
    const ownMou = value(
      await api.createMou({
        proposalId: quetta.id,
        fields: {
          mouNumber: 'OWN-MOU',
          type: 'two-party',
          parties: [
            { id: '1a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
            { id: '2a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'UltraSoft', role: 'Host', type: 'private-company', signatories: [] },
          ],
          witnesses: [],
        },
      }),
    ) as Mou;

    const found = value(await api.findSampleRecords({}));
    expect(found.removable.proposals.map((r) => r.label.split(' — ')[0]).sort()).toEqual(['PSEB/STP/BNU/2022-01', 'PSEB/STP/FSD/2021-01']);
    expect(found.removable.mous.map((r) => r.label)).toEqual(['MoU PSEB/MoU/STP/FSD/2021', 'MoU PSEB/MoU/STP/RWP/2021', 'MoU PSEB/MoU/STP/BNU']);
    expect(found.kept.map((k) => `${k.label.split(' — ')[0]}: ${k.reason}`).sort()).toEqual([
      'PSEB/STP/QTA/2022-01: MoU OWN-MOU, which stays, is linked to it.',
      'PSEB/STP/RWP/2021-02: It was changed after it was added, so it may hold your own entries.',
    ]);

    const removed = value(await api.removeSampleRecords({}));
    expect(removed).toMatchObject({ removedProposals: 2, removedMous: 3, kept: 2, safetyBackup: { kind: 'before-removal' } });
    const stored = await readJson(path.join(dir, DATA_FILE_NAME));
    expect(stored.proposals.map((p) => p.fields.referenceNumber).sort()).toEqual(['OWN-1', 'PSEB/STP/QTA/2022-01', 'PSEB/STP/RWP/2021-02']);
    expect(stored.proposals.find((p) => p.id === own.id)).toEqual(own);
    expect(stored.mous.map((m) => m.fields.mouNumber)).toEqual(['OWN-MOU']);
    expect(stored.mous.find((m) => m.id === ownMou.id)!.fields.proposalId).toBe(quetta.id);
    expect(stored.settings.sampleDataLoadedAt).toBeUndefined();
    expect(stored.settings.officialName).toBe('Ayesha Khan');
    // The backup holds the register as it was, samples and all.
    const backup = value(await api.listBackups({})).backups.find((b) => b.kind === 'before-removal')!;
    expect(JSON.parse(await readFile(path.join(dir, 'backups', backup.id), 'utf8')).proposals).toHaveLength(5);
    expect(value(await api.findSampleRecords({}))).toEqual({ removable: { proposals: [], mous: [] }, kept: [] });
  });
});
