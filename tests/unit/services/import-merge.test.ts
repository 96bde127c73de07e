import { describe, expect, it } from 'vitest';
import { differenceLabel, differenceValue } from '../../../shared/domain/difference-words';
import { planMerge, settleMerge } from '../../../electron/services/exchange/merge';
import { emptyDatabase } from '../../../shared/domain/database';
import { mergeRecords } from '../../../shared/domain/record-merge';
import { M1, mou, OB1, P1, PARTY_A, PARTY_B, proposal, received } from '../../support/merge-records';


describe('differences as the official reads them', () => {
  it('names the field (inside a list item by the item) and shows values in local formats; parties by name, role and signatories', () => {
    const ob = { id: OB1, partyId: PARTY_B, description: 'Hand over floors 6-8', dueOn: '2021-06-30' };
    const mine = mou({}, { obligations: [ob] });
    const theirs = mou({}, {
      obligations: [{ ...ob, dueOn: '2021-07-31' }],
      parties: [mine.fields.parties[0]!, { ...mine.fields.parties[1]!, signatories: [{ name: 'Imran Ghani', designation: 'Director' }] }],
      areaCommittedSqFt: 19500,
    });
    const merge = mergeRecords(mine, theirs);
    const shown = merge.conflicts.map((c) => [differenceLabel(c.path, 'mou', mine), differenceValue(c.mine), differenceValue(c.theirs)]);
    expect(shown).toEqual([
      ['Parties and signatories', 'PSEB (First party); Host (Host)', 'PSEB (First party); Host (Host; signed by Imran Ghani (Director))'],
      ['Obligation “Hand over floors 6-8”: Due date', '30-Jun-2021', '31-Jul-2021'],
      ['Area committed', '(empty)', '19,500'],
    ]);
    expect(differenceLabel([{ key: 'fields' }, { key: 'grossAreaSqFt' }], 'proposal', proposal())).toBe('Gross covered area');
    expect(differenceLabel([{ key: 'fields' }, { key: 'passedStagesNote' }], 'proposal', proposal())).toBe('Passed stages note');
  });
});

describe('settling an import', () => {
  it('refuses choices that together break a rule of the record, naming it; a missing choice is named too', () => {
    const mine = proposal({}, { grossAreaSqFt: 19500, usableAreaSqFt: 15000 });
    const theirs = proposal({ updatedAt: '2026-02-01T00:00:00.000Z' }, { grossAreaSqFt: 12000, usableAreaSqFt: 11000 });
    const plan = planMerge({ ...emptyDatabase(), proposals: [mine] }, { ...emptyDatabase(), proposals: [theirs] });
    expect(plan.problems).toEqual([]);
    const [gross, usable] = plan.differences;
    expect([gross!.field, usable!.field]).toEqual(['Gross covered area', 'Usable area']);
    const now = new Date('2026-03-01T00:00:00.000Z');
    const mixed = settleMerge(plan, new Map([[gross!.id, 'theirs'], [usable!.id, 'mine']]), now);
    expect(mixed.problems).toEqual(['FSD-1 — Faisalabad STP would not be valid with these choices: Usable area cannot be more than the gross covered area.']);
    expect(settleMerge(plan, new Map([[gross!.id, 'theirs']]), now).problems[0]).toBe('1 difference has no choice: FSD-1 — Faisalabad STP, Usable area.');
    const taken = settleMerge(plan, new Map([[gross!.id, 'theirs'], [usable!.id, 'theirs']]), now);
    expect(taken).toMatchObject({ problems: [], changed: 1 });
    expect(taken.proposals[0]!.fields).toMatchObject({ grossAreaSqFt: 12000, usableAreaSqFt: 11000 });
    expect(taken.proposals[0]!.updatedAt).toBe(now.toISOString());
  });
});
