import { daysBetween } from '../format/dates';
import type { MouFields, Obligation } from './mou';

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/**
 * The last day of a term: the day before the same date `months` later. When that date does
 * not exist (31-Jan + 1 month, 29-Feb + 1 year) the anniversary rolls to the 1st of the next
 * month, so the term ends on the last day of the shorter month.
 */
export function termEndDate(startIso: string, months: number): string {
  const [y, m, d] = parts(startIso);
  const targetMonthIndex = m - 1 + months;
  const year = y + Math.floor(targetMonthIndex / 12);
  const month = targetMonthIndex - Math.floor(targetMonthIndex / 12) * 12 + 1;
  const lastDayOfTarget = daysInMonth(year, month);
  // Plain arithmetic, no Date objects: the dashboard works this out for every MoU.
  // Past the target month's end the anniversary is the 1st of the next month, so the term ends on the target's last day.
  if (d > lastDayOfTarget) return isoOf(year, month, lastDayOfTarget);
  if (d > 1) return isoOf(year, month, d - 1);
  return month === 1 ? isoOf(year - 1, 12, 31) : isoOf(year, month - 1, daysInMonth(year, month - 1));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Derived, never stored: effective (or signed) date plus the term. Undefined while either is unknown. */
export function mouExpiryDate(fields: Pick<MouFields, 'effectiveOn' | 'signedOn' | 'termYears' | 'termMonths'>): string | undefined {
  const start = fields.effectiveOn ?? fields.signedOn;
  const months = (fields.termYears ?? 0) * 12 + (fields.termMonths ?? 0);
  if (!start || months <= 0) return undefined;
  return termEndDate(start, months);
}

/** Days from today to expiry; negative once expired. */
export function daysToExpiry(fields: Parameters<typeof mouExpiryDate>[0], today: string): number | undefined {
  const expiry = mouExpiryDate(fields);
  return expiry === undefined ? undefined : daysBetween(today, expiry);
}

export type ObligationState = 'open' | 'done' | 'overdue';
export const OBLIGATION_STATE_LABELS: Record<ObligationState, string> = { open: 'Open', done: 'Done', overdue: 'Overdue' };

/** Done when a completion date is recorded; overdue when still open after its due date. */
export function obligationState(obligation: Pick<Obligation, 'dueOn' | 'completedOn'>, today: string): ObligationState {
  if (obligation.completedOn) return 'done';
  if (obligation.dueOn && obligation.dueOn < today) return 'overdue';
  return 'open';
}
