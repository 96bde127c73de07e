import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import type { Proposal } from '../../../shared/domain/proposal';
import type { Mou } from '../../../shared/domain/mou';
import type { Result } from '../../../shared/api/result';
import { ScriptedDialogs } from '../../support/scripted-dialogs';
import { apiOf } from '../../support/typed-api';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedData } from '../../support/saved-data';

const makeDir = useTempDataDir();
const base = { title: 'Faisalabad STP', city: 'Faisalabad', province: 'Punjab', grossAreaSqFt: 19500 };

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.value;
}

function clockAt(iso: string) {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

async function open(dir: string, clock = clockAt('2026-11-25T10:00:00.000Z')) {
  const dialogs = new ScriptedDialogs();
  const services = await openParkServices({ dataDir: dir, appVersion: '1.2.3', clock, platform: { saveDialog: dialogs, openDialog: dialogs } });
  return { services, dialogs, clock };
}

const MOU: Mou = {
  id: '7a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b',
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  fields: {
    mouNumber: '=cmd|calc',
    type: 'two-party',
    parties: [
      { id: '1a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
      { id: '2a1d8f5e-2b1c-4e0f-9a3b-5c6d7e8f9a0b', name: 'جامعہ, "Arfa"', role: 'Host', type: 'university', signatories: [] },
    ],
    witnesses: [],
    signedOn: '2021-05-20',
    termYears: 5,
    obligations: [],
    amendments: [],
  },
  statusHistory: [{ at: '2026-11-01T10:00:00.000Z', from: null, to: 'signed', by: 'Ayesha', note: '' }],
};

describe('export and import', () => {
  it('exports everything to one JSON file and previews an import of it into another folder without applying it', async () => {
    const source = await open(await makeDir());
    const a = value(await apiOf(source.services).createProposal({ fields: { ...base, referenceNumber: 'FSD-1' } })) as Proposal;
    const exported = path.join(await makeDir(), 'export.json');
    source.dialogs.savePaths.push(exported);
    expect(value(await apiOf(source.services).exportAll({}))).toEqual({ cancelled: false, savedTo: exported, rows: 1 });
    expect(source.dialogs.asked[0]).toMatchObject({ kind: 'save', defaultName: 'park-desk-export-2026-11-25.json' });
    const file = JSON.parse(await readFile(exported, 'utf8'));
    expect(file).toMatchObject({ format: 'park-desk-export', formatVersion: 1, appVersion: '1.2.3', data: { schemaVersion: 1, proposals: [a] } });

    const targetDir = await makeDir();
    const target = await open(targetDir);
    const dataBefore = await savedBytes(path.join(targetDir, DATA_FILE_NAME));
    target.dialogs.openPaths.push(exported);
    const preview = value(await apiOf(target.services).previewImport({}));
    expect(preview).toMatchObject({ cancelled: false, file: exported, proposals: { added: [{ id: a.id, label: 'FSD-1 — Faisalabad STP' }], merged: [], leftAlone: [] }, differences: [] });
    expect(await savedBytes(path.join(targetDir, DATA_FILE_NAME))).toEqual(dataBefore);
    expect(value(await apiOf(target.services).listProposals({}))).toEqual([]);

    if (preview.cancelled) throw new Error('unreachable');
    const applied = value(await apiOf(target.services).applyImport({ importId: preview.importId }));
    expect(applied).toMatchObject({ added: 1, changed: 0, safetyBackup: { kind: 'before-import' } });
    expect(value(await apiOf(target.services).getProposal({ id: a.id }))).toEqual(a);
    // A preview is used once.
    expect(await target.services.dispatch('applyImport', { importId: preview.importId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('merges by id: adds, unites histories, lists differing fields for a choice, and leaves number clashes alone', async () => {
    const dir = await makeDir();
    const { services, dialogs, clock } = await open(dir);
    const api = apiOf(services);
    value(await api.updateSettings({ officialName: 'Ayesha' }));
    const edited = value(await api.createProposal({ fields: { ...base, referenceNumber: 'EDIT-1' } })) as Proposal;
    const same = value(await api.createProposal({ fields: { ...base, referenceNumber: 'SAME-1' } })) as Proposal;
    const clash = value(await api.createProposal({ fields: { ...base, referenceNumber: 'REF-9' } })) as Proposal;
    const moved = value(await api.createProposal({ fields: { ...base, referenceNumber: 'MOVE-1' } })) as Proposal;
    clock.advance(60_000);
    const movedHere = value(await api.moveProposalStage({ id: moved.id, expectedUpdatedAt: moved.updatedAt, to: 'screening', on: '2026-11-25', note: 'here' })) as Proposal;

    const otherMove = { at: '2026-11-25T10:00:30.000Z', from: 'received' as const, to: 'on-hold' as const, by: 'Bilal', note: 'there' };
    const incoming = {
      schemaVersion: 1,
      settings: { officialName: 'Someone else' },
      proposals: [
        { ...edited, updatedAt: '2026-11-26T00:00:00.000Z', fields: { ...edited.fields, title: 'Renamed there', notes: 'added there' } },
        same,
        { ...same, id: '0b7e0c36-1a2b-4c3d-8e9f-0a1b2c3d4e5f', fields: { ...same.fields, referenceNumber: 'REF-9' } },
        { ...moved, stageHistory: [...moved.stageHistory, otherMove] },
      ],
      mous: [MOU],
    };
    const bare = path.join(await makeDir(), 'backup-from-other-pc.json');
    await writeFile(bare, JSON.stringify(incoming));
    dialogs.openPaths.push(bare);
    const preview = value(await api.previewImport({}));
    if (preview.cancelled) throw new Error('unreachable');
    expect(preview.proposals.added).toEqual([]);
    expect(preview.proposals.merged).toEqual([
      { id: edited.id, label: 'EDIT-1 — Faisalabad STP', detail: '2 differences to choose' },
      { id: moved.id, label: 'MOVE-1 — Faisalabad STP', detail: '1 history entry from the file' },
    ]);
    expect(preview.proposals.unchanged).toBe(1);
    expect(preview.proposals.leftAlone.map((c) => c.reason)).toEqual([expect.stringContaining('already used by a different record here (REF-9 — Faisalabad STP)')]);
    expect(preview.mous.added).toEqual([{ id: MOU.id, label: 'MoU =cmd|calc' }]);
    expect(preview.differences).toEqual([
      expect.objectContaining({ id: `proposal:${edited.id}:fields.title`, record: 'EDIT-1 — Faisalabad STP', field: 'Title', mine: 'Faisalabad STP', theirs: 'Renamed there', mineUpdatedAt: edited.updatedAt, theirsUpdatedAt: '2026-11-26T00:00:00.000Z' }),
      expect.objectContaining({ id: `proposal:${edited.id}:fields.notes`, field: 'Notes', mine: '(empty)', theirs: 'added there' }),
    ]);

    // Every difference needs a choice; without one nothing is applied.
    const before = await savedBytes(path.join(dir, DATA_FILE_NAME));
    expect(await services.dispatch('applyImport', { importId: preview.importId, choices: [{ id: preview.differences[0]!.id, take: 'theirs' }] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('1 difference has no choice: EDIT-1 — Faisalabad STP, Notes') },
    });
    expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(before);

    const applied = value(
      await api.applyImport({ importId: preview.importId, choices: [{ id: preview.differences[0]!.id, take: 'mine' }, { id: preview.differences[1]!.id, take: 'theirs' }] }),
    );
    expect(applied).toMatchObject({ added: 1, changed: 2 });
    const stored = JSON.parse(JSON.stringify(await savedData(path.join(dir, DATA_FILE_NAME))));
    const byRef = Object.fromEntries(stored.proposals.map((p: Proposal) => [p.fields.referenceNumber, p]));
    expect(Object.keys(byRef).sort()).toEqual(['EDIT-1', 'MOVE-1', 'REF-9', 'SAME-1']);
    expect(byRef['EDIT-1'].fields).toMatchObject({ title: 'Faisalabad STP', notes: 'added there' });
    expect(byRef['EDIT-1'].updatedAt > '2026-11-26T00:00:00.000Z').toBe(true);
    // Both moves, in the order they took effect: the stage is the later one (made here).
    expect(byRef['MOVE-1'].stageHistory.map((m: { to: string }) => m.to)).toEqual(['received', 'on-hold', 'screening']);
    expect(value(await api.getProposal({ id: moved.id }))).toMatchObject({ stageHistory: [movedHere.stageHistory[0], otherMove, movedHere.stageHistory[1]] });
    expect(byRef['REF-9'].id).toBe(clash.id);
    expect(stored.mous).toEqual([MOU]);
    expect(stored.settings.officialName).toBe('Ayesha'); // settings belong to this computer
  });

  it('refuses a file with two records under one id, or an MoU linked to nothing, naming them; the data file stays byte for byte', async () => {
    const dir = await makeDir();
    const { services, dialogs } = await open(dir);
    const api = apiOf(services);
    const here = value(await api.createProposal({ fields: { ...base, referenceNumber: 'HERE-1' } })) as Proposal;
    const before = await savedBytes(path.join(dir, DATA_FILE_NAME));
    const twin = { ...here, fields: { ...here.fields, referenceNumber: 'TWIN-2' } };
    const missingProposal = '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a';
    const files = {
      duplicate: { schemaVersion: 1, settings: { officialName: '' }, proposals: [here, twin], mous: [] },
      dangling: { schemaVersion: 1, settings: { officialName: '' }, proposals: [], mous: [{ ...MOU, fields: { ...MOU.fields, mouNumber: 'MOU-ORPHAN', proposalId: missingProposal } }] },
    };
    const expected = {
      duplicate: `2 proposals in the file share one id (${here.id}): proposal HERE-1, proposal TWIN-2.`,
      dangling: 'MoU MOU-ORPHAN is linked to a proposal that is neither in the file nor on this computer.',
    };
    for (const [name, data] of Object.entries(files)) {
      const file = path.join(await makeDir(), `${name}.json`);
      await writeFile(file, JSON.stringify(data));
      dialogs.openPaths.push(file);
      const result = await services.dispatch('previewImport', {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining(expected[name as keyof typeof expected]) } });
      expect(result, name).toMatchObject({ error: { message: expect.stringContaining('nothing was changed') } });
      expect(await savedBytes(path.join(dir, DATA_FILE_NAME))).toEqual(before);
    }
    expect(value(await api.listMous({}))).toEqual([]);
  });

  it('refuses a file that is not a Park Desk export and changes nothing; cancelling asks nothing more', async () => {
    const dir = await makeDir();
    const { services, dialogs } = await open(dir);
    expect(value(await apiOf(services).previewImport({}))).toEqual({ cancelled: true });
    for (const text of ['', '{"format":"park-desk-export","data":[]}', '{"schemaVersion":7}', 'not json']) {
      const file = path.join(dir, 'bad.json');
      await writeFile(file, text);
      dialogs.openPaths.push(file);
      const result = await services.dispatch('previewImport', {});
      expect(result, text).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('Nothing was changed') } });
    }
  });
});

describe('CSV export', () => {
  it('writes proposals and MoUs that Excel opens: BOM, CRLF, labels, Urdu and formula guard', async () => {
    const dir = await makeDir();
    const { services, dialogs } = await open(dir);
    value(await apiOf(services).createProposal({ fields: { ...base, referenceNumber: '=1+1', title: 'فیصل آباد پارک', notes: 'a, "b"\nc' } }));
    const csv = path.join(await makeDir(), 'p.csv');
    dialogs.savePaths.push(csv);
    expect(value(await apiOf(services).exportProposalsCsv({}))).toEqual({ cancelled: false, savedTo: csv, rows: 1 });
    const text = await readFile(csv, 'utf8');
    expect(text.startsWith('\uFEFFReference number,e-Office file / diary number,Title,')).toBe(true);
    const [header, row, end] = text.slice(1).split('\r\n');
    expect(end).toBe('');
    expect(header!.split(',')).toContain('Stage');
    expect(row).toContain("'=1+1,,فیصل آباد پارک,Faisalabad,,Punjab,");
    expect(row).toContain('"a, ""b""\nc"');
    expect(row).toContain(',Received,');

    // MoUs come from the data file (the MoU screens add them); here one is imported.
    const incoming = path.join(await makeDir(), 'in.json');
    await writeFile(incoming, JSON.stringify({ schemaVersion: 1, settings: { officialName: '' }, proposals: [], mous: [MOU] }));
    dialogs.openPaths.push(incoming);
    const preview = value(await apiOf(services).previewImport({}));
    if (preview.cancelled) throw new Error('unreachable');
    value(await apiOf(services).applyImport({ importId: preview.importId }));
    const mouCsv = path.join(path.dirname(csv), 'm.csv');
    dialogs.savePaths.push(mouCsv);
    value(await apiOf(services).exportMousCsv({}));
    const mouText = await readFile(mouCsv, 'utf8');
    // Recorded Signed, but past its expiry on the export day: the derived state says Expired, with its basis.
    expect(mouText.split('\r\n')[1]).toMatch(
      /^'=cmd\|calc,Two-party,Signed,2026-11-01,Expired,"Expired on 19-May-2026: signed 20-May-2021, term 5 years","PSEB; جامعہ, ""Arfa""",,2021-05-20,,5,,2026-05-19,,,/,
    );
  });

  it('writes nothing when the official cancels the dialog', async () => {
    const { services } = await open(await makeDir());
    expect(value(await apiOf(services).exportProposalsCsv({}))).toEqual({ cancelled: true });
  });
});
