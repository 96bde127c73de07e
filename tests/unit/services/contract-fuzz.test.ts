import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAME, openParkServices } from '../../../electron/services/park-services';
import { METHOD_NAMES } from '../../../shared/api/contract';
import { DatabaseSchema } from '../../../shared/domain/database';
import { ScriptedDialogs } from '../../support/scripted-dialogs';
import { useTempDataDir } from './temp-data-dir';

const makeDir = useTempDataDir();

/** Values a hostile or broken page could send: anything structuredClone carries, prototype keys, non-finite numbers, huge text. */
const nasty = fc.oneof(
  { weight: 8, arbitrary: fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withObjectString: true, maxDepth: 3 }) },
  { weight: 4, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308, 'Infinity', 'NaN', '1e400', '9'.repeat(400), '2021-02-30', '31-Feb-2021', '2021-13-01T00:00:00.000Z', '2021-02-30T10:00:00.000Z') },
  { weight: 1, arbitrary: fc.string({ minLength: 20_000, maxLength: 30_000 }) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(2_000_000)) },
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'fields', 'id'), fc.anything({ maxDepth: 2 }), { maxKeys: 3 }) },
);

const validFields = { referenceNumber: 'PSEB/STP/ISB/2026-01', title: 'Islamabad STP', city: 'Islamabad', province: 'Islamabad Capital Territory', grossAreaSqFt: 30000 };

/** Valid fields with some replaced by nasty values or joined by unknown keys: the inputs most likely to slip through. */
const nearlyValidFields = fc
  .tuple(fc.dictionary(fc.constantFrom(...Object.keys(validFields), 'notes', 'dateReceived', 'seatCapacity', 'evaluationScore', 'usableAreaSqFt', '__proto__', 'isAdmin'), nasty, { maxKeys: 3 }))
  .map(([changes]) => ({ ...validFields, ...changes }));

function inputFor(name: string): fc.Arbitrary<unknown> {
  const generic = fc.oneof(nasty, fc.dictionary(fc.string({ maxLength: 12 }), nasty, { maxKeys: 4 }));
  if (name === 'createProposal') return fc.oneof(generic, nearlyValidFields.map((fields) => ({ fields })));
  if (name === 'updateProposal') return fc.oneof(generic, fc.record({ id: fc.oneof(fc.uuid(), nasty), expectedUpdatedAt: fc.oneof(fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), nasty), fields: nearlyValidFields }));
  if (name === 'updateSettings') return fc.oneof(generic, fc.record({ officialName: nasty }), fc.record({ officialName: fc.string() }, { requiredKeys: [] }));
  return generic;
}

/** Calls that switch to the practice data (and back) go last, so the others are thrown at the register. */
const SWITCHES: ReadonlySet<string> = new Set(['loadSampleData', 'returnToRegister']);
const FUZZ_ORDER = [...METHOD_NAMES].sort((a, b) => Number(SWITCHES.has(a)) - Number(SWITCHES.has(b)));

describe('every contract entry under arbitrary input', () => {
  it('refuses what its schema refuses, and only schema-valid data ever reaches the data file', async () => {
    const dir = await makeDir();
    const dialogs = new ScriptedDialogs();
    const services = await openParkServices({ dataDir: dir, appVersion: 't', platform: { saveDialog: dialogs, openDialog: dialogs } });
    // Refused inputs must not throw across the boundary either: every answer is a Result.
    for (const name of FUZZ_ORDER) {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (raw) => {
          let cloned: unknown;
          try {
            cloned = structuredClone(raw);
          } catch {
            return; // Electron's IPC could not carry it either
          }
          const result = await services.dispatch(name, cloned);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        }),
        { numRuns: 100 },
      );
    }
    // Some near-valid proposals were saved; each one as the schema produced it.
    const stored = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
    expect(DatabaseSchema.parse(stored)).toEqual(stored);
    expect(stored.proposals.length).toBeGreaterThan(0);
    for (const proposal of stored.proposals) {
      expect(Object.keys(proposal.fields)).not.toContain('__proto__');
      expect(Object.keys(proposal.fields)).not.toContain('isAdmin');
    }
    expect(stored.settings.officialName.length).toBeLessThanOrEqual(120);
    await services.close();
  }, 120_000);

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
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(services.store.data.proposals).toEqual([]);
    await services.close();
  });
});
