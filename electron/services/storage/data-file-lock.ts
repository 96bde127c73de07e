import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { systemProcessProbe, type ProcessIdentity, type ProcessProbe } from './process-probe';
import { errorCode, nodeStorageFs, type StorageFs } from './storage-fs';

/** Who holds the data file, as written into its lock file. */
export interface LockHolder extends ProcessIdentity {
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
    const onThisComputer = !holder || holder.host === os.hostname();
    super(
      `The data file ${file} is in use by ${who}. Close that copy first. ` +
        (onThisComputer
          ? 'If it is no longer running, start Park Desk again in a minute: a lock that is no longer kept up is cleared by itself.'
          : `If it is no longer running, delete ${lockFile} and start Park Desk again.`),
    );
    this.name = 'DataFileInUseError';
  }
}

export interface DataFileLock {
  readonly lockFile: string;
  readonly holder: LockHolder;
  /** False once the lock file was found to be someone else's (cleared by hand, or taken over). */
  readonly held: boolean;
  release(): Promise<void>;
}

/** A lock file that is empty or garbled is taken as a writer that died while creating it, once it is this old. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;
/** The holder touches its lock this often... */
export const LOCK_REFRESH_MS = 15_000;
/** ...so a lock untouched for this long has no living holder, whatever runs under its pid now. */
export const LOCK_STALE_AFTER_MS = 60_000;
/** A takeover marker is held for milliseconds; one this old was left by a process that died mid-takeover. */
const TAKEOVER_MARKER_GRACE_MS = 30_000;

export interface LockOptions {
  fs?: StorageFs;
  probe?: ProcessProbe;
  /** How often the holder refreshes the lock; tests shorten it. */
  refreshMs?: number;
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return {
        pid: value.pid,
        host: value.host,
        user: String(value.user ?? ''),
        since: String(value.since ?? ''),
        token: value.token,
        ...(typeof value.startTicks === 'string' ? { startTicks: value.startTicks } : {}),
        ...(typeof value.bootId === 'string' ? { bootId: value.bootId } : {}),
      };
    }
  } catch {
    // falls through: unreadable
  }
  return undefined;
}

interface LockReading {
  text: string;
  holder: LockHolder | undefined;
  ageMs: number;
}

async function readLock(fs: StorageFs, lockFile: string): Promise<LockReading | undefined> {
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
 * A lock on this computer is stale when its writer is not running with the start time it
 * recorded (Linux reads it from /proc), or, where that cannot be told (Windows; another user's
 * process answers EPERM), when its writer has stopped refreshing it. A holder on another
 * computer (a shared folder) cannot be checked, so it is respected; the message says how to
 * clear it by hand.
 */
function isStale(lock: LockReading, host: string, probe: ProcessProbe): boolean {
  if (!lock.holder) return lock.ageMs > UNREADABLE_LOCK_GRACE_MS;
  if (lock.holder.host !== host) return false;
  const state = probe.check(lock.holder.pid, lock.holder);
  if (state === 'gone') return true;
  if (state === 'running') return false;
  return lock.ageMs > LOCK_STALE_AFTER_MS;
}

async function createExclusive(fs: StorageFs, file: string, contents: string): Promise<void> {
  // O_EXCL works on every drive Park Desk may meet (NTFS, FAT32/exFAT sticks, SMB shares); hard links do not.
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(contents);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Removes the stale lock read as `judged`, only if it is still that very lock. Every process that
 * clears a stale lock first creates `<lock>.takeover` exclusively, so two of them can never each
 * delete the lock the other has just made.
 */
async function clearStaleLock(fs: StorageFs, lockFile: string, judged: LockReading): Promise<void> {
  const marker = `${lockFile}.takeover`;
  try {
    await createExclusive(fs, marker, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw error;
    const stat = await fs.stat(marker).catch(() => undefined);
    if (stat && Date.now() - stat.mtimeMs > TAKEOVER_MARKER_GRACE_MS) await fs.unlink(marker).catch(() => undefined);
    return; // another process is taking over right now; the caller looks again
  }
  try {
    const again = await readLock(fs, lockFile);
    if (again && again.text === judged.text) await fs.unlink(lockFile);
  } finally {
    await fs.unlink(marker).catch(() => undefined);
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `<file>.lock`, created with O_EXCL so only one process can make it, and keeps it
 * refreshed while held. Taken before the data file is read and released after the last write,
 * by ParkStore.open and close.
 */
export async function acquireDataFileLock(file: string, options: LockOptions | StorageFs = {}): Promise<DataFileLock> {
  const { fs = nodeStorageFs, probe = systemProcessProbe(), refreshMs = LOCK_REFRESH_MS } = 'open' in options ? { fs: options } : options;
  const lockFile = `${file}.lock`;
  const holder: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    user: os.userInfo().username,
    since: new Date().toISOString(),
    token: randomUUID(),
    ...probe.self(),
  };

  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await createExclusive(fs, lockFile, JSON.stringify(holder));
      return holdLock(fs, lockFile, holder, refreshMs);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const existing = await readLock(fs, lockFile);
    if (!existing) continue; // released between our attempt and the read: try again
    if (!isStale(existing, holder.host, probe)) throw new DataFileInUseError(file, lockFile, existing.holder);
    await clearStaleLock(fs, lockFile, existing);
    if (attempt > 0) await pause(20 * attempt);
  }
  throw new DataFileInUseError(file, lockFile, (await readLock(fs, lockFile))?.holder);
}

function holdLock(fs: StorageFs, lockFile: string, holder: LockHolder, refreshMs: number): DataFileLock {
  let held = true;
  const contents = JSON.stringify(holder);
  /** ours / theirs, or undefined when the lock could not be read just now (a scanner holding it). */
  const whose = async (): Promise<'ours' | 'theirs' | 'none' | undefined> => {
    try {
      const lock = await readLock(fs, lockFile);
      if (!lock) return 'none';
      return lock.holder?.token === holder.token ? 'ours' : 'theirs';
    } catch {
      return undefined;
    }
  };
  // The refresh is what tells a later start (on Windows, where a pid says little) that this holder still runs.
  const refresh = async () => {
    let state = await whose();
    // Deleted by hand while this copy runs: take it again, unless another copy got there first.
    if (state === 'none') state = await createExclusive(fs, lockFile, contents).then(() => 'ours' as const, () => whose());
    if (state === 'theirs') {
      held = false;
      clearInterval(timer);
      return;
    }
    if (state === 'ours') await fs.utimes(lockFile, new Date()).catch(() => undefined);
  };
  const timer = setInterval(() => void refresh(), refreshMs);
  timer.unref?.();
  return {
    lockFile,
    holder,
    get held() {
      return held;
    },
    release: async () => {
      clearInterval(timer);
      // Never remove a lock that is no longer ours (someone cleared a stale one by hand and started).
      if (held && (await whose()) === 'ours') await fs.unlink(lockFile).catch(() => undefined);
      held = false;
    },
  };
}
