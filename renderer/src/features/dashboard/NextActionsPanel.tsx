import type { OutputOf } from '../../../../shared/api/contract';
import { describeDue } from '../../../../shared/domain/next-action';
import type { DueListPreset } from '../../../../shared/domain/reminders';
import { formatDate } from '../../../../shared/format/dates';
import { formatNumber } from '../../../../shared/format/numbers';
import { useAppStore } from '../../app/store';

type NextActions = OutputOf<'getDashboard'>['nextActions'];

/** Next actions overdue and due in the next 7 days; each figure opens the due list under the same view. */
export function NextActionsPanel({ nextActions }: { nextActions: NextActions }) {
  const navigate = useAppStore((s) => s.navigate);
  const toDue = (preset: DueListPreset) => navigate({ screen: 'due', preset });
  const figure = (preset: 'next-actions-overdue' | 'next-actions-due-7', one: string, many: string, tone: 'danger' | 'warn') => {
    const value = nextActions.figures[preset];
    return (
      <button type="button" className={`figure figure-link${value > 0 ? ` figure-${tone}` : ''}`} onClick={() => toDue(preset)}>
        <span className="figure-value">{formatNumber(value)}</span>
        <span className="figure-label">{value === 1 ? one : many}</span>
      </button>
    );
  };
  return (
    <div className="panel-card" role="group" aria-labelledby="next-actions-heading">
      <h3 id="next-actions-heading">Next actions</h3>
      <div className="figure-row">
        {figure('next-actions-overdue', 'next action overdue', 'next actions overdue', 'danger')}
        {figure('next-actions-due-7', 'next action due in the next 7 days', 'next actions due in the next 7 days', 'warn')}
      </div>
      {nextActions.items.length > 0 && (
        <ul className="attention-list">
          {nextActions.items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                className="link-button"
                dir="auto"
                onClick={() => navigate(item.record.kind === 'proposal' ? { screen: 'proposal', id: item.record.id } : { screen: 'mou', id: item.record.id })}
              >
                {item.recordLabel}
              </button>
              : <span dir="auto">{item.text}</span>{' '}
              <span className={item.overdue ? 'overdue-text' : 'muted'}>
                ({formatDate(item.dueOn)}, {describeDue(item.daysLeft ?? 0)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="link-button" onClick={() => toDue('all')}>
          Everything due this week
        </button>
      </p>
    </div>
  );
}
