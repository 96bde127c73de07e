import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../shared/domain/dashboard';
import type { Mou, MouFields, MouStatus } from '../../../shared/domain/mou';
import type { ProposalSummary } from '../../../shared/domain/proposal-summary';

const today = '2026-11-25';
let n = 0;
const proposal = (over: Partial<ProposalSummary>): ProposalSummary => {
  n += 1;
  return {
    id: `p${n}`,
    referenceNumber: `REF-${String(n).padStart(2, '0')}`,
    title: `Park ${n}`,
    city: 'Lahore',
    province: 'Punjab',
    grossAreaSqFt: 1_000,
    stage: 'received',
    enteredStageAt: '2026-11-20T07:00:00.000Z',
    updatedAt: '2026-11-20T07:00:00.000Z',
    ...over,
  };
};

const pseb = randomUUID();
const partner = randomUUID();
function mou(fields: Partial<MouFields>, status: MouStatus = 'active'): Mou {
  return {
    id: randomUUID(),
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    statusHistory: [{ at: '2026-01-01T00:00:00.000Z', from: null, to: status, by: 'Test', note: '' }],
    fields: {
      mouNumber: `MOU-${randomUUID().slice(0, 4)}`,
      type: 'two-party',
      parties: [
        { id: pseb, name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
        { id: partner, name: 'Sitara Chemical', role: 'Second party', type: 'private-company', signatories: [] },
      ],
      witnesses: [],
      obligations: [],
      amendments: [],
      ...fields,
    },
  };
}

describe('proposal figures', () => {
  const proposals = [
    proposal({ city: 'Faisalabad', grossAreaSqFt: 19_500, stage: 'mou-signed', offeringPartyType: 'private-company' }),
    proposal({ city: 'Rawalpindi', grossAreaSqFt: 44_000, stage: 'operational', offeringPartyType: 'private-company' }),
    proposal({ city: 'Lahore', grossAreaSqFt: 5_000, stage: 'fit-out', offeringPartyType: 'university' }),
    proposal({ city: 'Quetta', province: 'Balochistan', grossAreaSqFt: 13_800, stage: 'evaluation', enteredStageAt: '2026-01-10T07:00:00.000Z' }),
    proposal({ city: 'Bannu', province: 'Khyber Pakhtunkhwa', grossAreaSqFt: 9_000, stage: 'rejected', offeringPartyType: 'university' }),
    proposal({ city: 'Multan', grossAreaSqFt: 7_000, stage: 'on-hold', enteredStageAt: '2025-01-01T07:00:00.000Z' }),
    proposal({ city: 'Sialkot', grossAreaSqFt: 99_000, stage: 'operational', archivedAt: '2026-11-01T00:00:00.000Z' }),
  ];
  const d = computeDashboard({ proposals, mous: [], today, operationalTarget: 10 });

  it('counts proposals per stage, leaving archived ones out', () => {
    expect(d.proposalCount).toBe(6);
    const per = Object.fromEntries(d.perStage.map((s) => [s.stage, s.count]));
    expect(per).toMatchObject({ 'mou-signed': 1, operational: 1, 'fit-out': 1, evaluation: 1, rejected: 1, 'on-hold': 1, received: 0 });
    expect(d.operational).toEqual({ count: 1, target: 10 });
  });

  it("counts each open proposal's area once: pipeline, signed (MoU signed or Fit-out), operational, on hold", () => {
    expect(d.area).toEqual({
      pipeline: { sqFt: 13_800, count: 1, unknown: 0 },
      signed: { sqFt: 19_500 + 5_000, count: 2, unknown: 0 },
      operational: { sqFt: 44_000, count: 1, unknown: 0 },
      onHold: { sqFt: 7_000, count: 1, unknown: 0 },
    });
  });

  it('leaves an unknown area out of the sums and counts it apart, never as 0 sq ft', () => {
    const withUnknown = [...proposals, proposal({ city: 'Gilgit', province: 'Gilgit-Baltistan', grossAreaSqFt: undefined, stage: 'mou-signed' })];
    const figures = computeDashboard({ proposals: withUnknown, mous: [], today });
    expect(figures.area).toEqual({ ...d.area, signed: { sqFt: 19_500 + 5_000, count: 3, unknown: 1 } });
    expect(figures.byProvince.find((p) => p.province === 'Gilgit-Baltistan')).toEqual({
      province: 'Gilgit-Baltistan',
      proposals: 1,
      operational: 0,
      grossAreaSqFt: 0,
      areaUnknown: 1,
    });
  });

  it('groups open proposals by province and city, the biggest first', () => {
    expect(d.byProvince).toEqual([
      { province: 'Punjab', proposals: 4, operational: 1, grossAreaSqFt: 75_500, areaUnknown: 0 },
      { province: 'Balochistan', proposals: 1, operational: 0, grossAreaSqFt: 13_800, areaUnknown: 0 },
    ]);
    expect(d.byCity.map((c) => c.city)).toEqual(['Faisalabad', 'Lahore', 'Multan', 'Quetta', 'Rawalpindi']);
  });

  it('counts as stuck only proposals longer in their stage than the threshold, leaving out on hold, operational and closed ones', () => {
    expect(d.stuck.overDays).toBe(60);
    expect(d.stuck.count).toBe(1);
    expect(d.stuck.items.map((s) => [s.city, s.days])).toEqual([['Quetta', 319]]);
    const low = computeDashboard({ proposals, mous: [], today, stuckAfterDays: 4 });
    expect(low.stuck.items.map((s) => [s.city, s.days])).toEqual([
      ['Quetta', 319],
      ['Faisalabad', 5],
      ['Lahore', 5],
    ]);
    // Entered its stage today: never stuck, whatever the threshold.
    expect(computeDashboard({ proposals: [proposal({ enteredStageAt: '2026-11-25T03:00:00.000Z' })], mous: [], today, stuckAfterDays: 1 }).stuck.count).toBe(0);
  });

  it('shows the partner mix of open proposals, unknown types counted apart', () => {
    expect(d.partnerMix).toEqual([
      { partnerType: 'university', count: 1 },
      { partnerType: 'private-company', count: 2 },
      { partnerType: 'unrecorded', count: 2 },
    ]);
  });

  it('without a target, shows the count alone', () => {
    expect(computeDashboard({ proposals, mous: [], today }).operational).toEqual({ count: 1 });
  });

  it('keeps only the five stuck longest', () => {
    const many = Array.from({ length: 8 }, (_, i) => proposal({ enteredStageAt: `2026-11-0${i + 1}T07:00:00.000Z` }));
    const stuck = computeDashboard({ proposals: many, mous: [], today, stuckAfterDays: 10 }).stuck;
    expect(stuck.items.map((s) => s.days)).toEqual([24, 23, 22, 21, 20]);
    expect(stuck.count).toBe(8);
  });
});

describe('MoU figures', () => {
  it('counts MoUs expiring within 30, 60 and 90 days, expired ones apart, never drafts or ended ones', () => {
    const mous = [
      mou({ signedOn: '2021-12-20', termYears: 5 }), // ends 19-Dec-2026: 24 days
      mou({ signedOn: '2022-01-20', termYears: 5 }), // ends 19-Jan-2027: 55 days
      mou({ signedOn: '2022-02-20', termYears: 5 }), // ends 19-Feb-2027: 86 days
      mou({ signedOn: '2022-06-01', termYears: 5 }), // later
      mou({ signedOn: '2021-01-01', termYears: 5 }), // expired already
      mou({ signedOn: '2021-12-20', termYears: 5 }, 'terminated'),
      mou({ signedOn: '2021-12-20', termYears: 5 }, 'draft'),
      mou({}),
    ];
    const d = computeDashboard({ proposals: [], mous, today });
    expect([d.mouFigures['expiring-30'], d.mouFigures['expiring-60'], d.mouFigures['expiring-90']]).toEqual([1, 2, 3]);
    expect(d.mouFigures.expired).toBe(1);
    expect(d.mouFigures['expiry-unknown']).toBe(1); // active with no dates: said, not silently left out
    expect(d.mouFigures['preparation-flagged']).toBe(1); // the draft with a date signed
    expect(d.mouCount).toBe(8);
    expect(d.attentionMous.map((m) => m.sentence)).toEqual(['Expired on 31-Dec-2025: signed 01-Jan-2021, term 5 years']);
  });

  it('puts a passed notice deadline on the dashboard (180-day notice period, 119 days to go)', () => {
    const d = computeDashboard({ proposals: [], mous: [mou({ mouNumber: 'N', signedOn: '2022-03-24', termYears: 5, noticePeriodDays: 180 })], today: '2026-11-24' });
    expect(d.mouFigures['notice-passed']).toBe(1);
    expect(d.attentionMous[0]!.sentence).toContain('the last day to give notice was 24-Sep-2026 (61 days ago)');
  });

  it('lists overdue obligations with their MoU, the most overdue first; done and future ones are not overdue', () => {
    const a = mou({
      mouNumber: 'MOU-FSD-01',
      obligations: [
        { id: randomUUID(), partyId: partner, description: 'Provide backup generator', dueOn: '2026-11-01' },
        { id: randomUUID(), partyId: pseb, description: 'Brand the building', dueOn: '2026-10-01', completedOn: '2026-10-02' },
        { id: randomUUID(), partyId: pseb, description: 'Fibre connection', dueOn: '2026-12-31' },
      ],
    });
    const b = mou({ mouNumber: 'MOU-RWP-01', obligations: [{ id: randomUUID(), partyId: partner, description: 'Hand over floors 6-8', owner: 'IMARAT', dueOn: '2026-06-01' }] });
    const d = computeDashboard({ proposals: [], mous: [a, b], today });
    expect(d.overdueObligations.count).toBe(2);
    expect(d.mouFigures['overdue-obligations']).toBe(2);
    expect(d.overdueObligations.items.map((i) => [i.mouNumber, i.description, i.daysOverdue])).toEqual([
      ['MOU-RWP-01', 'Hand over floors 6-8', 177],
      ['MOU-FSD-01', 'Provide backup generator', 24],
    ]);
  });

  it('lists subsidy and free-internet periods ending within 90 days, soonest first', () => {
    const d = computeDashboard({
      proposals: [],
      mous: [
        mou({ mouNumber: 'A', subsidyEndsOn: '2027-02-23', freeInternetEndsOn: '2026-12-01' }),
        mou({ mouNumber: 'B', subsidyEndsOn: '2027-02-24', freeInternetEndsOn: '2026-11-24' }),
      ],
      today,
    });
    expect(d.periodsEnding.map((p) => [p.mouNumber, p.period, p.daysLeft])).toEqual([
      ['A', 'free-internet', 6],
      ['A', 'subsidy', 90],
    ]);
  });
});
