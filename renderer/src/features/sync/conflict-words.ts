import { PROPOSAL_FIELD_LABELS } from '../../../../shared/domain/proposal-labels';
import { formatDate, formatDateTime } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';

/** The MoU form's words for the fields most often changed on two PCs at once. */
const MOU_FIELD_LABELS: Record<string, string> = {
  mouNumber: 'MoU number',
  signedOn: 'Date signed',
  effectiveOn: 'Effective date',
  termYears: 'Term (years)',
  termMonths: 'Term (months)',
  noticePeriodDays: 'Notice period (days)',
  nextReviewOn: 'Next review date',
  areaCommittedSqFt: 'Area committed',
  rentPerSqFt: 'Rent',
  subsidyPercent: 'PSEB rental subsidy',
  targetFirms: 'Target firms',
  targetSeats: 'Target seats',
  targetJobs: 'Target jobs',
  venue: 'Venue',
  description: 'Description',
  owner: 'Owner',
  dueOn: 'Due date',
  completedOn: 'Date done',
  notes: 'Notes',
};

const LIST_ITEMS: Record<string, string> = { obligations: 'Obligation', amendments: 'Amendment', occupancyReturns: 'Occupancy return' };

/** "grossAreaSqFt" → "Gross area sq ft", for a field with no label of its own. */
function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * A conflict's field in the words of the form: "fields.grossAreaSqFt" or "grossAreaSqFt" on a
 * proposal reads "Gross covered area". A field already named in words is shown as it is.
 */
export function conflictFieldLabel(field: string, recordKind: string): string {
  if (/\s/.test(field)) return field;
  const key = field.split('.').at(-1) ?? field;
  const item = /(?:^|\.)(obligations|amendments|occupancyReturns)\[/.exec(field)?.[1];
  if (item && key !== field) return `${LIST_ITEMS[item]}: ${conflictFieldLabel(key, recordKind)}`;
  if (recordKind === 'proposal' && key in PROPOSAL_FIELD_LABELS) return PROPOSAL_FIELD_LABELS[key as keyof typeof PROPOSAL_FIELD_LABELS];
  if (recordKind === 'mou' && key in MOU_FIELD_LABELS) return MOU_FIELD_LABELS[key]!;
  if (key in PROPOSAL_FIELD_LABELS) return PROPOSAL_FIELD_LABELS[key as keyof typeof PROPOSAL_FIELD_LABELS];
  return humanise(key);
}

/** A value as an official reads it: dates as 20-May-2021, numbers in lakh grouping, nothing as "(empty)". */
export function conflictValueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return formatDateTime(value);
    return value;
  }
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
