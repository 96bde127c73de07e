import { nodeStorageFs, type StorageFs } from '../../electron/services/storage/storage-fs';

/** The step of a durable write at which the injected failure happens. */
export type FaultStep = 'open' | 'write' | 'sync' | 'rename';
export type FaultCode = 'ENOSPC' | 'EROFS' | 'EACCES' | 'EPERM' | 'EBUSY' | 'EIO' | 'EISDIR';

export function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const messages: Record<string, string> = {
    ENOSPC: 'no space left on device',
    EROFS: 'read-only file system',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EIO: 'i/o error',
    EBUSY: 'resource busy or locked',
    EISDIR: 'illegal operation on a directory',
  };
  const error = new Error(`${code}: ${messages[code] ?? 'failed'}, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/**
 * Node's fs with switchable failures on the write path, as a full disk or a read-only folder
 * would produce them. Reads always work; `fault = undefined` turns failures off.
 */
export class FaultyFs implements StorageFs {
  /** `times`: fail only that many times, then work again (a file held for a moment by an antivirus). */
  /** `where`: fail only for paths that contain it (say, the backups folder). */
  fault: { code: FaultCode; step: FaultStep; times?: number; where?: string } | undefined;
  /** How many times a failure was raised. */
  raised = 0;

  private held: { reached: () => void; released: Promise<void> } | undefined;

  constructor(private readonly base: StorageFs = nodeStorageFs) {}

  /**
   * The next rename waits until `release` is called: a write caught half-way (written and
   * synced, not yet in place), so a test can look at what others see meanwhile.
   */
  holdNextRename(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    this.held = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
    return { reached: reachedPromise, release };
  }

  private check(step: FaultStep, syscall: string, file: string): void {
    if (this.fault?.step === step && (this.fault.where === undefined || file.includes(this.fault.where))) {
      this.raised += 1;
      const { code, times } = this.fault;
      if (times !== undefined && this.raised >= times) this.fault = undefined;
      throw errnoError(code, syscall, file);
    }
  }

  async open(file: string, flags: string, mode?: number) {
    if (flags !== 'r') this.check('open', 'open', file);
    const handle = await this.base.open(file, flags, mode);
    return {
      writeFile: async (data: string | Uint8Array | readonly Uint8Array[]) => {
        if (this.fault?.step === 'write' && (this.fault.where === undefined || file.includes(this.fault.where))) {
          // A full disk typically accepts part of the data first.
          const half =
            typeof data === 'string' ? data.slice(0, data.length >> 1) : Array.isArray(data) ? data.slice(0, data.length >> 1) : (data as Uint8Array).subarray(0, (data as Uint8Array).length >> 1);
          await handle.writeFile(half);
        }
        this.check('write', 'write', file);
        await handle.writeFile(data);
      },
      sync: async () => {
        if (flags !== 'r') this.check('sync', 'fsync', file);
        await handle.sync();
      },
      close: () => handle.close(),
    };
  }

  readFile = (file: string) => this.base.readFile(file);
  rename = async (from: string, to: string) => {
    const held = this.held;
    if (held) {
      this.held = undefined;
      held.reached();
      await held.released;
    }
    this.check('rename', 'rename', to);
    await this.base.rename(from, to);
  };
  unlink = (file: string) => this.base.unlink(file);
  readdir = (dir: string) => this.base.readdir(dir);
  mkdir = (dir: string) => this.base.mkdir(dir);
  stat = (file: string) => this.base.stat(file);
  utimes = (file: string, time: Date) => this.base.utimes(file, time);
}

/**
 * A FAT32/exFAT USB stick as Windows presents it to Node: no hard links (Node reports EISDIR,
 * not EPERM) and no permission bits (the mode asked for is ignored).
 */
export class FatStickFs extends FaultyFs {
  /** How many times something tried a hard link; nothing should. */
  linkAttempts = 0;

  override async open(file: string, flags: string) {
    return super.open(file, flags); // the mode is dropped: FAT has none
  }

  link = async (_existing: string, to: string) => {
    this.linkAttempts += 1;
    throw errnoError('EISDIR', 'link', to);
  };
}
