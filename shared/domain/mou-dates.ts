import { daysBetween } from '../format/dates';
import type { MouFields, Obligation } from './mou';

/** How close an expiry counts as "expiring" when the MoU names no notice period. */
export const DEFAULT_EXPIRING_WINDOW_DAYS = 90;

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

/** Expiring: not yet expired, and expiry within the notice period or 90 days, whichever is longer. */
export function isMouExpiring(fields: Parameters<typeof mouExpiryDate>[0] & Pick<MouFields, 'noticePeriodDays'>, today: string): boolean {
  const days = daysToExpiry(fields, today);
  if (days === undefined || days < 0) return false;
  return days <= Math.max(fields.noticePeriodDays ?? 0, DEFAULT_EXPIRING_WINDOW_DAYS);
}

export type ObligationState = 'open' | 'done' | 'overdue';
export const OBLIGATION_STATE_LABELS: Record<ObligationState, string> = { open: 'Open', done: 'Done', overdue: 'Overdue' };

/** Done when a completion date is recorded; overdue when still open after its due date. */
export function obligationState(obligation: Pick<Obligation, 'dueOn' | 'completedOn'>, today: string): ObligationState {
  if (obligation.completedOn) return 'done';
  if (obligation.dueOn && obligation.dueOn < today) return 'overdue';
  return 'open';
}

export type MouExpiryState = 'expiring' | 'expired';
export const MOU_EXPIRY_STATE_LABELS: Record<MouExpiryState, string> = { expiring: 'Expiring', expired: 'Expired' };

/**
 * Whether an MoU that binds its parties is near or past its end. Drafts have no expiry yet,
 * and renewed, terminated or superseded MoUs have ended for another reason, so neither is flagged.
 */
export function mouExpiryState(
  fields: Parameters<typeof isMouExpiring>[0],
  status: string,
  today: string,
): MouExpiryState | undefined {
  if (status !== 'signed' && status !== 'active' && status !== 'expired') return undefined;
  const days = daysToExpiry(fields, today);
  if (days === undefined) return undefined;
  if (days < 0) return 'expired';
  return isMouExpiring(fields, today) ? 'expiring' : undefined;
}
