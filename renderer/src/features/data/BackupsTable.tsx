import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../../shared/domain/backup';
import { formatDateTime } from '../../../../shared/format/dates';
import { formatSize } from './backup-labels';

/** The backups, newest first, each with a Restore button named after it. */
export function BackupsTable({ backups, highlightId, disabled, onRestore }: { backups: BackupInfo[]; highlightId?: string; disabled: boolean; onRestore(backup: BackupInfo): void }) {
  return (
    <div className="table-wrap backups-table">
      <table className="data-table" aria-label="Backups">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Kind</th>
            <th scope="col" className="numeric">
              Size
            </th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup) => (
            <tr key={backup.id} className={backup.id === highlightId ? 'highlight' : undefined}>
              <td className="nowrap">
                {formatDateTime(backup.takenAt)}
                {backup.id === highlightId && <span className="badge good-badge">Latest good backup</span>}
              </td>
              <td>{BACKUP_KIND_LABELS[backup.kind]}</td>
              <td className="numeric">{formatSize(backup.sizeBytes)}</td>
              <td>
                <button type="button" className="button" disabled={disabled} aria-label={`Restore backup of ${formatDateTime(backup.takenAt)}`} onClick={() => onRestore(backup)}>
                  Restore
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
