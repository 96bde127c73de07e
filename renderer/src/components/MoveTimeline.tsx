import { moveDate, withdrawalOf, type HistoryMove } from '../../../shared/domain/move-history';
import { formatDate, formatDateTime } from '../../../shared/format/dates';

interface Props<S extends string> {
  history: readonly (HistoryMove<S> & { passed?: readonly S[] | undefined })[];
  labels: Record<S, string>;
  /** The accessible name of the list. */
  listLabel: string;
  /** "Entered at Received", "Entered as Signed". */
  entryWord: 'at' | 'as';
}

/**
 * An append-only history, newest first: each move with its date, who recorded it and when, the
 * stages or statuses it passed without a record, and, for a move withdrawn by a correction, the
 * withdrawal beside it. Read-only: nothing here edits the history.
 */
export function MoveTimeline<S extends string>({ history, labels, listLabel, entryWord }: Props<S>) {
  const byRef = new Map(history.map((m) => [m.id ?? m.at, m]));
  return (
    <ol className="timeline" aria-label={listLabel}>
      {history
        .map((move, index) => ({ move, index }))
        .reverse()
        .map(({ move, index }) => {
          const withdrawal = withdrawalOf(history, move);
          const withdrawn = move.withdraws !== undefined ? byRef.get(move.withdraws) : undefined;
          const title = move.withdraws !== undefined
            ? `Correction: ${withdrawn?.from ? `${labels[withdrawn.from]} → ` : ''}${labels[move.from ?? move.to]} withdrawn; back at ${labels[move.to]}`
            : move.from
              ? `${labels[move.from]} → ${labels[move.to]}`
              : `Entered ${entryWord} ${labels[move.to]}`;
          return (
            <li key={move.id ?? index} className={withdrawal ? 'withdrawn' : move.withdraws !== undefined ? 'correction' : undefined}>
              <span className="timeline-date">{formatDate(moveDate(move))}</span>
              {withdrawal ? (
                <del>
                  <strong>{title}</strong>
                </del>
              ) : (
                <strong>{title}</strong>
              )}
              <span className="muted" dir="auto">
                {move.by ? ` by ${move.by}` : ''}
                {move.recordedAt ? ` (recorded ${formatDateTime(move.recordedAt)})` : ''}
              </span>
              {move.passed && move.passed.length > 0 && (
                <p className="timeline-passed">Passed without a record: {move.passed.map((s) => labels[s]).join(', ')}</p>
              )}
              {move.note && (
                <p dir="auto" className="timeline-note">
                  {move.note}
                </p>
              )}
              {withdrawal && (
                <p className="timeline-withdrawn" dir="auto">
                  Withdrawn on {formatDate(moveDate(withdrawal))}
                  {withdrawal.by ? ` by ${withdrawal.by}` : ''}: {withdrawal.note}
                </p>
              )}
            </li>
          );
        })}
    </ol>
  );
}
