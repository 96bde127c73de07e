import { z } from 'zod';
import { todayInPakistan } from '../format/dates';
import { PARTNER_TYPES, PARTNER_TYPE_LABELS, IdSchema } from './proposal';
import {
  MAX_LONG_TEXT,
  optionalDate,
  optionalEnum,
  optionalNumber,
  optionalText,
  requiredEnum,
  requiredText,
} from '../validation/field-values';
import { lastEffectiveMove, moveDate } from './move-history';
import { AttachmentsFieldSchema } from './attachment';

export const MOU_TYPES = ['two-party', 'three-party'] as const;
export const MOU_TYPE_LABELS: Record<(typeof MOU_TYPES)[number], string> = {
  'two-party': 'Two-party',
  'three-party': 'Three-party',
};

/** Draft -> Legal review -> Approved -> Signed -> Active -> Expired, with Renewed, Terminated, Superseded as ends. */
export const MOU_STATUSES = ['draft', 'legal-review', 'approved', 'signed', 'active', 'expired', 'renewed', 'terminated', 'superseded'] as const;
export type MouStatus = (typeof MOU_STATUSES)[number];
export const MOU_STATUS_LABELS: Record<MouStatus, string> = {
  draft: 'Draft',
  'legal-review': 'Legal review',
  approved: 'Approved',
  signed: 'Signed',
  active: 'Active',
  expired: 'Expired',
  renewed: 'Renewed',
  terminated: 'Terminated',
  superseded: 'Superseded',
};

/** A party is PSEB itself or one of the partner kinds a proposal can come from. */
export const PARTY_TYPES = ['pseb', ...PARTNER_TYPES] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Record<PartyType, string> = { pseb: 'PSEB', ...PARTNER_TYPE_LABELS };
export const UTILITY_PAYERS = ['pseb', 'partner', 'tenants', 'shared'] as const;
export const UTILITY_PAYER_LABELS: Record<(typeof UTILITY_PAYERS)[number], string> = {
  pseb: 'PSEB',
  partner: 'Partner',
  tenants: 'Tenant firms',
  shared: 'Shared',
};

export const SignatorySchema = z.strictObject({
  name: requiredText('Signatory name', 160),
  designation: requiredText('Designation', 160),
  signedOn: optionalDate('Date signed'),
});
export type Signatory = z.output<typeof SignatorySchema>;

export const PartySchema = z.strictObject({
  id: IdSchema,
  name: requiredText('Party name'),
  /** As the MoU words it: "First party", "Host", "Facilitator". */
  role: requiredText('Role', 120),
  type: requiredEnum('Party type', PARTY_TYPES),
  signatories: z.array(SignatorySchema).max(20),
});
export type Party = z.output<typeof PartySchema>;

export const WitnessSchema = z.strictObject({
  name: requiredText('Witness name', 160),
  designation: optionalText('Witness designation', 160),
});
export type Witness = z.output<typeof WitnessSchema>;

/** Open or done is recorded; overdue is derived from the due date and today, never stored. */
export const ObligationSchema = z.strictObject({
  id: IdSchema,
  /** The party that owes it. */
  partyId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ error: 'Choose the party that owes this obligation.' })),
  description: requiredText('Obligation', 2000),
  /** The office or person answerable for it. */
  owner: optionalText('Owner', 160),
  dueOn: optionalDate('Due date'),
  completedOn: optionalDate('Date done'),
});
export type Obligation = z.output<typeof ObligationSchema>;

export const AmendmentSchema = z.strictObject({
  id: IdSchema,
  number: requiredText('Amendment number', 60),
  date: optionalDate('Amendment date'),
  reason: requiredText('Reason', MAX_LONG_TEXT),
});
export type Amendment = z.output<typeof AmendmentSchema>;

/**
 * Every field of an MoU as one plain object. Obligations and amendments are kept with the MoU
 * but edited one at a time on the MoU page; the proposal link has its own call. So the form
 * edits MouFormFieldsSchema (the rest), and the stored record is checked with MouFieldsSchema.
 */
const mouFieldShape = {
  mouNumber: requiredText('MoU number', 60),
  type: requiredEnum('MoU type', MOU_TYPES),
  parties: z.array(PartySchema).max(6),
  witnesses: z.array(WitnessSchema).max(10),
  venue: optionalText('Venue'),
  signedOn: optionalDate('Date signed'),
  effectiveOn: optionalDate('Effective date'),
  termYears: optionalNumber('Term (years)', { integer: true, min: 0, max: 99 }),
  termMonths: optionalNumber('Term (months)', { integer: true, min: 0, max: 11 }),
  noticePeriodDays: optionalNumber('Notice period', { integer: true, min: 0, max: 3650, unit: 'days' }),
  renewalTerms: optionalText('Renewal terms', MAX_LONG_TEXT),
  nextReviewOn: optionalDate('Next review date'),
  areaCommittedSqFt: optionalNumber('Area committed', { positive: true, unit: 'sq ft', max: 50_000_000 }),
  floorsCommitted: optionalText('Floors committed', 120),
  rentPerSqFt: optionalNumber('Rent', { min: 0, unit: 'Rs per sq ft', max: 1_000_000 }),
  subsidyPercent: optionalNumber('PSEB rental subsidy', { min: 0, max: 100, unit: '%' }),
  subsidyEndsOn: optionalDate('Subsidy end date'),
  freeInternetEndsOn: optionalDate('Free internet end date'),
  utilitiesPaidBy: optionalEnum('Who pays utilities', UTILITY_PAYERS),
  targetFirms: optionalNumber('Target firms', { integer: true, min: 0, max: 1_000_000 }),
  targetSeats: optionalNumber('Target seats', { integer: true, min: 0, max: 10_000_000 }),
  targetJobs: optionalNumber('Target jobs', { integer: true, min: 0, max: 10_000_000 }),
  terminationClause: optionalText('Termination', MAX_LONG_TEXT),
  disputesClause: optionalText('Disputes', MAX_LONG_TEXT),
  brandingClause: optionalText('Branding', MAX_LONG_TEXT),
  confidentialityClause: optionalText('Confidentiality', MAX_LONG_TEXT),
  /** The MoU this one renews or supersedes. */
  previousMouId: z.preprocess((v) => (v === '' || v === null ? undefined : v), IdSchema.optional()),
  notes: optionalText('Notes', MAX_LONG_TEXT),
};

type FormShapeOutput = z.output<z.ZodObject<typeof mouFieldShape>>;

/** Checks between fields that the form can show beside the field at fault. */
function checkFormFields(m: FormShapeOutput, ctx: z.RefinementCtx): void {
  const expected = m.type === 'three-party' ? 3 : 2;
  if (m.parties.length !== expected) {
    ctx.addIssue({ code: 'custom', path: ['parties'], message: `A ${MOU_TYPE_LABELS[m.type].toLowerCase()} MoU has exactly ${expected} parties; this one has ${m.parties.length}.` });
  }
  m.parties.forEach((party, index) => {
    if (m.parties.findIndex((p) => p.id === party.id) !== index) ctx.addIssue({ code: 'custom', path: ['parties', index, 'id'], message: 'Two parties share one id.' });
  });
  if (m.effectiveOn && m.signedOn && m.effectiveOn < m.signedOn) {
    ctx.addIssue({ code: 'custom', path: ['effectiveOn'], message: 'Effective date cannot be before the date signed.' });
  }
  if (m.subsidyEndsOn && m.subsidyPercent === undefined) {
    ctx.addIssue({ code: 'custom', path: ['subsidyPercent'], message: 'Give the subsidy percentage that ends on this date.' });
  }
}

export const MouFormFieldsSchema = z.strictObject(mouFieldShape).superRefine(checkFormFields);
export type MouFormFields = z.output<typeof MouFormFieldsSchema>;

/** What is stored for an MoU (everything but identity, history and derived dates). */
export const MouFieldsSchema = z
  .strictObject({
    ...mouFieldShape,
    proposalId: IdSchema.optional(),
    obligations: z.array(ObligationSchema).max(1000),
    amendments: z.array(AmendmentSchema).max(200),
  })
  .superRefine((m, ctx) => {
    checkFormFields(m, ctx);
    const partyIds = new Set(m.parties.map((p) => p.id));
    m.obligations.forEach((o, index) => {
      if (!partyIds.has(o.partyId)) ctx.addIssue({ code: 'custom', path: ['obligations', index, 'partyId'], message: 'Choose the party that owes this obligation.' });
    });
  });
export type MouFields = z.output<typeof MouFieldsSchema>;

/** One status move; appended, never edited. Optional fields came later: older files stay valid. */
export const MouStatusMoveSchema = z.strictObject({
  /** A stable identity, so a correction can name the move it withdraws. Absent on older moves. */
  id: IdSchema.optional(),
  /** When the move took effect; may be back-dated (the same rules as stage moves). */
  at: z.iso.datetime(),
  /** When it was entered, when that differs from `at`. */
  recordedAt: z.iso.datetime().optional(),
  from: z.enum(MOU_STATUSES).nullable(),
  to: z.enum(MOU_STATUSES),
  by: z.string().max(120),
  note: z.string().max(MAX_LONG_TEXT),
  /** Statuses passed without a record of their own (an MoU entered as Signed, Draft -> Signed in one move). */
  passedStatuses: z.array(z.enum(MOU_STATUSES)).max(MOU_STATUSES.length).optional(),
  /** On a correction entry: the move it withdraws (its id, or its `at` when it has none). */
  withdraws: z.string().max(60).optional(),
});
export type MouStatusMove = z.output<typeof MouStatusMoveSchema>;

export const MouSchema = z.strictObject({
  id: IdSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  fields: MouFieldsSchema,
  statusHistory: z.array(MouStatusMoveSchema).min(1),
  /** Set when archived (an MoU entered by mistake): hidden from the list and the dashboard until restored. */
  archivedAt: z.iso.datetime().optional(),
  /** Documents kept with the MoU (see attachment.ts); the files are in the attachment store. */
  attachments: AttachmentsFieldSchema,
});
export type Mou = z.output<typeof MouSchema>;

/** The status the last move that stands led to (withdrawn moves and corrections are skipped). */
export function currentMouStatus(mou: Pick<Mou, 'statusHistory'>): MouStatus {
  return lastEffectiveMove(mou.statusHistory).to;
}

/** The day (in Pakistan) the current status took effect, by the moves that stand. */
export function mouStatusSince(mou: Pick<Mou, 'statusHistory'>): string {
  return moveDate(lastEffectiveMove(mou.statusHistory));
}

