import { describe, expect, it } from 'vitest';
import { filterMouSummaries, matchesMouPreset, sortMouSummaries } from '../../../shared/domain/mou-list-query';
import type { MouSummary } from '../../../shared/domain/mou-summary';

const row = (over: Partial<MouSummary>): MouSummary => ({
  id: over.mouNumber ?? 'x',
  mouNumber: 'M',
  type: 'two-party',
  parties: ['PSEB', 'Partner'],
  status: 'active',
  state: 'in-force',
  stateLabel: 'In force',
  stateSentence: 'In force',
  openObligations: 0,
  overdueObligations: 0,
  undatedObligations: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('MoU list presets', () => {
  it('counts an MoU as expiring within N days only while it is in force (expiring or in its notice period)', () => {
    expect(matchesMouPreset(row({ state: 'expiring', daysToExpiry: 30 }), 'expiring-30')).toBe(true);
    expect(matchesMouPreset(row({ state: 'expiring', daysToExpiry: 31 }), 'expiring-30')).toBe(false);
    expect(matchesMouPreset(row({ state: 'expiring', daysToExpiry: 31 }), 'expiring-60')).toBe(true);
    expect(matchesMouPreset(row({ state: 'notice-period', daysToExpiry: 0, daysToNotice: -20 }), 'expiring-90')).toBe(true);
    expect(matchesMouPreset(row({ state: 'expired', daysToExpiry: -1 }), 'expiring-90')).toBe(false);
    // The old list counted only Signed and Active while the dashboard counted drafts: both now read the derived state.
    expect(matchesMouPreset(row({ state: 'in-preparation', status: 'draft', daysToExpiry: 10 }), 'expiring-90')).toBe(false);
    expect(matchesMouPreset(row({ state: 'terminated', status: 'terminated', daysToExpiry: 10 }), 'expiring-90')).toBe(false);
    expect(matchesMouPreset(row({}), 'expiring-90')).toBe(false);
  });
  it('splits notice deadlines into passed and coming', () => {
    expect(matchesMouPreset(row({ state: 'notice-period', daysToNotice: -1 }), 'notice-passed')).toBe(true);
    expect(matchesMouPreset(row({ state: 'notice-period', daysToNotice: -1 }), 'notice-coming')).toBe(false);
    expect(matchesMouPreset(row({ state: 'notice-period', daysToNotice: 0 }), 'notice-coming')).toBe(true);
  });
  it('finds MoUs with overdue obligations, drafts included, unless the MoU has ended by renewal, termination or supersession', () => {
    expect(matchesMouPreset(row({ overdueObligations: 1 }), 'overdue-obligations')).toBe(true);
    expect(matchesMouPreset(row({ overdueObligations: 1, state: 'expired' }), 'overdue-obligations')).toBe(true);
    expect(matchesMouPreset(row({ overdueObligations: 1, state: 'terminated' }), 'overdue-obligations')).toBe(false);
    expect(matchesMouPreset(row({ overdueObligations: 1, state: 'in-preparation', status: 'draft' }), 'overdue-obligations')).toBe(true);
    expect(matchesMouPreset(row({ openObligations: 3 }), 'overdue-obligations')).toBe(false);
  });
  it('finds what falls due within 7 and 30 days, and reviews already passed', () => {
    expect(matchesMouPreset(row({ daysToNextObligation: 7 }), 'obligations-due-7')).toBe(true);
    expect(matchesMouPreset(row({ daysToNextObligation: 8 }), 'obligations-due-7')).toBe(false);
    expect(matchesMouPreset(row({ daysToNextObligation: 8 }), 'obligations-due-30')).toBe(true);
    expect(matchesMouPreset(row({ daysToNextReview: 0 }), 'review-due-7')).toBe(true);
    expect(matchesMouPreset(row({ daysToNextReview: -1 }), 'review-due-30')).toBe(false);
    expect(matchesMouPreset(row({ daysToNextReview: -1 }), 'review-passed')).toBe(true);
  });
  it('finds records that lack the dates a figure needs', () => {
    expect(matchesMouPreset(row({ state: 'expiry-unknown' }), 'expiry-unknown')).toBe(true);
    expect(matchesMouPreset(row({ state: 'in-force' }), 'notice-unknown')).toBe(true);
    expect(matchesMouPreset(row({ state: 'in-force', noticeBy: '2027-01-01' }), 'notice-unknown')).toBe(false);
    expect(matchesMouPreset(row({ undatedObligations: 2 }), 'obligations-undated')).toBe(true);
    expect(matchesMouPreset(row({ state: 'in-preparation', stateWarning: 'Not in force, but …' }), 'preparation-flagged')).toBe(true);
    expect(matchesMouPreset(row({ state: 'in-preparation' }), 'preparation-flagged')).toBe(false);
  });
});

describe('MoU list search, filter and sort', () => {
  const rows = [
    row({ mouNumber: 'M-10', parties: ['PSEB', 'ستارہ کیمیکل'], proposalCity: 'Faisalabad', status: 'signed', state: 'expired', expiresOn: '2026-05-19' }),
    row({ mouNumber: 'M-2', parties: ['PSEB', 'IMARAT Group'], proposalCity: 'Rawalpindi', status: 'active' }),
    row({ mouNumber: 'M-3', parties: ['PSEB', 'USTB', 'KPITB'], status: 'draft', expiresOn: '2030-01-01' }),
  ];
  it('searches number, parties (Urdu too) and city, and filters by status', () => {
    expect(filterMouSummaries(rows, { query: 'faisal', status: '' }).map((r) => r.mouNumber)).toEqual(['M-10']);
    expect(filterMouSummaries(rows, { query: 'ستارہ', status: '' }).map((r) => r.mouNumber)).toEqual(['M-10']);
    expect(filterMouSummaries(rows, { query: 'pseb', status: 'active' }).map((r) => r.mouNumber)).toEqual(['M-2']);
    expect(filterMouSummaries(rows, { query: '', status: '', state: 'expired' }).map((r) => r.mouNumber)).toEqual(['M-10']);
  });
  it('sorts numbers naturally and puts unknown expiry last both ways', () => {
    expect(sortMouSummaries(rows, 'mouNumber', 'asc').map((r) => r.mouNumber)).toEqual(['M-2', 'M-3', 'M-10']);
    expect(sortMouSummaries(rows, 'expiresOn', 'asc').map((r) => r.mouNumber)).toEqual(['M-10', 'M-3', 'M-2']);
    expect(sortMouSummaries(rows, 'expiresOn', 'desc').map((r) => r.mouNumber)).toEqual(['M-3', 'M-10', 'M-2']);
    expect(sortMouSummaries(rows, 'status', 'asc').map((r) => r.status)).toEqual(['draft', 'signed', 'active']);
    expect(sortMouSummaries(rows, 'state', 'asc')[0]!.mouNumber).toBe('M-10'); // expired first
  });
});
