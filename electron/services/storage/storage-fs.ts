import * as fs from 'node:fs/promises';

/** The part of an open file the durable writer uses. */
export interface StorageFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
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

export const nodeStorageFs: StorageFs = {
  open: (file, flags, mode) => fs.open(file, flags, mode),
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
