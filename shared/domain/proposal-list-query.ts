import { daysBetween } from '../format/dates';
import { ALL_STAGES } from './stages';
import type { ProposalSummary } from './proposal-summary';

export type ProposalSortKey = 'referenceNumber' | 'title' | 'city' | 'offeringParty' | 'grossAreaSqFt' | 'stage' | 'daysInStage';
export type SortDirection = 'asc' | 'desc';

/** Days since the proposal entered its current stage, counted in calendar days. */
export function daysInStage(summary: Pick<ProposalSummary, 'enteredStageAt'>, today: string): number {
  return Math.max(0, daysBetween(summary.enteredStageAt.slice(0, 10), today));
}

/** Lower-cased, with Arabic-script diacritics removed so Urdu matches with or without them. */
export function foldForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en').replace(/[\u064B-\u065F\u0670]/g, '');
}

function haystack(row: ProposalSummary): string {
  return foldForSearch([row.referenceNumber, row.title, row.city, row.offeringParty ?? '', row.notes ?? ''].join('\u0000'));
}

/** Every word typed must appear somewhere in the row. */
export function searchProposalSummaries(rows: readonly ProposalSummary[], query: string): ProposalSummary[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

const stageOrder = new Map(ALL_STAGES.map((stage, index) => [stage, index]));
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function sortProposalSummaries(
  rows: readonly ProposalSummary[],
  key: ProposalSortKey,
  direction: SortDirection,
  today: string,
): ProposalSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  const compare = (a: ProposalSummary, b: ProposalSummary): number => {
    switch (key) {
      case 'grossAreaSqFt':
        return a.grossAreaSqFt - b.grossAreaSqFt;
      case 'stage':
        return (stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0);
      case 'daysInStage':
        return daysInStage(a, today) - daysInStage(b, today);
      default:
        return collator.compare(a[key] ?? '', b[key] ?? '');
    }
  };
  return [...rows].sort((a, b) => sign * compare(a, b) || collator.compare(a.referenceNumber, b.referenceNumber));
}
