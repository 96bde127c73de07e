import { daysBetween, todayInPakistan } from '../format/dates';
import { ALL_STAGES, PIPELINE_STAGES, STAGE_LABELS, type Stage } from './stages';
import type { PartnerType, Province } from './proposal';
import type { ProposalSummary } from './proposal-summary';
import { foldedWords, foldForSearch } from './search-folding';

export type ProposalSortKey = 'referenceNumber' | 'title' | 'city' | 'offeringParty' | 'grossAreaSqFt' | 'stage' | 'daysInStage';
export type SortDirection = 'asc' | 'desc';

/**
 * Stage groups the dashboard's figures stand on, so each figure can open the list behind it.
 * "open": not rejected or withdrawn. "pipeline", "signed", "operational" and "on-hold" split the
 * open proposals so no area is counted twice: before the MoU is signed / MoU signed or Fit-out /
 * Operational / On hold.
 */
export const STAGE_GROUPS = {
  open: ALL_STAGES.filter((s) => s !== 'rejected' && s !== 'withdrawn'),
  pipeline: PIPELINE_STAGES.slice(0, PIPELINE_STAGES.indexOf('mou-signed')),
  signed: ['mou-signed', 'fit-out'],
} as const satisfies Record<string, readonly Stage[]>;
export type StageGroup = keyof typeof STAGE_GROUPS;
export const STAGE_GROUP_LABELS: Record<StageGroup, string> = {
  open: 'All open (not rejected or withdrawn)',
  pipeline: 'In the pipeline (before MoU signed)',
  signed: 'MoU signed or Fit-out (not yet operational)',
};
export type StageFilter = Stage | StageGroup;

export function stageFilterLabel(filter: StageFilter): string {
  return filter in STAGE_GROUPS ? STAGE_GROUP_LABELS[filter as StageGroup] : STAGE_LABELS[filter as Stage];
}

/** The list's filters; each one unset means "any". */
export interface ProposalListFilters {
  stage?: StageFilter;
  province?: Province;
  city?: string;
  partnerType?: PartnerType | 'unrecorded';
  /** Stuck: still moving through the pipeline and in the current stage longer than this many days. */
  stuckOverDays?: number;
}

/** Proposals that can be stuck: open and still moving (On hold is a decision, not a delay). */
export function isStuck(row: Pick<ProposalSummary, 'stage' | 'enteredStageAt'>, overDays: number, today: string): boolean {
  return stageMatches(row.stage, 'open') && row.stage !== 'operational' && row.stage !== 'on-hold' && daysInStage(row, today) > overDays;
}

const DAY_MS = 86_400_000;
const PAKISTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

/**
 * Days since the proposal entered its current stage, counted in calendar days in Pakistan.
 * Plain arithmetic on epoch days (the Pakistan day of the instant, against today's day) rather
 * than formatting and re-parsing a date string: the dashboard works this out for every proposal.
 */
export function daysInStage(summary: Pick<ProposalSummary, 'enteredStageAt'>, today: string): number {
  const enteredDay = Math.floor((Date.parse(summary.enteredStageAt) + PAKISTAN_OFFSET_MS) / DAY_MS);
  return Math.max(0, daysBetween('1970-01-01', today) - enteredDay);
}

// The list searches fold as the global search does (search-folding.ts); re-exported for the MoU list.
export { foldForSearch };

// Summary rows are replaced, never mutated, so each row's folded text can be kept with the row:
// a keystroke then costs one substring test per row instead of folding every row again.
const haystacks = new WeakMap<ProposalSummary, string>();

function haystack(row: ProposalSummary): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    text = foldForSearch([row.referenceNumber, row.title, row.city, row.offeringParty ?? '', row.notes ?? ''].join('\u0000'));
    haystacks.set(row, text);
  }
  return text;
}

/** Folds every row's text ahead of the first keystroke (called when the list is idle). */
export function prepareProposalSearch(rows: readonly ProposalSummary[]): void {
  for (const row of rows) haystack(row);
}

/** Every word typed must appear somewhere in the row. */
export function searchProposalSummaries(rows: readonly ProposalSummary[], query: string): ProposalSummary[] {
  const words = foldedWords(query);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = haystack(row);
    return words.every((word) => text.includes(word));
  });
}

export function stageMatches(stage: Stage, filter: StageFilter | undefined): boolean {
  if (!filter) return true;
  if (filter in STAGE_GROUPS) return (STAGE_GROUPS[filter as StageGroup] as readonly Stage[]).includes(stage);
  return stage === filter;
}

const sameCity = (a: string, b: string) => foldForSearch(a.trim()) === foldForSearch(b.trim());

/**
 * Archived proposals are shown only in the archived view, and only there. The dashboard counts
 * its figures with this same function, so a figure always equals the rows of the list it opens.
 */
export function filterProposalSummaries(
  rows: readonly ProposalSummary[],
  filters: ProposalListFilters,
  archived = false,
  today: string = todayInPakistan(),
): ProposalSummary[] {
  return rows.filter((row) => matchesProposalFilters(row, filters, archived, today));
}

/** The list's one test of a row against its filters; the dashboard counts its figures with it too. */
export function matchesProposalFilters(row: ProposalSummary, filters: ProposalListFilters, archived: boolean, today: string): boolean {
  return (
    Boolean(row.archivedAt) === archived &&
    stageMatches(row.stage, filters.stage) &&
    (!filters.province || row.province === filters.province) &&
    (!filters.city || sameCity(row.city, filters.city)) &&
    (!filters.partnerType || (filters.partnerType === 'unrecorded' ? !row.offeringPartyType : row.offeringPartyType === filters.partnerType)) &&
    (filters.stuckOverDays === undefined || isStuck(row, filters.stuckOverDays, today))
  );
}

export function hasActiveFilters(filters: ProposalListFilters): boolean {
  return Boolean(filters.stage || filters.province || filters.city || filters.partnerType || filters.stuckOverDays !== undefined);
}

/** The distinct cities, for the city filter: one spelling each, sorted. */
export function citiesOf(rows: readonly ProposalSummary[]): string[] {
  const byKey = new Map<string, string>();
  for (const row of rows) {
    const key = foldForSearch(row.city.trim());
    if (!byKey.has(key)) byKey.set(key, row.city.trim());
  }
  return [...byKey.values()].sort(collator.compare);
}

const stageOrder = new Map<Stage, number>([...PIPELINE_STAGES, 'on-hold', 'rejected', 'withdrawn'].map((stage, index) => [stage as Stage, index]));
const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export function sortProposalSummaries(
  rows: readonly ProposalSummary[],
  key: ProposalSortKey,
  direction: SortDirection,
  today: string,
): ProposalSummary[] {
  const sign = direction === 'asc' ? 1 : -1;
  // Days are computed once per row, not once per comparison.
  const days = key === 'daysInStage' ? new Map(rows.map((row) => [row.id, daysInStage(row, today)])) : undefined;
  const compare = (a: ProposalSummary, b: ProposalSummary): number => {
    switch (key) {
      case 'grossAreaSqFt':
        // An unknown area sorts below every known one.
        return (a.grossAreaSqFt ?? -1) - (b.grossAreaSqFt ?? -1);
      case 'stage':
        return (stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0);
      case 'daysInStage':
        return days!.get(a.id)! - days!.get(b.id)!;
      default:
        return collator.compare(a[key] ?? '', b[key] ?? '');
    }
  };
  return [...rows].sort((a, b) => sign * compare(a, b) || collator.compare(a.referenceNumber, b.referenceNumber));
}

export interface ProposalListView {
  query: string;
  filters: ProposalListFilters;
  /** The archived view: only archived proposals, to restore from. */
  archived: boolean;
  sortKey: ProposalSortKey;
  sortDirection: SortDirection;
}

/** Filters and sort: what the list shows before a search narrows it. */
export function arrangeProposalSummaries(
  rows: readonly ProposalSummary[],
  view: Omit<ProposalListView, 'query'>,
  today: string,
): ProposalSummary[] {
  return sortProposalSummaries(filterProposalSummaries(rows, view.filters, view.archived, today), view.sortKey, view.sortDirection, today);
}

/**
 * Search, filters and sort together: what the list shows. Searching keeps the sorted order, so
 * the list sorts once per change of sort or filters and a keystroke only searches.
 */
export function queryProposalSummaries(rows: readonly ProposalSummary[], view: ProposalListView, today: string): ProposalSummary[] {
  return searchProposalSummaries(arrangeProposalSummaries(rows, view, today), view.query);
}
