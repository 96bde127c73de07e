import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import { errorCode, nodeStorageFs, type StorageFs } from './storage-fs';

/** Who holds the data file, as written into its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  user: string;
  since: string;
  /** Distinguishes this lock from a later one by the same pid. */
  token: string;
}

/** Another Park Desk (or another process) holds the data file; this one must not write. */
export class DataFileInUseError extends Error {
  constructor(
    readonly file: string,
    readonly lockFile: string,
    readonly holder: LockHolder | undefined,
  ) {
    const who = holder ? `Park Desk on computer ${holder.host} (user ${holder.user}, process ${holder.pid}) since ${holder.since}` : 'another copy of Park Desk that is just starting';
    super(
      `The data file ${file} is in use by ${who}. Close that copy first. ` +
        `If it is no longer running, delete ${lockFile} and start Park Desk again.`,
    );
    this.name = 'DataFileInUseError';
  }
}

export interface DataFileLock {
  readonly lockFile: string;
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** A lock file that is empty or garbled is taken as a writer that died while creating it, once it is this old. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return errorCode(error) === 'EPERM';
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, user: String(value.user ?? ''), since: String(value.since ?? ''), token: value.token };
    }
  } catch {
    // falls through: unreadable
  }
  return undefined;
}

async function readLock(fs: StorageFs, lockFile: string): Promise<{ text: string; holder: LockHolder | undefined; ageMs: number } | undefined> {
  try {
    const [bytes, stat] = await Promise.all([fs.readFile(lockFile), fs.stat(lockFile)]);
    const text = bytes.toString('utf8');
    return { text, holder: parseHolder(text), ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * A lock is stale only when we can prove its writer is gone: same computer and the process
 * no longer exists. A holder on another computer (a shared folder) cannot be checked, so it
 * is respected; the message says how to clear it by hand.
 */
function isStale(lock: { holder: LockHolder | undefined; ageMs: number }, host: string): boolean {
  if (!lock.holder) return lock.ageMs > UNREADABLE_LOCK_GRACE_MS;
  return lock.holder.host === host && lock.holder.pid !== process.pid && !processIsAlive(lock.holder.pid);
}

/**
 * Takes `<file>.lock`, created with O_EXCL so only one process can make it. Taken before the
 * data file is read and released after the last write, by ParkStore.open and close.
 */
export async function acquireDataFileLock(file: string, fs: StorageFs = nodeStorageFs): Promise<DataFileLock> {
  const lockFile = `${file}.lock`;
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    user: os.userInfo().username,
    since: new Date().toISOString(),
    token: randomUUID(),
  };

  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      await createLockFile(fs, lockFile, JSON.stringify(holder));
      return { lockFile, holder, release: () => releaseLock(fs, lockFile, holder.token) };
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const existing = await readLock(fs, lockFile);
    if (!existing) continue; // released between our attempt and the read: try again
    if (!isStale(existing, holder.host)) throw new DataFileInUseError(file, lockFile, existing.holder);
    // Re-read just before removing, so a lock another process took over meanwhile is left alone.
    const again = await readLock(fs, lockFile);
    if (again && again.text === existing.text) await fs.unlink(lockFile).catch(() => undefined);
  }
  throw new DataFileInUseError(file, lockFile, (await readLock(fs, lockFile))?.holder);
}

/**
 * Creates the lock with its contents already in it: written to a temp file, then hard-linked
 * to the lock's name (atomic, and EEXIST when taken), so a crash never leaves an empty lock.
 * Where hard links are not supported (FAT drives, some shares) it falls back to O_EXCL.
 */
async function createLockFile(fs: StorageFs, lockFile: string, contents: string): Promise<void> {
  const temp = `${lockFile}.${randomBytes(8).toString('hex')}.tmp`;
  const handle = await fs.open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.link(temp, lockFile);
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    const exclusive = await fs.open(lockFile, 'wx', 0o644);
    try {
      await exclusive.writeFile(contents);
      await exclusive.sync();
    } finally {
      await exclusive.close();
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

async function releaseLock(fs: StorageFs, lockFile: string, token: string): Promise<void> {
  const current = await readLock(fs, lockFile).catch(() => undefined);
  // Never remove a lock that is no longer ours (someone cleared a stale one by hand and started).
  if (current?.holder?.token === token) await fs.unlink(lockFile).catch(() => undefined);
}
