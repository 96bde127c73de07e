import { useEffect, useRef, useState } from 'react';
import { FormDialog, useFocusFirstInvalid } from '../features/mous/FormDialog';
import { FormField } from './FormField';
import { moveDate } from '../../../shared/domain/move-history';
import { formatDate } from '../../../shared/format/dates';

/** A stage or status move in words, for the dialog: "Screening → Rejected on 25-Nov-2026 by Ayesha Khan". */
export function describeMove<S extends string>(move: { from: S | null; to: S; at: string; by: string }, labels: Record<S, string>): string {
  return `${labels[move.from ?? move.to]} → ${labels[move.to]} on ${formatDate(moveDate(move))}${move.by ? ` by ${move.by}` : ''}`;
}

interface Props {
  open: boolean;
  /** The move to be withdrawn, in words: "Screening → Rejected on 25-Nov-2026 by Ayesha Khan". */
  move: string;
  /** Where the record will be once it is withdrawn: "Screening". */
  backTo: string;
  /** Records the correction; answers the refusal to show, or undefined when done. */
  onCorrect(reason: string): Promise<{ field?: string; message: string } | undefined>;
  onClose(): void;
}

/** Withdraws the last move with a reason. Nothing is erased: the move and its correction both stay in the history. */
export function CorrectMoveDialog({ open, move, backTo, onCorrect, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(ref);

  useEffect(() => {
    setReason('');
    setError(undefined);
    setSummary(undefined);
  }, [open]);

  const submit = async () => {
    if (reason.trim() === '') {
      setError('Give the reason the move is withdrawn.');
      return focusFirstInvalid();
    }
    setBusy(true);
    const refused = await onCorrect(reason);
    setBusy(false);
    if (!refused) return;
    if (refused.field === 'reason') setError(refused.message);
    else setSummary(refused.message);
    focusFirstInvalid();
  };

  return (
    <FormDialog open={open} title="Correct the last move" submitLabel="Withdraw the move" busy={busy} summary={summary} onSubmit={() => void submit()} onCancel={onClose}>
      <div ref={ref} className="dialog-fields-inner">
        <p>
          Withdraws <strong>{move}</strong>; it goes back to <strong>{backTo}</strong>. The move stays in the history, marked withdrawn, with this correction beside it.
        </p>
        <FormField id="correct-move-reason" label="Reason" required hint="What was recorded by mistake, and why" error={error} wide>
          {(c) => (
            <textarea
              id={c.id}
              dir="auto"
              rows={3}
              value={reason}
              aria-describedby={c.describedBy}
              aria-invalid={c.invalid || undefined}
              aria-required
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </FormField>
      </div>
    </FormDialog>
  );
}
