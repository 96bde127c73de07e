import {
  BOARD_DECISIONS,
  BOARD_DECISION_LABELS,
  FIT_OUT_PAYERS,
  FIT_OUT_PAYER_LABELS,
  PARTNER_TYPES,
  PARTNER_TYPE_LABELS,
  PROVINCES,
  ProposalFieldsSchema,
  RECEIPT_CHANNELS,
  RECEIPT_CHANNEL_LABELS,
  type ProposalFieldName,
} from '../../../../shared/domain/proposal';
import { PROPOSAL_FIELD_LABELS } from '../../../../shared/domain/proposal-labels';

export type FieldKind = 'text' | 'long-text' | 'number' | 'date' | 'choice';

export interface FieldSpec {
  name: ProposalFieldName;
  label: string;
  kind: FieldKind;
  required: boolean;
  unit?: string;
  hint?: string;
  options?: { value: string; label: string }[];
}

const choices = <T extends string>(values: readonly T[], labels?: Record<T, string>) =>
  values.map((value) => ({ value, label: labels ? labels[value] : value }));

/** Required-ness is read from the schema itself, so the asterisk and the check never disagree. */
function isRequired(name: ProposalFieldName): boolean {
  return !ProposalFieldsSchema.shape[name].safeParse(undefined).success;
}

function field(name: ProposalFieldName, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, label: PROPOSAL_FIELD_LABELS[name], kind, required: isRequired(name), ...extra };
}

const DATE_HINT = 'Day-month-year, e.g. 20-May-2021';

/** The form's sections, in the order an official works through a proposal. */
export const PROPOSAL_FORM_SECTIONS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Identification',
    fields: [
      field('referenceNumber', 'text', { hint: 'PSEB reference, e.g. PSEB/STP/FSD/2021-01' }),
      field('eOfficeFileNumber', 'text'),
      field('title', 'text'),
      field('dateReceived', 'date', { hint: DATE_HINT }),
      field('receivedVia', 'choice', { options: choices(RECEIPT_CHANNELS, RECEIPT_CHANNEL_LABELS) }),
      field('focalPerson', 'text'),
    ],
  },
  {
    title: 'Site and building',
    fields: [
      field('city', 'text'),
      field('district', 'text'),
      field('province', 'choice', { options: choices(PROVINCES) }),
      field('siteAddress', 'long-text'),
      field('buildingName', 'text'),
      field('floorsOffered', 'text', { hint: 'e.g. 6-8, or Ground and 1st' }),
    ],
  },
  {
    title: 'Offering party',
    fields: [field('offeringParty', 'text'), field('offeringPartyType', 'choice', { options: choices(PARTNER_TYPES, PARTNER_TYPE_LABELS) })],
  },
  {
    title: 'Area and capacity',
    fields: [
      field('grossAreaSqFt', 'number', { unit: 'sq ft' }),
      field('usableAreaSqFt', 'number', { unit: 'sq ft', hint: 'Cannot be more than the gross area' }),
      field('seatCapacity', 'number', { unit: 'seats' }),
      field('powerBackup', 'text', { hint: 'e.g. 500 kVA generator, UPS' }),
      field('internetProviders', 'text', { hint: 'e.g. PTCL, Nayatel' }),
    ],
  },
  {
    title: 'Costs',
    fields: [
      field('proposedRentPerSqFt', 'number', { unit: 'Rs per sq ft' }),
      field('fitOutCost', 'number', { unit: 'Rs' }),
      field('fitOutBorneBy', 'choice', { options: choices(FIT_OUT_PAYERS, FIT_OUT_PAYER_LABELS) }),
    ],
  },
  {
    title: 'Site visit and evaluation',
    fields: [
      field('siteVisitDate', 'date', { hint: DATE_HINT }),
      field('siteVisitFindings', 'long-text'),
      field('evaluationScore', 'number', { unit: 'out of 100' }),
      field('evaluationRemarks', 'long-text'),
      field('committeeRecommendation', 'long-text'),
    ],
  },
  {
    title: 'Decision and projections',
    fields: [
      field('boardDecision', 'choice', { options: choices(BOARD_DECISIONS, BOARD_DECISION_LABELS) }),
      field('boardDecisionDate', 'date', { hint: DATE_HINT }),
      field('projectedFirms', 'number', { unit: 'firms' }),
      field('projectedJobs', 'number', { unit: 'jobs' }),
      field('holdOrRejectionReason', 'long-text'),
    ],
  },
  { title: 'Notes', fields: [field('notes', 'long-text', { hint: 'English or Urdu' })] },
];

export const ALL_FORM_FIELDS: FieldSpec[] = PROPOSAL_FORM_SECTIONS.flatMap((section) => section.fields);
