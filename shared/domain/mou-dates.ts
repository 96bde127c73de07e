import { daysBetween } from '../format/dates';
import type { MouFields, Obligation } from './mou';

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The last day of a term: the day before the same date `months` later. When that date does
 * not exist (31-Jan + 1 month, 29-Feb + 1 year) the anniversary rolls to the 1st of the next
 * month, so the term ends on the last day of the shorter month.
 */
export function termEndDate(startIso: string, months: number): string {
  const [y, m, d] = parts(startIso);
  const targetMonthIndex = m - 1 + months;
  const lastDayOfTarget = new Date(Date.UTC(y, targetMonthIndex + 1, 0)).getUTCDate();
  const anniversary = d <= lastDayOfTarget ? new Date(Date.UTC(y, targetMonthIndex, d)) : new Date(Date.UTC(y, targetMonthIndex + 1, 1));
  anniversary.setUTCDate(anniversary.getUTCDate() - 1);
  return toIso(anniversary);
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
