import { MONTHS } from '../format/dates';

/**
 * Pakistan's fiscal year runs 1 July - 30 June and is named by both calendar years:
 * FY2026-27 is 1-Jul-2026 to 30-Jun-2027. Its quarters: Q1 Jul-Sep, Q2 Oct-Dec, Q3 Jan-Mar,
 * Q4 Apr-Jun. A period is kept as a short key, so it sorts, compares and travels as text:
 *   "2026-10"       a calendar month (October 2026)
 *   "FY2026-27-Q2"  a fiscal quarter (Oct-Dec 2026)
 *   "FY2026-27"     a whole fiscal year
 */
export type FiscalPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; fiscalYear: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'year'; fiscalYear: number };

export type FiscalPeriodKind = FiscalPeriod['kind'];

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^FY(\d{4})-(\d{2})-Q([1-4])$/;
const YEAR_KEY = /^FY(\d{4})-(\d{2})$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');
const inRange = (year: number) => year >= 1990 && year <= 2200;

/** "FY2026-27": named by the year it starts in and the last two digits of the next. */
export function fiscalYearName(fiscalYear: number): string {
  return `FY${fiscalYear}-${pad2((fiscalYear + 1) % 100)}`;
}

/** The fiscal year (by its starting calendar year) that a date falls in: 2026-11-27 -> 2026. */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 7 ? year : year - 1;
}

/** The fiscal quarter a date falls in: July-September is Q1. */
export function fiscalQuarterOf(isoDate: string): FiscalPeriod & { kind: 'quarter' } {
  const month = Number(isoDate.slice(5, 7));
  const quarter = (Math.floor(((month + 5) % 12) / 3) + 1) as 1 | 2 | 3 | 4;
  return { kind: 'quarter', fiscalYear: fiscalYearOf(isoDate), quarter };
}

export function monthOf(isoDate: string): FiscalPeriod & { kind: 'month' } {
  return { kind: 'month', year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) };
}

export function periodKey(period: FiscalPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${period.year}-${pad2(period.month)}`;
    case 'quarter':
      return `${fiscalYearName(period.fiscalYear)}-Q${period.quarter}`;
    case 'year':
      return fiscalYearName(period.fiscalYear);
  }
}

/** Reads a period key; undefined for anything that is not one (a wrong second year included). */
export function parsePeriodKey(key: string): FiscalPeriod | undefined {
  let match = MONTH_KEY.exec(key);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    return inRange(year) && month >= 1 && month <= 12 ? { kind: 'month', year, month } : undefined;
  }
  match = QUARTER_KEY.exec(key) ?? YEAR_KEY.exec(key);
  if (!match) return undefined;
  const fiscalYear = Number(match[1]);
  if (!inRange(fiscalYear) || Number(match[2]) !== (fiscalYear + 1) % 100) return undefined;
  return match[3] ? { kind: 'quarter', fiscalYear, quarter: Number(match[3]) as 1 | 2 | 3 | 4 } : { kind: 'year', fiscalYear };
}

function lastDayOf(year: number, month: number): string {
  return `${year}-${pad2(month)}-${pad2(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The calendar month (year, 1-12) at which a fiscal quarter starts. */
function quarterStart(fiscalYear: number, quarter: number): { year: number; month: number } {
  const month = 7 + (quarter - 1) * 3;
  return month > 12 ? { year: fiscalYear + 1, month: month - 12 } : { year: fiscalYear, month };
}

/** First and last day of a period, both included (ISO dates). */
export function periodRange(period: FiscalPeriod): { start: string; end: string } {
  switch (period.kind) {
    case 'month':
      return { start: `${period.year}-${pad2(period.month)}-01`, end: lastDayOf(period.year, period.month) };
    case 'quarter': {
      // A quarter never straddles a calendar year: it starts in Jul, Oct, Jan or Apr.
      const { year, month } = quarterStart(period.fiscalYear, period.quarter);
      return { start: `${year}-${pad2(month)}-01`, end: lastDayOf(year, month + 2) };
    }
    case 'year':
      return { start: `${period.fiscalYear}-07-01`, end: `${period.fiscalYear + 1}-06-30` };
  }
}

/** "October 2026", "Q2 FY2026-27", "FY2026-27": how the period is named in a sentence. */
export function periodName(period: FiscalPeriod): string {
  switch (period.kind) {
    case 'month':
      return `${MONTH_NAMES[period.month - 1]} ${period.year}`;
    case 'quarter':
      return `Q${period.quarter} ${fiscalYearName(period.fiscalYear)}`;
    case 'year':
      return fiscalYearName(period.fiscalYear);
  }
}

/** "Q2 FY2026-27 (Oct-Dec 2026)", "FY2026-27 (Jul 2026-Jun 2027)": the name with the months it covers. */
export function periodLabel(period: FiscalPeriod): string {
  if (period.kind === 'month') return periodName(period);
  const { start, end } = periodRange(period);
  const [sy, sm] = [start.slice(0, 4), MONTHS[Number(start.slice(5, 7)) - 1]];
  const [ey, em] = [end.slice(0, 4), MONTHS[Number(end.slice(5, 7)) - 1]];
  const span = sy === ey ? `${sm}-${em} ${ey}` : `${sm} ${sy}-${em} ${ey}`;
  return `${periodName(period)} (${span})`;
}

/** A key's label, or the key itself when it is not a period (never throws on stored text). */
export function periodKeyLabel(key: string): string {
  const period = parsePeriodKey(key);
  return period ? periodLabel(period) : key;
}

/** Whether `inner` lies wholly inside `outer` (a month inside its quarter, a quarter inside its year). */
export function periodWithin(inner: FiscalPeriod, outer: FiscalPeriod): boolean {
  const a = periodRange(inner);
  const b = periodRange(outer);
  return a.start >= b.start && a.end <= b.end;
}

/** The four quarters of a fiscal year, in order. */
export function quartersOf(fiscalYear: number): (FiscalPeriod & { kind: 'quarter' })[] {
  return ([1, 2, 3, 4] as const).map((quarter) => ({ kind: 'quarter', fiscalYear, quarter }));
}

/** The twelve months of a fiscal year, July first. */
export function monthsOf(fiscalYear: number): (FiscalPeriod & { kind: 'month' })[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((6 + i) % 12) + 1;
    return { kind: 'month', year: month >= 7 ? fiscalYear : fiscalYear + 1, month };
  });
}
