import { createHash } from 'node:crypto';
import path from 'node:path';
import { todayInPakistan } from '../../../shared/format/dates';
import type { Clock } from '../platform';
import { writeFileDurably } from './durable-file';
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

/** The rolling backups in `<dataDir>/backups`; each one a complete copy of the data file. */
export class BackupShelf {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly clock: Clock,
    private readonly fs: StorageFs = nodeStorageFs,
  ) {
    this.folder = path.join(dataDir, BACKUPS_FOLDER);
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

  async take(kind: BackupKind, bytes: Uint8Array): Promise<BackupInfo> {
    await this.fs.mkdir(this.folder);
    const now = this.clock.now();
    const id = `park-desk-data.${kind}.${stampOf(now)}.${hashOf(bytes)}.json`;
    await writeFileDurably(path.join(this.folder, id), bytes, this.fs);
    await this.prune(kind);
    return { id, kind, takenAt: isoOf(stampOf(now)), sizeBytes: bytes.byteLength };
  }

  /**
   * At the start of a session: one session backup (skipped when the file is the same as at the
   * last one, so idle restarts do not push older, different copies out) and the day's first.
   */
  async takeSessionBackups(bytes: Uint8Array): Promise<BackupInfo[]> {
    const existing = await this.list();
    const taken: BackupInfo[] = [];
    const lastSession = existing.find((b) => b.kind === 'session');
    if (!lastSession || parseName(lastSession.id)?.hash !== hashOf(bytes)) taken.push(await this.take('session', bytes));
    const today = todayInPakistan(this.clock.now());
    if (!existing.some((b) => b.kind === 'daily' && todayInPakistan(new Date(b.takenAt)) === today)) taken.push(await this.take('daily', bytes));
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

  private async prune(kind: BackupKind): Promise<void> {
    const ofKind = (await this.list()).filter((b) => b.kind === kind);
    for (const old of ofKind.slice(BACKUPS_KEPT[kind])) await this.fs.unlink(path.join(this.folder, old.id)).catch(() => undefined);
  }
}
