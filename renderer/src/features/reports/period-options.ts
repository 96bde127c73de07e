import {
  fiscalQuarterOf,
  fiscalYearName,
  fiscalYearOf,
  monthsOf,
  parsePeriodKey,
  periodKey,
  periodName,
  periodRange,
  quartersOf,
} from '../../../../shared/domain/fiscal-period';
import { MONTHS } from '../../../../shared/format/dates';

export interface PeriodOption {
  key: string;
  label: string;
  /** Starts after today: shown, but cannot be chosen. */
  notBegun: boolean;
}

/** Fiscal years to offer, newest first: this one and the nine before it. */
export function fiscalYearOptions(today: string, count = 10): { value: number; label: string }[] {
  const current = fiscalYearOf(today);
  return Array.from({ length: count }, (_, i) => ({ value: current - i, label: fiscalYearName(current - i) }));
}

const QUARTER_MONTHS = ['Jul-Sep', 'Oct-Dec', 'Jan-Mar', 'Apr-Jun'];

export function quarterOptions(fiscalYear: number, today: string): PeriodOption[] {
  return quartersOf(fiscalYear).map((q) => ({
    key: periodKey(q),
    label: `Q${q.quarter} (${QUARTER_MONTHS[q.quarter - 1]})`,
    notBegun: periodRange(q).start > today,
  }));
}

export function monthOptions(fiscalYear: number, today: string): PeriodOption[] {
  return monthsOf(fiscalYear).map((m) => ({ key: periodKey(m), label: `${MONTHS[m.month - 1]} ${m.year}`, notBegun: periodRange(m).start > today }));
}

export const currentQuarterKey = (today: string) => periodKey(fiscalQuarterOf(today));

/** The fiscal year a period key belongs to (a month's or a quarter's). */
export function fiscalYearOfKey(key: string): number | undefined {
  const p = parsePeriodKey(key);
  if (!p) return undefined;
  return p.kind === 'month' ? fiscalYearOf(periodRange(p).start) : p.fiscalYear;
}

export const periodNameOfKey = (key: string) => {
  const p = parsePeriodKey(key);
  return p ? periodName(p) : key;
};
