import { describe, expect, it } from 'vitest';
import {
  citiesOf,
  daysInStage,
  queryProposalSummaries,
  type ProposalListFilters,
  type ProposalSortKey,
  type SortDirection,
} from '../../../shared/domain/proposal-list-query';
import type { ProposalSummary } from '../../../shared/domain/proposal-summary';

const row = (over: Partial<ProposalSummary> & Pick<ProposalSummary, 'id'>): ProposalSummary => ({
  referenceNumber: `REF-${over.id}`,
  title: `Park ${over.id}`,
  city: 'Lahore',
  province: 'Punjab',
  grossAreaSqFt: 10_000,
  stage: 'received',
  enteredStageAt: '2026-11-01T07:00:00.000Z',
  updatedAt: '2026-11-01T07:00:00.000Z',
  ...over,
});

const rows: ProposalSummary[] = [
  row({ id: 'fsd', referenceNumber: 'PSEB/STP/FSD/2021-01', title: 'Faisalabad STP', city: 'Faisalabad', offeringParty: 'Sitara Chemical', offeringPartyType: 'private-company', grossAreaSqFt: 19_500, stage: 'mou-signed', notes: 'پہلا پارک فیصل آباد میں', enteredStageAt: '2021-05-20T07:00:00.000Z' }),
  row({ id: 'rwp', referenceNumber: 'PSEB/STP/RWP/2021-02', title: 'Rawalpindi STP', city: 'Rawalpindi', offeringParty: 'IMARAT Group', offeringPartyType: 'private-company', grossAreaSqFt: 44_000, stage: 'operational', enteredStageAt: '2021-12-29T07:00:00.000Z' }),
  row({ id: 'qta', referenceNumber: 'PSEB/STP/QTA/2022-01', title: 'Quetta STP', city: 'Quetta', province: 'Balochistan', offeringParty: 'UltraSoft', offeringPartyType: 'private-company', grossAreaSqFt: 13_800, stage: 'evaluation' }),
  row({ id: 'bnu', referenceNumber: 'PSEB/STP/BNU/2022-02', title: 'Bannu STP', city: 'Bannu', province: 'Khyber Pakhtunkhwa', offeringParty: 'USTB Bannu', offeringPartyType: 'university', grossAreaSqFt: 9_000, stage: 'rejected' }),
  row({ id: 'old', referenceNumber: 'PSEB/STP/LHR/2020-09', title: 'Old Lahore offer', city: ' lahore', stage: 'withdrawn', archivedAt: '2026-10-01T00:00:00.000Z' }),
];

const today = '2026-11-25';
interface View {
  query: string;
  filters: ProposalListFilters;
  archived: boolean;
  sortKey: ProposalSortKey;
  sortDirection: SortDirection;
}
const base: View = { query: '', filters: {}, archived: false, sortKey: 'referenceNumber', sortDirection: 'asc' };
const ids = (view: Partial<View>) =>
  queryProposalSummaries(rows, { ...base, ...view }, today).map((r) => r.id);

describe('searching the proposals list', () => {
  it('finds by city, partner, reference and title, ignoring case, every word required', () => {
    expect(ids({ query: 'faisalabad' })).toEqual(['fsd']);
    expect(ids({ query: 'imarat' })).toEqual(['rwp']);
    expect(ids({ query: 'qta/2022' })).toEqual(['qta']);
    expect(ids({ query: 'STP punjab' })).toEqual([]);
    expect(ids({ query: 'stp quetta' })).toEqual(['qta']);
  });

  it('finds an Urdu word in the notes, with or without diacritics', () => {
    expect(ids({ query: 'فیصل' })).toEqual(['fsd']);
    expect(ids({ query: 'پہلا' })).toEqual(['fsd']);
    expect(ids({ query: 'پَہلا' })).toEqual(['fsd']);
  });
});

describe('filtering the proposals list', () => {
  it('by stage, stage group, province, city and partner type, combined', () => {
    expect(ids({ filters: { stage: 'evaluation' } })).toEqual(['qta']);
    expect(ids({ filters: { stage: 'signed' } })).toEqual(['fsd']); // MoU signed or Fit-out; Operational is its own figure
    expect(ids({ filters: { stage: 'pipeline' } })).toEqual(['qta']);
    expect(ids({ filters: { stage: 'open' } })).toEqual(['fsd', 'qta', 'rwp']);
    expect(ids({ filters: { province: 'Punjab' } })).toEqual(['fsd', 'rwp']);
    expect(ids({ filters: { city: 'rawalpindi' } })).toEqual(['rwp']);
    expect(ids({ filters: { partnerType: 'university' } })).toEqual(['bnu']);
    expect(ids({ filters: { province: 'Punjab', stage: 'operational' } })).toEqual(['rwp']);
    expect(ids({ filters: { province: 'Punjab' }, query: 'sitara' })).toEqual(['fsd']);
    expect(ids({ filters: { partnerType: 'unrecorded' } })).toEqual([]);
  });

  it('by stuck: still moving through the pipeline and longer in its stage than the threshold', () => {
    // fsd has been at MoU signed since 2021; qta at Evaluation since 01-Nov-2026 (24 days); rwp is operational.
    expect(ids({ filters: { stuckOverDays: 60 } })).toEqual(['fsd']);
    expect(ids({ filters: { stuckOverDays: 23 } })).toEqual(['fsd', 'qta']);
    expect(ids({ filters: { stuckOverDays: 24 } })).toEqual(['fsd']);
  });

  it('hides archived proposals unless the archived view is asked for, which shows only them', () => {
    expect(ids({})).not.toContain('old');
    expect(ids({ archived: true })).toEqual(['old']);
    expect(ids({ archived: true, filters: { city: 'Lahore' } })).toEqual(['old']);
  });

  it('offers each city once, however it was typed', () => {
    expect(citiesOf(rows)).toEqual(['Bannu', 'Faisalabad', 'lahore', 'Quetta', 'Rawalpindi']);
  });
});

describe('sorting the proposals list', () => {
  it('by any column, both ways', () => {
    expect(ids({ sortKey: 'grossAreaSqFt' })).toEqual(['bnu', 'qta', 'fsd', 'rwp']);
    expect(ids({ sortKey: 'grossAreaSqFt', sortDirection: 'desc' })).toEqual(['rwp', 'fsd', 'qta', 'bnu']);
    expect(ids({ sortKey: 'stage' })).toEqual(['qta', 'fsd', 'rwp', 'bnu']);
    expect(ids({ sortKey: 'title' })).toEqual(['bnu', 'fsd', 'qta', 'rwp']);
    expect(ids({ sortKey: 'daysInStage', sortDirection: 'desc' })).toEqual(['fsd', 'rwp', 'bnu', 'qta']);
  });

  it('days in stage count calendar days in Pakistan', () => {
    expect(daysInStage({ enteredStageAt: '2026-11-24T20:00:00.000Z' }, '2026-11-25')).toBe(0);
    expect(daysInStage({ enteredStageAt: '2026-11-24T07:00:00.000Z' }, '2026-11-25')).toBe(1);
  });
});
