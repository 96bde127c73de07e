import { daysBetween, formatDate } from '../format/dates';
import { MOU_STATUS_LABELS, currentMouStatus, mouStatusSince, type Mou, type MouFields, type MouStatus } from './mou';
import { mouExpiryDate } from './mou-dates';

/**
 * The one derived state of an MoU (domain.md, "Derived MoU state"): what every screen,
 * document, list and figure shows and counts. Computed from the recorded status, the dates
 * and today in Pakistan; never stored.
 */
export const MOU_STATE_KINDS = [
  'in-preparation',
  'in-force',
  'expiring',
  'notice-period',
  'expired',
  'expiry-unknown',
  'renewed',
  'terminated',
  'superseded',
] as const;
export type MouStateKind = (typeof MOU_STATE_KINDS)[number];

export const MOU_STATE_LABELS: Record<MouStateKind, string> = {
  'in-preparation': 'In preparation',
  'in-force': 'In force',
  expiring: 'Expiring',
  'notice-period': 'Notice period',
  expired: 'Expired',
  'expiry-unknown': 'Expiry unknown',
  renewed: 'Renewed',
  terminated: 'Terminated',
  superseded: 'Superseded',
};

/** An MoU in force is "expiring" within this many days of its expiry. */
export const EXPIRING_WINDOW_DAYS = 90;
/** A notice deadline this close (or already passed) puts the MoU in its notice period. */
export const NOTICE_WINDOW_DAYS = 90;

const PREPARATION_STATUSES: ReadonlySet<MouStatus> = new Set(['draft', 'legal-review', 'approved']);
const IN_FORCE_STATUSES: ReadonlySet<MouStatus> = new Set(['signed', 'active']);

export interface MouState {
  kind: MouStateKind;
  /** Short, for badges and cells. */
  label: string;
  /** Full, with its dates, for the MoU page and the summary PDF. */
  sentence: string;
  /** The recorded status (currentMouStatus). */
  status: MouStatus;
  /** Pakistan date on which the recorded status took effect. */
  statusSince?: string;
  /** (Effective date, else date signed) + term - 1 day. */
  expiresOn?: string;
  expiryBasis?: 'effective' | 'signed';
  /** Expiry minus the notice period, when a notice period is recorded. */
  noticeBy?: string;
  /** Negative once past expiry. */
  daysToExpiry?: number;
  /** Negative once the notice deadline has passed. */
  daysToNotice?: number;
  /**
   * Something recorded that does not fit the status, shown beside the label so it is never
   * silent: a Draft with a date signed, or whose expiry has already passed.
   */
  warning?: string;
  /** Dates the state needs but the record lacks ("no term", "no date signed or effective date"). */
  missing?: string;
}

type StateInput = Pick<Mou, 'fields' | 'statusHistory'>;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "5 years", "1 year 6 months", "18 months" as the MoU words its term. */
export function describeTerm(fields: Pick<MouFields, 'termYears' | 'termMonths'>): string | undefined {
  const years = fields.termYears ?? 0;
  const months = fields.termMonths ?? 0;
  const parts = [years > 0 ? plural(years, 'year', 'years') : '', months > 0 ? plural(months, 'month', 'months') : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** "signed 20-May-2021, term 5 years" or "effective 01-Jul-2021, term 3 years 6 months": the basis actually used. */
function basisPhrase(fields: MouFields, basis: 'effective' | 'signed' | undefined): string {
  const start = basis === 'effective' ? `effective ${formatDate(fields.effectiveOn)}` : `signed ${formatDate(fields.signedOn)}`;
  return `${start}, term ${describeTerm(fields) ?? 'unknown'}`;
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return `in ${plural(days, 'day', 'days')}`;
  return `${plural(-days, 'day', 'days')} ago`;
}

/** Which dates the expiry needs but the record lacks; undefined when it can be worked out. */
function missingForExpiry(fields: MouFields): string | undefined {
  const noStart = !fields.effectiveOn && !fields.signedOn;
  const noTerm = describeTerm(fields) === undefined;
  if (noStart && noTerm) return 'no date signed and no term';
  if (noStart) return 'no date signed or effective date';
  if (noTerm) return 'no term';
  return undefined;
}

export function deriveMouState(mou: StateInput, today: string): MouState {
  const f = mou.fields;
  const status = currentMouStatus(mou);
  const statusSince = mouStatusSince(mou);
  const expiresOn = mouExpiryDate(f);
  const expiryBasis: MouState['expiryBasis'] = expiresOn === undefined ? undefined : f.effectiveOn ? 'effective' : 'signed';
  const daysToExpiry = expiresOn === undefined ? undefined : daysBetween(today, expiresOn);
  const noticeBy =
    expiresOn !== undefined && f.noticePeriodDays !== undefined && f.noticePeriodDays > 0 ? shiftDays(expiresOn, -f.noticePeriodDays) : undefined;
  const daysToNotice = noticeBy === undefined ? undefined : daysBetween(today, noticeBy);
  const missing = missingForExpiry(f);
  const base = {
    status,
    statusSince,
    ...(expiresOn !== undefined ? { expiresOn, expiryBasis, daysToExpiry } : {}),
    ...(noticeBy !== undefined ? { noticeBy, daysToNotice } : {}),
    ...(missing !== undefined ? { missing } : {}),
  };
  const make = (kind: MouStateKind, sentence: string, extra: Partial<MouState> = {}): MouState => ({
    kind,
    label: MOU_STATE_LABELS[kind],
    sentence,
    ...base,
    ...extra,
  });
  const since = formatDate(statusSince);
  const untilPhrase = expiresOn ? `; it was to expire on ${formatDate(expiresOn)}` : '';

  if (status === 'renewed') return make('renewed', `Renewed on ${since}${untilPhrase}`);
  if (status === 'superseded') return make('superseded', `Superseded on ${since}${untilPhrase}`);
  if (status === 'terminated') return make('terminated', `Terminated on ${since}${untilPhrase}`);

  if (PREPARATION_STATUSES.has(status)) {
    const statusLabel = MOU_STATUS_LABELS[status];
    const warnings: string[] = [];
    if (expiresOn !== undefined && expiresOn < today) warnings.push(`its expiry date ${formatDate(expiresOn)} has already passed`);
    else if (f.signedOn) warnings.push(`a date signed (${formatDate(f.signedOn)}) is recorded`);
    const warning = warnings.length > 0 ? `Not in force, but ${warnings.join(' and ')}` : undefined;
    return make(
      'in-preparation',
      `In preparation (${statusLabel}) since ${since}: not in force${warning ? `; ${warnings.join(' and ')}` : ''}`,
      { label: `In preparation (${statusLabel})`, ...(warning ? { warning } : {}) },
    );
  }

  if (expiresOn === undefined || daysToExpiry === undefined) {
    if (status === 'expired') return make('expired', `Expired (recorded on ${since}); its expiry date cannot be worked out: ${missing}`);
    return make('expiry-unknown', `Expiry unknown: ${missing} recorded`);
  }
  const basis = basisPhrase(f, expiryBasis);
  if (daysToExpiry < 0) return make('expired', `Expired on ${formatDate(expiresOn)}: ${basis}`);
  if (status === 'expired') {
    return make('expired', `Recorded as Expired on ${since}, although its term runs until ${formatDate(expiresOn)}: ${basis}`);
  }
  if (noticeBy !== undefined && daysToNotice !== undefined && daysToNotice <= NOTICE_WINDOW_DAYS) {
    const notice =
      daysToNotice >= 0
        ? `Notice period: give notice by ${formatDate(noticeBy)} (${inDays(daysToNotice)})`
        : `Notice period: the last day to give notice was ${formatDate(noticeBy)} (${inDays(daysToNotice)})`;
    return make('notice-period', `${notice}; expires on ${formatDate(expiresOn)}: ${basis}`);
  }
  if (daysToExpiry <= EXPIRING_WINDOW_DAYS) {
    return make('expiring', `Expiring on ${formatDate(expiresOn)} (${inDays(daysToExpiry)}): ${basis}`);
  }
  const noticeNote = noticeBy ? `; give notice by ${formatDate(noticeBy)}` : '';
  return make('in-force', `In force until ${formatDate(expiresOn)}: ${basis}${noticeNote}`);
}

function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** States in which an MoU binds its parties today and its end is known and near. */
export function isMouEndingSoon(state: Pick<MouState, 'kind'>): boolean {
  return state.kind === 'expiring' || state.kind === 'notice-period';
}
