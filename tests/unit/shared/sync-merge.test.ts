import { describe, expect, it } from 'vitest';
import { mergeConflictLists, mergeForSync, type StoredConflict } from '../../../shared/domain/sync-merge';

const base = {
  id: 'p1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  fields: { title: 'Faisalabad STP', city: 'Faisalabad', grossAreaSqFt: 19500 },
  stageHistory: [{ id: 'm0', at: '2026-01-01T00:00:00.000Z', from: null, to: 'received', by: 'amina' }],
  occupancyReturns: [{ id: 'r1', seats: 10 }],
};

describe('three-way merge for sync', () => {
  it('takes a change made on one side only, from either side', () => {
    const local = { ...base, fields: { ...base.fields, city: 'Faisalabad (Jhang Road)' } };
    const remote = { ...base, fields: { ...base.fields, grossAreaSqFt: 20000 } };
    const { merged, conflicts } = mergeForSync(base, local, remote);
    expect(conflicts).toEqual([]);
    expect(merged.fields).toEqual({ title: 'Faisalabad STP', city: 'Faisalabad (Jhang Road)', grossAreaSqFt: 20000 });
  });

  it('unites histories and id-lists; an item removed on one side and untouched on the other goes', () => {
    const local = { ...base, stageHistory: [...base.stageHistory, { id: 'mA', at: '2026-02-01T00:00:00.000Z', from: 'received', to: 'screening', by: 'amina' }], occupancyReturns: [] };
    const remote = { ...base, stageHistory: [...base.stageHistory, { id: 'mB', at: '2026-01-15T00:00:00.000Z', from: 'received', to: 'on-hold', by: 'bilal' }], occupancyReturns: [...base.occupancyReturns, { id: 'r2', seats: 20 }] };
    const { merged, conflicts } = mergeForSync(base, local, remote);
    expect(conflicts).toEqual([]);
    expect(merged.stageHistory.map((m) => m.id)).toEqual(['m0', 'mB', 'mA']);
    expect(merged.occupancyReturns).toEqual([{ id: 'r2', seats: 20 }]);
  });

  it('the same field changed differently on both sides is a conflict, keeping the local value', () => {
    const local = { ...base, updatedAt: '2026-03-01T00:00:00.000Z', fields: { ...base.fields, grossAreaSqFt: 21000 } };
    const remote = { ...base, updatedAt: '2026-03-02T00:00:00.000Z', fields: { ...base.fields, grossAreaSqFt: 20000 } };
    const { merged, conflicts } = mergeForSync(base, local, remote);
    expect(conflicts).toEqual([{ path: [{ key: 'fields' }, { key: 'grossAreaSqFt' }], field: 'fields.grossAreaSqFt', local: 21000, remote: 20000 }]);
    expect(merged.fields.grossAreaSqFt).toBe(21000);
    expect(merged.updatedAt).toBe('2026-03-02T00:00:00.000Z');
  });

  it('the same change on both sides is no conflict; a field removed on one side only is removed', () => {
    const local = { ...base, fields: { title: 'Faisalabad STP', city: 'Faisalabad' } };
    const remote = { ...base, fields: { ...base.fields, title: 'Faisalabad STP' } };
    expect(mergeForSync(base, local, remote)).toEqual({ merged: local, conflicts: [] });
  });
});

describe('conflict lists travelling with a record', () => {
  const record = { fields: { grossAreaSqFt: 21000 } };
  const conflict = (id: string, kept = 21000, other = 20000): StoredConflict => ({
    id,
    path: [{ key: 'fields' }, { key: 'grossAreaSqFt' }],
    field: 'fields.grossAreaSqFt',
    kept: { value: kept, by: 'bilal', at: 't1' },
    other: { value: other, by: 'amina', at: 't2' },
  });

  it('keeps a conflict either side has, drops one a side settled since the ancestor', () => {
    expect(mergeConflictLists([], [], [conflict('c1')], [], record).map((c) => c.id)).toEqual(['c1']);
    expect(mergeConflictLists([conflict('c1')], [conflict('c1')], [], [], record)).toEqual([]);
  });

  it('a new conflict replaces an older one at the same place; one the record no longer holds goes', () => {
    expect(mergeConflictLists([], [conflict('c1')], [], [conflict('c2')], record).map((c) => c.id)).toEqual(['c2']);
    expect(mergeConflictLists([], [conflict('c1', 19000)], [], [], record)).toEqual([]);
  });
});
