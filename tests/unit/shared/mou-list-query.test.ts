import { describe, expect, it } from 'vitest';
import { filterMouSummaries, matchesMouPreset, sortMouSummaries } from '../../../shared/domain/mou-list-query';
import type { MouSummary } from '../../../shared/domain/mou-summary';

const row = (over: Partial<MouSummary>): MouSummary => ({
  id: over.mouNumber ?? 'x',
  mouNumber: 'M',
  type: 'two-party',
  parties: ['PSEB', 'Partner'],
  status: 'active',
  openObligations: 0,
  overdueObligations: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('MoU list presets', () => {
  it('counts an MoU as expiring within N days only while it is in force and not yet expired', () => {
    expect(matchesMouPreset(row({ daysToExpiry: 30 }), 'expiring-30')).toBe(true);
    expect(matchesMouPreset(row({ daysToExpiry: 31 }), 'expiring-30')).toBe(false);
    expect(matchesMouPreset(row({ daysToExpiry: 31 }), 'expiring-60')).toBe(true);
    expect(matchesMouPreset(row({ daysToExpiry: 0, status: 'signed' }), 'expiring-90')).toBe(true);
    expect(matchesMouPreset(row({ daysToExpiry: -1 }), 'expiring-90')).toBe(false);
    expect(matchesMouPreset(row({ daysToExpiry: 10, status: 'draft' }), 'expiring-90')).toBe(false);
    expect(matchesMouPreset(row({ daysToExpiry: 10, status: 'terminated' }), 'expiring-90')).toBe(false);
    expect(matchesMouPreset(row({}), 'expiring-90')).toBe(false);
  });
  it('finds MoUs with overdue obligations', () => {
    expect(matchesMouPreset(row({ overdueObligations: 1 }), 'overdue-obligations')).toBe(true);
    expect(matchesMouPreset(row({ openObligations: 3 }), 'overdue-obligations')).toBe(false);
  });
});

describe('MoU list search, filter and sort', () => {
  const rows = [
    row({ mouNumber: 'M-10', parties: ['PSEB', 'ستارہ کیمیکل'], proposalCity: 'Faisalabad', status: 'signed', expiresOn: '2026-05-19' }),
    row({ mouNumber: 'M-2', parties: ['PSEB', 'IMARAT Group'], proposalCity: 'Rawalpindi', status: 'active' }),
    row({ mouNumber: 'M-3', parties: ['PSEB', 'USTB', 'KPITB'], status: 'draft', expiresOn: '2030-01-01' }),
  ];
  it('searches number, parties (Urdu too) and city, and filters by status', () => {
    expect(filterMouSummaries(rows, { query: 'faisal', status: '' }).map((r) => r.mouNumber)).toEqual(['M-10']);
    expect(filterMouSummaries(rows, { query: 'ستارہ', status: '' }).map((r) => r.mouNumber)).toEqual(['M-10']);
    expect(filterMouSummaries(rows, { query: 'pseb', status: 'active' }).map((r) => r.mouNumber)).toEqual(['M-2']);
  });
  it('sorts numbers naturally and puts unknown expiry last both ways', () => {
    expect(sortMouSummaries(rows, 'mouNumber', 'asc').map((r) => r.mouNumber)).toEqual(['M-2', 'M-3', 'M-10']);
    expect(sortMouSummaries(rows, 'expiresOn', 'asc').map((r) => r.mouNumber)).toEqual(['M-10', 'M-3', 'M-2']);
    expect(sortMouSummaries(rows, 'expiresOn', 'desc').map((r) => r.mouNumber)).toEqual(['M-3', 'M-10', 'M-2']);
    expect(sortMouSummaries(rows, 'status', 'asc').map((r) => r.status)).toEqual(['draft', 'signed', 'active']);
  });
});
