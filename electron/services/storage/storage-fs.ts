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
  /** A hard link; fails with EEXIST when `to` exists, which makes it an atomic "create if absent". */
  link(existing: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
}

/** FileHandle.writev may write less than asked; carry on from where it stopped. */
async function writeAllGathered(handle: fs.FileHandle, buffers: readonly Uint8Array[]): Promise<void> {
  let pending = [...buffers];
  while (pending.length > 0) {
    let { bytesWritten } = await handle.writev(pending);
    while (pending.length > 0 && bytesWritten >= pending[0]!.length) bytesWritten -= pending.shift()!.length;
    if (pending.length > 0 && bytesWritten > 0) pending[0] = pending[0]!.subarray(bytesWritten);
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
  link: (existing, to) => fs.link(existing, to),
  unlink: (file) => fs.unlink(file),
  readdir: (dir) => fs.readdir(dir),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true });
  },
  stat: (file) => fs.stat(file),
};

export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}
