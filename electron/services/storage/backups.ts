import { createHash } from 'node:crypto';
import path from 'node:path';
import { todayInPakistan } from '../../../shared/format/dates';
import type { Clock } from '../platform';
import { writeFileDurably } from './durable-file';
import { attachmentPath, ATTACHMENTS_FOLDER, SHA256_HEX } from './attachment-files';
import { errorCode, nodeStorageFs, type StorageFs } from './storage-fs';

import { BACKUP_KINDS, BACKUP_ID_PATTERN, type BackupInfo, type BackupKind } from '../../../shared/domain/backup';

export type { BackupInfo, BackupKind };

/** How many of each kind are kept: the last 10 sessions, the last 7 days, and so on. */
export const BACKUPS_KEPT: Record<BackupKind, number> = {
  session: 10,
  daily: 7,
  manual: 20,
  'before-restore': 10,
  'before-import': 10,
  'before-migration': 10,
  'before-removal': 10,
};

export const BACKUPS_FOLDER = 'backups';
const NAME = BACKUP_ID_PATTERN;

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function isoOf(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(stamp)!;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

function parseName(name: string): { kind: BackupKind; takenAt: string; hash: string } | undefined {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_KINDS as readonly string[]).includes(m[1]!)) return undefined;
  return { kind: m[1] as BackupKind, takenAt: isoOf(m[2]!), hash: m[3]! };
}

const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

/** Where attachment files kept for backups live: `<dataDir>/backups/attachments/<aa>/<sha256>`. */
export const BACKUP_ATTACHMENTS_FOLDER = ATTACHMENTS_FOLDER;
/** Beside them, one list per backup of the hashes its records refer to: `refs/<backup id>.txt`. */
const REFS_FOLDER = 'refs';
const HASH_IN_JSON = /"sha256":"([0-9a-f]{64})"/g;

/**
 * The rolling backups in `<dataDir>/backups`; each one a complete copy of the data file. The
 * attachments its records refer to are kept once, by hash, on a shelf beside them
 * (`backups/attachments/<aa>/<sha256>`): attachment files never change, so a backup copies only
 * the ones not on the shelf yet, and a file leaves the shelf only when no backup left refers to it.
 * Plain copies, no hard links: the data folder may be on a FAT or exFAT drive.
 */
export class BackupShelf {
  readonly folder: string;
  /** The shelf of attachment files the backups refer to. */
  readonly attachmentsFolder: string;
  /** The data folder's store, where attachments are copied from. */
  private readonly storeFolder: string;
  /** Attachments the last backup could not keep (missing or changed in the store), for the Data screen. */
  lastAttachmentProblems: { sha256: string; problem: 'missing' | 'changed' }[] = [];

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    private readonly fs: StorageFs = nodeStorageFs,
    /** The least space backups may take; tests make it small. */
    private readonly minBudgetBytes: number = BACKUP_BUDGET_MIN_BYTES,
  ) {
    this.folder = path.join(dataDir, BACKUPS_FOLDER);
    this.attachmentsFolder = path.join(this.folder, BACKUP_ATTACHMENTS_FOLDER);
    this.storeFolder = path.join(dataDir, ATTACHMENTS_FOLDER);
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    let names: string[];
    try {
      names = await this.fs.readdir(this.folder);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
    const found: BackupInfo[] = [];
    for (const name of names) {
      const parsed = parseName(name);
      if (!parsed) continue;
      const stat = await this.fs.stat(path.join(this.folder, name)).catch(() => undefined);
      if (stat) found.push({ id: name, kind: parsed.kind, takenAt: parsed.takenAt, sizeBytes: stat.size });
    }
    return found.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1));
  }

  /**
   * Writes a backup of `bytes`, keeping on the shelf every attachment in `attachments` (the
   * hashes its records refer to) that is not there yet. In order: the backup's list of hashes,
   * the new attachment files, then the backup itself, so a backup never refers to what is not kept.
   */
  async take(kind: BackupKind, bytes: Uint8Array, attachments: Iterable<string> = []): Promise<BackupInfo> {
    await this.fs.mkdir(this.folder);
    const now = this.clock.now();
    const id = `park-desk-data.${kind}.${stampOf(now)}.${hashOf(bytes)}.json`;
    const hashes = [...new Set(attachments)].filter((h) => SHA256_HEX.test(h)).sort();
    // Once there is a shelf, written even when empty: rotation then never has to read the backup
    // itself to learn what it refers to. Without attachments, no shelf is made at all.
    if (hashes.length > 0 || (await this.fs.stat(this.attachmentsFolder).then(() => true, () => false))) {
      await this.fs.mkdir(path.join(this.attachmentsFolder, REFS_FOLDER));
      await writeFileDurably(this.refsFile(id), hashes.join('\n'), this.fs);
    }
    this.lastAttachmentProblems = await this.shelveAttachments(hashes);
    await writeFileDurably(path.join(this.folder, id), bytes, this.fs);
    await this.prune(kind, bytes);
    await this.sweepAttachments();
    return { id, kind, takenAt: isoOf(stampOf(now)), sizeBytes: bytes.byteLength };
  }

  /** The shelf's copy of an attachment (whether or not it is there). */
  attachmentPath(sha256: string): string {
    return attachmentPath(this.attachmentsFolder, sha256);
  }

  private refsFile(id: string): string {
    return path.join(this.attachmentsFolder, REFS_FOLDER, `${id}.txt`);
  }

  /** Copies onto the shelf each attachment not there yet, checking its hash first; returns those that could not be kept. */
  private async shelveAttachments(hashes: readonly string[]): Promise<{ sha256: string; problem: 'missing' | 'changed' }[]> {
    const problems: { sha256: string; problem: 'missing' | 'changed' }[] = [];
    for (const sha256 of hashes) {
      const kept = this.attachmentPath(sha256);
      if (await this.fs.stat(kept).then(() => true, () => false)) continue;
      let bytes: Buffer;
      try {
        bytes = await this.fs.readFile(attachmentPath(this.storeFolder, sha256));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
        problems.push({ sha256, problem: 'missing' });
        continue;
      }
      // A changed file is not kept under the hash it no longer has: the shelf holds only good copies.
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        problems.push({ sha256, problem: 'changed' });
        continue;
      }
      await this.fs.mkdir(path.dirname(kept));
      await writeFileDurably(kept, bytes, this.fs);
    }
    return problems;
  }

  /** The hashes one backup refers to: its list, or (a backup from before the lists) found in its bytes. */
  private async referencedBy(id: string): Promise<string[]> {
    try {
      return (await this.fs.readFile(this.refsFile(id))).toString('utf8').split('\n').filter((h) => SHA256_HEX.test(h));
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
    const bytes = await this.read(id).catch(() => undefined);
    if (!bytes) return [];
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    const found = [...new Set(text.includes('"sha256":"') ? [...text.matchAll(HASH_IN_JSON)].map((m) => m[1]!) : [])];
    // Read once: the list is written for next time.
    await writeFileDurably(this.refsFile(id), found.join('\n'), this.fs).catch(() => undefined);
    return found;
  }

  /**
   * After rotation: removes from the shelf every file no remaining backup refers to, and the
   * lists of backups that are gone. Anything that cannot be read is left as it is.
   */
  private async sweepAttachments(): Promise<void> {
    const prefixes = await this.fs.readdir(this.attachmentsFolder).catch(() => [] as string[]);
    if (prefixes.length === 0) return;
    const remaining = await this.list();
    const ids = new Set(remaining.map((b) => b.id));
    const wanted = new Set<string>();
    for (const backup of remaining) for (const sha256 of await this.referencedBy(backup.id)) wanted.add(sha256);
    const refsFolder = path.join(this.attachmentsFolder, REFS_FOLDER);
    for (const name of await this.fs.readdir(refsFolder).catch(() => [] as string[])) {
      // A list of a backup that is gone, or the temp file of one cut short.
      if (!(name.endsWith('.txt') && ids.has(name.slice(0, -4)))) await this.fs.unlink(path.join(refsFolder, name)).catch(() => undefined);
    }
    for (const prefix of prefixes) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await this.fs.readdir(path.join(this.attachmentsFolder, prefix)).catch(() => [] as string[])) {
        if (!wanted.has(name)) await this.fs.unlink(path.join(this.attachmentsFolder, prefix, name)).catch(() => undefined);
      }
    }
  }

  /** Temp files of a backup cut short by a crash. Only the holder of the data file's lock may call this. */
  async removeLeftovers(): Promise<string[]> {
    const names = await this.fs.readdir(this.folder).catch(() => [] as string[]);
    const leftovers = names.filter((n) => LEFTOVER_TEMP.test(n));
    for (const name of leftovers) await this.fs.unlink(path.join(this.folder, name)).catch(() => undefined);
    return leftovers;
  }

  /** Every backup and the space they take, against the budget for a data file of `dataFileBytes`. */
  async usage(dataFileBytes: number): Promise<{ backups: BackupInfo[]; totalBytes: number; budgetBytes: number }> {
    const backups = await this.list();
    return { backups, totalBytes: backups.reduce((sum, b) => sum + b.sizeBytes, 0), budgetBytes: backupBudgetBytes(dataFileBytes, this.minBudgetBytes) };
  }

  /**
   * At the start of a session: one session backup (skipped when the file is the same as at the
   * last one, so idle restarts do not push older, different copies out) and the day's first.
   */
  async takeSessionBackups(bytes: Uint8Array, attachments: Iterable<string> = []): Promise<BackupInfo[]> {
    const existing = await this.list();
    const taken: BackupInfo[] = [];
    const lastSession = existing.find((b) => b.kind === 'session');
    if (!lastSession || parseName(lastSession.id)?.hash !== hashOf(bytes)) taken.push(await this.take('session', bytes, attachments));
    const today = todayInPakistan(this.clock.now());
    if (!existing.some((b) => b.kind === 'daily' && todayInPakistan(new Date(b.takenAt)) === today)) taken.push(await this.take('daily', bytes, attachments));
    return taken;
  }

  /** The bytes of one backup; undefined when no such backup exists. */
  async read(id: string): Promise<Uint8Array | undefined> {
    if (!parseName(id)) return undefined;
    try {
      return await this.fs.readFile(path.join(this.folder, id));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Drops what falls outside the per-kind counts, then, while the folder is over its size budget,
   * the oldest backups (session ones first). Never dropped: the backup just taken, the newest one
   * that holds records, and any backup much bigger than the data file now (records deleted, or a
   * file lost and started afresh): those wait until the official removes them.
   */
  private async prune(kind: BackupKind, current: Uint8Array): Promise<void> {
    const all = await this.list();
    const kept = await this.protectedIds(all, current);
    const justTaken = all.find((b) => b.kind === kind)?.id;
    const removable = (b: BackupInfo) => !kept.has(b.id) && b.id !== justTaken && !removed.has(b.id);
    const removed = new Set<string>();
    const remove = async (backup: BackupInfo) => {
      await this.fs.unlink(path.join(this.folder, backup.id)).catch(() => undefined);
      removed.add(backup.id);
    };
    for (const old of all.filter((b) => b.kind === kind).slice(BACKUPS_KEPT[kind])) if (removable(old)) await remove(old);

    // Protected backups are kept outside the budget: one big one must not push every other out.
    const budget = backupBudgetBytes(current.byteLength, this.minBudgetBytes);
    let total = all.filter((b) => !removed.has(b.id) && !kept.has(b.id)).reduce((sum, b) => sum + b.sizeBytes, 0);
    const oldestFirst = all.filter(removable).sort((a, b) => BUDGET_ORDER.indexOf(a.kind) - BUDGET_ORDER.indexOf(b.kind) || (a.takenAt < b.takenAt ? -1 : 1));
    for (const backup of oldestFirst) {
      if (total <= budget) break;
      await remove(backup);
      total -= backup.sizeBytes;
    }
  }

  private async protectedIds(all: BackupInfo[], current: Uint8Array): Promise<Set<string>> {
    const kept = new Set(all.filter((b) => b.sizeBytes > current.byteLength * BIGGER_FACTOR + BIGGER_MARGIN_BYTES).map((b) => b.id));
    // The file just backed up holds records: then the newest backup with records is the one just taken.
    if (holdsRecords(current)) return kept;
    for (const backup of all) {
      const bytes = await this.read(backup.id).catch(() => undefined);
      if (bytes && holdsRecords(bytes)) {
        kept.add(backup.id);
        break;
      }
    }
    return kept;
  }
}

/** A backup this much bigger than the data file holds records the file no longer has. */
export const BIGGER_FACTOR = 1.2;
export const BIGGER_MARGIN_BYTES = 4096;
/** Backups may take 20 times the data file, and never less than 500 MB, before the oldest go. */
export const BACKUP_BUDGET_MIN_BYTES = 500 * 1024 * 1024;
export const BACKUP_BUDGET_FILE_MULTIPLE = 20;

export function backupBudgetBytes(dataFileBytes: number, minBytes: number = BACKUP_BUDGET_MIN_BYTES): number {
  return Math.max(BACKUP_BUDGET_FILE_MULTIPLE * dataFileBytes, minBytes);
}

/** Which backups go first when the folder is over its budget. */
const BUDGET_ORDER: readonly BackupKind[] = ['session', 'daily', 'before-migration', 'before-import', 'before-restore', 'manual'];

/** `<backup name>.<16 hex>.tmp`: what writeFileDurably leaves when killed mid-backup. */
const LEFTOVER_TEMP = /^park-desk-data\..+\.json\.[0-9a-f]{16}\.tmp$/;

/**
 * Whether a data file's bytes hold any proposal or MoU. Park Desk writes compact JSON, where an
 * empty list is exactly `"proposals":[]`; those characters cannot occur inside a string value
 * (its quotes would be escaped), so anything else is taken to hold records.
 */
export function holdsRecords(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return !(buffer.includes('"proposals":[]') && buffer.includes('"mous":[]'));
}
