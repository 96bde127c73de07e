import { MOU_STATUS_LABELS, type MouStatus } from '../../../../shared/domain/mou';
import { MOU_EXPIRY_STATE_LABELS, OBLIGATION_STATE_LABELS, type MouExpiryState, type ObligationState } from '../../../../shared/domain/mou-dates';

/** Status, expiry and obligation state in words and colour together, never colour alone. */
export function MouStatusBadge({ status }: { status: MouStatus }) {
  return <span className={`badge mou-status-${status}`}>{MOU_STATUS_LABELS[status]}</span>;
}

export function ExpiryBadge({ state }: { state: MouExpiryState | undefined }) {
  if (!state) return null;
  return <span className={`badge expiry-${state}`}>{MOU_EXPIRY_STATE_LABELS[state]}</span>;
}

export function ObligationBadge({ state }: { state: ObligationState }) {
  return <span className={`badge obligation-${state}`}>{OBLIGATION_STATE_LABELS[state]}</span>;
}
