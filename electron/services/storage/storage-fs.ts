import * as fs from 'node:fs/promises';

/** The part of an open file the durable writer uses. */
export interface StorageFileHandle {
  /** Writes all of `data`; a list of buffers is written in order with one gathered write. */
  writeFile(data: string | Uint8Array | readonly Uint8Array[]): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Every file operation the storage layer performs, as one small seam: the app passes Node's
 * fs, tests pass a wrapper that fails with ENOSPC, EROFS or EACCES at the step they choose.
 */
export interface StorageFs {
  open(file: string, flags: string, mode?: number): Promise<StorageFileHandle>;
  readFile(file: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  /** Sets a file's modification time: the data file's lock is refreshed this way while it is held. */
  utimes(file: string, time: Date): Promise<void>;
}

/** Buffers per writev call: each call's set-up runs on the main thread, so a snapshot of 400,000 pieces goes in chunks (IOV_MAX is 1024 anyway). */
const BUFFERS_PER_WRITEV = 1024;

/**
 * Writes the buffers in order with gathered writes, a chunk at a time. FileHandle.writev may write
 * less than asked; carry on from where it stopped. (Never Array#shift over the pieces: with tens
 * of thousands of them that alone held the event loop for hundreds of milliseconds.)
 */
async function writeAllGathered(handle: fs.FileHandle, buffers: readonly Uint8Array[]): Promise<void> {
  for (let start = 0; start < buffers.length; start += BUFFERS_PER_WRITEV) {
    let pending = buffers.slice(start, start + BUFFERS_PER_WRITEV);
    while (pending.length > 0) {
      let { bytesWritten } = await handle.writev(pending);
      let done = 0;
      while (done < pending.length && bytesWritten >= pending[done]!.length) bytesWritten -= pending[done++]!.length;
      pending = pending.slice(done);
      if (pending.length > 0 && bytesWritten > 0) pending[0] = pending[0]!.subarray(bytesWritten);
    }
  }
}

export const nodeStorageFs: StorageFs = {
  open: async (file, flags, mode) => {
    const handle = await fs.open(file, flags, mode);
    return {
      writeFile: (data) => (Array.isArray(data) ? writeAllGathered(handle, data) : handle.writeFile(data as string | Uint8Array)),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  readFile: (file) => fs.readFile(file),
  rename: (from, to) => fs.rename(from, to),
  unlink: (file) => fs.unlink(file),
  readdir: (dir) => fs.readdir(dir),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true });
  },
  stat: (file) => fs.stat(file),
  utimes: (file, time) => fs.utimes(file, time, time),
};

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Codes Windows gives for a moment while an antivirus, the search indexer or OneDrive has the
 * file open (and EPERM when a rename targets a file another program holds open).
 */
const BUSY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** About 1.6 s in all, as graceful-fs and write-file-atomic wait out a scanner holding a file. */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [20, 40, 80, 160, 250, 400, 650];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `step` again, with growing pauses, while it fails as a file held for a moment does; then gives up with the last error. */
export async function retryWhileBusy<T>(step: () => Promise<T>, delays: readonly number[] = BUSY_RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= delays.length || !BUSY_CODES.has(errorCode(error) ?? '')) throw error;
      await sleep(delays[attempt]!);
    }
  }
}

/** True for the failures retryWhileBusy waits out: another program has the file open. */
export function isBusyError(error: unknown): boolean {
  return BUSY_CODES.has(errorCode(error) ?? '');
}
