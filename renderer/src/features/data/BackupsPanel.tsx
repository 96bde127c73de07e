import { useCallback, useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/domain/backup';
import { api, call } from '../../app/api-client';
import { useAppStore } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { BackupsTable } from './BackupsTable';
import { describeBackup, describeRestoredAttachments, formatSize } from './backup-labels';
import { countOf } from '../../../../shared/format/plural';

/** Back up now, and restore any backup, each restore undoable through the backup it takes first. */
export function BackupsPanel() {
  const notify = useAppStore((s) => s.notify);
  const [folder, setFolder] = useState<string>();
  const [backups, setBackups] = useState<BackupInfo[]>();
  const [usage, setUsage] = useState<{ totalBytes: number; budgetBytes: number; problem?: string }>();
  const [busy, setBusy] = useState(false);
  const [toRestore, setToRestore] = useState<BackupInfo>();

  const refresh = useCallback(async () => {
    const result = await call(api().listBackups({}));
    if (!result.ok) return notify('error', result.error.message);
    setFolder(result.value.folder);
    setBackups(result.value.backups);
    setUsage(result.value);
  }, [notify]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const backUpNow = async () => {
    setBusy(true);
    const result = await call(api().backUpNow({}));
    setBusy(false);
    if (!result.ok) return notify('error', result.error.message);
    notify('success', `Backed up: ${describeBackup(result.value)}.`);
    await refresh();
  };

  const restore = async (backup: BackupInfo) => {
    setToRestore(undefined);
    setBusy(true);
    const result = await call(api().restoreBackup({ backupId: backup.id }));
    setBusy(false);
    if (!result.ok) return notify('error', result.error.message);
    const undo = result.value.safetyBackup ? ` Your data as it was just before is in the backup of ${describeBackup(result.value.safetyBackup)}; restore that to undo.` : '';
    const attachments = describeRestoredAttachments(result.value.attachments);
    notify(attachments.problem ? 'error' : 'success', `Restored the backup of ${describeBackup(backup)}: ${countOf(result.value.proposalCount, 'proposal')} and ${countOf(result.value.mouCount, 'MoU')}.${attachments.text}${undo}`);
    const { loadProposals, loadAppInfo } = useAppStore.getState();
    await Promise.all([refresh(), loadProposals(), loadAppInfo()]);
  };

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p>
        Park Desk keeps a backup at the start of each session (the last 10) and one a day (the last 7), in <code>{folder ?? '…'}</code>, with
        the attachments their records refer to (each file copied once, under <code>attachments</code> there). Copy
        that folder to a USB drive or a shared folder to keep your records safe from a failed disk.
      </p>
      {usage?.problem && (
        <p className="form-summary" role="alert">
          {usage.problem}
        </p>
      )}
      {backups && backups.length > 0 && usage && (
        <p>
          Backups: {backups.length} {backups.length === 1 ? 'file' : 'files'}, {formatSize(usage.totalBytes)} of {formatSize(usage.budgetBytes)}. When they
          would take more, the oldest session and daily backups are removed first; the latest backup with records, and any much bigger than your data
          now, are always kept.
        </p>
      )}
      <button type="button" className="button primary" disabled={busy} onClick={backUpNow}>
        Back up now
      </button>
      {backups && backups.length === 0 && <p className="muted">No backups yet. Choose “Back up now”, or one is taken when Park Desk next starts.</p>}
      {backups && backups.length > 0 && <BackupsTable backups={backups} disabled={busy} onRestore={setToRestore} />}
      <ConfirmDialog
        open={toRestore !== undefined}
        title="Restore this backup?"
        message={
          toRestore
            ? `Every record will be replaced by the backup of ${describeBackup(toRestore)}. A backup of your current data is taken first, so you can undo this by restoring that one.`
            : ''
        }
        confirmLabel="Restore backup"
        cancelLabel="Keep current data"
        onConfirm={() => toRestore && void restore(toRestore)}
        onCancel={() => setToRestore(undefined)}
      />
    </section>
  );
}
