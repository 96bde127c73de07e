import { recordedBy } from '../record-stamp';
import path from 'node:path';
import { Low } from 'lowdb';
import { emptyDatabase, type Database } from '../../../shared/domain/database';
import { ApiFailure } from '../../../shared/api/result';
import { systemClock, type Clock } from '../platform';
import { BackupShelf, type BackupInfo, type BackupKind } from './backups';
import { referencedHashes } from './attachment-files';
import { acquireDataFileLock, type DataFileLock } from './data-file-lock';
import type { ProcessProbe } from './process-probe';
import { DurableJsonFile, PRIVATE_FILE_MODE, removeLeftoverTempFiles, writeFileDurably } from './durable-file';
import { MIGRATIONS, type Migrations } from './migrations';
import { databaseBytes, databaseParts, databasePartsInSlices, readDatabaseBytes, warmSerialisationCache } from './serialise';
import { drafts, snapshotOfDrafts } from './drafts';
import { errorCode, nodeStorageFs, type StorageFileHandle, type StorageFs } from './storage-fs';
import type { ChangeEntry, HistoryVerification, JournalMark, RecordKind } from '../../../shared/domain/change-entry';
import {
  chainEntries,
  changesBetween,
  EMPTY_MARK,
  entriesOfRecord,
  entryLine,
  historyPathOf,
  journalPathOf,
  readHistory,
  readJournal,
  readLines,
  replayEntries,
  sealEntry,
  verifyChain,
} from './journal';

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
  /** Compaction starts once the journal holds this many bytes (default 4 MiB)… */
  compactAfterBytes?: number;
  /** …or its oldest entry is this old (default 30 minutes); and always on close. */
  compactAfterMs?: number;
}

const DEFAULT_COMPACT_AFTER_BYTES = 4 * 1024 * 1024;
const DEFAULT_COMPACT_AFTER_MS = 30 * 60 * 1000;

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

function setAsideName(file: string, now: Date, extension = 'json'): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  const random = Math.floor(Math.random() * 0x10000).toString(16).padStart(4, '0');
  return `${file.replace(/\.json$/, '')}.set-aside-${stamp}-${random}.${extension}`;
}

/** The journal's entries since the last compaction, as on disk. */
interface JournalState {
  /** Each entry's seq and its line's bytes. */
  lines: { seq: number; bytes: Buffer; at: string }[];
  bytes: number;
}

/**
 * The one writer of the data file. It holds the file's lock from open to close. Every change is
 * made on a copy and becomes the store's data only once it is durably on disk, so a failed save
 * leaves memory and file as they were.
 *
 * A save appends the records it changed to the journal (journal.ts) and fsyncs it: it costs what
 * the change costs, not what the database costs. The data file (the snapshot) is rewritten from
 * memory by compaction, in slices that leave the event loop free, once the journal passes a size
 * or an age, and on close; the entries it folded in move to the history archive, so each record's
 * history and the hash chain go on across compactions.
 */
export class ParkStore {
  private lastWrite: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Why the last automatic backup could not be taken; cleared by the next backup that works. */
  backupProblem: string | undefined;
  /** Why the last compaction failed (the journal keeps every save meanwhile); cleared by the next that works. */
  compactionProblem: string | undefined;
  /** Encoding every record ahead of the first compaction, a slice at a time; a compaction waits for it. */
  private warming: Promise<void> = Promise.resolve();
  /** The last entry of the chain (what the next entry names as its previous). */
  private tail: JournalMark = EMPTY_MARK;
  /** The mark the data file on disk records: the last entry it contains. */
  private snapshotMark: JournalMark = EMPTY_MARK;
  private journal: JournalState = { lines: [], bytes: 0 };
  private appendHandle: StorageFileHandle | undefined;
  /** Set after a failed append (which may have left part of a line): the journal is rewritten whole before the next. */
  private journalNeedsRewrite = false;
  /** The snapshot write of a compaction under way. */
  private compacting: Promise<void> | undefined;
  private compactAfterBytes = DEFAULT_COMPACT_AFTER_BYTES;
  private compactAfterMs = DEFAULT_COMPACT_AFTER_MS;
  private readonly journalFile: string;
  private readonly historyFile: string;

  private constructor(
    private readonly db: Low<Database>,
    readonly file: string,
    private readonly fs: StorageFs,
    private readonly lock: DataFileLock,
    readonly backups: BackupShelf,
    private clock: Clock,
    private currentProblem: DataProblem | undefined,
  ) {
    this.journalFile = journalPathOf(file);
    this.historyFile = historyPathOf(file);
  }

  static async open(file: string, options: ParkStoreOptions = {}): Promise<ParkStore> {
    const fs = options.fs ?? nodeStorageFs;
    const clock = options.clock ?? systemClock;
    const lock = await acquireDataFileLock(file, { fs, ...(options.processProbe ? { probe: options.processProbe } : {}), ...(options.lockRefreshMs ? { refreshMs: options.lockRefreshMs } : {}) });
    try {
      const store = await ParkStore.openLocked(file, options, fs, clock, lock);
      if (options.compactAfterBytes !== undefined) store.compactAfterBytes = options.compactAfterBytes;
      if (options.compactAfterMs !== undefined) store.compactAfterMs = options.compactAfterMs;
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  private static async openLocked(file: string, options: ParkStoreOptions, fs: StorageFs, clock: Clock, lock: DataFileLock): Promise<ParkStore> {
    await removeLeftoverTempFiles(file, fs);
    await removeLeftoverTempFiles(journalPathOf(file), fs);
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
    const make = (problem: DataProblem | undefined) => new ParkStore(db, file, fs, lock, backups, clock, problem);
    const journalFile = journalPathOf(file);
    const journalBytes = await readBytesIfAny(fs, journalFile);
    const bytes = await readBytesIfAny(fs, file);
    /** A store waiting for a restore: its chain continues from the last entry it can read. */
    const inRecovery = async (problem: DataProblem) => {
      const store = make(problem);
      await store.findTailOnDisk();
      return store;
    };

    let base: Database;
    let sessionBytes: Uint8Array | undefined;
    let migrated = false;
    if (bytes === null) {
      const journalReading = journalBytes ? readJournal(journalBytes) : undefined;
      // A journal from the very first entry, never compacted: it holds everything there is.
      const wholeJournal = journalReading !== undefined && journalReading.entries[0]?.seq === 1 && (await readBytesIfAny(fs, historyPathOf(file))) === null;
      if (!wholeJournal) {
        const existing = await backups.list().catch(() => []);
        if (existing.length === 0 && !journalReading?.entries.length) return make(undefined);
        // Starting empty here would soon rotate the backups that hold the records away.
        if (options.onUnreadable !== 'recover') throw new DataFileError(file, `The data file ${file} is missing, but there are backups of it in ${backups.folder}.`);
        return inRecovery({ kind: 'missing', backupCount: existing.length });
      }
      base = emptyDatabase();
    } else {
      const reading = readDatabaseBytes(bytes, options.migrations ?? MIGRATIONS);
      if (reading.kind !== 'ok') {
        const message =
          reading.kind === 'too-new'
            ? `The data file ${file} was made by a newer version of Park Desk (data version ${reading.version}). Install that version to open it.`
            : `The data file ${file} cannot be read: ${reading.reason}`;
        if (options.onUnreadable !== 'recover') throw new DataFileError(file, message);
        if (reading.kind === 'too-new') return make({ kind: 'too-new', version: reading.version });
        const setAsideFile = setAsideName(file, clock.now());
        await writeFileDurably(setAsideFile, bytes, fs);
        return inRecovery({ kind: 'damaged', reason: reading.reason, setAsideFile });
      }
      if (reading.migratedFrom !== undefined) {
        await backups.take('before-migration', bytes, referencedHashes(reading.data));
        await adapter.write(reading.data);
        migrated = true;
      }
      base = reading.data;
      // Unless migrated, the data is exactly the bytes just read: back those up, not a re-serialisation.
      if (!migrated) sessionBytes = bytes;
    }

    // Replay the journal's entries after the snapshot's mark.
    const snapshotMark = base.journal ?? EMPTY_MARK;
    let data = base;
    let tail = snapshotMark;
    let lines: JournalState['lines'] = [];
    if (journalBytes !== null && journalBytes.length > 0) {
      const reading = readJournal(journalBytes);
      let keep = reading.entries.length;
      let dropReason = reading.dropped?.reason;
      // A replace-all the data file does not hold was never acknowledged (its snapshot was not written).
      const unfinished = reading.entries.findIndex((entry) => entry.op === 'replace-all' && entry.seq > snapshotMark.seq);
      if (unfinished >= 0) {
        keep = unfinished;
        dropReason = 'a restore or import was cut short before its data was written';
      }
      const after = reading.entries.slice(0, keep).filter((entry) => entry.seq > snapshotMark.seq);
      let damage = reading.damaged ? `line ${reading.damaged.line} ${reading.damaged.reason}` : undefined;
      if (!damage && after.length > 0 && after[0]!.seq !== snapshotMark.seq + 1)
        damage = `it does not continue from the data file (the data file holds changes up to ${snapshotMark.seq}, the change log resumes at ${after[0]!.seq})`;
      if (!damage) {
        try {
          data = replayEntries(base, after);
        } catch (error) {
          damage = (error as Error).message;
        }
      }
      if (damage) {
        const reason = `Its change log (${path.basename(journalFile)}) cannot be replayed: ${damage}.`;
        if (options.onUnreadable !== 'recover') throw new DataFileError(file, `The data file ${file} cannot be read: ${reason}`);
        const setAsideFile = setAsideName(file, clock.now(), 'journal');
        await writeFileDurably(setAsideFile, journalBytes, fs);
        return inRecovery({ kind: 'damaged', reason, setAsideFile });
      }
      lines = reading.entries.slice(0, keep).map((entry, index) => ({ seq: entry.seq, at: entry.at, bytes: reading.lines[index]! }));
      if (dropReason) {
        // Never acknowledged; kept aside byte for byte, as a damaged file is, then cut from the journal.
        await writeFileDurably(setAsideName(file, clock.now(), 'journal'), journalBytes, fs);
        await writeFileDurably(journalFile, lines.map((line) => line.bytes), fs);
      }
      const last = reading.entries[keep - 1];
      if (last && last.seq > tail.seq) tail = { seq: last.seq, hash: last.hash };
      if (after.length > 0) data = { ...data, journal: tail };
    }

    db.data = data;
    const store = make(undefined);
    store.tail = tail;
    store.snapshotMark = snapshotMark;
    store.journal = { lines, bytes: lines.reduce((sum, line) => sum + line.bytes.length, 0) };
    // A compaction cut short after writing its snapshot: move what the snapshot holds into the archive now.
    if (lines.some((line) => line.seq <= snapshotMark.seq)) await store.archiveJournalUpTo(snapshotMark.seq);
    // A backup that cannot be taken (say, a full disk) must not keep the official from working,
    // but it is reported (Data screen), never dropped in silence.
    const replayed = data !== base;
    await backups.takeSessionBackups(replayed || !sessionBytes ? databaseBytes(data) : sessionBytes, referencedHashes(data)).catch((error: unknown) => {
      store.backupProblem = `The backup at the start of this session could not be taken: ${describeWriteFailure(error)}. Use Back up now once that is fixed.`;
    });
    store.warming = warmSerialisationCache(data, () => store.closed).catch(() => undefined);
    return store;
  }

  /** Resolves once the last write (and a compaction) has finished and the lock is released; later writes are refused. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.lastWrite;
    await this.compacting;
    // The archive step of a compaction that was under way queues behind the writes.
    await this.lastWrite;
    if (!this.currentProblem && this.lock.held && this.tail.seq > this.snapshotMark.seq) {
      await this.compact().catch((error: unknown) => {
        // The journal still holds every save; the next open replays it.
        this.compactionProblem = `The data file could not be brought up to date on closing: ${describeWriteFailure(error)}.`;
      });
    }
    await this.appendHandle?.close().catch(() => undefined);
    this.appendHandle = undefined;
    await this.lock.release();
  }

  get data(): Readonly<Database> {
    return this.db.data;
  }

  /** Set while the store waits for the official to restore a backup or start afresh. */
  get problem(): DataProblem | undefined {
    return this.currentProblem;
  }

  /** Where the chain stands: the last entry written (seq 0 before any). */
  get lastEntry(): JournalMark {
    return this.tail;
  }

  /**
   * Applies `change` to a copy, appends what it changed to the journal, then makes it current.
   * Returns what `change` returned. The journal names as "who" the official recording at this PC
   * (their sync user name while connected), unless `options.authorOf` names a record's author: a
   * change pulled from the shared register is recorded as its author's.
   */
  async update<T>(change: (draft: Database) => T, options: { authorOf?: (recordKind: string, recordId: string) => string | undefined } = {}): Promise<T> {
    return this.enqueue(async () => {
      this.assertWritable();
      if (this.currentProblem) throw new ApiFailure('storage', RECOVERY_NEEDED);
      // Copy-on-write: only the records `change` touches are copied; every other record stays
      // the same object, so the journal finds the changed ones by identity.
      let result!: T;
      const current = this.db.data;
      const next = drafts.produce(current, (draft) => {
        result = snapshotOfDrafts(change(draft as Database));
      });
      if (next === current) return result;
      const here = recordedBy(next.settings);
      const authorOf = options.authorOf;
      const by = authorOf ? (c: { recordKind: string; recordId: string }) => authorOf(c.recordKind, c.recordId) ?? here : here;
      const entries = chainEntries(changesBetween(current, next), this.tail, this.clock.now().toISOString(), by);
      if (entries.length === 0) {
        this.db.data = next;
        return result;
      }
      await this.appendEntries(entries);
      this.db.data = { ...next, journal: this.tail };
      this.compactIfDue();
      return result;
    });
  }

  /**
   * Replaces every record (restoring a backup, importing, or starting afresh after a damaged
   * file). Unless the store is in recovery, a backup of the current data of kind `before` is
   * taken first, so the replacement can itself be undone. `next` may be computed from the data
   * as saved once earlier writes are done. A newer-version file is copied aside
   * before it is written over.
   *
   * In the change log it is one 'replace-all' entry, followed by writing the replacement as the
   * data file (recording that entry as its last) and archiving the journal: a compaction.
   */
  async replaceAll(
    next: Database | ((current: Readonly<Database>) => Database),
    before: BackupKind,
  ): Promise<{ safetyBackup?: BackupInfo; setAsideFile?: string }> {
    return this.enqueue(async () => {
      this.assertWritable();
      await this.compacting;
      const replacement = typeof next === 'function' ? next(this.db.data) : next;
      const out: { safetyBackup?: BackupInfo; setAsideFile?: string } = {};
      if (this.currentProblem?.kind === 'too-new') {
        const bytes = await readBytesIfAny(this.fs, this.file);
        if (bytes) {
          out.setAsideFile = setAsideName(this.file, this.clock.now());
          await writeFileDurably(out.setAsideFile, bytes, this.fs);
        }
      } else if (!this.currentProblem) {
        out.safetyBackup = await this.backups.take(before, this.currentBytes(), referencedHashes(this.db.data));
      }
      if (this.currentProblem) {
        // Whatever journal is there belongs to data that could not be read: keep a copy before going on.
        const journalBytes = await readBytesIfAny(this.fs, this.journalFile).catch(() => null);
        if (journalBytes && journalBytes.length > 0) await writeFileDurably(setAsideName(this.file, this.clock.now(), 'journal'), journalBytes, this.fs);
      }
      const copy = structuredClone(replacement);
      const [entry] = chainEntries(
        [
          {
            recordKind: 'database',
            recordId: 'database',
            op: 'replace-all',
            reason: before,
            changes: [
              { field: 'proposals', before: this.db.data.proposals.length, after: copy.proposals.length },
              { field: 'mous', before: this.db.data.mous.length, after: copy.mous.length },
            ],
          },
        ],
        this.tail,
        this.clock.now().toISOString(),
        copy.settings.officialName || this.db.data.settings.officialName,
      );
      // In recovery the journal on disk belongs to data that could not be read (a copy was kept above): start it afresh.
      if (this.currentProblem) this.journalNeedsRewrite = true;
      const tailBefore = this.tail;
      await this.appendEntries([entry!]);
      copy.journal = this.tail;
      try {
        await writeFileDurably(this.file, await databasePartsInSlices(copy), this.fs);
      } catch (error) {
        // Not acknowledged: the entry leaves the journal before the next save is appended after it.
        this.journal.lines.pop();
        this.journal.bytes = this.journal.lines.reduce((sum, line) => sum + line.bytes.length, 0);
        this.tail = tailBefore;
        this.journalNeedsRewrite = true;
        throw new ApiFailure('storage', `Could not save: ${describeWriteFailure(error)}. Nothing was changed; what you entered is still on screen.`);
      }
      this.snapshotMark = this.tail;
      this.db.data = copy;
      this.currentProblem = undefined;
      await this.archiveJournalUpTo(this.tail.seq).catch((error: unknown) => {
        this.compactionProblem = `The change log could not be archived: ${describeWriteFailure(error)}.`;
      });
      return out;
    });
  }

  /** A backup of what is saved now, after any write under way. */
  async backUp(kind: BackupKind): Promise<BackupInfo> {
    return this.enqueue(async () => {
      if (this.currentProblem) throw new ApiFailure('storage', 'There is no readable data to back up yet.');
      try {
        const taken = await this.backups.take(kind, this.currentBytes(), referencedHashes(this.db.data));
        this.backupProblem = undefined;
        return taken;
      } catch (error) {
        throw new ApiFailure('storage', `The backup could not be written: ${describeWriteFailure(error)}.`);
      }
    });
  }

  /**
   * The data file's bytes as saved, once writes under way are done: a consistent snapshot for a
   * copy off the PC, taken from memory (which only ever holds what was written), never a file
   * read half-way through a save.
   */
  async savedBytes(): Promise<Uint8Array> {
    return this.enqueue(async () => {
      if (this.currentProblem) throw new ApiFailure('storage', 'There is no readable data to copy yet.');
      return this.currentBytes();
    });
  }
  /**
   * Writes the data file from memory now (without holding the event loop more than a slice at a
   * time), then moves the entries it holds into the history archive. Saves go on meanwhile; they
   * stay in the journal. Resolves when done (true when there was anything to write); a compaction
   * already under way is waited for.
   */
  async compactNow(): Promise<boolean> {
    if (this.compacting) await this.compacting;
    if (this.currentProblem || this.tail.seq <= this.snapshotMark.seq) return false;
    await this.compact();
    return true;
  }

  private compactIfDue(): void {
    if (this.compacting || this.closed || this.journal.lines.length === 0) return;
    const oldest = Date.parse(this.journal.lines[0]!.at);
    const due = this.journal.bytes >= this.compactAfterBytes || this.clock.now().getTime() - oldest >= this.compactAfterMs;
    if (!due) return;
    void this.compact().catch((error: unknown) => {
      this.compactionProblem = `The data file could not be brought up to date (every save is kept in the change log meanwhile): ${describeWriteFailure(error)}.`;
    });
  }

  private compact(): Promise<void> {
    const run = (async () => {
      await this.warming;
      const mark = this.tail;
      const snapshot: Database = { ...this.db.data, journal: mark };
      await writeFileDurably(this.file, await databasePartsInSlices(snapshot), this.fs);
      if (mark.seq > this.snapshotMark.seq) this.snapshotMark = mark;
      this.compactionProblem = undefined;
    })();
    const writing = run.finally(() => {
      if (this.compacting === writing) this.compacting = undefined;
    });
    this.compacting = writing;
    // The archive step touches the journal, so it waits its turn among the saves.
    return writing.then(() => this.enqueue(() => this.archiveJournalUpTo(this.snapshotMark.seq)));
  }

  /**
   * Moves the journal's entries up to `seq` (which the data file now holds) to the end of the
   * history archive, fsynced, then rewrites the journal with the rest. A crash between the two
   * leaves them in both; the archive's reader skips an entry it has already read.
   */
  private async archiveJournalUpTo(seq: number): Promise<void> {
    const done = this.journal.lines.filter((line) => line.seq <= seq);
    if (done.length === 0) return;
    const rest = this.journal.lines.filter((line) => line.seq > seq);
    const isNew = (await this.fs.stat(this.historyFile).catch(() => null)) === null;
    const handle = await this.fs.open(this.historyFile, 'a', PRIVATE_FILE_MODE);
    try {
      // A new line first: an earlier append cut short by a crash must not swallow the first entry.
      await handle.writeFile([NEWLINE, ...done.map((line) => line.bytes)]);
      await handle.sync();
    } finally {
      await handle.close().catch(() => undefined);
    }
    if (isNew) await syncFolderOf(this.fs, this.historyFile);
    await this.appendHandle?.close().catch(() => undefined);
    this.appendHandle = undefined;
    await writeFileDurably(this.journalFile, rest.map((line) => line.bytes), this.fs);
    this.journal = { lines: rest, bytes: rest.reduce((sum, line) => sum + line.bytes.length, 0) };
    this.journalNeedsRewrite = false;
  }

  /** Appends entries (one save's) with one write and one fsync; on failure nothing counts as saved. */
  private async appendEntries(entries: ChangeEntry[]): Promise<void> {
    const lines = entries.map((entry) => ({ seq: entry.seq, at: entry.at, bytes: entryLine(entry) }));
    try {
      if (this.journalNeedsRewrite || !this.appendHandle) {
        await this.appendHandle?.close().catch(() => undefined);
        this.appendHandle = undefined;
        // (Re)creates the journal with exactly the entries that stand: the folder entry is synced, and a
        // failed append's partial line is gone.
        if (this.journalNeedsRewrite || (await this.fs.stat(this.journalFile).catch(() => null)) === null)
          await writeFileDurably(this.journalFile, this.journal.lines.map((line) => line.bytes), this.fs);
        this.journalNeedsRewrite = false;
        this.appendHandle = await this.fs.open(this.journalFile, 'a', PRIVATE_FILE_MODE);
      }
      await this.appendHandle.writeFile(lines.length === 1 ? lines[0]!.bytes : lines.map((line) => line.bytes));
      await this.appendHandle.sync();
    } catch (error) {
      this.journalNeedsRewrite = true;
      await this.appendHandle?.close().catch(() => undefined);
      this.appendHandle = undefined;
      // A full disk may have taken part of the entry: put the journal back as it was if the disk lets us
      // (if not, opening drops the cut-short entry, and the next save rewrites the journal first).
      await writeFileDurably(this.journalFile, this.journal.lines.map((line) => line.bytes), this.fs)
        .then(() => (this.journalNeedsRewrite = false))
        .catch(() => undefined);
      throw new ApiFailure('storage', `Could not save: ${describeWriteFailure(error)}. Nothing was changed; what you entered is still on screen.`);
    }
    this.journal.lines.push(...lines);
    this.journal.bytes += lines.reduce((sum, line) => sum + line.bytes.length, 0);
    const last = entries[entries.length - 1]!;
    this.tail = { seq: last.seq, hash: last.hash };
  }

  /**
   * In recovery: the last entry of the history archive, so a restore's entry continues the chain.
   * The journal belongs to the data that could not be read; it is copied aside on restore.
   */
  private async findTailOnDisk(): Promise<void> {
    const entries = readHistory((await readBytesIfAny(this.fs, this.historyFile).catch(() => null)) ?? Buffer.alloc(0));
    const last = entries[entries.length - 1];
    if (last) this.tail = { seq: last.seq, hash: last.hash };
  }

  /**
   * The change-log entries of one record, oldest first: the history archive (entries earlier
   * compactions folded into the data file) then the journal.
   */
  async changesOf(kind: RecordKind, id: string): Promise<ChangeEntry[]> {
    const files = [this.historyFile, this.journalFile];
    const bySeq = new Map<number, ChangeEntry>();
    for (const file of files) {
      const bytes = await readBytesIfAny(this.fs, file);
      // An entry archived twice (a compaction repeated after a crash) is listed once.
      if (bytes) for (const entry of entriesOfRecord(bytes, kind, id)) if (!bySeq.has(entry.seq)) bySeq.set(entry.seq, entry);
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /**
   * Recomputes the hash chain from its first entry and checks the mark the data file records;
   * names the first entry that does not match. Waits for writes under way, so it never reads half an append.
   */
  async verifyHistory(): Promise<HistoryVerification> {
    return this.enqueue(async () => verifyChain({ entries: await this.readChain(), snapshotMark: this.snapshotMark }));
  }

  /**
   * For an export: the data as saved and every entry of the change log that led to it (the
   * archive's, then the journal's), read once writes under way are done, so the two agree: the
   * last entry is where the data stands in the chain.
   */
  async chainForExport(): Promise<{ data: Database; entries: ChangeEntry[] }> {
    return this.enqueue(async () => ({ data: this.db.data, entries: await this.readChain() }));
  }

  /** Every entry on disk: the archive's, then the journal's after them. */
  private async readChain(): Promise<ChangeEntry[]> {
    const history = readHistory((await readBytesIfAny(this.fs, this.historyFile)) ?? Buffer.alloc(0));
    const last = history.length === 0 ? 0 : history[history.length - 1]!.seq;
    const journal = readLines((await readBytesIfAny(this.fs, this.journalFile)) ?? Buffer.alloc(0)).lines.flatMap((line) => (line.entry && line.entry.seq > last ? [line.entry] : []));
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

  /** Writes run one after another, so each starts from the data the previous one saved. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lastWrite.then(work);
    this.lastWrite = run.catch(() => undefined);
    return run;
  }
}

const NEWLINE = Buffer.from('\n');

/** Makes a new file's name durable (see durable-file.ts: best effort where the platform cannot). */
async function syncFolderOf(fs: StorageFs, file: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await fs.open(path.dirname(file), 'r');
    await handle.sync();
  } catch {
    // As in durable-file.ts: the platform allows no more.
  } finally {
    await handle?.close().catch(() => undefined);
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
