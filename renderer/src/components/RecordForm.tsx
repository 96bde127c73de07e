import type { FormEvent, ReactNode, Ref } from 'react';

interface RecordFormProps {
  headingId: string;
  heading: string;
  /** "Save proposal", "Save MoU": says what is saved. */
  saveLabel: string;
  saving: boolean;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  onCancel(): void;
  formRef?: Ref<HTMLFormElement>;
  children: ReactNode;
}

/**
 * The frame every record form shares: the heading with Cancel and Save always in the same
 * place (a sticky header), Ctrl+S to save, and the browser's own validation left to the schema.
 */
export function RecordForm({ headingId, heading, saveLabel, saving, onSubmit, onCancel, formRef, children }: RecordFormProps) {
  return (
    <form
      ref={formRef}
      className="record-form"
      noValidate
      aria-labelledby={headingId}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <header className="form-header">
        <h1 id={headingId}>{heading}</h1>
        <div className="form-actions">
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving} title="Save (Ctrl+S)">
            {saving ? 'Saving…' : saveLabel}
          </button>
        </div>
      </header>
      {children}
    </form>
  );
}
