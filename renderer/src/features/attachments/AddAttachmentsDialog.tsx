import { useEffect, useState } from 'react';
import type { StagedFile } from '../../../../shared/api/calls/attachment-calls';
import { ATTACHMENT_KINDS, ATTACHMENT_KIND_LABELS, formatFileSize, guessAttachmentKind, type AttachmentKind } from '../../../../shared/domain/attachment';
import { FormDialog } from '../mous/FormDialog';

export type AttachmentChoice = { token: string; kind: AttachmentKind; note: string };

/**
 * Asks the kind of each chosen file (started on a guess: a PDF on an MoU is its signed scan)
 * and an optional note. Files that cannot be attached (over 50 MB, a folder) are named with
 * the reason and left out.
 */
export function AddAttachmentsDialog({
  files,
  recordType,
  recordLabel,
  busy,
  summary,
  onAdd,
  onCancel,
}: {
  files: StagedFile[] | undefined;
  recordType: 'proposal' | 'mou';
  recordLabel: string;
  busy: boolean;
  summary: string | undefined;
  onAdd(choices: AttachmentChoice[]): void;
  onCancel(): void;
}) {
  const [choices, setChoices] = useState<AttachmentChoice[]>([]);
  const usable = (files ?? []).filter((f) => !f.problem);
  const refused = (files ?? []).filter((f) => f.problem);

  useEffect(() => {
    setChoices((files ?? []).filter((f) => !f.problem).map((f) => ({ token: f.token, kind: guessAttachmentKind(f.name, recordType), note: '' })));
  }, [files, recordType]);

  const set = (index: number, change: Partial<AttachmentChoice>) => setChoices((all) => all.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <FormDialog
      open={files !== undefined}
      title={usable.length === 1 ? `Attach ${usable[0]!.name} to ${recordLabel}` : `Attach ${usable.length} files to ${recordLabel}`}
      submitLabel={usable.length === 1 ? 'Attach file' : 'Attach files'}
      busy={busy || usable.length === 0}
      summary={summary}
      onSubmit={() => onAdd(choices)}
      onCancel={onCancel}
    >
      {refused.length > 0 && (
        <div role="alert" className="attachment-refused">
          <p>{refused.length === 1 ? 'This file cannot be attached:' : 'These files cannot be attached:'}</p>
          <ul>
            {refused.map((f) => (
              <li key={f.token} dir="auto">
                {f.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {usable.length === 0 ? (
        <p>Nothing to attach. Choose Cancel and pick smaller files, or split a large scan into parts.</p>
      ) : (
        usable.map((file, index) => (
          <fieldset key={file.token} className="attachment-choice">
            <legend dir="auto">
              {file.name} <span className="muted">({formatFileSize(file.sizeBytes)})</span>
            </legend>
            <div className="dialog-grid">
              <div className="form-field">
                <div className="label-row">
                  <label htmlFor={`attachment-kind-${index}`}>Kind</label>
                </div>
                <div className="control-row">
                  <select id={`attachment-kind-${index}`} value={choices[index]?.kind ?? 'other'} onChange={(e) => set(index, { kind: e.target.value as AttachmentKind })}>
                    {ATTACHMENT_KINDS.map((kind) => (
                      <option key={kind} value={kind}>
                        {ATTACHMENT_KIND_LABELS[kind]}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="form-field wide">
                <div className="label-row">
                  <label htmlFor={`attachment-note-${index}`}>Note (optional)</label>
                </div>
                <div className="control-row">
                  <textarea id={`attachment-note-${index}`} dir="auto" rows={2} maxLength={2000} value={choices[index]?.note ?? ''} onChange={(e) => set(index, { note: e.target.value })} />
                </div>
              </div>
            </div>
          </fieldset>
        ))
      )}
    </FormDialog>
  );
}
