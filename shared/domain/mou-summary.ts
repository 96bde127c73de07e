import { z } from 'zod';
import { MOU_STATUSES, MOU_TYPES, currentMouStatus, type Mou } from './mou';
import { daysToExpiry, mouExpiryDate, mouExpiryState, obligationState } from './mou-dates';

/** The row the MoU list needs: enough to search, filter and sort, not the whole record. */
export const MouSummarySchema = z.object({
  id: z.string(),
  mouNumber: z.string(),
  type: z.enum(MOU_TYPES),
  parties: z.array(z.string()),
  /** The parties other than PSEB: what tells one MoU row from another (PSEB signs them all). */
  otherParties: z.array(z.string()).optional(),
  proposalId: z.string().optional(),
  proposalTitle: z.string().optional(),
  proposalCity: z.string().optional(),
  status: z.enum(MOU_STATUSES),
  signedOn: z.string().optional(),
  /** Derived from the signed or effective date and the term; never stored. */
  expiresOn: z.string().optional(),
  /** Days from today to expiry (negative once past), for the 30/60/90-day views. */
  daysToExpiry: z.number().optional(),
  expiryState: z.enum(['expiring', 'expired']).optional(),
  openObligations: z.number(),
  overdueObligations: z.number(),
  /** The MoU this one renews or supersedes, so the older MoU can tell it has a successor. */
  previousMouId: z.string().optional(),
  updatedAt: z.string(),
});
export type MouSummary = z.output<typeof MouSummarySchema>;

export function summariseMou(mou: Mou, proposal: { title: string; city: string } | undefined, today: string): MouSummary {
  const f = mou.fields;
  const status = currentMouStatus(mou);
  let openObligations = 0;
  let overdueObligations = 0;
  for (const obligation of f.obligations) {
    const state = obligationState(obligation, today);
    if (state === 'open') openObligations += 1;
    else if (state === 'overdue') overdueObligations += 1;
  }
  const expiryState = mouExpiryState(f, status, today);
  return {
    id: mou.id,
    mouNumber: f.mouNumber,
    type: f.type,
    parties: f.parties.map((p) => p.name),
    otherParties: f.parties.filter((p) => p.type !== 'pseb').map((p) => p.name),
    proposalId: f.proposalId,
    proposalTitle: proposal?.title,
    proposalCity: proposal?.city,
    status,
    signedOn: f.signedOn,
    expiresOn: mouExpiryDate(f),
    daysToExpiry: daysToExpiry(f, today),
    ...(expiryState ? { expiryState } : {}),
    openObligations,
    overdueObligations,
    previousMouId: f.previousMouId,
    updatedAt: mou.updatedAt,
  };
}
