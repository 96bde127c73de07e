import { AMENDMENT_FIELD_LABELS, MOU_FIELD_LABELS, OBLIGATION_FIELD_LABELS } from './mou-labels';
import { PROPOSAL_FIELD_LABELS } from './proposal-labels';
import type { PathSegment } from './record-merge';
import { formatDate, formatDateTime } from '../format/dates';
import { formatNumber } from '../format/numbers';

/** The MoU form's words (mou-labels.ts), with what a difference between two copies needs said more fully. */
const MOU_FIELD_WORDS: Record<string, string> = {
  ...MOU_FIELD_LABELS,
  ...AMENDMENT_FIELD_LABELS,
  ...OBLIGATION_FIELD_LABELS,
  parties: 'Parties and signatories',
  noticePeriodDays: 'Notice period (days)',
  proposalId: 'Linked proposal',
  partyId: 'Party that owes it',
};

const LIST_ITEM_NAMES: Record<string, string> = { obligations: 'Obligation', amendments: 'Amendment', occupancyReturns: 'Return' };
const RECORD_KEYS: Record<string, string> = { archivedAt: 'Archived' };

/** "termYears" → "Term years": for fields added after these labels were written. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A field's name in the form's words, on a proposal or an MoU; a field with no label is humanised. */
export function labelOf(key: string, kind: 'proposal' | 'mou'): string {
  if (kind === 'proposal' && key in PROPOSAL_FIELD_LABELS) return PROPOSAL_FIELD_LABELS[key as keyof typeof PROPOSAL_FIELD_LABELS];
  return MOU_FIELD_WORDS[key] ?? RECORD_KEYS[key] ?? humanise(key);
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
