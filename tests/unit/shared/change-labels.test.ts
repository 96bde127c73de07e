import { describe, expect, it } from 'vitest';
import { changeFieldLabel, itemPositions, wordsOf } from '../../../shared/domain/change-labels';
import { changeFieldUnit, formatChangeValue } from '../../../shared/domain/change-values';
import { changeEntryRows, withReplacements } from '../../../shared/domain/change-rows';
import { PROPOSAL_FIELD_LABELS } from '../../../shared/domain/proposal-labels';
import { MOU_FIELD_LABELS } from '../../../shared/domain/mou-labels';
import { MOU_FORM_SECTIONS } from '../../../renderer/src/features/mous/mou-form-values';
import { ALL_FORM_FIELDS } from '../../../renderer/src/features/proposals/proposal-form-layout';

describe('a changed field in words', () => {
  it('names a proposal field by the label the form and the page use, with or without the record\'s "fields" wrapper', () => {
    expect(changeFieldLabel('proposal', 'fields.grossAreaSqFt')).toBe('Gross covered area');
    expect(changeFieldLabel('proposal', 'grossAreaSqFt')).toBe('Gross covered area');
    expect(changeFieldLabel('proposal', 'notes')).toBe('Notes');
    for (const spec of ALL_FORM_FIELDS) expect(changeFieldLabel('proposal', `fields.${spec.name}`)).toBe(spec.label);
  });

  it('names every MoU form field by its form label', () => {
    for (const spec of Object.values(MOU_FORM_SECTIONS).flat()) expect(changeFieldLabel('mou', `fields.${spec.name}`)).toBe(spec.label);
    expect(changeFieldLabel('mou', 'previousMouId')).toBe(MOU_FIELD_LABELS.previousMouId);
  });

  it('counts list items from 1 and drops the item\'s word from its fields: "Party 3 · Name"', () => {
    expect(changeFieldLabel('mou', 'parties.2.name')).toBe('Party 3 · Name');
    expect(changeFieldLabel('mou', 'fields.parties.0.role')).toBe('Party 1 · Role');
    expect(changeFieldLabel('mou', 'parties.1.type')).toBe('Party 2 · Type');
    expect(changeFieldLabel('mou', 'parties.0.signatories.1.signedOn')).toBe('Party 1 · Signatory 2 · Date signed');
    expect(changeFieldLabel('mou', 'parties.0.signatories.0.name')).toBe('Party 1 · Signatory 1 · Name');
    expect(changeFieldLabel('mou', 'parties.0.signatories')).toBe('Party 1 · Signatories');
    expect(changeFieldLabel('mou', 'witnesses.1.designation')).toBe('Witness 2 · Designation');
    expect(changeFieldLabel('mou', 'obligations.3.description')).toBe('Obligation 4 · Description');
    expect(changeFieldLabel('mou', 'obligations.0.dueOn')).toBe('Obligation 1 · Due date');
    expect(changeFieldLabel('mou', 'amendments.0.number')).toBe('Amendment 1 · Number');
  });

  it('counts items the change log names by their id by where they stand in the record now', () => {
    const [pseb, sitara, gone] = ['0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', '1b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d', '2b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d'];
    const positions = itemPositions({ fields: { parties: [{ id: pseb, signatories: [] }, { id: sitara, signatories: [] }], obligations: [{ id: gone }] } });
    expect(changeFieldLabel('mou', `fields.parties.${sitara}.name`, positions)).toBe('Party 2 · Name');
    expect(changeFieldLabel('mou', `fields.parties.${pseb}.signatories.0.designation`, positions)).toBe('Party 1 · Signatory 1 · Designation');
    expect(changeFieldLabel('mou', `fields.obligations.${gone}`, positions)).toBe('Obligation 1');
    expect(changeFieldLabel('mou', `fields.amendments.${gone}`, {})).toBe('Amendment');
    expect(formatChangeValue('provincial-it-board', { kind: 'mou', path: `fields.parties.${sitara}.type` })).toBe('Provincial IT board');
    expect(formatChangeValue({ name: 'Sitara', role: 'Host', signatories: [] }, { kind: 'mou', path: `fields.parties.${sitara}` })).toBe('Sitara (Host)');
  });

  it('names whole lists, whole items and the moves of the histories', () => {
    expect(changeFieldLabel('mou', 'parties')).toBe('Parties');
    expect(changeFieldLabel('mou', 'parties.2')).toBe('Party 3');
    expect(changeFieldLabel('proposal', 'stageHistory.8')).toBe('Stage move 9');
    expect(changeFieldLabel('proposal', 'stageHistory.8.note')).toBe('Stage move 9 · Note');
    expect(changeFieldLabel('mou', 'statusHistory.0')).toBe('Status move 1');
    expect(changeFieldLabel('proposal', 'occupancyReturns.1.seatsOccupied')).toBe('Occupancy return 2 · Seats occupied');
    expect(changeFieldLabel('proposal', 'archivedAt')).toBe('Archived');
  });

  it('puts a field it does not know yet into words instead of showing code', () => {
    expect(changeFieldLabel('proposal', 'fields.nextActionDueOn')).toBe('Next action due on');
    expect(changeFieldLabel('mou', 'attachments.0.fileName')).toBe('Attachments · Item 1 · File name');
    expect(wordsOf('seatCapacity')).toBe('Seat capacity');
    expect(changeFieldLabel('proposal', '')).toBe('The whole record');
  });
});

describe('a changed value as the page shows it', () => {
  const proposal = (path: string) => ({ kind: 'proposal' as const, path });
  const mou = (path: string) => ({ kind: 'mou' as const, path });

  it('groups numbers and gives number fields their unit', () => {
    expect(formatChangeValue(19500, proposal('fields.grossAreaSqFt'))).toBe('19,500');
    expect(formatChangeValue(1234567, proposal('fitOutCost'))).toBe('12,34,567');
    expect(changeFieldUnit('proposal', 'fields.grossAreaSqFt')).toBe('sq ft');
    expect(changeFieldUnit('mou', 'subsidyPercent')).toBe('%');
    expect(changeFieldUnit('proposal', 'title')).toBeUndefined();
  });

  it('shows dates day-month-year and instants in Pakistan time', () => {
    expect(formatChangeValue('2021-02-15', proposal('dateReceived'))).toBe('15-Feb-2021');
    expect(formatChangeValue('2026-03-12T05:42:00.000Z', proposal('archivedAt'))).toBe('12-Mar-2026 10:42');
  });

  it('names stages, statuses and choices instead of their codes', () => {
    expect(formatChangeValue('private-company', proposal('offeringPartyType'))).toBe('Private company');
    expect(formatChangeValue('site-inspection', proposal('stageHistory.2.to'))).toBe('Site inspection');
    expect(formatChangeValue(['received', 'screening'], proposal('stageHistory.0.passedStages'))).toBe('Received, Screening');
    expect(formatChangeValue('three-party', mou('type'))).toBe('Three-party');
    expect(formatChangeValue('provincial-it-board', mou('parties.2.type'))).toBe('Provincial IT board');
    expect(formatChangeValue('legal-review', mou('statusHistory.1.to'))).toBe('Legal review');
  });

  it('keeps Urdu and other text exactly as stored, and says nothing for a value not recorded', () => {
    const urdu = 'پہلا پارک فیصل آباد میں';
    expect(formatChangeValue(urdu, proposal('notes'))).toBe(urdu);
    expect(formatChangeValue('PSEB/STP/FSD/2021-01', proposal('referenceNumber'))).toBe('PSEB/STP/FSD/2021-01');
    expect(formatChangeValue(undefined, proposal('notes'))).toBe('');
    expect(formatChangeValue('', proposal('notes'))).toBe('');
  });

  it('words a whole move, party or obligation in one line, and ids by the names they stand for', () => {
    const move = { id: '5f0c7d5e-3b7a-4c1e-9d7a-1b2c3d4e5f60', at: '2021-03-01T07:00:00.000Z', from: 'received', to: 'screening', by: 'Ayesha Khan', note: 'Papers complete.' };
    expect(formatChangeValue(move, proposal('stageHistory.1'))).toBe('Received → Screening by Ayesha Khan on 01-Mar-2021 12:00: Papers complete.');
    expect(formatChangeValue({ name: 'Sitara Chemical Industries', role: 'Second party', type: 'private-company', signatories: [] }, mou('parties.1'))).toBe(
      'Sitara Chemical Industries (Second party)',
    );
    expect(
      formatChangeValue({ name: 'PSEB', role: 'First party', type: 'pseb', signatories: [{ name: 'Osman Nasir', designation: 'MD', signedOn: '2021-05-20' }] }, mou('parties.0')),
    ).toBe('PSEB (First party), signed by Osman Nasir (MD)');
    expect(formatChangeValue({ description: 'Hand over floors 6-8', dueOn: '2021-08-01' }, mou('obligations.0'))).toBe('Hand over floors 6-8 (due 01-Aug-2021)');
    const partyId = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    expect(formatChangeValue(partyId, { ...mou('obligations.0.partyId'), names: { [partyId]: 'PSEB' } })).toBe('PSEB');
    expect(formatChangeValue(partyId, mou('previousMouId'))).toBe('another record');
    expect(formatChangeValue({ period: '2026-10', firmsHoused: 12, id: partyId }, proposal('occupancyReturns.0'))).toBe('Period: 2026-10 · Firms housed: 12');
  });
});

it('the proposal labels the history reads are the ones the schema and the form use', () => {
  expect(Object.keys(PROPOSAL_FIELD_LABELS).length).toBe(ALL_FORM_FIELDS.length);
});

describe('one entry of a record\'s history as the page lists it', () => {
  const entry = { seq: 7, at: '2026-03-12T05:42:00.000Z', by: 'Ayesha Khan', recordKind: 'proposal' };

  it('lists a change with its unit in the label, leaving out what the store keeps for itself', () => {
    const rows = changeEntryRows('proposal', {
      ...entry,
      op: 'update',
      changes: [
        { field: 'updatedAt', before: '2026-03-01T05:00:00.000Z', after: '2026-03-12T05:42:00.000Z' },
        { field: 'fields.grossAreaSqFt', before: 19500, after: 20000 },
        { field: 'fields.siteAddress', after: 'Jhang Road' },
      ],
    });
    expect(rows.title).toBe('Changed');
    expect(rows.rows).toEqual([
      { label: 'Gross covered area (sq ft)', before: '19,500', after: '20,000' },
      { label: 'Site address', before: '', after: 'Jhang Road' },
    ]);
  });

  it('says "Created" with the fields entered, and names a stage move by its stages', () => {
    const rows = changeEntryRows('proposal', {
      ...entry,
      op: 'create',
      changes: [
        { field: 'id', after: '5f0c7d5e-3b7a-4c1e-9d7a-1b2c3d4e5f60' },
        { field: 'fields.title', after: 'Faisalabad Software Technology Park' },
        { field: 'stageHistory.0', after: { at: '2021-02-15T07:00:00.000Z', from: null, to: 'received', by: 'Ayesha Khan', note: '' } },
      ],
    });
    expect(rows.title).toBe('Created');
    expect(rows.rows).toEqual([
      { label: 'Title', before: '', after: 'Faisalabad Software Technology Park' },
      { label: 'Stage move 1', before: '', after: 'Entered at Received by Ayesha Khan on 15-Feb-2021 12:00', item: 'added' },
    ]);
  });

  it('marks a whole item added to or taken out of a list, so the page says "Added" rather than "Not recorded"', () => {
    const obligation = '3b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    const rows = changeEntryRows('mou', {
      ...entry,
      recordKind: 'mou',
      op: 'update',
      changes: [
        { field: 'statusHistory.1', after: { at: '2021-05-20T07:00:00.000Z', from: 'draft', to: 'signed', by: 'Ayesha Khan', note: 'Signed in Islamabad.' } },
        { field: `fields.obligations.${obligation}`, before: { id: obligation, description: 'Hand over floors 6-8' } },
        { field: 'fields.venue', after: 'Islamabad' },
      ],
    });
    expect(rows.rows.map((row) => [row.label, row.item])).toEqual([
      ['Status move 2', 'added'],
      ['Obligation', 'removed'],
      ['Venue', undefined],
    ]);
    expect(rows.rows[0]!.after).toBe('Draft → Signed by Ayesha Khan on 20-May-2021 12:00: Signed in Islamabad.');
  });

  it('gives a unit once, even where the label already carries it', () => {
    const rows = changeEntryRows('mou', { ...entry, recordKind: 'mou', op: 'update', changes: [{ field: 'fields.termYears', before: 5, after: 10 }, { field: 'fields.areaCommittedSqFt', after: 19500 }] });
    expect(rows.rows.map((row) => row.label)).toEqual(['Term (years)', 'Area committed (sq ft)']);
  });

  it('says so when a restore or an import replaced every record', () => {
    const restore = changeEntryRows('proposal', {
      ...entry,
      recordKind: 'database',
      op: 'replace-all',
      reason: 'before-restore',
      changes: [
        { field: 'proposals', before: 12, after: 1234 },
        { field: 'mous', before: 3, after: 3 },
      ],
    });
    expect(restore.title).toBe('All records replaced: a backup restored (or an empty start after a damaged file)');
    expect(restore.rows).toEqual([
      { label: 'Proposals', before: '12', after: '1,234' },
      { label: 'MoUs', before: '3', after: '3' },
    ]);
    expect(changeEntryRows('mou', { ...entry, op: 'replace-all', reason: 'before-import', changes: [] }).title).toBe('All records replaced: records imported from a file');
  });

  it('names the party an obligation is owed by, from the MoU as it is now', () => {
    const pseb = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    const obligation = '3b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    const mou = { fields: { parties: [{ id: pseb, name: 'PSEB', signatories: [] }], obligations: [{ id: obligation }] } };
    const rows = changeEntryRows('mou', { ...entry, recordKind: 'mou', op: 'update', changes: [{ field: `fields.obligations.${obligation}.partyId`, after: pseb }] }, mou);
    expect(rows.rows).toEqual([{ label: 'Obligation 1 · Owed by', before: '', after: 'PSEB' }]);
  });
});

it('a record\'s history takes in the replacements since it was first recorded, newest first', () => {
  const at = '2026-03-12T05:42:00.000Z';
  const e = (seq: number, op: string) => ({ seq, at, by: 'Ayesha Khan', recordKind: op === 'replace-all' ? 'database' : 'proposal', op, changes: [] });
  const merged = withReplacements([e(4, 'create'), e(9, 'update')], [e(2, 'replace-all'), e(7, 'replace-all'), e(12, 'replace-all')]);
  expect(merged.map((entry) => entry.seq)).toEqual([12, 9, 7, 4]);
  // A record from before the change log was kept: every replacement may have brought it.
  expect(withReplacements([], [e(2, 'replace-all')]).map((entry) => entry.seq)).toEqual([2]);
});
