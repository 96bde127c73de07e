import { formatDate, formatDateTime } from '../format/dates';
import { formatNumber } from '../format/numbers';
import { fieldPathSegments, LABEL_SEPARATOR, wordsOf, type ChangeRecordKind } from './change-labels';
import { MOU_STATUS_LABELS, MOU_TYPE_LABELS, PARTY_TYPE_LABELS, UTILITY_PAYER_LABELS } from './mou';
import { BOARD_DECISION_LABELS, FIT_OUT_PAYER_LABELS, PARTNER_TYPE_LABELS, RECEIPT_CHANNEL_LABELS } from './proposal';
import { STAGE_LABELS } from './stages';

type Labels = Readonly<Record<string, string>>;

/** Units of the number fields, as the form and the page show them beside the value. */
const UNITS: Record<ChangeRecordKind, Labels> = {
  proposal: {
    grossAreaSqFt: 'sq ft',
    usableAreaSqFt: 'sq ft',
    seatCapacity: 'seats',
    proposedRentPerSqFt: 'Rs per sq ft',
    fitOutCost: 'Rs',
    evaluationScore: 'out of 100',
    projectedFirms: 'firms',
    projectedJobs: 'jobs',
  },
  mou: {
    termYears: 'years',
    termMonths: 'months',
    noticePeriodDays: 'days',
    areaCommittedSqFt: 'sq ft',
    rentPerSqFt: 'Rs per sq ft',
    subsidyPercent: '%',
    targetFirms: 'firms',
    targetSeats: 'seats',
    targetJobs: 'jobs',
  },
};

/** Choices stored as codes, shown by their names. Keyed by the field's last name in its path. */
const CHOICES: Record<ChangeRecordKind, Readonly<Record<string, Labels>>> = {
  proposal: {
    offeringPartyType: PARTNER_TYPE_LABELS,
    fitOutBorneBy: FIT_OUT_PAYER_LABELS,
    receivedVia: RECEIPT_CHANNEL_LABELS,
    boardDecision: BOARD_DECISION_LABELS,
    from: STAGE_LABELS,
    to: STAGE_LABELS,
    passedStages: STAGE_LABELS,
  },
  mou: {
    type: MOU_TYPE_LABELS,
    utilitiesPaidBy: UTILITY_PAYER_LABELS,
    from: MOU_STATUS_LABELS,
    to: MOU_STATUS_LABELS,
    passedStatuses: MOU_STATUS_LABELS,
  },
};
/** A party's type inside `parties.N.type` (the MoU's own `type` is two- or three-party). */
const PARTY_TYPE_PATH = /^parties\.[^.]+\.type$/;

/** What a changed value's field is, for naming the value: its path and the record it belongs to. */
export interface ValueContext {
  kind: ChangeRecordKind;
  path: string;
  /** Names for ids a value may hold (a party's id -> its name, a linked record's id -> its reference). */
  names?: Readonly<Record<string, string>>;
}

/** The unit shown beside a number field's values ("sq ft"), if it has one. */
export function changeFieldUnit(kind: ChangeRecordKind, path: string): string | undefined {
  const segments = fieldPathSegments(path);
  return segments.length === 1 ? UNITS[kind][segments[0]!] : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A list position (`parties.2`) or an item's id (`parties.<id>`, as the change log names items with ids). */
export const isItemKey = (segment: string | undefined): boolean => segment !== undefined && (/^\d+$/.test(segment) || UUID.test(segment));

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function choiceLabels(context: ValueContext): Labels | undefined {
  const segments = fieldPathSegments(context.path);
  const normalised = segments.join('.');
  if (context.kind === 'mou' && PARTY_TYPE_PATH.test(normalised)) return PARTY_TYPE_LABELS;
  // An item of a list of choices (passedStages.2) is named by the list's choices.
  const named = segments.filter((s) => !isItemKey(s));
  return CHOICES[context.kind][named[named.length - 1] ?? ''];
}

const child = (context: ValueContext, key: string | number): ValueContext => ({ ...context, path: `${context.path}.${key}` });

/** A move of the stage or status history in one line, as the timeline words it. */
function describeMove(move: Record<string, unknown>, context: ValueContext): string {
  const labels = context.kind === 'proposal' ? STAGE_LABELS : MOU_STATUS_LABELS;
  const name = (code: unknown) => (typeof code === 'string' ? ((labels as Labels)[code] ?? code) : '');
  const step = move.withdraws !== undefined ? 'Correction' : move.from ? `${name(move.from)} → ${name(move.to)}` : `Entered at ${name(move.to)}`;
  const by = typeof move.by === 'string' && move.by ? ` by ${move.by}` : '';
  const when = typeof move.at === 'string' ? ` on ${formatDateTime(move.at)}` : '';
  const note = typeof move.note === 'string' && move.note ? `: ${move.note}` : '';
  return `${step}${by}${when}${note}`;
}

function describeObject(value: Record<string, unknown>, context: ValueContext): string {
  const segments = fieldPathSegments(context.path);
  const list = segments.filter((s) => !isItemKey(s)).pop();
  const inList = isItemKey(segments[segments.length - 1]);
  if (inList && (list === 'stageHistory' || list === 'statusHistory')) return describeMove(value, context);
  if (inList && typeof value.name === 'string') {
    const extra = [value.role, value.designation].filter((v): v is string => typeof v === 'string' && v !== '');
    const named = extra.length > 0 ? `${value.name} (${extra.join(', ')})` : value.name;
    // A party entered with its signatories: who signs for it, in the same line.
    const signatories = Array.isArray(value.signatories) ? formatChangeValue(value.signatories, child(context, 'signatories')) : '';
    return signatories ? `${named}, signed by ${signatories}` : named;
  }
  if (inList && list === 'obligations' && typeof value.description === 'string') {
    return typeof value.dueOn === 'string' ? `${value.description} (due ${formatDate(value.dueOn)})` : value.description;
  }
  if (inList && list === 'amendments' && typeof value.number === 'string') {
    return typeof value.reason === 'string' ? `${value.number}: ${value.reason}` : value.number;
  }
  // Anything else: its recorded parts, each named ("Period: 2026-10 · Firms housed: 12"). Ids say nothing to a reader.
  return Object.entries(value)
    .filter(([key, v]) => key !== 'id' && v !== undefined && v !== null && v !== '')
    .map(([key, v]) => `${wordsOf(key)}: ${formatChangeValue(v, child(context, key))}`)
    .join(LABEL_SEPARATOR);
}

/**
 * A value before or after a change, as the page shows it: dates day-month-year, instants in
 * Pakistan time, numbers grouped (19,500), stages, statuses and other choices by their names,
 * ids by the name they stand for, whole moves, parties and obligations in one line. Text comes
 * back exactly as stored (Urdu included). An empty string means "not recorded".
 */
export function formatChangeValue(value: unknown, context: ValueContext): string {
  if (value === undefined || value === null || value === '') return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    const choices = choiceLabels(context);
    if (choices?.[value] !== undefined) return choices[value];
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_INSTANT.test(value)) return formatDateTime(value);
    if (UUID.test(value)) return context.names?.[value] ?? 'another record';
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item, index) => formatChangeValue(item, child(context, index))).filter((text) => text !== '');
    if (items.length === 0) return '';
    const everyShort = value.every((item) => typeof item !== 'object' || item === null);
    return items.join(everyShort ? ', ' : '; ');
  }
  if (typeof value === 'object') return describeObject(value as Record<string, unknown>, context);
  return String(value);
}
