import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import type { OffPcCopyStatus } from '../../shared/api/calls/off-pc-copy-calls';
import { ApiFailure } from '../../shared/api/result';
import { COPIES_FOLDER_NAME, offPcCopyWarning, type OffPcCopyAttempt } from '../../shared/domain/off-pc-copy';
import { countOf } from '../../shared/format/plural';
import type { Clock, FolderDialog } from './platform';
import type { ParkStore } from './storage/park-store';
import { describeCopyFailure, writeOffPcCopy, type CopyFs, type OffPcCopyProgress } from './storage/off-pc-copy';
import type { StorageFs } from './storage/storage-fs';

/** How long the end of a session waits for its copy before Park Desk quits anyway (the copy is then left incomplete, and removed next time). */
export const SESSION_END_COPY_LIMIT_MS = 60_000;

export interface OffPcCopyDeps {
  store: ParkStore;
  dataDir: string;
  clock: Clock;
  appVersion: string;
  /** The practice data is never copied off the PC: only the register is. */
  practice: boolean;
  folderDialog?: FolderDialog | undefined;
  /** The copy's file system (tests inject FAT-like and failing ones). */
  copyFs?: CopyFs | undefined;
  sourceFs?: StorageFs | undefined;
}

const sizeText = (bytes: number) => (bytes < 1024 ? countOf(bytes, 'byte') : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export interface OffPcCopyService {
  status(): OffPcCopyStatus;
  chooseFolder(): Promise<{ chosen: boolean; status: OffPcCopyStatus }>;
  copyNow(signal?: AbortSignal): Promise<OffPcCopyStatus>;
  stop(): Promise<OffPcCopyStatus>;
  /** The copy at the end of a session, when a folder is set: waits at most `limitMs`, never throws. */
  copyAtSessionEnd(limitMs?: number): Promise<void>;
}

export function createOffPcCopyService(deps: OffPcCopyDeps): OffPcCopyService {
  const { store, clock, practice } = deps;
  let running: { progress: OffPcCopyProgress; done: Promise<OffPcCopyStatus> } | undefined;

  const status = (): OffPcCopyStatus => {
    const setting = practice ? undefined : store.data.settings.offPcCopy;
    const warning = offPcCopyWarning(setting, clock.now());
    return {
      practice,
      ...(setting ? { folder: setting.folder, copiesFolder: path.join(setting.folder, COPIES_FOLDER_NAME) } : {}),
      ...(setting?.lastComplete ? { lastComplete: setting.lastComplete } : {}),
      ...(setting?.lastAttempt ? { lastAttempt: setting.lastAttempt } : {}),
      ...(running ? { running: { ...running.progress } } : {}),
      ...(warning ? { warning } : {}),
    };
  };

  const refuseInPractice = () => {
    if (practice) throw new ApiFailure('forbidden', 'Copies off the PC are of the register, not the practice data. Return to the register first.');
  };

  /** Records how the attempt went, unless the folder was changed or forgotten meanwhile; a failure to record is not the copy's failure. */
  const record = async (folder: string, attempt: OffPcCopyAttempt, complete?: { name: string; bytes: number; files: number }) => {
    await store
      .update((db) => {
        const setting = db.settings.offPcCopy;
        if (!setting || setting.folder !== folder) return;
        setting.lastAttempt = attempt;
        if (complete) setting.lastComplete = { at: attempt.at, ...complete };
      })
      .catch(() => undefined);
  };

  const copy = async (signal?: AbortSignal): Promise<OffPcCopyStatus> => {
    const folder = store.data.settings.offPcCopy?.folder;
    if (!folder) throw new ApiFailure('conflict', 'Choose a folder for the copies first.');
    const now = clock.now();
    const progress: OffPcCopyProgress = { phase: 'data', filesDone: 0, filesTotal: 1, bytesDone: 0, bytesTotal: 0 };
    const job = {
      progress,
      done: (async () => {
        try {
          const snapshot = await store.savedBytes();
          const report = await writeOffPcCopy({
            folder,
            snapshot,
            dataDir: deps.dataDir,
            now,
            appVersion: deps.appVersion,
            ...(deps.copyFs ? { fs: deps.copyFs } : {}),
            ...(deps.sourceFs ? { sourceFs: deps.sourceFs } : {}),
            ...(signal ? { signal } : {}),
            onProgress: (p) => Object.assign(job.progress, p),
          });
          const damaged = report.damagedAttachments.length
            ? ` ${countOf(report.damagedAttachments.length, 'attachment')} in the data folder no longer matched ${report.damagedAttachments.length === 1 ? 'its' : 'their'} hash and ${report.damagedAttachments.length === 1 ? 'was' : 'were'} not copied: use Verify attachments.`
            : '';
          const message = `Copied and verified: ${countOf(report.files, 'file')}, ${sizeText(report.bytes)}, into ${report.dir} (${countOf(report.attachmentsCopied, 'attachment')} new, ${countOf(report.attachmentsAlreadyThere, 'attachment')} already there).${damaged}`;
          await record(folder, { at: now.toISOString(), outcome: 'copied', message }, { name: report.name, bytes: report.bytes, files: report.files });
        } catch (error) {
          const failure = error instanceof ApiFailure ? { outcome: 'failed' as const, message: error.message } : describeCopyFailure(error, folder);
          await record(folder, { at: now.toISOString(), outcome: failure.outcome, message: failure.message });
        } finally {
          running = undefined;
        }
        return status();
      })(),
    };
    running = job;
    return job.done;
  };

  return {
    status,
    async chooseFolder() {
      refuseInPractice();
      if (!deps.folderDialog) throw new ApiFailure('internal', 'The folder dialog is not available here.');
      const folder = await deps.folderDialog.chooseFolder({ title: 'Choose a folder on a USB stick or a shared folder for copies off this PC', buttonLabel: 'Copy here' });
      if (!folder) return { chosen: false, status: status() };
      await store.update((db) => {
        if (db.settings.offPcCopy?.folder === folder) return;
        db.settings.offPcCopy = { folder };
      });
      return { chosen: true, status: status() };
    },
    async copyNow(signal) {
      refuseInPractice();
      // One copy at a time: a second Copy now waits for the copy under way.
      if (running) return running.done;
      return copy(signal);
    },
    async stop() {
      refuseInPractice();
      if (running) throw new ApiFailure('conflict', 'A copy is being written; wait for it to finish, then stop copying.');
      await store.update((db) => void delete db.settings.offPcCopy);
      return status();
    },
    async copyAtSessionEnd(limitMs = SESSION_END_COPY_LIMIT_MS) {
      if (practice || store.problem || !store.data.settings.offPcCopy) return;
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const limit = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), limitMs)));
      try {
        const finished = await Promise.race([(running?.done ?? copy(abort.signal)).then(() => 'done' as const), limit]);
        if (finished === 'late') {
          abort.abort();
          const folder = store.data.settings.offPcCopy?.folder;
          // The copy may be stuck on a share that stopped answering: say so, and quit without it.
          if (folder)
            await record(folder, {
              at: clock.now().toISOString(),
              outcome: 'interrupted',
              message: `The copy at the end of the session was not finished within ${Math.round(limitMs / 1000)} seconds and was left incomplete; the earlier copies are as they were. Choose Copy now.`,
            });
        }
      } catch {
        // Quitting must go on whatever happened; the attempt was recorded by copy().
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export function offPcCopyHandlers(service: OffPcCopyService): Pick<Handlers, 'getOffPcCopyStatus' | 'chooseOffPcCopyFolder' | 'copyOffPcNow' | 'stopOffPcCopy'> {
  return {
    getOffPcCopyStatus: () => service.status(),
    chooseOffPcCopyFolder: () => service.chooseFolder(),
    copyOffPcNow: () => service.copyNow(),
    stopOffPcCopy: () => service.stop(),
  };
}
