import { useState } from 'react';
import type { OutOfStep } from '../../../../shared/domain/proposal-mou-step';
import { formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';

const SHOWN_AT_FIRST = 3;

/**
 * Needs attention: proposals and MoUs whose signing disagrees (proposal-mou-step.ts). One figure;
 * the list behind it names each one, linked to the proposal page where it is put right.
 */
export function OutOfStepPanel({ items }: { items: readonly OutOfStep[] }) {
  const navigate = useAppStore((s) => s.navigate);
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, SHOWN_AT_FIRST);
  return (
    <div className="panel-card" role="group" aria-labelledby="out-of-step-heading">
      <h3 id="out-of-step-heading">Proposal and MoU out of step</h3>
      <button
        type="button"
        className={`figure figure-link${items.length > 0 ? ' figure-warn' : ''}`}
        aria-expanded={items.length > 0 ? open : undefined}
        aria-controls={items.length > 0 ? 'out-of-step-list' : undefined}
        disabled={items.length === 0}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="figure-value">{formatNumber(items.length)}</span>
        <span className="figure-label">{items.length === 1 ? 'proposal whose MoU disagrees' : 'proposals whose MoUs disagree'}</span>
      </button>
      {items.length > 0 && (
        <ul className="attention-list" id="out-of-step-list" aria-label="Out of step">
          {shown.map((item) => (
            <li key={`${item.proposalId}-${item.kind}-${item.mouId ?? ''}`} dir="auto">
              <button type="button" className="link-button" onClick={() => navigate({ screen: 'proposal', id: item.proposalId })}>
                {item.referenceNumber}
              </button>
              : {item.message}
            </li>
          ))}
          {!open && items.length > SHOWN_AT_FIRST && <li className="muted">and {formatNumber(items.length - SHOWN_AT_FIRST)} more: choose the figure to see all</li>}
        </ul>
      )}
    </div>
  );
}
