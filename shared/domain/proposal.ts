import { z } from 'zod';
import { ALL_STAGES, type Stage } from './stages';
import { lastEffectiveMove } from './move-history';
import { PROPOSAL_FIELD_LABELS as L } from './proposal-labels';
import { OccupancyReturnSchema } from './occupancy';
import { AttachmentsFieldSchema } from './attachment';
import {
  MAX_LONG_TEXT,
  optionalDate,
  optionalEnum,
  optionalNumber,
  optionalText,
  requiredEnum,
  requiredNumber,
  requiredText,
} from '../validation/field-values';

export const PROVINCES = [
  'Punjab',
  'Sindh',
  'Khyber Pakhtunkhwa',
  'Balochistan',
  'Islamabad Capital Territory',
  'Gilgit-Baltistan',
  'Azad Jammu and Kashmir',
] as const;
export type Province = (typeof PROVINCES)[number];

export const PARTNER_TYPES = ['university', 'private-company', 'government-body', 'provincial-it-board'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  university: 'University',
  'private-company': 'Private company',
  'government-body': 'Government body',
  'provincial-it-board': 'Provincial IT board',
};

export const FIT_OUT_PAYERS = ['pseb', 'partner', 'shared'] as const;
export const FIT_OUT_PAYER_LABELS: Record<(typeof FIT_OUT_PAYERS)[number], string> = {
  pseb: 'PSEB',
  partner: 'Partner',
  shared: 'Shared',
};

export const RECEIPT_CHANNELS = ['letter', 'email', 'e-office', 'in-person', 'provincial-referral'] as const;
export const RECEIPT_CHANNEL_LABELS: Record<(typeof RECEIPT_CHANNELS)[number], string> = {
  letter: 'Letter',
  email: 'Email',
  'e-office': 'e-Office',
  'in-person': 'In person',
  'provincial-referral': 'Referred by province',
};

export const BOARD_DECISIONS = ['approved', 'approved-with-conditions', 'deferred', 'rejected'] as const;
export const BOARD_DECISION_LABELS: Record<(typeof BOARD_DECISIONS)[number], string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  deferred: 'Deferred',
  rejected: 'Rejected',
};

/**
 * What an official enters for a proposal. The one schema behind the form's inline messages,
 * main's input check and the data file. Only reference, title, city and province are required:
 * proposals arrive half-known (offer letters often lack the area) and are filled in as they
 * move. The gross area becomes required at Evaluation (see the stage machine's move check).
 */
export const ProposalFieldsSchema = z
  .strictObject({
    referenceNumber: requiredText(L.referenceNumber, 60),
    eOfficeFileNumber: optionalText(L.eOfficeFileNumber, 80),
    title: requiredText(L.title),
    city: requiredText(L.city, 80),
    district: optionalText(L.district, 80),
    province: requiredEnum(L.province, PROVINCES),
    siteAddress: optionalText(L.siteAddress, 500),
    buildingName: optionalText(L.buildingName),
    floorsOffered: optionalText(L.floorsOffered, 120),
    offeringParty: optionalText(L.offeringParty),
    offeringPartyType: optionalEnum(L.offeringPartyType, PARTNER_TYPES),
    grossAreaSqFt: optionalNumber(L.grossAreaSqFt, { positive: true, unit: 'sq ft', max: 50_000_000 }),
    usableAreaSqFt: optionalNumber(L.usableAreaSqFt, { positive: true, unit: 'sq ft', max: 50_000_000 }),
    seatCapacity: optionalNumber(L.seatCapacity, { integer: true, min: 0, max: 1_000_000 }),
    powerBackup: optionalText(L.powerBackup),
    internetProviders: optionalText(L.internetProviders),
    proposedRentPerSqFt: optionalNumber(L.proposedRentPerSqFt, { min: 0, unit: 'Rs per sq ft', max: 1_000_000 }),
    fitOutCost: optionalNumber(L.fitOutCost, { min: 0, unit: 'Rs' }),
    fitOutBorneBy: optionalEnum(L.fitOutBorneBy, FIT_OUT_PAYERS),
    dateReceived: optionalDate(L.dateReceived),
    receivedVia: optionalEnum(L.receivedVia, RECEIPT_CHANNELS),
    focalPerson: optionalText(L.focalPerson),
    siteVisitDate: optionalDate(L.siteVisitDate),
    siteVisitFindings: optionalText(L.siteVisitFindings, MAX_LONG_TEXT),
    evaluationScore: optionalNumber(L.evaluationScore, { min: 0, max: 100 }),
    evaluationRemarks: optionalText(L.evaluationRemarks, MAX_LONG_TEXT),
    committeeRecommendation: optionalText(L.committeeRecommendation, MAX_LONG_TEXT),
    boardDecision: optionalEnum(L.boardDecision, BOARD_DECISIONS),
    boardDecisionDate: optionalDate(L.boardDecisionDate),
    projectedFirms: optionalNumber(L.projectedFirms, { integer: true, min: 0, max: 1_000_000 }),
    projectedJobs: optionalNumber(L.projectedJobs, { integer: true, min: 0, max: 10_000_000 }),
    holdOrRejectionReason: optionalText(L.holdOrRejectionReason, MAX_LONG_TEXT),
    notes: optionalText(L.notes, MAX_LONG_TEXT),
  })
  .superRefine((p, ctx) => {
    if (p.usableAreaSqFt !== undefined && p.grossAreaSqFt !== undefined && p.usableAreaSqFt > p.grossAreaSqFt) {
      ctx.addIssue({ code: 'custom', path: ['usableAreaSqFt'], message: `${L.usableAreaSqFt} cannot be more than the ${L.grossAreaSqFt.toLowerCase()}.` });
    }
    if (p.boardDecisionDate && p.dateReceived && p.boardDecisionDate < p.dateReceived) {
      ctx.addIssue({ code: 'custom', path: ['boardDecisionDate'], message: 'Board decision date cannot be before the date received.' });
    }
    if (p.siteVisitDate && p.dateReceived && p.siteVisitDate < p.dateReceived) {
      ctx.addIssue({ code: 'custom', path: ['siteVisitDate'], message: 'Site visit date cannot be before the date received.' });
    }
  });

export type ProposalFields = z.output<typeof ProposalFieldsSchema>;
export type ProposalFieldName = keyof ProposalFields;

export const IdSchema = z.uuid({ error: 'Not a valid record id.' });
const InstantSchema = z.iso.datetime({ error: 'Not a valid timestamp.' });

/**
 * One move through the pipeline. Appended, never edited. The optional fields came later, so
 * files written before them stay valid (see move-history.ts for how moves are identified and
 * withdrawn).
 */
export const StageMoveSchema = z.strictObject({
  /** A stable identity, so a correction can name the move it withdraws. Absent on older moves. */
  id: IdSchema.optional(),
  /** When the move took effect; the official may back-date it (see stage-machine.ts). */
  at: InstantSchema,
  /** When it was entered, when that differs from `at` (a back-dated move). */
  recordedAt: InstantSchema.optional(),
  from: z.enum(ALL_STAGES).nullable(),
  to: z.enum(ALL_STAGES),
  by: z.string().max(120),
  note: z.string().max(MAX_LONG_TEXT),
  /**
   * Stages this move passed without a record of their own (a park entered at its real stage, or
   * several stages recorded in one move), in pipeline order. Never given made-up dates: `by`,
   * `recordedAt` and `note` say who recorded the jump, when, and why.
   */
  passedStages: z.array(z.enum(ALL_STAGES)).max(ALL_STAGES.length).optional(),
  /** On a correction entry: the move it withdraws (its id, or its `at` when it has none). */
  withdraws: z.string().max(60).optional(),
});
export type StageMove = z.output<typeof StageMoveSchema>;

/** A proposal as stored: the fields plus identity, times and its stage history. */
export const ProposalSchema = z.strictObject({
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  fields: ProposalFieldsSchema,
  stageHistory: z.array(StageMoveSchema).min(1),
  /** Set when archived (instead of deleted): hidden from the list and dashboard until restored. */
  archivedAt: InstantSchema.optional(),
  /** Occupancy returns of a park at Fit-out or Operational, one per month or quarter (see occupancy.ts). */
  occupancyReturns: z.array(OccupancyReturnSchema).max(2000).optional(),
  /** Documents kept with the proposal (see attachment.ts); the files are in the attachment store. */
  attachments: AttachmentsFieldSchema,
});
export type Proposal = z.output<typeof ProposalSchema>;

/** The stage is whatever the last move that stands led to (withdrawn moves and corrections are skipped): derived, never stored twice. */
export function currentStage(proposal: Pick<Proposal, 'stageHistory'>): Stage {
  return lastEffectiveMove(proposal.stageHistory).to;
}

/** When the proposal entered its current stage (by the moves that stand). */
export function enteredCurrentStageAt(proposal: Pick<Proposal, 'stageHistory'>): string {
  return lastEffectiveMove(proposal.stageHistory).at;
}
