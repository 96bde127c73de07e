import { describe, expect, it } from 'vitest';
import { emptyDatabase, type Database } from '../../../shared/domain/database';
import { importFileProblems } from '../../../shared/domain/import-checks';
import type { Mou } from '../../../shared/domain/mou';
import type { Proposal } from '../../../shared/domain/proposal';
import { deepEqual, mergeHistory, mergeRecords, pathKey, resolveConflicts } from '../../../shared/domain/record-merge';
import { M1, M2, mou, OB1, OB2, P1, PARTY_A, PARTY_B, proposal, received } from '../../support/merge-records';


describe('history union', () => {
  it('keeps both copies’ entries once each, in date order by when they took effect, then when recorded', () => {
    const screening = { at: '2026-02-01T09:00:00.000Z', from: 'received', to: 'screening', by: 'Ayesha', note: '' };
    const hold = { at: '2026-03-01T09:00:00.000Z', from: 'received', to: 'on-hold', by: 'Bilal', note: 'Waiting for the lease' };
    const backDated = { at: '2026-02-01T09:00:00.000Z', recordedAt: '2026-02-20T09:00:00.000Z', from: 'received', to: 'site-inspection', by: 'Bilal', note: 'late' };
    const { entries, added } = mergeHistory([received, hold], [received, backDated, screening]);
    expect(added).toBe(2);
    expect(entries).toEqual([received, screening, backDated, hold]);
  });

  it('treats entries as opaque: unknown fields take part in equality, key order does not', () => {
    const withExtra = { ...received, passed: ['screening'] };
    const reordered = { note: received.note, by: received.by, to: received.to, from: received.from, at: received.at };
    expect(mergeHistory([received], [reordered])).toEqual({ entries: [received], added: 0 });
    expect(mergeHistory([received], [withExtra]).added).toBe(1);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
  });

  it('a file whose history is a prefix of this one’s adds nothing and leaves the order as it is', () => {
    const later = { at: '2026-02-01T09:00:00.000Z', from: 'received', to: 'screening', by: '', note: '' };
    expect(mergeHistory([received, later], [received])).toEqual({ entries: [received, later], added: 0 });
  });
});

describe('record merge', () => {
  it('unites two different stage moves on one proposal; the derived stage is the later move', () => {
    const mine = proposal({ updatedAt: '2026-02-01T09:00:00.000Z', stageHistory: [received, { at: '2026-02-01T09:00:00.000Z', from: 'received', to: 'screening', by: 'A', note: '' }] });
    const theirs = proposal({ updatedAt: '2026-01-20T09:00:00.000Z', stageHistory: [received, { at: '2026-01-20T09:00:00.000Z', from: 'received', to: 'on-hold', by: 'B', note: '' }] });
    const merge = mergeRecords(mine, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.historyAdded).toBe(1);
    expect(merge.merged.stageHistory.map((m) => m.to)).toEqual(['received', 'on-hold', 'screening']);
    expect(merge.merged.updatedAt).toBe(mine.updatedAt);
  });

  it('unites an MoU’s status history the same way', () => {
    const entered = mou().statusHistory[0]!;
    const review = { at: '2026-01-05T09:00:00.000Z', from: 'draft', to: 'legal-review', by: 'A', note: '' } as const;
    const signed = { at: '2026-01-03T09:00:00.000Z', recordedAt: '2026-01-09T09:00:00.000Z', from: 'draft', to: 'signed', by: 'B', note: 'back-dated' };
    const merge = mergeRecords(mou({ statusHistory: [entered, review] }), mou({ statusHistory: [entered, signed] as Mou['statusHistory'] }));
    expect(merge.conflicts).toEqual([]);
    expect(merge.merged.statusHistory.map((m) => m.to)).toEqual(['draft', 'signed', 'legal-review']);
  });

  it('lists each differing field, keeps this computer’s value until the other is chosen', () => {
    const mine = proposal({}, { title: 'Faisalabad STP', notes: 'mine' });
    const theirs = proposal({ updatedAt: '2026-05-01T00:00:00.000Z', archivedAt: '2026-05-01T00:00:00.000Z' }, { title: 'Faisalabad Park', usableAreaSqFt: 15000, notes: 'mine' });
    const merge = mergeRecords(mine, theirs);
    expect(merge.conflicts.map((c) => pathKey(c.path))).toEqual(['fields.title', 'fields.usableAreaSqFt', 'archivedAt']);
    expect(merge.merged).toEqual(mine);
    const taken = resolveConflicts(merge, (c) => pathKey(c.path) !== 'fields.title');
    expect(taken.fields).toMatchObject({ title: 'Faisalabad STP', usableAreaSqFt: 15000 });
    expect(taken.archivedAt).toBe('2026-05-01T00:00:00.000Z');
    // Taking "empty" removes the field rather than storing undefined.
    const back = resolveConflicts(mergeRecords(theirs, mine), () => true);
    expect('usableAreaSqFt' in back.fields).toBe(false);
    expect('archivedAt' in back).toBe(false);
  });

  it('unites obligations by id and compares the ones both have field by field; parties are compared whole', () => {
    const ob1 = { id: OB1, partyId: PARTY_B, description: 'Hand over floors 6-8', dueOn: '2021-06-30' };
    const ob2 = { id: OB2, partyId: PARTY_A, description: 'Fibre link' };
    const mine = mou({}, { obligations: [ob1] });
    const theirs = mou({}, { obligations: [{ ...ob1, completedOn: '2021-07-02' }, ob2], parties: [mine.fields.parties[0]!, { ...mine.fields.parties[1]!, name: 'Host University' }] });
    const merge = mergeRecords(mine, theirs);
    expect(merge.itemsAdded).toBe(1);
    expect(merge.merged.fields.obligations).toEqual([ob1, ob2]);
    expect(merge.conflicts.map((c) => pathKey(c.path))).toEqual(['fields.parties', `fields.obligations[id=${OB1}].completedOn`]);
    const all = resolveConflicts(merge, () => true);
    expect(all.fields.obligations[0]!.completedOn).toBe('2021-07-02');
    expect(all.fields.parties[1]!.name).toBe('Host University');
  });

  it('unites any list of never-edited items with ids that only one copy has (such as occupancy returns)', () => {
    const returns = [{ id: OB1, recordedAt: '2026-10-05T06:00:00.000Z', recordedBy: 'Ayesha Khan', period: 'FY2026-27-Q1', firmsHoused: 12, seatsAvailable: 800, seatsOccupied: 300 }];
    const mine = proposal();
    const theirs = { ...proposal(), occupancyReturns: returns };
    const merge = mergeRecords(mine as Proposal & { occupancyReturns?: unknown[] }, theirs);
    expect(merge.conflicts).toEqual([]);
    expect(merge.itemsAdded).toBe(1);
    expect(merge.merged.occupancyReturns).toEqual(returns);
  });
});

describe('a file that must be refused', () => {
  const db = (over: Partial<Database>): Database => ({ ...emptyDatabase(), ...over });

  it('names records that share an id, and items of one record that share an id', () => {
    const ob = { id: OB1, partyId: PARTY_A, description: 'x' };
    const incoming = db({
      proposals: [proposal(), proposal({}, { referenceNumber: 'FSD-2' })],
      mous: [mou({}, { obligations: [ob, { ...ob, description: 'y' }] })],
    });
    expect(importFileProblems(emptyDatabase(), incoming)).toEqual([
      `2 proposals in the file share one id (${P1}): proposal FSD-1, proposal FSD-2.`,
      'MoU MOU-1 lists two obligations under one id.',
    ]);
  });

  it('names MoUs linked to a proposal or a predecessor that would not exist after the import', () => {
    const orphan = mou({}, { proposalId: P1, previousMouId: M2 });
    expect(importFileProblems(emptyDatabase(), db({ mous: [orphan] }))).toEqual([
      'MoU MOU-1 is linked to a proposal that is neither in the file nor on this computer.',
      'MoU MOU-1 renews or supersedes an MoU that is neither in the file nor on this computer.',
    ]);
    // Present on this computer or in the file: fine.
    expect(importFileProblems(db({ proposals: [proposal()] }), db({ mous: [orphan, mou({ id: M2 }, { mouNumber: 'MOU-0' })] }))).toEqual([]);
    // In the file but left out of the import: named.
    expect(importFileProblems(emptyDatabase(), db({ proposals: [proposal()], mous: [mou({}, { proposalId: P1 })] }), new Set([P1]))).toEqual([
      'MoU MOU-1 is linked to proposal FSD-1, which cannot be imported (see the preview’s records left alone).',
    ]);
  });
});
