import { MOU_STATUSES, type MouStatus } from './mou';
import { NOTICE_WINDOW_DAYS, type MouStateKind } from './mou-state';
import type { MouSummary } from './mou-summary';
import { foldForSearch } from './proposal-list-query';

/**
 * Ready-made views the dashboard links to. Each dashboard figure counts the rows that
 * matchesMouPreset accepts, so a figure always equals the rows of the list it opens.
 */
export const MOU_LIST_PRESETS = [
  'expired',
  'notice-passed',
  'notice-coming',
  'expiring-30',
  'expiring-60',
  'expiring-90',
  'expiry-unknown',
  'notice-unknown',
  'preparation-flagged',
  'overdue-obligations',
  'obligations-due-7',
  'obligations-due-30',
  'obligations-undated',
  'review-passed',
  'review-due-7',
  'review-due-30',
] as const;
export type MouListPreset = (typeof MOU_LIST_PRESETS)[number];
export const MOU_LIST_PRESET_LABELS: Record<MouListPreset, string> = {
  expired: 'Expired',
  'notice-passed': 'Notice deadline passed, not yet expired',
  'notice-coming': `Notice deadline within ${NOTICE_WINDOW_DAYS} days`,
  'expiring-30': 'Expiring within 30 days',
  'expiring-60': 'Expiring within 60 days',
  'expiring-90': 'Expiring within 90 days',
  'expiry-unknown': 'Signed or active, expiry unknown (no term or date signed)',
  'notice-unknown': 'In force with no notice period recorded',
  'preparation-flagged': 'In preparation, but with a date signed or a past expiry',
  'overdue-obligations': 'With overdue obligations',
  'obligations-due-7': 'With obligations due within 7 days',
  'obligations-due-30': 'With obligations due within 30 days',
  'obligations-undated': 'With open obligations that have no due date',
  'review-passed': 'Next review date passed',
  'review-due-7': 'Review due within 7 days',
  'review-due-30': 'Review due within 30 days',
};

const ENDED: ReadonlySet<MouStateKind> = new Set(['renewed', 'terminated', 'superseded']);
const IN_FORCE: ReadonlySet<MouStateKind> = new Set(['in-force', 'expiring', 'notice-period']);

/**
 * Not ended by renewal, termination or supersession: its obligations and reviews still count.
 * Expired ones stay (they call for work), and so do drafts: a draft with obligations past due
 * is often an MoU signed whose status was never moved, and hiding it would be a false all-clear.
 */
export function isMouLive(row: Pick<MouSummary, 'state'>): boolean {
  return !ENDED.has(row.state);
}

const within = (days: number | undefined, limit: number) => days !== undefined && days >= 0 && days <= limit;

export function matchesMouPreset(row: MouSummary, preset: MouListPreset): boolean {
  switch (preset) {
    case 'expired':
      return row.state === 'expired';
    case 'notice-passed':
      return row.state === 'notice-period' && row.daysToNotice !== undefined && row.daysToNotice < 0;
    case 'notice-coming':
      return row.state === 'notice-period' && row.daysToNotice !== undefined && row.daysToNotice >= 0;
    case 'expiring-30':
    case 'expiring-60':
    case 'expiring-90':
      return (row.state === 'expiring' || row.state === 'notice-period') && within(row.daysToExpiry, Number(preset.slice('expiring-'.length)));
    case 'expiry-unknown':
      return row.state === 'expiry-unknown';
    case 'notice-unknown':
      return IN_FORCE.has(row.state) && row.noticeBy === undefined;
    case 'preparation-flagged':
      return row.state === 'in-preparation' && row.stateWarning !== undefined;
    case 'overdue-obligations':
      return isMouLive(row) && row.overdueObligations > 0;
    case 'obligations-due-7':
      return isMouLive(row) && within(row.daysToNextObligation, 7);
    case 'obligations-due-30':
      return isMouLive(row) && within(row.daysToNextObligation, 30);
    case 'obligations-undated':
      return isMouLive(row) && row.undatedObligations > 0;
    case 'review-passed':
      return isMouLive(row) && row.daysToNextReview !== undefined && row.daysToNextReview < 0;
    case 'review-due-7':
      return isMouLive(row) && within(row.daysToNextReview, 7);
    case 'review-due-30':
      return isMouLive(row) && within(row.daysToNextReview, 30);
  }
}

export type MouSortKey = 'mouNumber' | 'parties' | 'proposal' | 'status' | 'state' | 'signedOn' | 'expiresOn' | 'obligations';

export interface MouListFilter {
  query: string;
  status: MouStatus | '';
  state?: MouStateKind | '';
  preset?: MouListPreset;
}

function haystack(row: MouSummary): string {
  return foldForSearch([row.mouNumber, ...row.parties, row.proposalTitle ?? '', row.proposalCity ?? ''].join('\u0000'));
}

export function filterMouSummaries(rows: readonly MouSummary[], filter: MouListFilter): MouSummary[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.status && row.status !== filter.status) return false;
    if (filter.state && row.state !== filter.state) return false;
    if (filter.preset && !matchesMouPreset(row, filter.preset)) return false;
    if (words.length === 0) return true;
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

const statusOrder = new Map(MOU_STATUSES.map((status, index) => [status, index]));
/** Most urgent first: expired, notice period, expiring, unknown, then the rest. */
const stateOrder = new Map<MouStateKind, number>(
  (['expired', 'notice-period', 'expiring', 'expiry-unknown', 'in-force', 'in-preparation', 'renewed', 'superseded', 'terminated'] as const).map((k, i) => [k, i]),
);
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Rows without a value (no expiry, no date) sort last in either direction. */
export function sortMouSummaries(rows: readonly MouSummary[], key: MouSortKey, direction: 'asc' | 'desc'): MouSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  const valueOf = (row: MouSummary): string | number | undefined => {
    switch (key) {
      case 'mouNumber':
        return row.mouNumber;
      case 'parties':
        return row.parties.join(', ');
      case 'proposal':
        return row.proposalTitle;
      case 'status':
        return statusOrder.get(row.status);
      case 'state':
        return stateOrder.get(row.state);
      case 'signedOn':
        return row.signedOn;
      case 'expiresOn':
        return row.expiresOn;
      case 'obligations':
        return row.overdueObligations * 100_000 + row.openObligations;
    }
  };
  return rows
    .map((row) => ({ row, value: valueOf(row) }))
    .sort((a, b) => {
      if (a.value === undefined || b.value === undefined) return a.value === b.value ? 0 : a.value === undefined ? 1 : -1;
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order * sign;
    })
    .map(({ row }) => row);
}
