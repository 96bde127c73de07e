import path from 'node:path';
import type { StorageFileHandle, StorageFs } from '../../electron/services/storage/storage-fs';
import { errnoError } from './faulty-fs';

interface Inode {
  data: Buffer;
  /** What an fsync of the file put on disk; what was never synced is lost at a power cut. */
  synced: Buffer | undefined;
  mtimeMs: number;
}

interface Folder {
  /** The names as every process sees them now (the OS cache). */
  live: Map<string, Inode>;
  /** The names as the disk has them: as they were at the folder's last fsync. */
  durable: Map<string, Inode>;
}

/** What a disk holds after a power cut: file path to contents. */
export type DiskImage = Map<string, Buffer>;

/**
 * An in-memory file system that knows what has reached the disk. A file's bytes survive a power
 * cut only once the file was fsynced; a name created, renamed or removed survives only once its
 * folder was fsynced. After every operation it records what a power cut at that moment could
 * leave, in the two extremes: the folders as last synced ('durable'), or every name change
 * already written out by the OS while the data was not ('metadata first', what ext4 and NTFS
 * may do). SIGKILL keeps the OS cache, so only this can catch a missing or misordered fsync.
 */
export class PowerCutFs implements StorageFs {
  private readonly folders = new Map<string, Folder>();
  /** Every image a power cut could have left, one pair per operation so far. */
  readonly images: { after: string; durable: DiskImage; metadataFirst: DiskImage }[] = [];

  constructor(image?: DiskImage) {
    for (const [file, bytes] of image ?? []) {
      const folder = this.ensureFolder(path.dirname(file));
      const inode = { data: Buffer.from(bytes), synced: Buffer.from(bytes), mtimeMs: Date.now() };
      folder.live.set(path.basename(file), inode);
      folder.durable.set(path.basename(file), inode);
    }
  }

  /** The disk as it would be found after a power cut now. */
  powerCut(view: 'durable' | 'metadataFirst' = 'durable'): DiskImage {
    const image: DiskImage = new Map();
    for (const [dir, folder] of this.folders) {
      for (const [name, inode] of view === 'durable' ? folder.durable : folder.live) image.set(path.join(dir, name), Buffer.from(inode.synced ?? Buffer.alloc(0)));
    }
    return image;
  }

  private record(after: string): void {
    this.images.push({ after, durable: this.powerCut('durable'), metadataFirst: this.powerCut('metadataFirst') });
  }

  private ensureFolder(dir: string): Folder {
    let folder = this.folders.get(dir);
    if (!folder) {
      folder = { live: new Map(), durable: new Map() };
      this.folders.set(dir, folder);
    }
    return folder;
  }

  private folderOf(file: string, syscall: string): Folder {
    const folder = this.folders.get(path.dirname(file));
    if (!folder) throw errnoError('ENOENT', syscall, file);
    return folder;
  }

  private inodeOf(file: string, syscall: string): Inode {
    const inode = this.folderOf(file, syscall).live.get(path.basename(file));
    if (!inode) throw errnoError('ENOENT', syscall, file);
    return inode;
  }

  async open(file: string, flags: string): Promise<StorageFileHandle> {
    const asFolder = this.folders.get(file);
    if (asFolder && flags === 'r') {
      return {
        writeFile: async () => {
          throw errnoError('EISDIR', 'write', file);
        },
        sync: async () => {
          asFolder.durable = new Map(asFolder.live);
          this.record(`fsync folder ${file}`);
        },
        close: async () => undefined,
      };
    }
    const folder = this.folderOf(file, 'open');
    const name = path.basename(file);
    let inode = folder.live.get(name);
    if (flags === 'r') {
      if (!inode) throw errnoError('ENOENT', 'open', file);
    } else if (flags.includes('a') && inode) {
      // Appending to a file that is there: writes go to its end.
    } else {
      if (flags.includes('x') && inode) throw errnoError('EEXIST', 'open', file);
      inode = { data: Buffer.alloc(0), synced: undefined, mtimeMs: Date.now() };
      folder.live.set(name, inode);
      this.record(`create ${file}`);
    }
    const opened = inode;
    return {
      writeFile: async (data) => {
        const pieces = typeof data === 'string' ? [Buffer.from(data)] : Array.isArray(data) ? data.map((d) => Buffer.from(d)) : [Buffer.from(data as Uint8Array)];
        opened.data = Buffer.concat([opened.data, ...pieces]);
        opened.mtimeMs = Date.now();
        this.record(`write ${file}`);
      },
      sync: async () => {
        opened.synced = Buffer.from(opened.data);
        this.record(`fsync ${file}`);
      },
      close: async () => undefined,
    };
  }

  async readFile(file: string): Promise<Buffer> {
    if (this.folders.has(file)) throw errnoError('EISDIR', 'read', file);
    return Buffer.from(this.inodeOf(file, 'open').data);
  }

  async rename(from: string, to: string): Promise<void> {
    const inode = this.inodeOf(from, 'rename');
    const target = this.folderOf(to, 'rename');
    this.folderOf(from, 'rename').live.delete(path.basename(from));
    target.live.set(path.basename(to), inode);
    this.record(`rename ${from} -> ${to}`);
  }

  async unlink(file: string): Promise<void> {
    this.inodeOf(file, 'unlink');
    this.folderOf(file, 'unlink').live.delete(path.basename(file));
    this.record(`unlink ${file}`);
  }

  async readdir(dir: string): Promise<string[]> {
    const folder = this.folders.get(dir);
    if (!folder) throw errnoError('ENOENT', 'scandir', dir);
    const subfolders = [...this.folders.keys()].filter((d) => path.dirname(d) === dir && d !== dir).map((d) => path.basename(d));
    return [...folder.live.keys(), ...subfolders];
  }

  async mkdir(dir: string): Promise<void> {
    // Folders are taken as durable once made: the tests here are about files and their names.
    for (let d = dir; !this.folders.has(d); d = path.dirname(d)) this.ensureFolder(d);
  }

  async stat(file: string): Promise<{ size: number; mtimeMs: number }> {
    if (this.folders.has(file)) return { size: 0, mtimeMs: Date.now() };
    const inode = this.inodeOf(file, 'stat');
    return { size: inode.data.length, mtimeMs: inode.mtimeMs };
  }

  async utimes(file: string, time: Date): Promise<void> {
    this.inodeOf(file, 'utime').mtimeMs = time.getTime();
  }
}
