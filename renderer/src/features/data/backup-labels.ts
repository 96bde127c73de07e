import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../../../shared/format/dates';

export function describeBackup(backup: BackupInfo): string {
  return `${formatDateTime(backup.takenAt)} (${BACKUP_KIND_LABELS[backup.kind].toLowerCase()})`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
