import { useEffect, useId, useRef, useState } from 'react';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { exportedFileActions, fileSize, folderOf } from './export-text';

interface ExportMouSummariesDialogProps {
  /** The MoUs to export, in the order they are listed. */
  ids: string[];
  open: boolean;
  onClose(): void;
}

type Phase = { kind: 'ready' } | { kind: 'running'; folder: string } | { kind: 'done'; folder: string; cancelled: boolean };
interface Outcome {
  id: string;
  fileName?: string;
  fileToken?: string;
  error?: string;
}

/**
 * Exports several MoU summaries into one folder the official picks, one PDF each, with
 * progress and a Cancel that stops after the file being written. Main remembers the folder
 * behind a token, so this page never names a place to write.
 */
export function ExportMouSummariesDialog({ ids, open, onClose }: ExportMouSummariesDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const notify = useAppStore((s) => s.notify);
  const [phase, setPhase] = useState<Phase>({ kind: 'ready' });
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [combined, setCombined] = useState(false);
  const [combining, setCombining] = useState(false);
  const cancelRequested = useRef(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setPhase({ kind: 'ready' });
      setOutcomes([]);
      setCombined(false);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const total = ids.length;
  const count = (n: number) => (n === 1 ? '1 MoU summary' : `${n} MoU summaries`);

  /** One PDF for a meeting: one save dialog, printed once in main, then the dialog closes on the notice. */
  async function exportCombined() {
    setCombining(true);
    try {
      const result = await call(api().exportCombinedMouSummariesPdf({ ids }));
      if (!result.ok) return notify('error', `The combined PDF was not saved: ${result.error.message}`);
      if (result.value.cancelled) return notify('info', 'Export cancelled; no file was saved.');
      onClose();
      notify('success', `Saved “${result.value.fileName}” with ${count(result.value.count)} and a contents page (${fileSize(result.value.bytes)}) in ${folderOf(result.value.path)}.`, {
        actions: exportedFileActions(result.value.fileToken, notify),
        takeFocus: true,
      });
    } finally {
      setCombining(false);
    }
  }

  async function start() {
    const chosen = await call(api().chooseExportFolder({}));
    if (!chosen.ok) return notify('error', `No folder was chosen: ${chosen.error.message}`);
    if (chosen.value.cancelled) return;
    const { folder, folderToken } = chosen.value;
    cancelRequested.current = false;
    setPhase({ kind: 'running', folder });
    const done: Outcome[] = [];
    for (const id of ids) {
      if (cancelRequested.current) break;
      const result = await call(api().exportMouSummaryToFolder({ id, folderToken }));
      done.push(result.ok ? { id, fileName: result.value.fileName, fileToken: result.value.fileToken } : { id, error: result.error.message });
      setOutcomes([...done]);
    }
    const saved = done.filter((o) => o.fileName).length;
    const failed = done.length - saved;
    const cancelled = cancelRequested.current && done.length < total;
    setPhase({ kind: 'done', folder, cancelled });
    const message = `Exported ${saved} of ${count(total)} into ${folder}${failed ? `; ${failed} could not be saved` : ''}${cancelled ? '; the rest were cancelled' : ''}.`;
    // Show in folder opens the folder with the last file selected.
    const last = done.findLast((o) => o.fileToken)?.fileToken;
    const showFolder = last ? exportedFileActions(last, notify).filter((action) => action.label === 'Show in folder') : [];
    notify(failed ? 'error' : 'success', message, { actions: showFolder });
  }

  const running = phase.kind === 'running';
  const close = () => {
    if (running) cancelRequested.current = true;
    else onClose();
  };

  return (
    <dialog
      ref={ref}
      className="dialog export-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId}>Export MoU summaries</h2>
      {phase.kind === 'ready' && (
        <>
          {combined ? (
            <p>{count(total)} will be saved as one PDF file, with a contents page first and each summary starting on a new page.</p>
          ) : (
            <p>
              {total === 1 ? '1 MoU summary will be saved as a PDF file' : `${count(total)} will be saved as PDF files, one per MoU,`} into a folder you
              choose. Files already in that folder are kept; a new file with the same name gets a number, such as “(2)”.
            </p>
          )}
          <div className="check-field">
            <label>
              <input type="checkbox" checked={combined} disabled={combining} onChange={(event) => setCombined(event.currentTarget.checked)} /> One combined PDF
              with a contents page
            </label>
          </div>
          {combining && <p role="status">Making the combined PDF…</p>}
          <div className="dialog-actions">
            <button type="button" className="button" onClick={onClose} disabled={combining}>
              Cancel
            </button>
            {combined ? (
              <button type="button" className="button primary" onClick={() => void exportCombined()} disabled={total === 0 || combining} aria-busy={combining}>
                Choose file and export
              </button>
            ) : (
              <button type="button" className="button primary" onClick={() => void start()} disabled={total === 0} autoFocus>
                Choose folder and export
              </button>
            )}
          </div>
        </>
      )}
      {phase.kind !== 'ready' && (
        <>
          <p role="status">
            {running
              ? `Exporting ${Math.min(outcomes.length + 1, total)} of ${total}…`
              : `Exported ${outcomes.filter((o) => o.fileName).length} of ${count(total)}${phase.cancelled ? ' (cancelled)' : ''}.`}
          </p>
          <progress className="export-progress" max={total} value={outcomes.length} aria-label="Export progress">
            {outcomes.length} of {total}
          </progress>
          <p className="muted">
            Folder: <bdi dir="auto">{phase.folder}</bdi>
          </p>
          {outcomes.length > 0 && (
            <ul className="export-files" aria-label="Exported files">
              {outcomes.map((o) => (
                <li key={o.id} className={o.error ? 'field-error' : undefined} dir="auto">
                  {o.fileName ?? `Not saved: ${o.error}`}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            {running ? (
              <button type="button" className="button" onClick={close} disabled={cancelRequested.current}>
                Cancel
              </button>
            ) : (
              <button type="button" className="button primary" onClick={onClose} autoFocus>
                Close
              </button>
            )}
          </div>
        </>
      )}
    </dialog>
  );
}
