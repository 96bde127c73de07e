import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREA_FIGURE_FILTERS, NEXT_ACTION_FIGURES, computeDashboard, type AreaFigure } from '../../../shared/domain/dashboard';
import { dueItems, filterDueItems } from '../../../shared/domain/reminders';
import { MOU_STATUSES, type Mou, type MouStatus } from '../../../shared/domain/mou';
import { MOU_LIST_PRESETS, filterMouSummaries } from '../../../shared/domain/mou-list-query';
import { deriveMouState } from '../../../shared/domain/mou-state';
import { summariseMou } from '../../../shared/domain/mou-summary';
import { PARTNER_TYPES, PROVINCES } from '../../../shared/domain/proposal';
import { filterProposalSummaries } from '../../../shared/domain/proposal-list-query';
import type { ProposalSummary } from '../../../shared/domain/proposal-summary';
import { ALL_STAGES } from '../../../shared/domain/stages';

/**
 * Every dashboard figure must equal the row count of the list it opens. The lists are
 * produced here the way the app produces them: MoU rows by summariseMou (as listMous does)
 * filtered by filterMouSummaries with the figure's preset; proposal rows filtered by
 * filterProposalSummaries with the figure's filters, archived ones left out.
 */

const TODAY = '2026-11-27';
const PSEB = '00000000-0000-4000-8000-000000000001';
const PARTNER = '00000000-0000-4000-8000-000000000002';

/** Dates around today: long past, just past, today, soon, far ahead (so every window is hit). */
const dateNear = fc
  .integer({ min: -4000, max: 400 })
  .map((offset) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const obligation = fc.record({
  id: fc.uuid(),
  partyId: fc.constantFrom(PSEB, PARTNER),
  description: fc.constant('An obligation'),
  dueOn: maybe(dateNear),
  completedOn: maybe(dateNear),
});

/** A next action due around today: long overdue, just overdue, today, this week, later. */
const nextActionArb = maybe(
  fc.record({
    what: fc.constantFrom('Send the draft MoU', 'مسودہ بھیجیں'),
    dueOn: fc.integer({ min: -30, max: 30 }).map((offset) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)),
    setAt: fc.constant('2026-11-01T00:00:00.000Z'),
    setBy: fc.constant('Ayesha'),
  }),
);

const mouArb: fc.Arbitrary<Mou> = fc
  .record({
    id: fc.uuid(),
    number: fc.nat(999),
    status: fc.constantFrom<MouStatus>(...MOU_STATUSES),
    statusAt: dateNear,
    signedOn: maybe(dateNear),
    effectiveDelay: maybe(fc.integer({ min: 0, max: 200 })),
    termYears: maybe(fc.integer({ min: 0, max: 6 })),
    termMonths: maybe(fc.integer({ min: 0, max: 11 })),
    noticePeriodDays: maybe(fc.integer({ min: 0, max: 400 })),
    nextReviewOn: maybe(dateNear),
    obligations: fc.array(obligation, { maxLength: 4 }),
    nextAction: nextActionArb,
    archivedAt: maybe(fc.constant('2026-06-01T00:00:00.000Z')),
  })
  .map((g) => {
    const effectiveOn =
      g.signedOn && g.effectiveDelay !== undefined ? new Date(Date.parse(`${g.signedOn}T00:00:00Z`) + g.effectiveDelay * 86_400_000).toISOString().slice(0, 10) : undefined;
    return {
      id: g.id,
      ...(g.nextAction ? { nextAction: g.nextAction } : {}),
      ...(g.archivedAt ? { archivedAt: g.archivedAt } : {}),
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-01T00:00:00.000Z',
      statusHistory: [
        { at: '2020-01-01T00:00:00.000Z', from: null, to: 'draft' as const, by: '', note: '' },
        ...(g.status === 'draft' ? [] : [{ at: `${g.statusAt}T20:30:00.000Z`, from: 'draft' as const, to: g.status, by: '', note: '' }]),
      ],
      fields: {
        mouNumber: `MOU-${g.number}`,
        type: 'two-party' as const,
        parties: [
          { id: PSEB, name: 'PSEB', role: 'First party', type: 'pseb' as const, signatories: [] },
          { id: PARTNER, name: 'Partner', role: 'Second party', type: 'private-company' as const, signatories: [] },
        ],
        witnesses: [],
        signedOn: g.signedOn,
        effectiveOn,
        termYears: g.termYears,
        termMonths: g.termMonths,
        noticePeriodDays: g.noticePeriodDays,
        nextReviewOn: g.nextReviewOn,
        obligations: g.obligations,
        amendments: [],
      },
    };
  });

const proposalArb: fc.Arbitrary<ProposalSummary> = fc.record({
  id: fc.uuid(),
  referenceNumber: fc.stringMatching(/^REF-[0-9]{1,3}$/),
  title: fc.constant('A park'),
  city: fc.constantFrom('Faisalabad', 'Rawalpindi', 'faisalabad ', 'Quetta'),
  province: fc.constantFrom(...PROVINCES),
  offeringPartyType: maybe(fc.constantFrom(...PARTNER_TYPES)),
  grossAreaSqFt: maybe(fc.integer({ min: 1, max: 100_000 })),
  stage: fc.constantFrom(...ALL_STAGES),
  // Entered its stage at any time of day up to two years ago, in UTC (a Pakistan date may differ).
  enteredStageAt: fc.integer({ min: -730 * 24, max: 0 }).map((hours) => new Date(Date.parse(`${TODAY}T18:59:00Z`) + hours * 3_600_000).toISOString()),
  updatedAt: fc.constant('2026-01-01T00:00:00.000Z'),
  archivedAt: maybe(fc.constant('2026-06-01T00:00:00.000Z')),
  nextAction: nextActionArb,
});

const records = fc.record({
  proposals: fc.array(proposalArb, { maxLength: 25 }),
  mous: fc.array(mouArb, { maxLength: 25 }),
  stuckAfterDays: fc.integer({ min: 1, max: 400 }),
});

describe('every dashboard figure equals the row count of the list it opens', () => {
  it('for MoUs of every status and date combination', () => {
    fc.assert(
      fc.property(records, ({ proposals, mous, stuckAfterDays }) => {
        const d = computeDashboard({ proposals, mous, today: TODAY, stuckAfterDays });
        const listRows = mous.map((m) => summariseMou(m, { title: 'A park', city: 'Faisalabad' }, TODAY));
        for (const preset of MOU_LIST_PRESETS) {
          expect(d.mouFigures[preset], preset).toBe(filterMouSummaries(listRows, { query: '', status: '', preset }).length);
        }
        expect(d.mouCount).toBe(filterMouSummaries(listRows, { query: '', status: '' }).length);
      }),
      { numRuns: 120 },
    );
  });

  it('for next actions on proposals and MoUs: each figure is the row count of the due list under its view', () => {
    fc.assert(
      fc.property(records, ({ proposals, mous }) => {
        // The dashboard, like the due list, reads MoUs that are not archived (dashboardHandlers and dueInput).
        const live = mous.filter((m) => !m.archivedAt);
        const d = computeDashboard({ proposals, mous: live, today: TODAY });
        const listRows = dueItems({ proposals, mous: live, today: TODAY });
        for (const preset of NEXT_ACTION_FIGURES) expect(d.nextActions.figures[preset], preset).toBe(filterDueItems(listRows, preset).length);
        expect(d.nextActions.items).toEqual(filterDueItems(listRows, 'next-actions-overdue').concat(filterDueItems(listRows, 'next-actions-due-7')).slice(0, d.nextActions.items.length));
      }),
      { numRuns: 120 },
    );
  });

  it('for proposals of every stage, place, partner and age, archived ones included', () => {
    fc.assert(
      fc.property(records, ({ proposals, mous, stuckAfterDays }) => {
        const d = computeDashboard({ proposals, mous, today: TODAY, stuckAfterDays });
        const list = (filters: Parameters<typeof filterProposalSummaries>[1]) => filterProposalSummaries(proposals, filters, false, TODAY);
        expect(d.proposalCount).toBe(list({}).length);
        for (const { stage, count } of d.perStage) expect(count, stage).toBe(list({ stage }).length);
        expect(d.operational.count).toBe(list({ stage: 'operational' }).length);
        for (const key of Object.keys(AREA_FIGURE_FILTERS) as AreaFigure[]) {
          const rows = list(AREA_FIGURE_FILTERS[key]);
          expect(d.area[key].count, key).toBe(rows.length);
          expect(d.area[key].sqFt, key).toBe(rows.reduce((sum, p) => sum + (p.grossAreaSqFt ?? 0), 0));
          expect(d.area[key].unknown, key).toBe(rows.filter((p) => p.grossAreaSqFt === undefined).length);
        }
        expect(d.stuck.count).toBe(list({ stuckOverDays: stuckAfterDays }).length);
        for (const p of d.byProvince) expect(p.proposals, p.province).toBe(list({ stage: 'open', province: p.province }).length);
        for (const c of d.byCity) expect(c.proposals, c.city).toBe(list({ stage: 'open', province: c.province, city: c.city }).length);
        for (const m of d.partnerMix) expect(m.count, m.partnerType).toBe(list({ stage: 'open', partnerType: m.partnerType }).length);
      }),
      { numRuns: 120 },
    );
  });
});

describe('the figures tell the truth about each record', () => {
  it('counts an MoU as expired exactly when its derived state says so, and never also as expiring', () => {
    fc.assert(
      fc.property(fc.array(mouArb, { maxLength: 25 }), (mous) => {
        const d = computeDashboard({ proposals: [], mous, today: TODAY });
        const states = mous.map((m) => deriveMouState(m, TODAY));
        expect(d.mouFigures.expired).toBe(states.filter((s) => s.kind === 'expired').length);
        expect(d.mouFigures['expiry-unknown']).toBe(states.filter((s) => s.kind === 'expiry-unknown').length);
        const rows = mous.map((m) => summariseMou(m, undefined, TODAY));
        const expiring = filterMouSummaries(rows, { query: '', status: '', preset: 'expiring-90' });
        for (const row of expiring) {
          expect(['signed', 'active']).toContain(row.status);
          expect(row.daysToExpiry).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('splits the open area without counting any proposal twice', () => {
    fc.assert(
      fc.property(fc.array(proposalArb, { maxLength: 25 }), (proposals) => {
        const d = computeDashboard({ proposals, mous: [], today: TODAY });
        const open = filterProposalSummaries(proposals, { stage: 'open' }, false, TODAY);
        const parts = Object.values(d.area);
        expect(parts.reduce((sum, a) => sum + a.count, 0)).toBe(open.length);
        expect(parts.reduce((sum, a) => sum + a.sqFt, 0)).toBe(open.reduce((sum, p) => sum + (p.grossAreaSqFt ?? 0), 0));
      }),
      { numRuns: 100 },
    );
  });
});
