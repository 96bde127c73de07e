import {
  MOU_TYPES,
  MOU_TYPE_LABELS,
  MouFormFieldsSchema,
  PARTY_TYPES,
  PARTY_TYPE_LABELS,
  UTILITY_PAYERS,
  UTILITY_PAYER_LABELS,
  type MouFormFields,
} from '../../../../shared/domain/mou';
import { MOU_FIELD_LABELS as L } from '../../../../shared/domain/mou-labels';
import { mouExpiryDate } from '../../../../shared/domain/mou-dates';
import type { MouDraft } from '../../../../shared/domain/mou-from-proposal';
import { formatDate, parseDateText } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { numberFromText } from '../../../../shared/validation/field-values';
import { newId } from './new-id';

export type FieldKind = 'text' | 'long-text' | 'number' | 'date' | 'choice';
type ScalarName = Exclude<keyof MouFormFields, 'parties' | 'witnesses' | 'previousMouId'>;

export interface ScalarSpec {
  name: ScalarName;
  label: string;
  kind: FieldKind;
  required?: boolean;
  unit?: string;
  hint?: string;
  options?: { value: string; label: string }[];
}

const DATE_HINT = 'Day-month-year, e.g. 20-May-2021';
const choices = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));
export const PARTY_TYPE_OPTIONS = choices(PARTY_TYPES, PARTY_TYPE_LABELS);

/** The scalar fields by section, in the order an official reads an MoU. Labels match the schema's messages. */
export const MOU_FORM_SECTIONS: Record<'identification' | 'dates' | 'space' | 'targets' | 'clauses' | 'notes', ScalarSpec[]> = {
  identification: [
    { name: 'mouNumber', label: L.mouNumber, kind: 'text', required: true, hint: 'e.g. PSEB/MoU/STP/FSD/2021' },
    { name: 'type', label: L.type, kind: 'choice', required: true, options: choices(MOU_TYPES, MOU_TYPE_LABELS), hint: 'Three-party adds a third party block' },
    { name: 'venue', label: L.venue, kind: 'text' },
  ],
  dates: [
    { name: 'signedOn', label: L.signedOn, kind: 'date', hint: DATE_HINT },
    { name: 'effectiveOn', label: L.effectiveOn, kind: 'date', hint: 'If different from the date signed' },
    { name: 'termYears', label: L.termYears, kind: 'number', unit: 'years' },
    { name: 'termMonths', label: L.termMonths, kind: 'number', unit: 'months', hint: '0 to 11, added to the years' },
    { name: 'noticePeriodDays', label: L.noticePeriodDays, kind: 'number', unit: 'days' },
    { name: 'nextReviewOn', label: L.nextReviewOn, kind: 'date', hint: DATE_HINT },
    { name: 'renewalTerms', label: L.renewalTerms, kind: 'long-text' },
  ],
  space: [
    { name: 'areaCommittedSqFt', label: L.areaCommittedSqFt, kind: 'number', unit: 'sq ft' },
    { name: 'floorsCommitted', label: L.floorsCommitted, kind: 'text', hint: 'e.g. 6-8' },
    { name: 'rentPerSqFt', label: L.rentPerSqFt, kind: 'number', unit: 'Rs per sq ft' },
    { name: 'subsidyPercent', label: L.subsidyPercent, kind: 'number', unit: '%' },
    { name: 'subsidyEndsOn', label: L.subsidyEndsOn, kind: 'date', hint: DATE_HINT },
    { name: 'freeInternetEndsOn', label: L.freeInternetEndsOn, kind: 'date', hint: DATE_HINT },
    { name: 'utilitiesPaidBy', label: L.utilitiesPaidBy, kind: 'choice', options: choices(UTILITY_PAYERS, UTILITY_PAYER_LABELS) },
  ],
  targets: [
    { name: 'targetFirms', label: L.targetFirms, kind: 'number', unit: 'firms' },
    { name: 'targetSeats', label: L.targetSeats, kind: 'number', unit: 'seats' },
    { name: 'targetJobs', label: L.targetJobs, kind: 'number', unit: 'jobs' },
  ],
  clauses: [
    { name: 'terminationClause', label: L.terminationClause, kind: 'long-text' },
    { name: 'disputesClause', label: L.disputesClause, kind: 'long-text' },
    { name: 'brandingClause', label: L.brandingClause, kind: 'long-text' },
    { name: 'confidentialityClause', label: L.confidentialityClause, kind: 'long-text' },
  ],
  notes: [{ name: 'notes', label: L.notes, kind: 'long-text', hint: 'English or Urdu' }],
};
const ALL_SCALARS = Object.values(MOU_FORM_SECTIONS).flat();

export interface SignatoryValues {
  key: string;
  name: string;
  designation: string;
  signedOn: string;
}
export interface PartyValues {
  id: string;
  name: string;
  role: string;
  type: string;
  signatories: SignatoryValues[];
}
export interface WitnessValues {
  key: string;
  name: string;
  designation: string;
}

/** What the form holds: the text in each box, exactly as typed. */
export interface MouFormValues {
  scalars: Record<ScalarName, string>;
  previousMouId: string;
  parties: PartyValues[];
  witnesses: WitnessValues[];
}

function display(kind: FieldKind, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (kind === 'number' && typeof value === 'number') return formatNumber(value);
  if (kind === 'date' && typeof value === 'string') return formatDate(value);
  return String(value);
}

export function mouFormValuesFrom(fields: MouDraft | MouFormFields): MouFormValues {
  const scalars = {} as Record<ScalarName, string>;
  for (const spec of ALL_SCALARS) scalars[spec.name] = display(spec.kind, fields[spec.name]);
  return {
    scalars,
    previousMouId: fields.previousMouId ?? '',
    parties: fields.parties.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      type: p.type ?? '',
      signatories: p.signatories.map((s) => ({ key: newId(), name: s.name, designation: s.designation, signedOn: formatDate(s.signedOn) })),
    })),
    witnesses: fields.witnesses.map((w) => ({ key: newId(), name: w.name, designation: w.designation ?? '' })),
  };
}

/** The object the schema reads: the same shape main receives. */
export function candidateFrom(values: MouFormValues): unknown {
  return {
    ...values.scalars,
    previousMouId: values.previousMouId,
    parties: values.parties.map((p) => ({
      id: p.id,
      name: p.name,
      role: p.role,
      type: p.type,
      signatories: p.signatories.map(({ name, designation, signedOn }) => ({ name, designation, signedOn })),
    })),
    witnesses: values.witnesses.map(({ name, designation }) => ({ name, designation })),
  };
}

/** Messages keyed by the field's path, e.g. "parties.1.signatories.0.name". */
export type MouFormErrors = Record<string, string>;

export function validateMouForm(values: MouFormValues): { fields?: MouFormFields; errors: MouFormErrors } {
  const parsed = MouFormFieldsSchema.safeParse(candidateFrom(values));
  if (parsed.success) return { fields: parsed.data, errors: {} };
  const errors: MouFormErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    errors[key] ??= issue.message;
  }
  return { errors };
}

export function errorsFromServer(fieldErrors: Record<string, string> | undefined): MouFormErrors {
  const errors: MouFormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors ?? {})) errors[path.replace(/^fields\./, '')] ??= message;
  return errors;
}

/** The input id for a field path, so a message can be tied to it and focus can find it. */
export const inputIdFor = (path: string) => `mou-${path.replace(/\./g, '-')}`;

/** The expiry the typed dates and term give, shown live as the official types. */
export function liveExpiry(values: MouFormValues): string | undefined {
  const date = (text: string) => (text.trim() ? parseDateText(text) : undefined);
  const number = (text: string) => {
    const n = numberFromText(text);
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
  };
  return mouExpiryDate({
    signedOn: date(values.scalars.signedOn),
    effectiveOn: date(values.scalars.effectiveOn),
    termYears: number(values.scalars.termYears),
    termMonths: number(values.scalars.termMonths),
  });
}
