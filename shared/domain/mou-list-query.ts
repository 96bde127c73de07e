import { MOU_STATUSES, type MouStatus } from './mou';
import type { MouSummary } from './mou-summary';
import { foldForSearch } from './proposal-list-query';

/** Ready-made views the dashboard links to. */
export const MOU_LIST_PRESETS = ['expiring-30', 'expiring-60', 'expiring-90', 'overdue-obligations'] as const;
export type MouListPreset = (typeof MOU_LIST_PRESETS)[number];
export const MOU_LIST_PRESET_LABELS: Record<MouListPreset, string> = {
  'expiring-30': 'Expiring within 30 days',
  'expiring-60': 'Expiring within 60 days',
  'expiring-90': 'Expiring within 90 days',
  'overdue-obligations': 'With overdue obligations',
};

const BINDING: ReadonlySet<MouStatus> = new Set(['signed', 'active']);

/** Expiring within N days: in force (signed or active) and not yet past its expiry. */
export function matchesMouPreset(row: MouSummary, preset: MouListPreset): boolean {
  if (preset === 'overdue-obligations') return row.overdueObligations > 0;
  const days = Number(preset.slice('expiring-'.length));
  return BINDING.has(row.status) && row.daysToExpiry !== undefined && row.daysToExpiry >= 0 && row.daysToExpiry <= days;
}

export type MouSortKey = 'mouNumber' | 'parties' | 'proposal' | 'status' | 'signedOn' | 'expiresOn' | 'obligations';

export interface MouListFilter {
  query: string;
  status: MouStatus | '';
  preset?: MouListPreset;
}

function haystack(row: MouSummary): string {
  return foldForSearch([row.mouNumber, ...row.parties, row.proposalTitle ?? '', row.proposalCity ?? ''].join('\u0000'));
}

export function filterMouSummaries(rows: readonly MouSummary[], filter: MouListFilter): MouSummary[] {
  const words = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    if (filter.status && row.status !== filter.status) return false;
    if (filter.preset && !matchesMouPreset(row, filter.preset)) return false;
    if (words.length === 0) return true;
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

const statusOrder = new Map(MOU_STATUSES.map((status, index) => [status, index]));
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
