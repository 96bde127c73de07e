import { useCallback, useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';

interface FormDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  busy?: boolean;
  /** A message for the whole dialog (e.g. a refusal from main). */
  summary?: string;
  onSubmit(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal form on <dialog>: focus stays inside, Esc cancels, Enter in a one-line field submits,
 * Enter in a note starts a new line and Ctrl+Enter submits from anywhere (the app's desk keys).
 */
export function FormDialog({ open, title, submitLabel, busy, summary, onSubmit, onCancel, children }: FormDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSubmit();
  };

  return (
    <dialog
      ref={ref}
      className="dialog form-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <form noValidate onSubmit={submit}>
          <h2 id={titleId}>{title}</h2>
          {summary && (
            <p className="form-summary" role="alert">
              {summary}
            </p>
          )}
          <div className="dialog-fields">{children}</div>
          <div className="dialog-actions">
            <span className="dialog-key-hint" aria-hidden="true">
              Ctrl+Enter: {submitLabel}
            </span>
            <button type="button" className="button" onClick={onCancel}>
              Cancel
            </button>
            <button type="submit" className="button primary" disabled={busy} aria-keyshortcuts="Control+Enter">
              {busy ? 'Saving…' : submitLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

/**
 * Returns a function that moves focus to the first field marked invalid inside `root`, or to
 * `fallback` when none is. Focus happens in an effect, after React has committed the messages.
 */
export function useFocusFirstInvalid(root: RefObject<HTMLElement | null>, fallback?: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? fallback?.current)?.focus();
  }, [request, root, fallback]);
  return useCallback(() => setRequest((n) => n + 1), []);
}

/**
 * What every form dialog keeps: its values, a message per field, a message for the whole dialog
 * and whether a save is under way, all set afresh from `initial` each time it opens or the
 * record it edits (`source`) changes; and focus for the first invalid field inside `fieldsRef`.
 */
export function useFormDialogState<V>(open: boolean, initial: () => V, source: unknown) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(fieldsRef);
  const initialRef = useRef(initial);
  initialRef.current = initial;
  useEffect(() => {
    if (!open) return;
    setValues(initialRef.current());
    setErrors({});
    setSummary(undefined);
  }, [open, source]);
  return { values, setValues, errors, setErrors, summary, setSummary, busy, setBusy, fieldsRef, focusFirstInvalid };
}
