import { PROPOSAL_FIELD_LABELS } from '../../../shared/domain/proposal-labels';
import type { PathSegment } from '../../../shared/domain/record-merge';
import { formatDate, formatDateTime } from '../../../shared/format/dates';
import { formatNumber } from '../../../shared/format/numbers';

/** The MoU form's words for its fields (the schema names them inline). */
const MOU_FIELD_LABELS: Record<string, string> = {
  mouNumber: 'MoU number',
  type: 'MoU type',
  parties: 'Parties and signatories',
  witnesses: 'Witnesses',
  venue: 'Venue',
  signedOn: 'Date signed',
  effectiveOn: 'Effective date',
  termYears: 'Term (years)',
  termMonths: 'Term (months)',
  noticePeriodDays: 'Notice period (days)',
  renewalTerms: 'Renewal terms',
  nextReviewOn: 'Next review date',
  areaCommittedSqFt: 'Area committed',
  floorsCommitted: 'Floors committed',
  rentPerSqFt: 'Rent',
  subsidyPercent: 'PSEB rental subsidy',
  subsidyEndsOn: 'Subsidy end date',
  freeInternetEndsOn: 'Free internet end date',
  utilitiesPaidBy: 'Who pays utilities',
  targetFirms: 'Target firms',
  targetSeats: 'Target seats',
  targetJobs: 'Target jobs',
  terminationClause: 'Termination',
  disputesClause: 'Disputes',
  brandingClause: 'Branding',
  confidentialityClause: 'Confidentiality',
  previousMouId: 'Renews or supersedes',
  proposalId: 'Linked proposal',
  notes: 'Notes',
  description: 'Obligation',
  owner: 'Owner',
  dueOn: 'Due date',
  completedOn: 'Date done',
  partyId: 'Party that owes it',
  number: 'Amendment number',
  date: 'Amendment date',
  reason: 'Reason',
};

const LIST_ITEM_NAMES: Record<string, string> = { obligations: 'Obligation', amendments: 'Amendment', occupancyReturns: 'Return' };
const RECORD_KEYS: Record<string, string> = { archivedAt: 'Archived' };

/** "termYears" → "Term years": for fields added after these labels were written. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function labelOf(key: string, kind: 'proposal' | 'mou'): string {
  if (kind === 'proposal' && key in PROPOSAL_FIELD_LABELS) return PROPOSAL_FIELD_LABELS[key as keyof typeof PROPOSAL_FIELD_LABELS];
  return MOU_FIELD_LABELS[key] ?? RECORD_KEYS[key] ?? humanise(key);
}

/** Words for where two copies differ, e.g. "Obligation “Hand over the building”: Due date". */
export function differenceLabel(path: readonly PathSegment[], kind: 'proposal' | 'mou', record: unknown): string {
  const parts: string[] = [];
  let cursor: unknown = record;
  let listKey = '';
  for (const segment of path) {
    if ('id' in segment) {
      const item = (cursor as { id: string }[] | undefined)?.find((i) => i.id === segment.id) as Record<string, unknown> | undefined;
      const name = item?.description ?? item?.number ?? item?.name ?? item?.period;
      parts.pop();
      parts.push(`${LIST_ITEM_NAMES[listKey] ?? humanise(listKey)}${typeof name === 'string' ? ` “${name.length > 60 ? `${name.slice(0, 57)}…` : name}”` : ''}`);
      cursor = item;
      continue;
    }
    cursor = (cursor as Record<string, unknown> | undefined)?.[segment.key];
    if (segment.key === 'fields') continue;
    listKey = segment.key;
    parts.push(labelOf(segment.key, kind));
  }
  return parts.join(': ') || 'The whole record';
}

/** A party (or witness) by name and role, with who signed for it: what tells two versions apart. */
function describeItem(item: unknown): string {
  if (typeof item !== 'object' || item === null || !('name' in item)) return differenceValue(item);
  const { name, role, designation, signatories } = item as { name: unknown; role?: unknown; designation?: unknown; signatories?: unknown };
  const about = [role ?? designation, Array.isArray(signatories) && signatories.length > 0 ? `signed by ${signatories.map(describeItem).join(', ')}` : undefined].filter(Boolean);
  return `${String(name)}${about.length > 0 ? ` (${about.join('; ')})` : ''}`;
}

/** A value as the official reads it; lists and objects shortened to what tells them apart. */
export function differenceValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return formatDateTime(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    return value.map(describeItem).join('; ');
  }
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
