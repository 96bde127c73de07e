import { BACKUP_KIND_LABELS, type BackupInfo } from '../../../../shared/domain/backup';
import type { RestoredAttachments } from '../../../../shared/api/calls/data-safety-calls';
import { isolate } from '../../../../shared/format/bidi';
import { formatDateTime } from '../../../../shared/format/dates';
import { countOf } from '../../../../shared/format/plural';

export function describeBackup(backup: BackupInfo): string {
  return `${formatDateTime(backup.takenAt)} (${BACKUP_KIND_LABELS[backup.kind].toLowerCase()})`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a restore found of its records' attachments, in a sentence or a list of the bad ones. */
export function describeRestoredAttachments(found: RestoredAttachments | undefined): { problem: boolean; text: string } {
  if (!found) return { problem: false, text: '' };
  const back = found.copiedBack > 0 ? ` ${countOf(found.copiedBack, 'attachment')} missing or changed in the data folder ${found.copiedBack === 1 ? 'was' : 'were'} copied back from the backups.` : '';
  if (found.problems.length === 0) return { problem: false, text: ` ${countOf(found.checked, 'attachment')} checked by hash.${back}` };
  const lines = found.problems.map((p) => `• “${isolate(p.name)}” of ${isolate(p.record)}: ${p.problem === 'missing' ? 'missing' : 'changed (its bytes no longer match its hash)'}`);
  return {
    problem: true,
    text: ` ${countOf(found.checked, 'attachment')} checked by hash;${back} ${countOf(found.problems.length, 'attachment')} could not be found as ${found.problems.length === 1 ? 'it was' : 'they were'} added, in the data folder or the backups:\n${lines.join('\n')}\nAdd ${found.problems.length === 1 ? 'it' : 'them'} again from the original files.`,
  };
}
