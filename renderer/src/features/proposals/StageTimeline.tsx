import type { StageMove } from '../../../../shared/domain/proposal';
import { STAGE_LABELS } from '../../../../shared/domain/stages';
import { MoveTimeline } from '../../components/MoveTimeline';

/** Every move, newest first: date, from → to, who, note, stages passed, withdrawals. Read-only: the history is append-only. */
export function StageTimeline({ history }: { history: readonly StageMove[] }) {
  return (
    <section className="record-section timeline-section" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Stage history</h2>
      <p className="muted">Newest first. Moves are never edited or removed; a move recorded by mistake is withdrawn by a correction, and both are kept.</p>
      <MoveTimeline
        history={history.map((m) => ({ ...m, passed: m.passedStages }))}
        labels={STAGE_LABELS}
        listLabel="Stage moves, newest first"
        entryWord="at"
      />
    </section>
  );
}
