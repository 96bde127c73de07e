import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { errorCode, nodeStorageFs, retryWhileBusy, type StorageFs } from './storage-fs';

const TEMP_SUFFIX = '.tmp';

/** `park-desk-data.json` -> `park-desk-data.json.<16 hex>.tmp`, in the same folder so rename stays atomic. */
function tempPathFor(file: string): string {
  return `${file}.${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`;
}

/** The data file's temp files, and those of its lock (`<file>.lock.<hex>.tmp`). */
function isTempOf(file: string, candidate: string): boolean {
  const base = path.basename(file);
  if (!candidate.startsWith(`${base}.`) || !candidate.endsWith(TEMP_SUFFIX)) return false;
  return /^(lock\.)?[0-9a-f]{16}$/.test(candidate.slice(base.length + 1, -TEMP_SUFFIX.length));
}

/**
 * Makes the rename durable: the folder's entry is on disk only once the folder is synced.
 * By now the new contents are already what the file's name shows, so a failure here must not
 * report the save as failed (memory would then disagree with the file). Windows cannot open a
 * folder for syncing (EPERM/EISDIR) and NTFS journals the rename itself; some file systems
 * answer EINVAL. Any of these leaves the save as good as the platform allows.
 */
export async function syncFolder(fs: StorageFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // See above: the rename has happened; there is nothing more a caller could do.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Owner-only: the data file and its backups. Exports pass 0o666, which the umask turns into the usual 0644. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Writes the whole file or nothing: a fresh temp file (0600 unless `mode` says otherwise) beside
 * it, written and synced, renamed over the old one, then the folder synced. A crash at any moment
 * leaves either the old bytes or the new ones under the file's name; a failure removes the temp
 * file. A rename refused for a moment (an antivirus or OneDrive holding the file) is tried again
 * for about 1.6 s before the error is passed on.
 */
export async function writeFileDurably(
  file: string,
  contents: string | Uint8Array | readonly Uint8Array[],
  fs: StorageFs = nodeStorageFs,
  { mode = PRIVATE_FILE_MODE }: { mode?: number } = {},
): Promise<void> {
  const temp = tempPathFor(file);
  let handle;
  try {
    handle = await fs.open(temp, 'wx', mode);
    await handle.writeFile(contents);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await retryWhileBusy(() => fs.rename(temp, file));
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, path.dirname(file));
}

/** A lock temp file may belong to another process trying to open the file right now; older ones are leftovers. */
const LOCK_TEMP_GRACE_MS = 60_000;

/** Temp files a killed writer left behind. Only the holder of the data file's lock may call this. */
export async function removeLeftoverTempFiles(file: string, fs: StorageFs = nodeStorageFs): Promise<string[]> {
  const dir = path.dirname(file);
  const removed: string[] = [];
  for (const name of (await fs.readdir(dir)).filter((n) => isTempOf(file, n))) {
    const full = path.join(dir, name);
    if (name.startsWith(`${path.basename(file)}.lock.`)) {
      const stat = await fs.stat(full).catch(() => undefined);
      if (!stat || Date.now() - stat.mtimeMs < LOCK_TEMP_GRACE_MS) continue;
    }
    await fs.unlink(full).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}

/** How data becomes text and back; one place, so the format can change without touching the writer. */
export interface Serialiser<T> {
  parse(text: string): T;
  /** The file's contents: text, UTF-8 bytes, or UTF-8 pieces to write in order. */
  stringify(data: T): string | Uint8Array | readonly Uint8Array[];
}

/**
 * A lowdb adapter with durable writes. `read` returns null for a missing file, as lowdb expects;
 * what counts as a readable file is the serialiser's decision.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly serialiser: Serialiser<T>,
    private readonly fs: StorageFs = nodeStorageFs,
  ) {}

  /** The file's bytes as text, or null when there is no file yet. */
  async readText(): Promise<string | null> {
    try {
      return (await this.fs.readFile(this.file)).toString('utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  }

  async read(): Promise<T | null> {
    const text = await this.readText();
    return text === null ? null : this.serialiser.parse(text);
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, this.serialiser.stringify(data), this.fs);
  }
}
