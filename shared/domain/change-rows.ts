import { changeFieldLabel, fieldPathSegments, itemPositions, type ChangeRecordKind } from './change-labels';
import { changeFieldUnit, formatChangeValue, isItemKey } from './change-values';

/** What the history screens read of a change-log entry (a structural part of ChangeEntry). */
export interface HistoryEntryView {
  seq: number;
  at: string;
  by: string;
  recordKind: string;
  op: string;
  changes: readonly { field: string; before?: unknown; after?: unknown }[];
  reason?: string;
}

export interface ChangeRow {
  /** The field in words, with its unit: "Gross covered area (sq ft)". */
  label: string;
  /** As the page shows them; '' when not recorded. */
  before: string;
  after: string;
  /** A whole item added to a list or taken out of it (a stage move, a party, an obligation), rather than a field changed. */
  item?: 'added' | 'removed';
}

export interface ChangeEntryRows {
  seq: number;
  at: string;
  by: string;
  op: string;
  /** The kind of save in words: "Created", "Changed", "Deleted", "All records replaced: a backup restored". */
  title: string;
  rows: ChangeRow[];
}

/** Kept by the store on every save; they say nothing an official would look for. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/** A replace-all entry's reason is the kind of the backup the store took just before it. */
const REPLACE_REASONS: Readonly<Record<string, string>> = {
  'before-restore': 'a backup restored (or an empty start after a damaged file)',
  'before-import': 'records imported from a file',
  'before-removal': 'the sample parks removed',
};

/** Names for ids a value may hold: a record's parties (an obligation's "Owed by"), by id. */
export function namesIn(record: unknown): Record<string, string> {
  const names: Record<string, string> = {};
  const parties = (record as { fields?: { parties?: unknown } } | undefined)?.fields?.parties;
  if (Array.isArray(parties)) {
    for (const party of parties) {
      if (typeof party?.id === 'string' && typeof party?.name === 'string') names[party.id] = party.name;
    }
  }
  return names;
}

/**
 * One entry of a record's history as the page lists it: who, when, what kind of save, and
 * one row per field with its label, before and after as the page formats them. `record` is
 * the record as it is now, for counting list items named by id and naming the ids values hold.
 */
export function changeEntryRows(kind: ChangeRecordKind, entry: HistoryEntryView, record?: unknown): ChangeEntryRows {
  const positions = itemPositions(record);
  const names = namesIn(record);
  const rows = entry.changes
    .filter((change) => {
      const segments = fieldPathSegments(change.field);
      return !(segments.length === 1 && BOOKKEEPING.has(segments[0]!));
    })
    .map((change) => {
      const unit = changeFieldUnit(kind, change.field);
      const label = changeFieldLabel(kind, change.field, positions);
      const context = { kind, path: change.field, names };
      const row: ChangeRow = {
        label: unit && !label.endsWith(`(${unit})`) ? `${label} (${unit})` : label,
        before: formatChangeValue(change.before, context),
        after: formatChangeValue(change.after, context),
      };
      const segments = fieldPathSegments(change.field);
      if (segments.length > 1 && isItemKey(segments[segments.length - 1])) {
        if (change.before === undefined && change.after !== undefined) row.item = 'added';
        if (change.after === undefined && change.before !== undefined) row.item = 'removed';
      }
      return row;
    })
    .filter((row) => row.before !== row.after || row.before !== '');
  return { seq: entry.seq, at: entry.at, by: entry.by, op: entry.op, title: entryTitle(entry), rows };
}

function entryTitle(entry: HistoryEntryView): string {
  switch (entry.op) {
    case 'create':
      return 'Created';
    case 'update':
      return 'Changed';
    case 'delete':
      return 'Deleted';
    case 'replace-all': {
      const why = entry.reason ? (REPLACE_REASONS[entry.reason] ?? entry.reason) : undefined;
      return why ? `All records replaced: ${why}` : 'All records replaced';
    }
    default:
      return entry.op;
  }
}

/** A record's own entries with the replacements since it was first recorded, newest first. */
export function withReplacements(own: readonly HistoryEntryView[], replacements: readonly HistoryEntryView[]): HistoryEntryView[] {
  const since = own[0]?.seq ?? 0;
  return mergeBySeq(own, replacements.filter((entry) => entry.seq > since)).reverse();
}

/** Two lists of entries, each oldest first, as one. */
export function mergeBySeq<T extends { seq: number }>(a: readonly T[], b: readonly T[]): T[] {
  return [...a, ...b].sort((x, y) => x.seq - y.seq);
}
