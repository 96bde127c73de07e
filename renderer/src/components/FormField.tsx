import type { ReactNode } from 'react';

export interface FormFieldProps {
  id: string;
  label: string;
  required?: boolean;
  unit?: string;
  hint?: string;
  error?: string;
  wide?: boolean;
  /** A date box: the format is shown beside the label, never as a grey example that reads as a value. */
  date?: boolean;
  /** Renders the control; gets the ids it must point at for the label, hint and message. */
  children(control: { id: string; describedBy: string | undefined; invalid: boolean }): ReactNode;
}

/** A visible label above the control, the unit beside it, the message under it. */
export function FormField({ id, label, required, unit, hint, error, wide, date, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const formatId = date ? `${id}-format` : undefined;
  const describedBy = [errorId, formatId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the accessible name is the plain label; aria-required says it to screen readers. */}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
        {date && (
          <span className="hint date-format" id={formatId}>
            <span className="visually-hidden">Format </span>dd-mmm-yyyy
          </span>
        )}
      </div>
      <div className="control-row">
        {children({ id, describedBy, invalid: Boolean(error) })}
        {unit && <span className="unit">{unit}</span>}
      </div>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error">
          <span aria-hidden="true">⚠ </span>
          <span id={errorId}>{error}</span>
        </p>
      )}
    </div>
  );
}
