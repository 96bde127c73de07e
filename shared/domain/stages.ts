/** The proposal pipeline of domain.md, in order. */
export const PIPELINE_STAGES = [
  'received',
  'screening',
  'site-inspection',
  'evaluation',
  'committee-recommendation',
  'board-approval',
  'mou-negotiation',
  'mou-signed',
  'fit-out',
  'operational',
] as const;

/** Exits a proposal can take from any open stage. */
export const SIDE_EXIT_STAGES = ['rejected', 'withdrawn', 'on-hold'] as const;

export const ALL_STAGES = [...PIPELINE_STAGES, ...SIDE_EXIT_STAGES] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];
export type SideExitStage = (typeof SIDE_EXIT_STAGES)[number];
export type Stage = (typeof ALL_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  received: 'Received',
  screening: 'Screening',
  'site-inspection': 'Site inspection',
  evaluation: 'Evaluation',
  'committee-recommendation': 'Committee recommendation',
  'board-approval': 'Board approval',
  'mou-negotiation': 'MoU negotiation',
  'mou-signed': 'MoU signed',
  'fit-out': 'Fit-out',
  operational: 'Operational',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  'on-hold': 'On hold',
};

export const INITIAL_STAGE: Stage = 'received';
