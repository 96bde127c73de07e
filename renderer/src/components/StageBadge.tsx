import { STAGE_LABELS, type Stage } from '../../../shared/domain/stages';

/** The stage in words and colour together, never colour alone. */
export function StageBadge({ stage }: { stage: Stage }) {
  return <span className={`badge stage-${stage}`}>{STAGE_LABELS[stage]}</span>;
}
