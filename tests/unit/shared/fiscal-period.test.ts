import { describe, expect, it } from 'vitest';
import {
  fiscalQuarterOf,
  fiscalYearName,
  fiscalYearOf,
  monthsOf,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodRange,
  periodWithin,
  quartersOf,
} from '../../../shared/domain/fiscal-period';

describe('Pakistan fiscal periods (July-June)', () => {
  it('puts July in the new fiscal year and June in the old one', () => {
    expect(fiscalYearOf('2026-07-01')).toBe(2026);
    expect(fiscalYearOf('2026-06-30')).toBe(2025);
    expect(fiscalYearOf('2027-01-15')).toBe(2026);
    expect(fiscalYearName(2026)).toBe('FY2026-27');
    expect(fiscalYearName(2099)).toBe('FY2099-00');
  });

  it('numbers the quarters from July: Jul-Sep is Q1, Oct-Dec Q2, Jan-Mar Q3, Apr-Jun Q4', () => {
    expect(fiscalQuarterOf('2026-07-01')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterOf('2026-09-30')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 1 });
    expect(fiscalQuarterOf('2026-11-27')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 2 });
    expect(fiscalQuarterOf('2027-02-28')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 3 });
    expect(fiscalQuarterOf('2027-06-30')).toEqual({ kind: 'quarter', fiscalYear: 2026, quarter: 4 });
  });

  it('gives "Q2 FY2026-27" as October to December 2026, both days included', () => {
    const q2 = parsePeriodKey('FY2026-27-Q2')!;
    expect(periodRange(q2)).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(periodLabel(q2)).toBe('Q2 FY2026-27 (Oct-Dec 2026)');
    expect(periodRange(parsePeriodKey('FY2026-27-Q3')!)).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(periodRange(parsePeriodKey('FY2026-27-Q4')!)).toEqual({ start: '2027-04-01', end: '2027-06-30' });
    expect(periodLabel(parsePeriodKey('FY2026-27')!)).toBe('FY2026-27 (Jul 2026-Jun 2027)');
  });

  it('handles months, leap Februaries included', () => {
    expect(periodRange(parsePeriodKey('2028-02')!)).toEqual({ start: '2028-02-01', end: '2028-02-29' });
    expect(periodRange(parsePeriodKey('2027-02')!).end).toBe('2027-02-28');
    expect(periodLabel(parsePeriodKey('2026-10')!)).toBe('October 2026');
  });

  it('reads back every key it writes and refuses keys that are not periods', () => {
    for (const p of [...quartersOf(2026), ...monthsOf(2026), { kind: 'year', fiscalYear: 2026 } as const]) {
      expect(parsePeriodKey(periodKey(p))).toEqual(p);
    }
    for (const bad of ['FY2026-28-Q1', 'FY2026-27-Q5', '2026-13', '2026-00', 'Q2 2026', '', 'FY2026']) {
      expect(parsePeriodKey(bad), bad).toBeUndefined();
    }
  });

  it('lists a fiscal year from July to June and knows which periods lie inside which', () => {
    expect(monthsOf(2026).map(periodKey)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    const q2 = parsePeriodKey('FY2026-27-Q2')!;
    expect(periodWithin(parsePeriodKey('2026-11')!, q2)).toBe(true);
    expect(periodWithin(parsePeriodKey('2026-09')!, q2)).toBe(false);
    expect(periodWithin(q2, parsePeriodKey('FY2026-27')!)).toBe(true);
    expect(periodWithin(q2, parsePeriodKey('FY2025-26')!)).toBe(false);
  });
});
