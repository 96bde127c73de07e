import { useState, type DragEvent } from 'react';
import type { StagedFile } from '../../../../shared/api/calls/attachment-calls';
import { ATTACHMENT_KIND_LABELS, formatFileSize, openPolicyOf, shortHash, type Attachment } from '../../../../shared/domain/attachment';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { AddAttachmentsDialog, type AttachmentChoice } from './AddAttachmentsDialog';
import './attachments.css';

interface AttachmentsPanelProps {
  recordType: 'proposal' | 'mou';
  record: { id: string; updatedAt: string; archivedAt?: string; attachments?: Attachment[] };
  /** "MoU PSEB/STP/2021/01": how the dialogs name the record. */
  recordLabel: string;
  /** The record changed (attachments added or removed): the page loads it again. */
  onChanged(): void;
}

/**
 * A record's attachments: listed with kind, size, who added them and when, and the first 12 hex
 * of their SHA-256 (all of it on hover or focus). Files are added through the open dialog or
 * by dropping them on this section; Open goes through main, which opens only what is in the store.
 */
export function AttachmentsPanel({ recordType, record, recordLabel, onChanged }: AttachmentsPanelProps) {
  const notify = useAppStore((s) => s.notify);
  const [staged, setStaged] = useState<StagedFile[] | undefined>();
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState<string | undefined>();
  const [removing, setRemoving] = useState<Attachment | undefined>();
  const [dragging, setDragging] = useState(false);
  const attachments = record.attachments ?? [];
  const editable = !record.archivedAt;
  const ref = { recordType, recordId: record.id };

  const stage = (files: StagedFile[]) => {
    if (files.length === 0) return;
    setSummary(undefined);
    setStaged(files);
  };

  const choose = async () => {
    const result = await call(api().chooseAttachmentFiles({ recordType }));
    if (!result.ok) return notify('error', result.error.message);
    stage(result.value.files);
  };

  const drop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!editable) return notify('info', 'This record is archived; restore it before adding attachments.');
    const files = Array.from(event.dataTransfer.files);
    const paths = files.map((f) => window.shell?.pathForFile?.(f) ?? '').filter(Boolean);
    if (paths.length === 0) return notify('error', 'The dropped files came without their place on disk; use Add attachment… instead.');
    const result = await call(api().stageDroppedFiles({ paths }));
    if (!result.ok) return notify('error', result.error.message);
    stage(result.value.files);
  };

  const add = async (choices: AttachmentChoice[]) => {
    setBusy(true);
    const result = await call(
      api().addAttachments({ ...ref, expectedUpdatedAt: record.updatedAt, files: choices.map((c) => ({ token: c.token, kind: c.kind, ...(c.note.trim() ? { note: c.note.trim() } : {}) })) }),
    );
    setBusy(false);
    if (!result.ok) return setSummary(result.error.message);
    setStaged(undefined);
    notify('success', choices.length === 1 ? `${staged?.find((f) => f.token === choices[0]!.token)?.name ?? 'The file'} attached to ${recordLabel}.` : `${countOf(choices.length, 'file')} attached to ${recordLabel}.`);
    onChanged();
  };

  const open = async (attachment: Attachment) => {
    const result = await call(api().openAttachment({ ...ref, attachmentId: attachment.id }));
    if (!result.ok) return notify('error', result.error.message);
    if (result.value.action === 'shown-in-folder') notify('info', `${attachment.name} is not a document or image Park Desk opens; it is shown in its folder instead, and is never run.`);
  };

  const showInFolder = async (attachment: Attachment) => {
    const result = await call(api().showAttachmentInFolder({ ...ref, attachmentId: attachment.id }));
    if (!result.ok) notify('error', result.error.message);
  };

  const remove = async (attachment: Attachment) => {
    setRemoving(undefined);
    const result = await call(api().removeAttachment({ ...ref, attachmentId: attachment.id, expectedUpdatedAt: record.updatedAt }));
    if (!result.ok) return notify('error', `${attachment.name} was not removed: ${result.error.message}`);
    notify('success', `${attachment.name} removed from ${recordLabel}. The file itself stays in the data folder for the history and backups.`);
    onChanged();
  };

  return (
    <section
      className={`record-section attachments-panel${dragging ? ' dragging' : ''}`}
      aria-labelledby="attachments-heading"
      data-testid="attachments-drop-area"
      onDragOver={(event) => {
        if (!Array.from(event.dataTransfer.types).includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = editable ? 'copy' : 'none';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => void drop(event)}
    >
      <div className="section-heading-row">
        <h2 id="attachments-heading">Attachments</h2>
        {editable && (
          <button type="button" className="button" onClick={() => void choose()}>
            Add attachment…
          </button>
        )}
      </div>
      {attachments.length === 0 ? (
        <p className="muted">
          {editable
            ? `No files attached. Choose “Add attachment…” or drop files here: the ${recordType === 'mou' ? 'signed MoU scan, amendments' : 'offer letter, site-visit report or photos, committee or Board minutes'} (up to 50 MB each).`
            : 'No files attached.'}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data-table compact" aria-label="Attachments">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col" className="numeric">Size</th>
                <th scope="col">Added</th>
                <th scope="col">SHA-256</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {attachments.map((a) => (
                <tr key={a.id}>
                  <td dir="auto">
                    {a.name}
                    {a.note && (
                      <div className="muted attachment-note" dir="auto">
                        {a.note}
                      </div>
                    )}
                  </td>
                  <td>{ATTACHMENT_KIND_LABELS[a.kind]}</td>
                  <td className="numeric nowrap">{formatFileSize(a.sizeBytes)}</td>
                  <td>
                    {a.addedBy ? <bdi>{a.addedBy}</bdi> : <span className="muted">Unnamed official</span>}
                    <div className="muted nowrap">{formatDateTime(a.addedAt)}</div>
                  </td>
                  <td>
                    <code className="attachment-hash" tabIndex={0} title={a.sha256} data-testid="attachment-hash">
                      <span className="short" aria-hidden="true">
                        {shortHash(a.sha256)}
                      </span>
                      <span className="full">{a.sha256}</span>
                    </code>
                  </td>
                  <td className="nowrap">
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button small"
                        aria-label={`Open ${a.name}`}
                        title={openPolicyOf(a.name) === 'open' ? undefined : 'Not a document or image: shown in its folder, never run'}
                        onClick={() => void open(a)}
                      >
                        Open
                      </button>
                      <button type="button" className="button small" aria-label={`Show in folder: ${a.name}`} onClick={() => void showInFolder(a)}>
                        Show in folder
                      </button>
                      {editable && (
                        <button type="button" className="button small" aria-label={`Remove ${a.name}`} onClick={() => setRemoving(a)}>
                          Remove…
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddAttachmentsDialog
        files={staged}
        recordType={recordType}
        recordLabel={recordLabel}
        busy={busy}
        summary={summary}
        onAdd={(choices) => void add(choices)}
        onCancel={() => setStaged(undefined)}
      />
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing?.name ?? ''} from ${recordLabel}?`}
        message="The record will no longer list it. The file itself stays in the data folder, because the record's history and earlier backups may refer to it."
        confirmLabel="Remove"
        destructive
        onConfirm={() => removing && void remove(removing)}
        onCancel={() => setRemoving(undefined)}
      />
    </section>
  );
}
