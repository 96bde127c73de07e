import type { StageMove } from '../../../../shared/domain/proposal';
import { moveDate } from '../../../../shared/domain/stage-machine';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { formatDate, formatDateTime } from '../../../../shared/format/dates';

/** Every move, newest first: date, from → to, who, note. Read-only: the history is append-only. */
export function StageTimeline({ history }: { history: readonly StageMove[] }) {
  return (
    <section className="record-section timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Stage history</h2>
      <p className="muted">Newest first. Moves are never edited; each one is added to this record.</p>
      <ol className="timeline" aria-label="Stage moves, newest first">
        {history
          .map((move, index) => ({ move, index }))
          .reverse()
          .map(({ move, index }) => (
            <li key={index}>
              <span className="timeline-date">{formatDate(moveDate(move))}</span>
              <strong>{move.from ? `${STAGE_LABELS[move.from]} → ${STAGE_LABELS[move.to]}` : `Entered at ${STAGE_LABELS[move.to]}`}</strong>
              <span className="muted" dir="auto">
                {move.by ? ` by ${move.by}` : ''}
                {move.recordedAt ? ` (recorded ${formatDateTime(move.recordedAt)})` : ''}
              </span>
              {move.note && (
                <p dir="auto" className="timeline-note">
                  {move.note}
                </p>
              )}
            </li>
          ))}
      </ol>
    </section>
  );
}
