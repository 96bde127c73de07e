import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { contract, METHOD_NAMES, type MethodName } from '../../../shared/api/contract';
import { DatabaseSchema, type Database } from '../../../shared/domain/database';
import { database, faisalabadMou, faisalabadProposal, IDS, writeDataFolder } from '../../support/mou-data';
import { ScriptedDialogs } from '../../support/scripted-dialogs';
import { useTempDataDir } from './temp-data-dir';
import { savedBytes, savedRecords } from '../../support/saved-data';

const makeDir = useTempDataDir();

/** Values a hostile or broken page could send: anything structuredClone carries, prototype keys, non-finite numbers, huge text. */
const nasty = fc.oneof(
  { weight: 8, arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true, maxDepth: 3 }) },
  { weight: 4, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, 'Infinity', 'NaN', '1e400', '9'.repeat(400), '2021-02-30', '31-Feb-2021', '2021-13-01T00:00:00.000Z', '2021-02-30T10:00:00.000Z') },
  { weight: 1, arbitrary: fc.string({ minLength: 20_000, maxLength: 30_000 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(2_000_000)) },
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'fields', 'id'), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }) },
);

const validFields = { referenceNumber: 'PSEB/STP/ISB/2026-01', title: 'Islamabad STP', city: 'Islamabad', province: 'Islamabad Capital Territory', grossAreaSqFt: 30000, usableAreaSqFt: '18,000', seatCapacity: 350, dateReceived: '15-Feb-2021', notes: 'پہلا پارک' };

/** Valid fields with some replaced by nasty values or joined by unknown keys: the inputs most likely to slip through. */
const nearlyValidFields = fc
  .tuple(fc.dictionary(fc.constantFrom(...Object.keys(validFields), 'notes', 'dateReceived', 'seatCapacity', 'evaluationScore', 'usableAreaSqFt', '__proto__', 'isAdmin'), nasty, { maxKeys: 3 }))
  .map(([changes]) => ({ ...validFields, ...changes }));

/** Stands for the seeded proposal's id and current updatedAt, filled in when the call is made. */
const SEEDED = 'the seeded proposal';

function inputFor(name: string): fc.Arbitrary<unknown> {
  const generic = fc.oneof(nasty, fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 4 }));
  if (name === 'createProposal') return fc.oneof(generic, nearlyValidFields.map((fields) => ({ fields })));
  if (name === 'updateProposal') {
    const target = fc.oneof(fc.constant({ id: SEEDED, expectedUpdatedAt: SEEDED }), fc.record({ id: fc.oneof(fc.uuid(), nasty), expectedUpdatedAt: fc.oneof(fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), nasty) }));
    return fc.oneof(generic, fc.tuple(target, nearlyValidFields).map(([t, fields]) => ({ ...t, fields })));
  }
  if (name === 'updateSettings') return fc.oneof(generic, fc.record({ officialName: nasty }), fc.record({ officialName: fc.string() }, { requiredKeys: [] }));
  return generic;
}

/** Calls that switch to the practice data (and back) go last, so the others are thrown at the register. */
const SWITCHES: ReadonlySet<string> = new Set(['loadSampleData', 'returnToRegister']);
const FUZZ_ORDER = [...METHOD_NAMES].sort((a, b) => Number(SWITCHES.has(a)) - Number(SWITCHES.has(b)));

/** Calls that only read, or write elsewhere (backups, exports): the data file must not change. */
const LEAVES_DATA_FILE_ALONE = new Set<MethodName>([
  'getAppInfo', 'listProposals', 'getProposal', 'listMous', 'getMou', 'getDashboard', 'getRecoveryState', 'listBackups', 'backUpNow',
  'exportAll', 'exportProposalsCsv', 'exportMousCsv', 'previewImport', 'getMouSummaryHtml', 'exportMouSummaryPdf', 'chooseExportFolder', 'exportMouSummaryToFolder', 'exportCombinedMouSummariesPdf',
  'recordHistory', 'verifyHistory',
]);

/** What is saved (data file with the journal replayed), without the change-log mark. */
const stored = async (): Promise<Database> => (await savedRecords(dataFileOf)) as Database;
let dataFileOf = '';

/** What an accepted call must have changed in the data file, and nothing else. */
function expectExactlyTheChange(name: MethodName, input: unknown, before: Database, after: Database, value: unknown): void {
  switch (name) {
    case 'createProposal': {
      const { fields } = contract.createProposal.input.parse(input);
      expect(after.proposals.slice(0, -1)).toEqual(before.proposals);
      expect(after.proposals.at(-1)).toEqual(value);
      expect(after.proposals.at(-1)?.fields).toEqual(fields);
      expect({ ...after, proposals: [] }).toEqual({ ...before, proposals: [] });
      return;
    }
    case 'updateProposal': {
      const { id, fields } = contract.updateProposal.input.parse(input);
      const index = before.proposals.findIndex((p) => p.id === id);
      expect(after.proposals[index]).toEqual({ ...before.proposals[index], fields, updatedAt: expect.any(String) });
      expect(after.proposals[index]).toEqual(value);
      expect(after.proposals.filter((p) => p.id !== id)).toEqual(before.proposals.filter((p) => p.id !== id));
      expect({ ...after, proposals: [] }).toEqual({ ...before, proposals: [] });
      return;
    }
    case 'updateSettings': {
      const { officialName } = contract.updateSettings.input.parse(input);
      expect(after).toEqual({ ...before, settings: { ...before.settings, officialName } });
      return;
    }
    default:
      // Other writes (sample parks, MoU records, restores) are checked by their own service tests;
      // here the file they leave must still be one that opens.
      return;
  }
}

describe('every contract entry under arbitrary input', () => {
  it('a refused call leaves the data file byte-identical; an accepted one leaves a valid file holding exactly its change', async () => {
    const dir = await writeDataFolder(await makeDir(), database({ proposals: [faisalabadProposal()], mous: [faisalabadMou()] }));
    const dataFile = path.join(dir, DATA_FILE_NAME);
    dataFileOf = dataFile;
    const dialogs = new ScriptedDialogs();
    const services = await openParkServices({ dataDir: dir, appVersion: 't', platform: { saveDialog: dialogs, openDialog: dialogs } });
    const tally = { refused: 0, accepted: 0, changed: 0 };
    for (const name of FUZZ_ORDER) {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (raw) => {
          let input: unknown;
          try {
            input = structuredClone(raw);
          } catch {
            return; // Electron's IPC could not carry it either
          }
          // Every byte saved (data file, journal, history), and what opening would find.
          const before = await savedBytes(dataFile);
          const beforeData = await stored();
          if (typeof input === 'object' && input !== null && (input as { id?: unknown }).id === SEEDED) {
            const seeded = beforeData.proposals[0];
            Object.assign(input, seeded ? { id: seeded.id, expectedUpdatedAt: seeded.updatedAt } : { id: IDS.faisalabadProposal, expectedUpdatedAt: '2021-01-01T00:00:00.000Z' });
          }
          const result = await services.dispatch(name, structuredClone(input));
          const after = await savedBytes(dataFile);
          if (!result.ok) {
            tally.refused++;
            expect(result.error.message.length).toBeGreaterThan(0);
            expect(after.equals(before), `${name} was refused (${result.error.message}) but the data file changed`).toBe(true);
            return;
          }
          tally.accepted++;
          if (LEAVES_DATA_FILE_ALONE.has(name)) {
            expect(after.equals(before), `${name} must not write the data file`).toBe(true);
            return;
          }
          if (!after.equals(before)) tally.changed++;
          // The file as the schema would produce it: nothing unknown, nothing unparsed.
          const afterData = await stored();
          expect(DatabaseSchema.parse(afterData)).toEqual(afterData);
          expectExactlyTheChange(name, input, beforeData, afterData, result.value);
        }),
        { numRuns: 100 },
      );
    }
    // The property saw both sides: refusals, and accepted writes that changed the file.
    expect(tally.refused).toBeGreaterThan(1000);
    expect(tally.changed).toBeGreaterThan(10);
    await services.close();
  }, 180_000);

  it('refuses prototype keys, non-finite numbers, impossible dates and oversized text with invalid-input', async () => {
    const services = await openParkServices({ dataDir: await makeDir(), appVersion: 't' });
    const refused = [
      ['listProposals', JSON.parse('{"__proto__": {"polluted": true}}')],
      ['createProposal', { fields: JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(validFields).slice(1)}`) }],
      ['createProposal', { fields: { ...validFields, grossAreaSqFt: Number.NaN } }],
      ['createProposal', { fields: { ...validFields, grossAreaSqFt: Number.POSITIVE_INFINITY } }],
      ['createProposal', { fields: { ...validFields, grossAreaSqFt: '1e400' } }],
      ['createProposal', { fields: { ...validFields, dateReceived: '30-Feb-2021' } }],
      ['createProposal', { fields: { ...validFields, title: 'x'.repeat(301) } }],
      ['createProposal', { fields: { ...validFields, notes: 'x'.repeat(20_001) } }],
      ['createProposal', { fields: validFields, extra: true }],
      ['updateProposal', { id: '5b3f6c1e-0f4a-4a8e-9d2b-1c3e5f7a9b0d', expectedUpdatedAt: '2021-02-30T10:00:00.000Z', fields: validFields }],
      ['restoreBackup', { backupId: `park-desk-data.manual.${'1'.repeat(8)}T${'1'.repeat(9)}Z.deadbeef.json`.padEnd(100, 'x') }],
      ['updateSettings', { officialName: 'x'.repeat(121) }],
    ] as const;
    for (const [name, input] of refused) {
      expect(await services.dispatch(name, structuredClone(input)), `${name} ${JSON.stringify(input).slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(services.store.data.proposals).toEqual([]);
    await services.close();
  });
});
