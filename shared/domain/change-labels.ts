import { PROPOSAL_FIELD_LABELS } from './proposal-labels';
import {
  AMENDMENT_FIELD_LABELS,
  MOU_FIELD_LABELS,
  OBLIGATION_FIELD_LABELS,
  PARTY_FIELD_LABELS,
  SIGNATORY_FIELD_LABELS,
  WITNESS_FIELD_LABELS,
} from './mou-labels';

/** The kinds of record whose changes are shown. */
export type ChangeRecordKind = 'proposal' | 'mou';

type Labels = Readonly<Record<string, string>>;

/** One kind of list item: the word for one item, its fields' labels, and the lists inside it. */
interface ItemLabels {
  noun: string;
  fields: Labels;
  lists?: Readonly<Record<string, ItemLabels>>;
}

const MOVE_FIELD_LABELS: Labels = {
  id: 'Move',
  at: 'Date of the move',
  recordedAt: 'Recorded',
  from: 'From',
  to: 'To',
  by: 'By',
  note: 'Note',
  passedStages: 'Passed without a record',
  passedStatuses: 'Passed without a record',
  withdraws: 'Withdraws',
};

/** The occupancy return dialog's fields. */
export const RETURN_FIELD_LABELS: Labels = {
  id: 'Return',
  period: 'Period',
  firmsHoused: 'Firms housed',
  firmNames: 'Names of the firms',
  seatsAvailable: 'Seats available',
  seatsOccupied: 'Seats occupied',
  peopleEmployed: 'People employed',
  note: 'Note',
  recordedAt: 'Recorded',
  recordedBy: 'Recorded by',
};

/** What belongs to every record besides its fields. */
const RECORD_LABELS: Labels = {
  id: 'Record id',
  createdAt: 'Created',
  updatedAt: 'Last changed',
  archivedAt: 'Archived',
  fields: 'Fields',
  // The counts a restore or an import records when it replaces every record.
  proposals: 'Proposals',
  mous: 'MoUs',
};

const PROPOSAL_LISTS: Readonly<Record<string, ItemLabels>> = {
  stageHistory: { noun: 'Stage move', fields: MOVE_FIELD_LABELS },
  occupancyReturns: { noun: 'Occupancy return', fields: RETURN_FIELD_LABELS },
};

const MOU_LISTS: Readonly<Record<string, ItemLabels>> = {
  statusHistory: { noun: 'Status move', fields: MOVE_FIELD_LABELS },
  parties: { noun: 'Party', fields: PARTY_FIELD_LABELS, lists: { signatories: { noun: 'Signatory', fields: SIGNATORY_FIELD_LABELS } } },
  witnesses: { noun: 'Witness', fields: WITNESS_FIELD_LABELS },
  // "Obligation 2 · Obligation" would say nothing: inside an obligation its text is its description.
  obligations: { noun: 'Obligation', fields: { ...OBLIGATION_FIELD_LABELS, description: 'Description' } },
  amendments: { noun: 'Amendment', fields: AMENDMENT_FIELD_LABELS },
};

const TOP_LABELS: Record<ChangeRecordKind, Labels> = {
  proposal: { ...RECORD_LABELS, stageHistory: 'Stage history', occupancyReturns: 'Occupancy returns', ...PROPOSAL_FIELD_LABELS },
  mou: { ...RECORD_LABELS, statusHistory: 'Status history', ...MOU_FIELD_LABELS },
};
const TOP_LISTS: Record<ChangeRecordKind, Readonly<Record<string, ItemLabels>>> = { proposal: PROPOSAL_LISTS, mou: MOU_LISTS };

/** The separator between the parts of a label: "Party 3 · Name". */
export const LABEL_SEPARATOR = ' · ';

const isIndex = (segment: string | undefined): segment is string => segment !== undefined && /^\d+$/.test(segment);

/** "seatCapacity" -> "Seat capacity": the last resort for a field this file does not know yet. */
export function wordsOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/** A field's label inside an item, without the item's own word: "Party name" in a party is "Name". */
function labelWithin(item: ItemLabels, key: string): string {
  const label = item.fields[key] ?? wordsOf(key);
  const prefix = `${item.noun} `;
  if (label.startsWith(prefix) && label.length > prefix.length) {
    const rest = label.slice(prefix.length);
    return rest.charAt(0).toUpperCase() + rest.slice(1);
  }
  return label;
}

/** Path segments of a change's field, without the record's "fields" wrapper. */
export function fieldPathSegments(path: string): string[] {
  const segments = path.split(/[.[\]/]+/).filter((s) => s !== '');
  return segments[0] === 'fields' && segments.length > 1 ? segments.slice(1) : segments;
}

/** Where each list item with an id stands in its list (0-based), so a path naming an item by its id can count it. */
export type ItemPositions = Readonly<Record<string, number>>;

/** Every list item with an id in a record (parties, obligations, amendments, occupancy returns), by id: its position. */
export function itemPositions(record: unknown): ItemPositions {
  const positions: Record<string, number> = {};
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string') positions[(item as { id: string }).id] = index;
        walk(item);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) walk(inner);
    }
  };
  walk(record);
  return positions;
}

/**
 * A changed field's path in words, with the labels the form and the page use:
 * `fields.grossAreaSqFt` -> "Gross covered area", `parties.2.name` -> "Party 3 · Name",
 * `parties.0.signatories.1.signedOn` -> "Party 1 · Signatory 2 · Date signed",
 * `stageHistory.8` -> "Stage move 9". Positions count from 1, as officials count. Items the
 * change log names by their id (`fields.parties.<id>.name`) are counted by where they stand in
 * the record now (`positions`); an item no longer there is named without a number.
 */
export function changeFieldLabel(kind: ChangeRecordKind, path: string, positions: ItemPositions = {}): string {
  const segments = fieldPathSegments(path);
  if (segments.length === 0) return 'The whole record';
  const [first, ...rest] = segments as [string, ...string[]];
  const parts = [TOP_LABELS[kind][first] ?? wordsOf(first)];
  let list: ItemLabels | undefined = TOP_LISTS[kind][first];
  let item: ItemLabels | undefined;
  for (const segment of rest) {
    if (list) {
      // One item of a list is named by its position instead of the list: "Parties" -> "Party 3".
      const position = isIndex(segment) ? Number(segment) : positions[segment];
      parts[parts.length - 1] = position === undefined ? list.noun : `${list.noun} ${position + 1}`;
      item = list;
      list = undefined;
    } else if (item) {
      parts.push(labelWithin(item, segment));
      list = item.lists?.[segment];
      item = undefined;
    } else {
      // Inside a value this file has no labels for: its keys in words.
      parts.push(isIndex(segment) ? `Item ${Number(segment) + 1}` : wordsOf(segment));
    }
  }
  return parts.join(LABEL_SEPARATOR);
}
