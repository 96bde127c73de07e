import { z } from 'zod';
import { currentMouStatus, mouStatusSince, type Mou, type MouStatus } from './mou';
import { SIGNED_OR_LATER_STATUSES } from './mou-status';
import { moveDate } from './move-history';
import { PIPELINE_STAGES, type Stage } from './stages';

/**
 * Signing is recorded twice: as the proposal's MoU signed stage and as its MoU's Signed status.
 * These keep the two in step. Pure: computed from the records, never stored.
 *
 * Out of step:
 * - 'mou-ahead': an MoU is Signed or Active while its proposal is still before MoU signed;
 * - 'proposal-ahead': the proposal is at MoU signed or later and none of its MoUs has been
 *   signed (no MoU at all, or only Draft / Legal review / Approved ones).
 * Archived records are left out. On hold, Rejected and Withdrawn proposals are not judged:
 * their stage says nothing about signing.
 */

const SIGNED_INDEX = PIPELINE_STAGES.indexOf('mou-signed');

export type OutOfStepKind = 'mou-ahead' | 'proposal-ahead';

export const OutOfStepSchema = z.object({
  kind: z.enum(['mou-ahead', 'proposal-ahead']),
  proposalId: z.string(),
  referenceNumber: z.string(),
  title: z.string(),
  /** The MoU that is ahead (mou-ahead only). */
  mouId: z.string().optional(),
  mouNumber: z.string().optional(),
  /** The day the MoU reached its status (mou-ahead) or the proposal its stage (proposal-ahead), where known. */
  since: z.string().optional(),
  message: z.string(),
});
export type OutOfStep = z.output<typeof OutOfStepSchema>;

type ProposalLike = { id: string; referenceNumber: string; title: string; stage: Stage; enteredStageAt: string; archivedAt?: string | undefined };
/** What the check needs of an MoU: a stored MoU (mouStepOf) or a list row. */
export interface MouStep {
  id: string;
  mouNumber: string;
  proposalId?: string | undefined;
  status: MouStatus;
  since?: string | undefined;
  archivedAt?: string | undefined;
}

export function mouStepOf(mou: Pick<Mou, 'id' | 'statusHistory' | 'archivedAt'> & { fields: Pick<Mou['fields'], 'proposalId' | 'mouNumber'> }): MouStep {
  return { id: mou.id, mouNumber: mou.fields.mouNumber, proposalId: mou.fields.proposalId, status: currentMouStatus(mou), since: mouStatusSince(mou), archivedAt: mou.archivedAt };
}

function pipelineIndex(stage: Stage): number {
  return (PIPELINE_STAGES as readonly Stage[]).indexOf(stage);
}

/** Where one proposal and its MoUs disagree; empty when they are in step. */
export function proposalMouStep(proposal: ProposalLike, mousOfProposal: readonly MouStep[]): OutOfStep[] {
  if (proposal.archivedAt) return [];
  const index = pipelineIndex(proposal.stage);
  if (index < 0) return [];
  const mous = mousOfProposal.filter((m) => !m.archivedAt && m.proposalId === proposal.id);
  const base = { proposalId: proposal.id, referenceNumber: proposal.referenceNumber, title: proposal.title };
  if (index < SIGNED_INDEX) {
    return mous
      .filter((m) => m.status === 'signed' || m.status === 'active')
      .map((m) => ({
        ...base,
        kind: 'mou-ahead' as const,
        mouId: m.id,
        mouNumber: m.mouNumber,
        ...(m.since ? { since: m.since } : {}),
        message: `MoU ${m.mouNumber} is ${m.status === 'active' ? 'Active' : 'Signed'}, but proposal ${proposal.referenceNumber} is still before MoU signed.`,
      }));
  }
  if (mous.some((m) => SIGNED_OR_LATER_STATUSES.includes(m.status))) return [];
  return [
    {
      ...base,
      kind: 'proposal-ahead',
      since: moveDate({ at: proposal.enteredStageAt }),
      message:
        mous.length === 0
          ? `Proposal ${proposal.referenceNumber} is at MoU signed or later, but no MoU is recorded for it.`
          : `Proposal ${proposal.referenceNumber} is at MoU signed or later, but none of its MoUs is recorded as signed.`,
    },
  ];
}

/** Every mismatch across the register, for the dashboard: one pass over the MoUs, one over the proposals. */
export function proposalMouStepIssues(proposals: readonly ProposalLike[], mous: readonly (Parameters<typeof mouStepOf>[0] | MouStep)[]): OutOfStep[] {
  const byProposal = new Map<string, MouStep[]>();
  for (const record of mous) {
    // A caller that has already derived each MoU's status passes MouSteps; a stored MoU is read here.
    const mou = 'statusHistory' in record ? mouStepOf(record) : record;
    const id = mou.proposalId;
    if (!id) continue;
    const list = byProposal.get(id);
    if (list) list.push(mou);
    else byProposal.set(id, [mou]);
  }
  return proposals.flatMap((p) => proposalMouStep(p, byProposal.get(p.id) ?? []));
}
