import { z } from 'zod';
import { ALL_STAGES } from './stages';
import { PARTNER_TYPES, PROVINCES, currentStage, enteredCurrentStageAt, type Proposal } from './proposal';
import { NextActionSchema } from './next-action';

/** The row the proposals list needs: enough to search, filter and sort, not the whole record. */
export const ProposalSummarySchema = z.object({
  id: z.string(),
  referenceNumber: z.string(),
  title: z.string(),
  city: z.string(),
  province: z.enum(PROVINCES),
  offeringParty: z.string().optional(),
  offeringPartyType: z.enum(PARTNER_TYPES).optional(),
  /** Unknown until the official records it (offer letters often lack it). */
  grossAreaSqFt: z.number().optional(),
  stage: z.enum(ALL_STAGES),
  enteredStageAt: z.string(),
  updatedAt: z.string(),
  /** Notes are searched too (Urdu included), so the list carries them. */
  notes: z.string().optional(),
  archivedAt: z.string().optional(),
  /** For the dashboard's next-action figures and the due list. */
  nextAction: NextActionSchema.optional(),
});
export type ProposalSummary = z.output<typeof ProposalSummarySchema>;

export function summariseProposal(proposal: Proposal): ProposalSummary {
  const f = proposal.fields;
  return {
    id: proposal.id,
    referenceNumber: f.referenceNumber,
    title: f.title,
    city: f.city,
    province: f.province,
    offeringParty: f.offeringParty,
    offeringPartyType: f.offeringPartyType,
    grossAreaSqFt: f.grossAreaSqFt,
    stage: currentStage(proposal),
    enteredStageAt: enteredCurrentStageAt(proposal),
    updatedAt: proposal.updatedAt,
    notes: f.notes,
    archivedAt: proposal.archivedAt,
    ...(proposal.nextAction ? { nextAction: proposal.nextAction } : {}),
  };
}
