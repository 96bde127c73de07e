import { describe, expect, it } from 'vitest';
import { mouStatusSince, type Mou, type MouFields, type MouStatus } from '../../../shared/domain/mou';
import { MOU_STATE_KINDS, MOU_STATE_LABELS, deriveMouState, describeTerm } from '../../../shared/domain/mou-state';

type Input = Pick<Mou, 'fields' | 'statusHistory'>;

function mou(status: MouStatus, fields: Partial<MouFields> = {}, at = '2026-01-01T07:00:00.000Z'): Input {
  return {
    fields: { mouNumber: 'PSEB-FSD-01', type: 'two-party', parties: [], witnesses: [], obligations: [], amendments: [], ...fields },
    statusHistory: [
      { at: '2025-12-01T07:00:00.000Z', from: null, to: 'draft', by: '', note: '' },
      ...(status === 'draft' ? [] : [{ at, from: 'draft' as const, to: status, by: '', note: '' }]),
    ],
  };
}

const faisalabad = { signedOn: '2021-05-20', termYears: 5 }; // expires 19-May-2026

describe('deriveMouState: the Faisalabad MoU', () => {
  it('is expired the day after its last day, counting from the date signed when no effective date is recorded', () => {
    const state = deriveMouState(mou('active', faisalabad), '2026-05-20');
    expect(state.kind).toBe('expired');
    expect(state.label).toBe('Expired');
    expect(state.expiresOn).toBe('2026-05-19');
    expect(state.expiryBasis).toBe('signed');
    expect(state.daysToExpiry).toBe(-1);
    expect(state.sentence).toBe('Expired on 19-May-2026: signed 20-May-2021, term 5 years');
  });
  it('is still in force (expiring) on its last day', () => {
    const state = deriveMouState(mou('active', faisalabad), '2026-05-19');
    expect(state.kind).toBe('expiring');
    expect(state.sentence).toBe('Expiring on 19-May-2026 (today): signed 20-May-2021, term 5 years');
  });
  it('names the effective date as the basis when one is recorded', () => {
    const state = deriveMouState(mou('signed', { ...faisalabad, effectiveOn: '2021-07-01', termMonths: 6 }), '2027-01-01');
    expect(state.expiresOn).toBe('2026-12-31');
    expect(state.expiryBasis).toBe('effective');
    expect(state.sentence).toBe('Expired on 31-Dec-2026: effective 01-Jul-2021, term 5 years 6 months');
  });
});

describe('deriveMouState: in force, expiring, notice period', () => {
  it('is in force more than 90 days before expiry, expiring within 90', () => {
    expect(deriveMouState(mou('active', faisalabad), '2026-02-17').kind).toBe('in-force');
    expect(deriveMouState(mou('active', faisalabad), '2026-02-17').sentence).toBe('In force until 19-May-2026: signed 20-May-2021, term 5 years');
    expect(deriveMouState(mou('signed', faisalabad), '2026-02-18').kind).toBe('expiring');
    expect(deriveMouState(mou('signed', faisalabad), '2026-02-18').sentence).toContain('(in 90 days)');
  });
  it('works out the notice deadline as expiry minus the notice period', () => {
    const state = deriveMouState(mou('active', { ...faisalabad, noticePeriodDays: 180 }), '2025-01-01');
    expect(state.noticeBy).toBe('2025-11-20');
    expect(state.kind).toBe('in-force');
    expect(state.sentence).toContain('give notice by 20-Nov-2025');
  });
  it('is in its notice period when the deadline is near, and says when it has passed', () => {
    const coming = deriveMouState(mou('active', { ...faisalabad, noticePeriodDays: 180 }), '2025-09-01');
    expect(coming.kind).toBe('notice-period');
    expect(coming.label).toBe('Notice period');
    expect(coming.sentence).toBe('Notice period: give notice by 20-Nov-2025 (in 80 days); expires on 19-May-2026: signed 20-May-2021, term 5 years');
    // The case: 180-day notice period, 119 days to go, deadline passed 61 days ago.
    const passed = deriveMouState(mou('active', { ...faisalabad, noticePeriodDays: 180 }), '2026-01-20');
    expect(passed.daysToExpiry).toBe(119);
    expect(passed.kind).toBe('notice-period');
    expect(passed.daysToNotice).toBe(-61);
    expect(passed.sentence).toContain('the last day to give notice was 20-Nov-2025 (61 days ago)');
  });
  it('treats a zero notice period as none', () => {
    const state = deriveMouState(mou('active', { ...faisalabad, noticePeriodDays: 0 }), '2026-05-01');
    expect(state.noticeBy).toBeUndefined();
    expect(state.kind).toBe('expiring');
  });
});

describe('deriveMouState: what is not known', () => {
  it('says expiry unknown, and why, for a signed or active MoU with no term', () => {
    const state = deriveMouState(mou('active', { signedOn: '2021-05-20' }), '2026-11-27');
    expect(state.kind).toBe('expiry-unknown');
    expect(state.missing).toBe('no term');
    expect(state.sentence).toBe('Expiry unknown: no term recorded');
    expect(deriveMouState(mou('active', { termYears: 5 }), '2026-11-27').missing).toBe('no date signed or effective date');
  });
  it('keeps a recorded Expired as expired even when its dates were removed later', () => {
    expect(deriveMouState(mou('expired', { signedOn: '2021-05-20' }), '2026-11-27').kind).toBe('expired');
  });
});

describe('deriveMouState: in preparation and ended', () => {
  it('shows a draft as in preparation, never as expired or in force', () => {
    const state = deriveMouState(mou('draft'), '2026-11-27');
    expect(state.kind).toBe('in-preparation');
    expect(state.label).toBe('In preparation (Draft)');
    expect(state.warning).toBeUndefined();
    expect(deriveMouState(mou('legal-review'), '2026-11-27').label).toBe('In preparation (Legal review)');
  });
  it('flags a draft whose expiry has already passed, or that has a date signed', () => {
    const past = deriveMouState(mou('draft', faisalabad), '2026-11-27');
    expect(past.kind).toBe('in-preparation');
    expect(past.warning).toBe('Not in force, but its expiry date 19-May-2026 has already passed');
    expect(past.sentence).toContain('not in force');
    const signed = deriveMouState(mou('approved', { signedOn: '2026-11-01' }), '2026-11-27');
    expect(signed.warning).toBe('Not in force, but a date signed (01-Nov-2026) is recorded');
  });
  it.each([
    ['renewed', 'Renewed on 01-Jan-2026'],
    ['terminated', 'Terminated on 01-Jan-2026'],
    ['superseded', 'Superseded on 01-Jan-2026'],
  ] as const)('a %s MoU is never counted as expired', (status, sentence) => {
    const state = deriveMouState(mou(status, faisalabad), '2026-11-27');
    expect(state.kind).toBe(status);
    expect(state.sentence).toBe(`${sentence}; it was to expire on 19-May-2026`);
  });
});

describe('the status-since date', () => {
  it('is the Pakistan date of the move to the current status, not the day the record was viewed', () => {
    // 01:30 in Pakistan on 25-Nov is 20:30 UTC on 24-Nov.
    const m = mou('active', faisalabad, '2026-11-24T20:30:00.000Z');
    expect(mouStatusSince(m)).toBe('2026-11-25');
    expect(deriveMouState(m, '2026-11-27').statusSince).toBe('2026-11-25');
  });
});

describe('labels and terms', () => {
  it('has a label for every kind', () => {
    for (const kind of MOU_STATE_KINDS) expect(MOU_STATE_LABELS[kind]).toMatch(/\w/);
  });
  it('words the term as the MoU does', () => {
    expect(describeTerm({ termYears: 1 })).toBe('1 year');
    expect(describeTerm({ termYears: 0, termMonths: 18 % 12 })).toBe('6 months');
    expect(describeTerm({ termYears: 2, termMonths: 1 })).toBe('2 years 1 month');
    expect(describeTerm({})).toBeUndefined();
  });
});
