import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../shared/domain/change-entry';
import { recordChanges } from '../../../shared/domain/record-changes';
import { mou, OB1, PARTY_A, PARTY_B, proposal, received } from '../../support/merge-records';

describe('field-level changes between two versions of a record', () => {
  it('names each changed field by its path, with before and after', () => {
    const before = proposal();
    const after = proposal({ updatedAt: '2026-02-01T09:00:00.000Z' }, { grossAreaSqFt: 21000, notes: 'Second floor added', title: 'فیصل آباد STP' });
    expect(recordChanges(before, after)).toEqual([
      { field: 'updatedAt', before: '2026-01-01T09:00:00.000Z', after: '2026-02-01T09:00:00.000Z' },
      { field: 'fields.title', before: 'Faisalabad STP', after: 'فیصل آباد STP' },
      { field: 'fields.grossAreaSqFt', before: 19500, after: 21000 },
      { field: 'fields.notes', after: 'Second floor added' },
    ]);
    expect(recordChanges(after, before).find((c) => c.field === 'fields.notes')).toEqual({ field: 'fields.notes', before: 'Second floor added' });
    expect(recordChanges(before, proposal())).toEqual([]);
  });

  it('matches list items by id, whatever their order: added, removed and edited items', () => {
    const before = mou();
    const [pseb, host] = before.fields.parties;
    const obligation = { id: OB1, partyId: PARTY_B, description: 'Provide 20,000 sq ft', dueOn: '2026-06-30' };
    const after = mou({}, { parties: [{ ...host!, name: 'University of Agriculture' }], obligations: [obligation] });
    expect(recordChanges(before, after)).toEqual([
      { field: `fields.parties.${PARTY_A}`, before: pseb },
      { field: `fields.parties.${PARTY_B}.name`, before: 'Host', after: 'University of Agriculture' },
      { field: `fields.obligations.${OB1}`, after: obligation },
    ]);
    // Reordering alone changes no field.
    expect(recordChanges(before, mou({}, { parties: [host!, pseb!] }))).toEqual([]);
  });

  it('lists moves appended to a history as added items, and lists without ids by position', () => {
    const move = { at: '2026-02-01T09:00:00.000Z', from: 'received', to: 'screening', by: 'Bilal', note: 'Complete file.' } as const;
    expect(recordChanges(proposal(), proposal({ stageHistory: [received, move] }))).toEqual([{ field: 'stageHistory.1', after: move }]);
    const signatory = { name: 'Dr Asif', designation: 'Vice Chancellor' };
    const before = mou();
    const host = before.fields.parties[1]!;
    const after = mou({}, { parties: [before.fields.parties[0]!, { ...host, signatories: [signatory] }] });
    expect(recordChanges(before, after)).toEqual([{ field: `fields.parties.${PARTY_B}.signatories.0`, after: signatory }]);
  });

  it('lists every field of a created record with only its value after', () => {
    const created = recordChanges(undefined, proposal());
    expect(created).toContainEqual({ field: 'fields.referenceNumber', after: 'FSD-1' });
    expect(created).toContainEqual({ field: 'stageHistory.0', after: received });
    expect(created.every((c) => !('before' in c))).toBe(true);
  });
});

describe('the canonical encoding hashed for each entry', () => {
  it('gives the same text whatever order the keys were built in, and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 'اردو', x: null }], c: undefined })).toBe('{"a":[{"x":null,"y":"اردو"}],"b":1}');
    expect(canonicalJson({ a: [{ x: null, y: 'اردو' }], b: 1 })).toBe(canonicalJson({ b: 1, a: [{ y: 'اردو', x: null }] }));
  });
});
