import { MOU_STATUS_LABELS, type MouStatus } from '../../../../shared/domain/mou';
import { OBLIGATION_STATE_LABELS, type ObligationState } from '../../../../shared/domain/mou-dates';
import type { MouStateKind } from '../../../../shared/domain/mou-state';

/** Status, state and obligation state in words and colour together, never colour alone. */
export function MouStatusBadge({ status }: { status: MouStatus }) {
  return <span className={`badge mou-status-${status}`}>{MOU_STATUS_LABELS[status]}</span>;
}

/** The derived state (deriveMouState); a warning (a Draft whose expiry has passed) is shown beside it, never hidden. */
export function MouStateBadge({ kind, label, warning }: { kind: MouStateKind; label: string; warning?: string | undefined }) {
  return (
    <>
      <span className={`badge mou-state-${kind}`}>{label}</span>
      {warning && <span className="badge mou-state-warning">{warning}</span>}
    </>
  );
}

export function ObligationBadge({ state }: { state: ObligationState }) {
  return <span className={`badge obligation-${state}`}>{OBLIGATION_STATE_LABELS[state]}</span>;
}
