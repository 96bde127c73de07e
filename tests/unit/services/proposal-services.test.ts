import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Result } from '../../../shared/api/result';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const fields = { referenceNumber: 'PSEB/STP/RWP/2021-02', title: 'Rawalpindi STP', city: 'Rawalpindi', province: 'Punjab', grossAreaSqFt: 44000 };
const clock = (iso: string) => ({ now: () => new Date(iso) });

async function open(dataDir: string, at = '2026-11-25T10:00:00.000Z') {
  return openParkServices({ dataDir, appVersion: '0.0.0-test', clock: clock(at) });
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** What is saved (data file and journal), as untyped JSON like the file it used to read. */
const readStored = async (dir: string) => JSON.parse(JSON.stringify(await savedData(path.join(dir, DATA_FILE_NAME))));

describe('proposal services over a real data file', () => {
  it('creates a proposal on disk in the Received stage, recording who entered it', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    value(await services.dispatch('updateSettings', { officialName: 'Ayesha Khan' }));
    const created = value(await services.dispatch('createProposal', { fields })) as Proposal;
    await services.close();

    const stored = await readStored(dir);
    expect(stored.schemaVersion).toBe(1);
    expect(stored.proposals).toEqual([created]);
    expect(created.stageHistory).toEqual([
      { id: expect.any(String), at: '2026-11-25T10:00:00.000Z', from: null, to: 'received', by: 'Ayesha Khan', note: 'Proposal entered.' },
    ]);
  });

  it('finds what was saved after reopening the folder and lists it as a summary', async () => {
    const dir = await makeDir();
    const first = await open(dir);
    const created = value(await first.dispatch('createProposal', { fields })) as Proposal;
    await first.close();

    const second = await open(dir);
    expect(value(await second.dispatch('getProposal', { id: created.id }))).toEqual(created);
    expect(value(await second.dispatch('listProposals', {}))).toEqual([
      expect.objectContaining({ id: created.id, referenceNumber: 'PSEB/STP/RWP/2021-02', stage: 'received', grossAreaSqFt: 44000 }),
    ]);
  });

  it('refuses bad input with a message per field and writes nothing', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    const result = await services.dispatch('createProposal', { fields: { ...fields, grossAreaSqFt: -5, city: '' } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-input',
        message: '2 fields need attention.',
        fieldErrors: { 'fields.city': 'City is required.', 'fields.grossAreaSqFt': 'Gross covered area must be more than 0.' },
      },
    });
    await expect(readFile(path.join(dir, DATA_FILE_NAME))).rejects.toThrow(/ENOENT/);
  });

  it('refuses calls outside the contract and keys the schema does not know', async () => {
    const services = await open(await makeDir());
    expect(await services.dispatch('deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await services.dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await services.dispatch('listProposals', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses a duplicate reference number, naming the proposal that has it', async () => {
    const services = await open(await makeDir());
    value(await services.dispatch('createProposal', { fields }));
    const again = await services.dispatch('createProposal', { fields: { ...fields, referenceNumber: 'pseb/stp/rwp/2021-02 ', title: 'Other' } });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', fieldErrors: { 'fields.referenceNumber': 'Reference number pseb/stp/rwp/2021-02 is already used by "Rawalpindi STP".' } },
    });
  });

  it('updates a proposal, and refuses an edit made on a stale copy', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    const created = value(await services.dispatch('createProposal', { fields })) as Proposal;
    const edited = value(
      await services.dispatch('updateProposal', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { ...fields, usableAreaSqFt: 40000 } }),
    ) as Proposal;
    expect(edited.fields.usableAreaSqFt).toBe(40000);
    expect(edited.stageHistory).toEqual(created.stageHistory);

    const stale = await services.dispatch('updateProposal', { id: created.id, expectedUpdatedAt: '2020-01-01T00:00:00.000Z', fields });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await readStored(dir)).proposals[0].fields.usableAreaSqFt).toBe(40000);
  });

  it('loads the sample parks once and never twice', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    expect(value(await services.dispatch('loadSampleData', {}))).toEqual({ added: 4, alreadyLoaded: false });
    expect(value(await services.dispatch('loadSampleData', {}))).toEqual({ added: 0, alreadyLoaded: true });
    const rows = value(await services.dispatch('listProposals', {})) as { city: string; stage: string }[];
    expect(rows.map((r) => `${r.city}:${r.stage}`).sort()).toEqual(['Bannu:mou-negotiation', 'Faisalabad:mou-signed', 'Quetta:received', 'Rawalpindi:operational']);
  });

  it('opens a damaged data file in recovery, leaving its bytes alone and refusing every other call', async () => {
    const dir = await makeDir();
    const file = path.join(dir, DATA_FILE_NAME);
    for (const damaged of ['{"schemaVersion": 1, "proposals": [', 'null', '[]', '{"schemaVersion":1,"settings":{"officialName":""},"proposals":[{"id":"x"}]}']) {
      await writeFile(file, damaged);
      const services = await open(dir);
      expect(value(await services.dispatch('getRecoveryState', {}))).toMatchObject({ needed: true, kind: 'damaged' });
      expect(await services.dispatch('createProposal', { fields })).toMatchObject({ ok: false, error: { code: 'storage' } });
      await services.close();
      expect(await readFile(file, 'utf8')).toBe(damaged);
    }
  });

  it('keeps memory and file unchanged when a save fails', async () => {
    const dir = await makeDir();
    const services = await open(dir);
    value(await services.dispatch('createProposal', { fields }));
    const before = await savedBytes(path.join(dir, DATA_FILE_NAME));
    await chmod(dir, 0o500);
    try {
      if (process.getuid?.() === 0) return; // root writes through permissions; the data-safety suite injects failures instead
      const result = await services.dispatch('createProposal', { fields: { ...fields, referenceNumber: 'NEW-1' } });
      expect(result).toMatchObject({ ok: false, error: { code: 'storage' } });
      expect(value(await services.dispatch('listProposals', {}))).toHaveLength(1);
      expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(before);
    } finally {
      await chmod(dir, 0o700);
    }
  });
});

describe('stale edits within one millisecond', () => {
  it('moves updatedAt forward on every save, so an edit made on the older copy is refused', async () => {
    const services = await openParkServices({ dataDir: await makeDir(), appVersion: 't', clock: clock('2026-11-25T10:00:00.000Z') });
    const created = value(await services.dispatch('createProposal', { fields })) as Proposal;
    const first = value(await services.dispatch('updateProposal', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { ...fields, notes: 'first' } })) as Proposal;
    expect(first.updatedAt > created.updatedAt).toBe(true);
    const stale = await services.dispatch('updateProposal', { id: created.id, expectedUpdatedAt: created.updatedAt, fields: { ...fields, notes: 'second, on the old copy' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await services.close();
  });
});
