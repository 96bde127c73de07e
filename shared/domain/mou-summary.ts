import { z } from 'zod';
import { daysBetween } from '../format/dates';
import { MOU_STATUSES, MOU_TYPES, type Mou } from './mou';
import { obligationState } from './mou-dates';
import { MOU_STATE_KINDS, deriveMouState, type MouState } from './mou-state';

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
  /** The derived state (deriveMouState) and its words; never stored. */
  state: z.enum(MOU_STATE_KINDS),
  stateLabel: z.string(),
  stateSentence: z.string(),
  /** Something recorded that does not fit the status (a Draft whose expiry has passed). */
  stateWarning: z.string().optional(),
  signedOn: z.string().optional(),
  /** Derived from the signed or effective date and the term; never stored. */
  expiresOn: z.string().optional(),
  /** Days from today to expiry (negative once past), for the 30/60/90-day views. */
  daysToExpiry: z.number().optional(),
  /** Last day to give notice (expiry minus the notice period), and days to it (negative once passed). */
  noticeBy: z.string().optional(),
  daysToNotice: z.number().optional(),
  nextReviewOn: z.string().optional(),
  daysToNextReview: z.number().optional(),
  openObligations: z.number(),
  overdueObligations: z.number(),
  /** Days to the earliest due date among open obligations not yet overdue. */
  daysToNextObligation: z.number().optional(),
  /** Open obligations with no due date: they can never show as overdue. */
  undatedObligations: z.number(),
  /** The MoU this one renews or supersedes, so the older MoU can tell it has a successor. */
  previousMouId: z.string().optional(),
  updatedAt: z.string(),
  archivedAt: z.string().optional(),
});
export type MouSummary = z.output<typeof MouSummarySchema>;

/** `state` is the MoU's deriveMouState for the same `today`, when the caller has already worked it out. */
export function summariseMou(
  mou: Mou,
  proposal: { title: string; city: string } | undefined,
  today: string,
  state: MouState = deriveMouState(mou, today),
): MouSummary {
  const f = mou.fields;
  let openObligations = 0;
  let overdueObligations = 0;
  let undatedObligations = 0;
  // ISO dates compare as strings, so the earliest due date is found without date arithmetic per obligation.
  let nextDueOn: string | undefined;
  for (const obligation of f.obligations) {
    const obligationNow = obligationState(obligation, today);
    if (obligationNow === 'overdue') overdueObligations += 1;
    if (obligationNow !== 'open') continue;
    openObligations += 1;
    if (!obligation.dueOn) undatedObligations += 1;
    else if (nextDueOn === undefined || obligation.dueOn < nextDueOn) nextDueOn = obligation.dueOn;
  }
  const daysToNextObligation = nextDueOn === undefined ? undefined : daysBetween(today, nextDueOn);
  return {
    id: mou.id,
    mouNumber: f.mouNumber,
    type: f.type,
    parties: f.parties.map((p) => p.name),
    otherParties: f.parties.filter((p) => p.type !== 'pseb').map((p) => p.name),
    proposalId: f.proposalId,
    proposalTitle: proposal?.title,
    proposalCity: proposal?.city,
    status: state.status,
    state: state.kind,
    stateLabel: state.label,
    stateSentence: state.sentence,
    ...(state.warning ? { stateWarning: state.warning } : {}),
    signedOn: f.signedOn,
    expiresOn: state.expiresOn,
    daysToExpiry: state.daysToExpiry,
    noticeBy: state.noticeBy,
    daysToNotice: state.daysToNotice,
    nextReviewOn: f.nextReviewOn,
    daysToNextReview: f.nextReviewOn ? daysBetween(today, f.nextReviewOn) : undefined,
    openObligations,
    overdueObligations,
    daysToNextObligation,
    undatedObligations,
    previousMouId: f.previousMouId,
    updatedAt: mou.updatedAt,
    ...(mou.archivedAt ? { archivedAt: mou.archivedAt } : {}),
  };
}
