import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePeriodKey } from '../../../shared/domain/fiscal-period';
import type { Mou, MouFields, MouStatus } from '../../../shared/domain/mou';
import { formatPercent, latestReturn, OccupancyReturnValuesSchema, type OccupancyReturn } from '../../../shared/domain/occupancy';
import { buildParkRegister, currentMouOf, operationalOccupancy, registerFigures } from '../../../shared/domain/park-register';
import { buildProgressReport, progressPeriodProblem, stageOn } from '../../../shared/domain/progress-report';
import type { Proposal, StageMove } from '../../../shared/domain/proposal';
import type { Stage } from '../../../shared/domain/stages';

const TODAY = '2026-11-27';
const Q2 = parsePeriodKey('FY2026-27-Q2')!;

let n = 0;
function park(stages: [Stage, string][], over: Partial<Proposal['fields']> = {}, returns?: OccupancyReturn[]): Proposal {
  n += 1;
  const history: StageMove[] = [{ at: '2021-02-15T04:00:00.000Z', from: null, to: 'received', by: 'Test', note: '' }];
  for (const [to, on] of stages) history.push({ at: `${on}T04:00:00.000Z`, from: history.at(-1)!.to, to, by: 'Test', note: '' });
  return {
    id: randomUUID(),
    createdAt: '2021-02-15T04:00:00.000Z',
    updatedAt: '2021-02-15T04:00:00.000Z',
    fields: { referenceNumber: `STP/${String(n).padStart(2, '0')}`, title: `Park ${n}`, city: 'Lahore', province: 'Punjab', grossAreaSqFt: 10_000, ...over },
    stageHistory: history,
    ...(returns ? { occupancyReturns: returns } : {}),
  };
}

const pseb = randomUUID();
const partner = randomUUID();
function mou(proposal: Proposal, fields: Partial<MouFields>, status: MouStatus = 'active'): Mou {
  return {
    id: randomUUID(),
    createdAt: '2021-05-20T04:00:00.000Z',
    updatedAt: '2021-05-20T04:00:00.000Z',
    statusHistory: [{ at: '2021-05-20T04:00:00.000Z', from: null, to: status, by: 'Test', note: '' }],
    fields: {
      mouNumber: `MOU/${proposal.fields.referenceNumber}`,
      type: 'two-party',
      parties: [
        { id: pseb, name: 'PSEB', role: 'First party', type: 'pseb', signatories: [] },
        { id: partner, name: 'Partner', role: 'Second party', type: 'private-company', signatories: [] },
      ],
      witnesses: [],
      obligations: [],
      amendments: [],
      proposalId: proposal.id,
      ...fields,
    },
  };
}

function ret(period: string, firms: number, available: number, occupied: number, extra: Partial<OccupancyReturn> = {}): OccupancyReturn {
  return { id: randomUUID(), period, firmsHoused: firms, seatsAvailable: available, seatsOccupied: occupied, recordedAt: '2026-11-27T05:00:00.000Z', recordedBy: 'Test', ...extra };
}

/** Rawalpindi as in the issue: operational, a Q2 FY2026-27 return of 30 firms and 600 of 800 seats. */
function programme() {
  const rawalpindi = park([['mou-signed', '2021-05-20'], ['operational', '2021-12-29']], { title: 'Rawalpindi STP', city: 'Rawalpindi', grossAreaSqFt: 44_000 }, [
    ret('FY2026-27-Q1', 25, 800, 500),
    ret('FY2026-27-Q2', 30, 800, 600, { peopleEmployed: 900 }),
  ]);
  const faisalabad = park([['mou-signed', '2021-05-20']], { title: 'Faisalabad STP', city: 'Faisalabad', grossAreaSqFt: 19_500 });
  const lahore = park([['mou-signed', '2025-01-10'], ['fit-out', '2026-10-05']], { title: 'Lahore STP', grossAreaSqFt: 30_000 });
  const quetta = park([], { title: 'Quetta STP', city: 'Quetta', province: 'Balochistan', grossAreaSqFt: 13_800 });
  const late = park([['screening', '2026-11-26']], { title: 'Received this week' });
  late.stageHistory[0]!.at = '2026-11-25T04:00:00.000Z';
  const archived = { ...park([], { title: 'Archived' }), archivedAt: '2026-01-01T00:00:00.000Z' };
  const mous = [
    mou(rawalpindi, { signedOn: '2021-05-20', targetFirms: 40, targetSeats: 1_000, targetJobs: 1_200, obligations: [{ id: randomUUID(), partyId: partner, description: 'Floors ready', dueOn: '2021-12-29', completedOn: '2026-10-15' }] }),
    mou(faisalabad, { signedOn: '2021-05-20', termYears: 5, obligations: [{ id: randomUUID(), partyId: partner, description: 'Hand over', dueOn: '2021-08-31' }] }, 'signed'),
    mou(lahore, { signedOn: '2026-10-02', termYears: 10 }, 'signed'),
  ];
  return { proposals: [rawalpindi, faisalabad, lahore, quetta, late, archived], mous, rawalpindi, faisalabad, lahore };
}

describe('occupancy returns', () => {
  it('works out 75% from 600 of 800 seats and refuses more occupied seats than available', () => {
    const values = OccupancyReturnValuesSchema.parse({ period: 'FY2026-27-Q2', firmsHoused: '30', seatsAvailable: '800', seatsOccupied: '600' });
    expect(values).toMatchObject({ firmsHoused: 30, seatsAvailable: 800, seatsOccupied: 600 });
    const bad = OccupancyReturnValuesSchema.safeParse({ period: 'FY2026-27-Q2', firmsHoused: 30, seatsAvailable: 800, seatsOccupied: 801 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]).toMatchObject({ path: ['seatsOccupied'], message: 'Seats occupied cannot be more than the 800 seats available.' });
    const year = OccupancyReturnValuesSchema.safeParse({ period: 'FY2026-27', firmsHoused: 1, seatsAvailable: 1, seatsOccupied: 1 });
    expect(year.error!.issues[0]!.message).toMatch(/one month .* or one fiscal quarter/);
  });

  it('takes the return whose period ends last, the month before a quarter ending the same day', () => {
    const q1 = ret('FY2026-27-Q1', 1, 10, 1);
    const q2 = ret('FY2026-27-Q2', 2, 10, 2);
    const dec = ret('2026-12', 3, 10, 3);
    expect(latestReturn([q2, q1])).toBe(q2);
    expect(latestReturn([q2, dec, q1])).toBe(dec);
    expect(latestReturn([q2, dec, q1], parsePeriodKey('FY2026-27-Q1'))).toBe(q1);
    expect(latestReturn([], Q2)).toBeUndefined();
  });
});

describe('the park register', () => {
  it('lists every park that is not archived, with stage, MoU state, obligations and the latest return', () => {
    const { proposals, mous } = programme();
    const register = buildParkRegister(proposals, mous, {}, TODAY);
    expect(register.rows.map((r) => r.title)).toEqual(['Rawalpindi STP', 'Faisalabad STP', 'Lahore STP', 'Quetta STP', 'Received this week']);
    expect(register.archivedLeftOut).toBe(1);
    const [rwp, fsd] = register.rows;
    expect(rwp).toMatchObject({ stage: 'operational', stageSince: '2021-12-29', openObligations: 0, overdueObligations: 0 });
    expect(rwp!.mou).toMatchObject({ state: 'expiry-unknown', stateLabel: 'Expiry unknown' });
    expect(rwp!.occupancy).toMatchObject({ period: 'FY2026-27-Q2', seatsOccupied: 600, seatsAvailable: 800, targetSeats: 1_000 });
    expect(formatPercent(rwp!.occupancy!.occupancyPercent)).toBe('75%');
    expect(fsd!.mou).toMatchObject({ state: 'expired', expiresOn: '2026-05-19' });
    expect(fsd!.overdueObligations).toBe(1);
  });

  it('takes the proposal list filters', () => {
    const { proposals, mous } = programme();
    expect(buildParkRegister(proposals, mous, { province: 'Balochistan' }, TODAY).rows.map((r) => r.title)).toEqual(['Quetta STP']);
    // The list's 'signed' group stops before Operational.
    expect(buildParkRegister(proposals, mous, { stage: 'signed' }, TODAY).rows).toHaveLength(2);
    expect(buildParkRegister(proposals, mous, { city: 'rawalpindi' }, TODAY).rows.map((r) => r.title)).toEqual(['Rawalpindi STP']);
  });

  it('speaks for a park through the MoU that renews the old one', () => {
    const { rawalpindi } = programme();
    const old = mou(rawalpindi, { signedOn: '2016-01-01', termYears: 5 }, 'renewed');
    const renewal = mou(rawalpindi, { signedOn: '2021-01-01', termYears: 5, previousMouId: old.id }, 'draft');
    expect(currentMouOf([old, renewal])).toBe(renewal);
    expect(currentMouOf([renewal, old])).toBe(renewal);
  });
});

describe('the progress report', () => {
  it('states the programme at the end of the period (or today while it runs) and what happened in it', () => {
    const { proposals, mous } = programme();
    const report = buildProgressReport(proposals, mous, Q2, TODAY);
    expect(report).toMatchObject({ periodLabel: 'Q2 FY2026-27 (Oct-Dec 2026)', asAt: TODAY, running: true });
    expect(report.mousSigned.map((m) => [m.park, m.on])).toEqual([['Lahore STP', '2026-10-02']]);
    expect(report.obligationsMet).toBe(1);
    expect(report.figures.operationalSqFt).toBe(44_000);
    expect(report.figures.signedSqFt).toBe(44_000 + 19_500 + 30_000);
    expect(report.occupancy.map((o) => [o.title, o.occupancy?.seatsOccupied])).toEqual([['Rawalpindi STP', 600], ['Lahore STP', undefined]]);
    expect(formatPercent(report.figures.occupancy.occupancyPercent)).toBe('75%');
    expect(report.figures.occupancy.seats).toEqual({ achieved: 600, target: 1_000, parks: 1 });
    expect(report.leftOut).toMatchObject({ archived: 1, withoutReturn: 1, receivedAfter: 0 });
  });

  it('looks back: a past quarter counts the stages and returns of that quarter', () => {
    const { proposals, mous } = programme();
    const q1 = buildProgressReport(proposals, mous, parsePeriodKey('FY2026-27-Q1')!, TODAY);
    expect(q1.asAt).toBe('2026-09-30');
    expect(q1.running).toBe(false);
    expect(q1.figures.byStage.find((s) => s.stage === 'fit-out')!.count).toBe(0);
    expect(q1.leftOut.receivedAfter).toBe(1);
    expect(q1.figures.occupancy).toMatchObject({ seatsOccupied: 500, seatsAvailable: 800 });
    expect(q1.mousSigned).toEqual([]);
    // Faisalabad's MoU expired on 19-May-2026, in Q4 FY2025-26.
    expect(buildProgressReport(proposals, mous, parsePeriodKey('FY2025-26-Q4')!, TODAY).mousExpired.map((m) => m.on)).toEqual(['2026-05-19']);
  });

  it('gives the same figures as the register for the quarter running today', () => {
    const { proposals, mous } = programme();
    const fromRegister = registerFigures(buildParkRegister(proposals, mous, {}, TODAY));
    const fromReport = buildProgressReport(proposals, mous, Q2, TODAY).figures;
    expect(fromReport).toEqual(fromRegister);
    expect(operationalOccupancy(proposals, mous, TODAY)).toMatchObject({ ...fromRegister.occupancy, parksExpected: 2 });
  });

  it('refuses a period that has not begun, and knows a park before it was received', () => {
    expect(progressPeriodProblem(parsePeriodKey('FY2026-27-Q3')!, TODAY)).toBe('Q3 FY2026-27 has not begun yet; choose a period that has started.');
    expect(progressPeriodProblem(Q2, TODAY)).toBeUndefined();
    const { rawalpindi } = programme();
    expect(stageOn(rawalpindi, '2021-01-01')).toBeUndefined();
    expect(stageOn(rawalpindi, '2021-12-28')).toBe('mou-signed');
    expect(stageOn(rawalpindi, '2021-12-29')).toBe('operational');
  });
});
