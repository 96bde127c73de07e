import path from 'node:path';
import { Low } from 'lowdb';
import { emptyDatabase, type Database } from '../../../shared/domain/database';
import { ApiFailure } from '../../../shared/api/result';
import { systemClock, type Clock } from '../platform';
import { BackupShelf, type BackupInfo, type BackupKind } from './backups';
import { acquireDataFileLock, type DataFileLock } from './data-file-lock';
import type { ProcessProbe } from './process-probe';
import { DurableJsonFile, removeLeftoverTempFiles, writeFileDurably } from './durable-file';
import { MIGRATIONS, type Migrations } from './migrations';
import { databaseBytes, databaseParts, readDatabaseBytes, warmSerialisationCache } from './serialise';
import { drafts, snapshotOfDrafts } from './drafts';
import { errorCode, nodeStorageFs, type StorageFs } from './storage-fs';
import type { ChangeEntry, HistoryVerification, RecordKind } from '../../../shared/domain/change-entry';
import { historyPathOf, journalPathOf, readHistory, readLines, verifyChain } from './journal';

export { DataFileInUseError } from './data-file-lock';

/** The data file could not be read as a Park Desk database; nothing was written over it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

/** Why the store opened without the official's records, waiting for a restore or a fresh start. */
export type DataProblem =
  /** The file could not be read; a byte-for-byte copy was set aside first. */
  | { kind: 'damaged'; reason: string; setAsideFile: string }
  /** Made by a newer Park Desk; left untouched unless the official restores over it. */
  | { kind: 'too-new'; version: number }
  /** No data file, but backups beside it: the file was lost (quarantined, not synced), not never made. */
  | { kind: 'missing'; backupCount: number };

export interface ParkStoreOptions {
  fs?: StorageFs;
  clock?: Clock;
  migrations?: Migrations;
  /**
   * 'throw' (default): an unreadable or newer file throws DataFileError.
   * 'recover': the store opens empty and refuses changes until `replaceAll` (restore or a
   * fresh start); a damaged file is first copied aside under a dated name.
   */
  onUnreadable?: 'throw' | 'recover';
  /** How the lock judges a holder (tests inject Windows' answers). */
  processProbe?: ProcessProbe;
  /** How often the lock is refreshed while held; tests shorten it. */
  lockRefreshMs?: number;
}

/** A failed write in words an official can act on. */
export function describeWriteFailure(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOSPC':
      return 'the disk is full. Free some space (or empty the Recycle Bin) and save again';
    case 'EDQUOT':
      return 'your disk quota is used up. Free some space and save again';
    case 'EROFS':
      return 'the folder is read-only. Ask IT to make it writable, then save again';
    case 'EACCES':
    case 'EPERM':
      return 'Windows (or another program, such as an antivirus) did not allow Park Desk to write to the folder. Save again in a moment';
    case 'EBUSY':
      return 'another program is using the file. Close it and save again';
    default:
      return `the computer reported "${(error as Error)?.message ?? String(error)}". Save again, and if it keeps failing call IT`;
  }
}

const RECOVERY_NEEDED = 'Park Desk could not read its data file. Restore a backup or start afresh on the recovery screen first; nothing was saved.';

function setAsideName(file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const random = Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `${file.replace(/\.json$/, '')}.set-aside-${stamp}-${random}.json`;
}

/**
 * The one writer of the data file. It holds the file's lock from open to close. Every change is
 * made on a copy and becomes the store's data only once it is durably on disk, so a failed save
 * leaves memory and file as they were.
 */
export class ParkStore {
  private lastWrite: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Why the last automatic backup could not be taken; cleared by the next backup that works. */
  backupProblem: string | undefined;
  /** Encoding every record ahead of the first save; a save waits for it rather than doing it in one block. */
  private warming: Promise<void> = Promise.resolve();


  private constructor(
    private readonly db: Low<Database>,
    readonly file: string,
    private readonly fs: StorageFs,
    private readonly lock: DataFileLock,
    readonly backups: BackupShelf,
    private clock: Clock,
    private currentProblem: DataProblem | undefined,
  ) {}

  static async open(file: string, options: ParkStoreOptions = {}): Promise<ParkStore> {
    const fs = options.fs ?? nodeStorageFs;
    const clock = options.clock ?? systemClock;
    const lock = await acquireDataFileLock(file, { fs, ...(options.processProbe ? { probe: options.processProbe } : {}), ...(options.lockRefreshMs ? { refreshMs: options.lockRefreshMs } : {}) });
    try {
      await removeLeftoverTempFiles(file, fs);
      const backups = new BackupShelf(path.dirname(file), clock, fs);
      await backups.removeLeftovers();
      const adapter = new DurableJsonFile<Database>(
        file,
        {
          parse: (text) => {
            const reading = readDatabaseBytes(Buffer.from(text, 'utf8'), options.migrations ?? MIGRATIONS);
            if (reading.kind !== 'ok') throw new DataFileError(file, 'The data file cannot be read.');
            return reading.data;
          },
          stringify: databaseParts,
        },
        fs,
      );
      const db = new Low<Database>(adapter, emptyDatabase());
      const bytes = await readBytesIfAny(fs, file);
      if (bytes === null) {
        const existing = await backups.list().catch(() => []);
        if (existing.length === 0) return new ParkStore(db, file, fs, lock, backups, clock, undefined);
        // Starting empty here would soon rotate the backups that hold the records away.
        if (options.onUnreadable !== 'recover') throw new DataFileError(file, `The data file ${file} is missing, but there are backups of it in ${backups.folder}.`);
        return new ParkStore(db, file, fs, lock, backups, clock, { kind: 'missing', backupCount: existing.length });
      }

      const reading = readDatabaseBytes(bytes, options.migrations ?? MIGRATIONS);
      if (reading.kind === 'ok') {
        if (reading.migratedFrom !== undefined) {
          await backups.take('before-migration', bytes);
          await adapter.write(reading.data);
        }
        db.data = reading.data;
        const store = new ParkStore(db, file, fs, lock, backups, clock, undefined);
        // A backup that cannot be taken (say, a full disk) must not keep the official from working,
        // but it is reported (Data screen), never dropped in silence.
        // Unless migrated, the data is exactly the bytes just read: back those up, not a re-serialisation.
        const sessionBytes = reading.migratedFrom === undefined ? bytes : databaseBytes(reading.data);
        await backups.takeSessionBackups(sessionBytes).catch((error: unknown) => {
          store.backupProblem = `The backup at the start of this session could not be taken: ${describeWriteFailure(error)}. Use Back up now once that is fixed.`;
        });
        store.warming = warmSerialisationCache(reading.data, () => store.closed).catch(() => undefined);
        return store;
      }

      const message =
        reading.kind === 'too-new'
          ? `The data file ${file} was made by a newer version of Park Desk (data version ${reading.version}). Install that version to open it.`
          : `The data file ${file} cannot be read: ${reading.reason}`;
      if (options.onUnreadable !== 'recover') throw new DataFileError(file, message);

      if (reading.kind === 'too-new') return new ParkStore(db, file, fs, lock, backups, clock, { kind: 'too-new', version: reading.version });
      const setAsideFile = setAsideName(file, clock.now());
      await writeFileDurably(setAsideFile, bytes, fs);
      return new ParkStore(db, file, fs, lock, backups, clock, { kind: 'damaged', reason: reading.reason, setAsideFile });
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Resolves once the last write has finished and the lock is released; later writes are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lastWrite;
    await this.lock.release();
  }

  get data(): Readonly<Database> {
    return this.db.data;
  }

  /** Set while the store waits for the official to restore a backup or start afresh. */
  get problem(): DataProblem | undefined {
    return this.currentProblem;
  }

  /** Applies `change` to a copy, writes it, then makes it current. Returns what `change` returned. */
  async update<T>(change: (draft: Database) => T): Promise<T> {
    return this.enqueue(async () => {
      this.assertWritable();
      if (this.currentProblem) throw new ApiFailure('storage', RECOVERY_NEEDED);
      // Copy-on-write: only the records `change` touches are copied; every other record stays
      // the same object, so its cached JSON is reused when the file is written.
      let result!: T;
      const next = drafts.produce(this.db.data, (draft) => {
        result = snapshotOfDrafts(change(draft as Database));
      });
      await this.writeThenSwap(next);
      return result;
    });
  }

  /**
   * Replaces every record (restoring a backup, importing, or starting afresh after a damaged
   * file). Unless the store is in recovery, a backup of the current data of kind `before` is
   * taken first, so the replacement can itself be undone. `next` may be computed from the data
   * as saved once earlier writes are done. A newer-version file is copied aside
   * before it is written over.
   */
  async replaceAll(
    next: Database | ((current: Readonly<Database>) => Database),
    before: BackupKind,
  ): Promise<{ safetyBackup?: BackupInfo; setAsideFile?: string }> {
    return this.enqueue(async () => {
      this.assertWritable();
      const replacement = typeof next === 'function' ? next(this.db.data) : next;
      const out: { safetyBackup?: BackupInfo; setAsideFile?: string } = {};
      if (this.currentProblem?.kind === 'too-new') {
        const bytes = await readBytesIfAny(this.fs, this.file);
        if (bytes) {
          out.setAsideFile = setAsideName(this.file, this.clock.now());
          await writeFileDurably(out.setAsideFile, bytes, this.fs);
        }
      } else if (!this.currentProblem) {
        out.safetyBackup = await this.backups.take(before, this.currentBytes());
      }
      await this.writeThenSwap(structuredClone(replacement));
      this.currentProblem = undefined;
      return out;
    });
  }

  /** A backup of what is saved now, after any write under way. */
  async backUp(kind: BackupKind): Promise<BackupInfo> {
    return this.enqueue(async () => {
      if (this.currentProblem) throw new ApiFailure('storage', 'There is no readable data to back up yet.');
      try {
        const taken = await this.backups.take(kind, this.currentBytes());
        this.backupProblem = undefined;
        return taken;
      } catch (error) {
        throw new ApiFailure('storage', `The backup could not be written: ${describeWriteFailure(error)}.`);
      }
    });
  }

  /**
   * The change-log entries of one record, oldest first: the history archive (entries earlier
   * compactions folded into the data file) then the journal.
   */
  async changesOf(kind: RecordKind, id: string): Promise<ChangeEntry[]> {
    return (await this.readChain()).filter((entry) => entry.recordKind === kind && entry.recordId === id);
  }

  /**
   * Recomputes the hash chain from its first entry and checks the mark the data file records;
   * names the first entry that does not match. Waits for writes under way, so it never reads half an append.
   */
  async verifyHistory(): Promise<HistoryVerification> {
    return this.enqueue(async () => verifyChain({ entries: await this.readChain(), snapshotMark: this.db.data.journal }));
  }

  /** Every entry on disk: the archive's, then the journal's after them. */
  private async readChain(): Promise<ChangeEntry[]> {
    const history = readHistory((await readBytesIfAny(this.fs, historyPathOf(this.file))) ?? Buffer.alloc(0));
    const last = history.length === 0 ? 0 : history[history.length - 1]!.seq;
    const journal = readLines((await readBytesIfAny(this.fs, journalPathOf(this.file))) ?? Buffer.alloc(0)).lines.flatMap((line) => (line.entry && line.entry.seq > last ? [line.entry] : []));
    return [...history, ...journal];
  }

  /** The data file's contents as saved: memory only ever holds what was written. */
  private currentBytes(): Uint8Array {
    return databaseBytes(this.db.data);
  }

  private assertWritable(): void {
    if (this.closed) throw new ApiFailure('storage', 'The data file is closed; nothing was saved.');
    // The lock was cleared by hand or judged stale by another copy: writing now would overwrite its saves.
    if (!this.lock.held)
      throw new ApiFailure('storage', 'Another copy of Park Desk has opened the data file, so this one no longer saves; nothing was saved. Close this window and use the other copy.');
  }

  private async writeThenSwap(next: Database): Promise<void> {
    await this.warming;
    try {
      await this.db.adapter.write(next);
    } catch (error) {
      throw new ApiFailure('storage', `Could not save: ${describeWriteFailure(error)}. Nothing was changed; what you entered is still on screen.`);
    }
    this.db.data = next;
  }

  /** Writes run one after another, so each starts from the data the previous one saved. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lastWrite.then(work);
    this.lastWrite = run.catch(() => undefined);
    return run;
  }
}

async function readBytesIfAny(fs: StorageFs, file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new DataFileError(file, `The data file ${file} could not be read (the computer reported "${(error as Error).message}"). Nothing was changed.`);
  }
}
