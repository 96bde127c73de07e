import { MOU_STATUS_LABELS, currentMouStatus, type Mou, type MouStatus } from './mou';
import { mouExpiryDate } from './mou-dates';

/**
 * The MoU status machine. Legal review and approval may send a draft back one step;
 * Terminated, Renewed and Superseded are ends. Expired is not an end: an expired MoU is
 * still renewed or superseded when its successor is signed.
 */
export const MOU_STATUS_MOVES: Record<MouStatus, readonly MouStatus[]> = {
  draft: ['legal-review'],
  'legal-review': ['approved', 'draft'],
  approved: ['signed', 'legal-review'],
  signed: ['active', 'terminated'],
  active: ['expired', 'renewed', 'superseded', 'terminated'],
  expired: ['renewed', 'superseded'],
  renewed: [],
  terminated: [],
  superseded: [],
};

export const INITIAL_MOU_STATUS: MouStatus = 'draft';

export function isMouStatusEnd(status: MouStatus): boolean {
  return MOU_STATUS_MOVES[status].length === 0;
}

/** What the rest of the data says about a move: who succeeds this MoU, and today's date. */
export interface MouMoveContext {
  /** MoUs that name this one as the MoU they renew or supersede. */
  successorIds: readonly string[];
  today: string;
}

/**
 * Why a move cannot be made, in words an official can act on; undefined when it can.
 * The same check decides which buttons the MoU page offers and what main accepts.
 */
export function mouStatusMoveProblem(mou: Pick<Mou, 'statusHistory' | 'fields'>, to: MouStatus, context: MouMoveContext): string | undefined {
  const from = currentMouStatus(mou);
  if (!MOU_STATUS_MOVES[from].includes(to)) {
    return `An MoU cannot move from ${MOU_STATUS_LABELS[from]} to ${MOU_STATUS_LABELS[to]}.`;
  }
  if (to === 'signed' && !mou.fields.signedOn) return 'Record the date the MoU was signed before marking it Signed.';
  if ((to === 'renewed' || to === 'superseded') && context.successorIds.length === 0) {
    return `Link the MoU that ${to === 'renewed' ? 'renews' : 'supersedes'} this one first: open that MoU's form and choose this one under "Renews or supersedes".`;
  }
  if (to === 'expired') {
    const expiry = mouExpiryDate(mou.fields);
    if (!expiry) return 'Record the signed or effective date and the term first; the expiry date is worked out from them.';
    if (expiry >= context.today) return `This MoU runs until its expiry date; it cannot be marked Expired before then. To end it early, terminate it.`;
  }
  return undefined;
}

/** Moves the MoU page offers, each with the reason it is unavailable (if it is). */
export function mouStatusOptions(mou: Pick<Mou, 'statusHistory' | 'fields'>, context: MouMoveContext): { to: MouStatus; problem: string | undefined }[] {
  return MOU_STATUS_MOVES[currentMouStatus(mou)].map((to) => ({ to, problem: mouStatusMoveProblem(mou, to, context) }));
}
