import { useState } from 'react';
import { describeDue, nextActionTiming, type DoneAction, type NextAction } from '../../../../shared/domain/next-action';
import { formatDate, formatDateTime, todayInPakistan } from '../../../../shared/format/dates';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { FormField } from '../../components/FormField';
import { FormDialog } from '../mous/FormDialog';
import { NextActionDialog, type NextActionRecord } from './NextActionDialog';

/**
 * A record's next action on its page: what, by whom, by when (overdue worked out from today),
 * Edit and Done; done ones are listed below as the record's history of next actions.
 */
export function NextActionPanel({
  record,
  nextAction,
  done,
  archived,
  onChanged,
}: {
  record: NextActionRecord;
  nextAction: NextAction | undefined;
  done: readonly DoneAction[] | undefined;
  archived: boolean;
  /** The record changed in main: reload it. */
  onChanged(): void;
}) {
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState(false);
  const [completing, setCompleting] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string | undefined>();
  const headingId = `next-action-heading-${record.kind}`;

  const complete = async () => {
    setBusy(true);
    const result = await call(api().completeNextAction({ record: { kind: record.kind, id: record.id }, expectedUpdatedAt: record.updatedAt, ...(note.trim() ? { note } : {}) }));
    setBusy(false);
    if (!result.ok) return setSummary(result.error.message);
    setCompleting(false);
    notify('success', 'Next action marked done; it is kept in the history below.');
    onChanged();
  };

  const timing = nextAction ? nextActionTiming(nextAction, todayInPakistan()) : undefined;
  const history = [...(done ?? [])].reverse();

  return (
    <section className="record-section next-action-panel" aria-labelledby={headingId}>
      <div className="section-heading-row">
        <h2 id={headingId}>Next action</h2>
      </div>
      {nextAction && timing ? (
        <div className="next-action-current">
          <p className="next-action-what" dir="auto">
            {nextAction.what}
          </p>
          <p>
            {nextAction.by && (
              <>
                By <span dir="auto">{nextAction.by}</span>,{' '}
              </>
            )}
            by {formatDate(nextAction.dueOn)}:{' '}
            <span className={timing.timing === 'overdue' ? 'overdue-text' : timing.timing === 'later' ? undefined : 'due-soon-text'}>{describeDue(timing.daysLeft)}</span>
          </p>
          <p className="muted">
            Set {formatDateTime(nextAction.setAt)}
            {nextAction.setBy && <> by {nextAction.setBy}</>}
          </p>
          {!archived && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => setEditing(true)}>
                Edit next action…
              </button>
              <button
                type="button"
                className="button primary"
                onClick={() => {
                  setNote('');
                  setSummary(undefined);
                  setCompleting(true);
                }}
              >
                Done…
              </button>
            </div>
          )}
        </div>
      ) : (
        <div className="next-action-empty">
          <p className="muted">No next action. Add one so it shows on the dashboard when due.</p>
          {!archived && (
            <button type="button" className="button" onClick={() => setEditing(true)}>
              Add next action…
            </button>
          )}
        </div>
      )}

      {history.length > 0 && (
        <>
          <h3 id={`${headingId}-history`}>History of next actions</h3>
          <ol className="next-action-history" aria-labelledby={`${headingId}-history`}>
            {history.map((d) => (
              <li key={`${d.setAt}-${d.doneAt}`}>
                <span dir="auto">{d.what}</span>
                <span className="muted">
                  {' '}
                  ({d.by ? <>by <span dir="auto">{d.by}</span>, </> : null}due {formatDate(d.dueOn)}): done {formatDateTime(d.doneAt)}
                  {d.doneBy ? ` by ${d.doneBy}` : ''}
                </span>
                {d.note && (
                  <span className="next-action-note" dir="auto">
                    {' '}
                    — {d.note}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}

      <NextActionDialog
        record={record}
        action={nextAction}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          onChanged();
        }}
      />
      <FormDialog
        open={completing}
        title="Mark the next action done"
        submitLabel="Mark done"
        busy={busy}
        summary={summary}
        onSubmit={() => void complete()}
        onCancel={() => setCompleting(false)}
      >
        <p dir="auto">{nextAction?.what}</p>
        <FormField id="next-action-done-note" label="Note (optional)" hint="What came of it; kept with the history" wide>
          {(c) => <textarea id={c.id} dir="auto" rows={2} value={note} aria-describedby={c.describedBy} onChange={(e) => setNote(e.target.value)} />}
        </FormField>
      </FormDialog>
    </section>
  );
}
