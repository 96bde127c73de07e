import { describe, expect, it } from 'vitest';
import { daysBetween, formatDate, formatDateTime, parseDateText, todayInPakistan } from '../../../shared/format/dates';
import { formatArea, formatNumber, formatRupees } from '../../../shared/format/numbers';

describe('dates', () => {
  it.each([
    ['20-May-2021', '2021-05-20'],
    ['20 May 2021', '2021-05-20'],
    ['20/05/2021', '2021-05-20'],
    ['2021-05-20', '2021-05-20'],
    ['29-Feb-2024', '2024-02-29'],
    ['1-september-2025', '2025-09-01'],
  ])('reads %s as %s', (typed, iso) => expect(parseDateText(typed)).toBe(iso));

  it.each(['29-Feb-2023', '31-Apr-2021', '00-Jan-2021', '2021-13-01', 'yesterday', '20-Mai-2021'])('refuses %s', (typed) =>
    expect(parseDateText(typed)).toBeUndefined(),
  );

  it('shows dates day-month-year', () => {
    expect(formatDate('2021-05-20')).toBe('20-May-2021');
    expect(formatDate(undefined)).toBe('');
  });

  it('shows instants in Pakistan time and knows the Pakistani date at midnight UTC+5', () => {
    expect(formatDateTime('2021-05-20T19:30:00.000Z')).toBe('21-May-2021 00:30');
    expect(todayInPakistan(new Date('2026-11-24T19:00:00Z'))).toBe('2026-11-25');
  });

  it('counts calendar days across month ends and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2021-05-20', '2021-05-19')).toBe(-1);
  });
});

describe('numbers', () => {
  it('groups digits in lakhs and crores', () => {
    expect(formatNumber(1234567)).toBe('12,34,567');
    expect(formatNumber(19500)).toBe('19,500');
    expect(formatRupees(123456789)).toBe('Rs 12,34,56,789');
    expect(formatArea(44000)).toBe('44,000 sq ft');
  });
});
