import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { RecoveryState, RestoredAttachments } from '../../shared/api/calls/data-safety-calls';
import { ApiFailure } from '../../shared/api/result';
import { emptyDatabase } from '../../shared/domain/database';
import type { BackupInfo } from '../../shared/domain/backup';
import type { Database } from '../../shared/domain/database';
import { ATTACHMENTS_FOLDER, checkAttachment, placeAttachment, referencedAttachments } from './storage/attachment-files';
import { readDatabaseBytes } from './storage/serialise';
import type { ParkStore } from './storage/park-store';

/** Calls that still answer while the data file waits to be recovered; every other call is refused. */
export const CALLS_DURING_RECOVERY: ReadonlySet<string> = new Set(['getAppInfo', 'getRecoveryState', 'listBackups', 'restoreBackup', 'startEmpty']);

async function latestGoodBackup(store: ParkStore, backups: BackupInfo[]): Promise<string | undefined> {
  for (const backup of backups) {
    const bytes = await store.backups.read(backup.id).catch(() => undefined);
    if (bytes && readDatabaseBytes(bytes).kind === 'ok') return backup.id;
  }
  return undefined;
}

async function recoveryState(store: ParkStore): Promise<RecoveryState> {
  const problem = store.problem;
  if (!problem) return { needed: false };
  const backups = await store.backups.list();
  const base = { needed: true as const, dataFile: store.file, backupsFolder: store.backups.folder, backups, latestGoodBackupId: await latestGoodBackup(store, backups) };
  if (problem.kind === 'missing') {
    return {
      ...base,
      kind: 'missing',
      message: `The data file is missing, but there ${problem.backupCount === 1 ? 'is 1 backup' : `are ${problem.backupCount} backups`} of it. It may have been moved by an antivirus, or not copied back with your Windows profile. If you can put it back, close Park Desk, return it to the data folder and start again; otherwise restore the latest backup.`,
    };
  }
  if (problem.kind === 'too-new') {
    return {
      ...base,
      kind: 'too-new',
      message: `The data file was saved by a newer version of Park Desk (data version ${problem.version}); this version cannot read it and has not changed it. Install the newer Park Desk, or restore an older backup (the newer file is then kept aside, unchanged).`,
    };
  }
  return {
    ...base,
    kind: 'damaged',
    setAsideFile: problem.setAsideFile,
    message: `The data file could not be read. ${problem.reason} An exact copy of it was kept as ${problem.setAsideFile}, so nothing in it is lost.`,
  };
}

/**
 * After a restore: re-hashes every attachment the restored records refer to. One missing or
 * changed in the data folder is copied back from the backups' shelf when a good copy is there;
 * the rest are named for the official, with their record.
 */
export async function verifyRestoredAttachments(store: ParkStore, data: Readonly<Database>): Promise<RestoredAttachments> {
  const storeRoot = path.join(path.dirname(store.file), ATTACHMENTS_FOLDER);
  const shelfRoot = store.backups.attachmentsFolder;
  const seen = new Set<string>();
  const out: RestoredAttachments = { checked: 0, copiedBack: 0, problems: [] };
  for (const ref of referencedAttachments(data)) {
    if (seen.has(ref.sha256)) continue;
    seen.add(ref.sha256);
    out.checked += 1;
    const here = await checkAttachment(storeRoot, ref.sha256);
    if (here === 'ok') continue;
    if ((await checkAttachment(shelfRoot, ref.sha256)) === 'ok') {
      try {
        await placeAttachment(storeRoot, ref.sha256, () => createReadStream(store.backups.attachmentPath(ref.sha256)), { replaceChanged: true });
        out.copiedBack += 1;
        continue;
      } catch {
        // Reported below as it was found.
      }
    }
    out.problems.push({ name: ref.name, record: ref.record, sha256: ref.sha256, problem: here });
  }
  return out;
}

/** Backups, restore, and the recovery of an unreadable data file. */
export function dataSafetyHandlers(
  store: ParkStore,
): Pick<Handlers, 'getRecoveryState' | 'listBackups' | 'backUpNow' | 'restoreBackup' | 'startEmpty'> {
  return {
    getRecoveryState: () => recoveryState(store),
    listBackups: async () => {
      const dataFileBytes = (await stat(store.file).catch(() => undefined))?.size ?? 0;
      return { folder: store.backups.folder, ...(await store.backups.usage(dataFileBytes)), ...(store.backupProblem ? { problem: store.backupProblem } : {}) };
    },
    backUpNow: () => store.backUp('manual'),
    restoreBackup: async ({ backupId }) => {
      const restored = (await store.backups.list()).find((b) => b.id === backupId);
      const bytes = restored && (await store.backups.read(backupId));
      if (!restored || !bytes) throw new ApiFailure('not-found', 'That backup is no longer in the backups folder.');
      const reading = readDatabaseBytes(bytes);
      if (reading.kind === 'too-new') throw new ApiFailure('conflict', 'That backup was made by a newer version of Park Desk and cannot be restored here.');
      if (reading.kind === 'damaged') throw new ApiFailure('conflict', `That backup cannot be read either: ${reading.reason} Choose an older one.`);
      const { safetyBackup, setAsideFile } = await store.replaceAll(reading.data, 'before-restore');
      const attachments = await verifyRestoredAttachments(store, reading.data);
      return {
        restored,
        ...(attachments.checked > 0 ? { attachments } : {}),
        ...(safetyBackup ? { safetyBackup } : {}),
        ...(setAsideFile ? { setAsideFile } : {}),
        proposalCount: reading.data.proposals.length,
        mouCount: reading.data.mous.length,
      };
    },
    startEmpty: async () => {
      if (!store.problem) throw new ApiFailure('forbidden', 'Starting afresh is only offered when the data file could not be read.');
      const setAsideFile = store.problem.kind === 'damaged' ? store.problem.setAsideFile : undefined;
      const result = await store.replaceAll(emptyDatabase(), 'before-restore');
      const kept = result.setAsideFile ?? setAsideFile;
      return kept ? { setAsideFile: kept } : {};
    },
  };
}
