import * as fs from 'node:fs/promises';
import path from 'node:path';
import type { CopyFs } from '../../electron/services/storage/off-pc-copy';
import type { StorageFileHandle } from '../../electron/services/storage/storage-fs';
import { errnoError } from './faulty-fs';

/** Characters Windows (and so FAT and exFAT) refuses in a file name. */
const INVALID_ON_WINDOWS = /[<>:"|?*\u0000-\u001f]|[. ]$/;

/**
 * A USB stick formatted FAT32 or exFAT, over a real temp folder: no hard links, no symbolic
 * links, no permission bits (link, symlink and chmod fail with EPERM, and a mode given to open
 * is ignored), names Windows refuses fail with EINVAL, modification times kept to 2 seconds.
 * Every operation is recorded; a test can also make it fail part-way:
 * - `failWritesAfter`: the given number of file writes succeed, then writes fail with `failCode` (ENOSPC: the stick is full);
 * - `vanishAfterWrites`: after that many writes every operation fails with ENODEV (the stick pulled out);
 * - `corrupt`: after a matching file is written and synced, one of its bytes is changed (a failing stick).
 */
export class FatLikeFs implements CopyFs {
  readonly calls: string[] = [];
  writes = 0;
  failWritesAfter: number | undefined;
  failCode = 'ENOSPC';
  vanishAfterWrites: number | undefined;
  corrupt: ((file: string) => boolean) | undefined;

  private gone(syscall: string, file: string): void {
    if (this.vanishAfterWrites !== undefined && this.writes >= this.vanishAfterWrites) throw errnoError('ENODEV', syscall, file);
  }

  private name(syscall: string, file: string): void {
    if (INVALID_ON_WINDOWS.test(path.basename(file))) throw errnoError('EINVAL', syscall, file);
  }

  async open(file: string, flags: string, mode?: number): Promise<StorageFileHandle> {
    this.calls.push(`open ${flags}${mode === undefined ? '' : ` mode ${mode.toString(8)}`}`);
    this.gone('open', file);
    this.name('open', file);
    const handle = await fs.open(file, flags);
    return {
      writeFile: async (data) => {
        this.gone('write', file);
        if (this.failWritesAfter !== undefined && this.writes >= this.failWritesAfter) throw errnoError(this.failCode, 'write', file);
        this.writes += 1;
        if (Array.isArray(data)) for (const piece of data) await handle.write(piece);
        else await handle.writeFile(data as Uint8Array);
      },
      sync: async () => {
        this.gone('fsync', file);
        await handle.sync();
        if (this.corrupt?.(file)) {
          const bytes = await fs.readFile(file);
          bytes[0] = bytes[0]! ^ 0xff;
          await fs.writeFile(file, bytes);
        }
      },
      close: () => handle.close(),
    };
  }

  async readFile(file: string): Promise<Buffer> {
    this.calls.push('readFile');
    this.gone('read', file);
    return fs.readFile(file);
  }

  async rename(from: string, to: string): Promise<void> {
    this.calls.push('rename');
    this.gone('rename', to);
    this.name('rename', to);
    await fs.rename(from, to);
  }

  async unlink(file: string): Promise<void> {
    this.calls.push('unlink');
    this.gone('unlink', file);
    await fs.unlink(file);
  }

  async readdir(dir: string): Promise<string[]> {
    this.calls.push('readdir');
    this.gone('scandir', dir);
    return fs.readdir(dir);
  }

  async mkdir(dir: string): Promise<void> {
    this.calls.push('mkdir');
    this.gone('mkdir', dir);
    this.name('mkdir', dir);
    await fs.mkdir(dir, { recursive: true });
  }

  async rmdir(dir: string): Promise<void> {
    this.calls.push('rmdir');
    this.gone('rmdir', dir);
    await fs.rmdir(dir);
  }

  async stat(file: string): Promise<{ size: number; mtimeMs: number }> {
    this.calls.push('stat');
    this.gone('stat', file);
    const { size, mtimeMs } = await fs.stat(file);
    return { size, mtimeMs: Math.floor(mtimeMs / 2000) * 2000 };
  }

  async utimes(file: string, time: Date): Promise<void> {
    this.calls.push('utimes');
    this.gone('utime', file);
    await fs.utimes(file, time, time);
  }

  // What FAT and exFAT cannot do. Not part of CopyFs: were the copy to reach for them, it would fail here.
  async link(_from: string, to: string): Promise<void> {
    this.calls.push('link');
    throw errnoError('EPERM', 'link', to);
  }

  async symlink(_target: string, file: string): Promise<void> {
    this.calls.push('symlink');
    throw errnoError('EPERM', 'symlink', file);
  }

  async chmod(file: string): Promise<void> {
    this.calls.push('chmod');
    throw errnoError('EPERM', 'chmod', file);
  }
}
