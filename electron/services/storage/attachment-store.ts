import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_ATTACHMENT_BYTES, tooLargeMessage } from '../../../shared/domain/attachment';
import { syncFolder } from './durable-file';
import { errorCode, nodeStorageFs, retryWhileBusy, type StorageFs } from './storage-fs';

/** `<dataDir>/attachments`: the store. */
export const ATTACHMENTS_FOLDER = 'attachments';
/** `<dataDir>/attachment-views`: copies opened in the system viewer, emptied at each start. */
export const ATTACHMENT_VIEWS_FOLDER = 'attachment-views';

const HASH_PATTERN = /^[0-9a-f]{64}$/;
const PREFIX_PATTERN = /^[0-9a-f]{2}$/;
/** A file being added: `attachments/<16 hex>.incoming`, renamed into place once complete. */
const TEMP_PATTERN = /^[0-9a-f]{16}\.incoming$/;

/** Reads a file as a stream of chunks: Node's read stream, or a test's counting reader. */
export type ChunkReader = (file: string) => AsyncIterable<Uint8Array>;
const nodeChunkReader: ChunkReader = (file) => createReadStream(file, { highWaterMark: 1 << 20 });

export type VerifyOutcome = 'ok' | 'missing' | 'changed';

/** A file over the limit, refused before its bytes are read. */
export class AttachmentTooLargeError extends Error {
  constructor(
    readonly fileName: string,
    readonly sizeBytes: number,
  ) {
    super(tooLargeMessage(fileName, sizeBytes));
    this.name = 'AttachmentTooLargeError';
  }
}

/**
 * Content-addressed files: `<dataDir>/attachments/<first 2 hex>/<sha256>`, no extension, written
 * once and never changed. Adding streams the source through SHA-256 into a temp file in the
 * store (0600, synced), which is renamed into place only if no good file with that hash is there
 * already (a damaged one is replaced, so adding the original again repairs it); a failure at any step removes the temp file, so the store never holds a partial
 * file under a hash name. Writes go through the StorageFs seam, so tests can inject faults.
 */
export class AttachmentStore {
  readonly root: string;
  readonly viewsRoot: string;

  constructor(
    readonly dataDir: string,
    private readonly fs: StorageFs = nodeStorageFs,
    private readonly read: ChunkReader = nodeChunkReader,
    private readonly maxBytes: number = MAX_ATTACHMENT_BYTES,
  ) {
    this.root = path.join(dataDir, ATTACHMENTS_FOLDER);
    this.viewsRoot = path.join(dataDir, ATTACHMENT_VIEWS_FOLDER);
  }

  /** Where the file with this hash is (or would be). Refuses anything but a SHA-256, so no path can be smuggled in. */
  pathOf(sha256: string): string {
    if (!HASH_PATTERN.test(sha256)) throw new Error(`Not a SHA-256: ${JSON.stringify(sha256)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await this.fs.stat(this.pathOf(sha256));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /**
   * Copies the file at `sourcePath` into the store. Files over the limit are refused from their
   * size alone (AttachmentTooLargeError); a file that grows past it while read is refused too.
   */
  async add(sourcePath: string): Promise<{ sha256: string; sizeBytes: number }> {
    const { size } = await this.fs.stat(sourcePath);
    if (size > this.maxBytes) throw new AttachmentTooLargeError(path.basename(sourcePath), size);
    await this.fs.mkdir(this.root);
    const temp = path.join(this.root, `${randomBytes(8).toString('hex')}.incoming`);
    let handle;
    try {
      handle = await this.fs.open(temp, 'wx', 0o600);
      const hash = createHash('sha256');
      let sizeBytes = 0;
      for await (const chunk of this.read(sourcePath)) {
        sizeBytes += chunk.length;
        if (sizeBytes > this.maxBytes) throw new AttachmentTooLargeError(path.basename(sourcePath), sizeBytes);
        hash.update(chunk);
        await handle.writeFile(chunk);
      }
      await handle.sync();
      await handle.close();
      handle = undefined;
      const sha256 = hash.digest('hex');
      // Already stored: left as it is. Only a stored file whose bytes no longer give its name
      // (damaged on disk) is replaced, by the bytes that do: adding the original again repairs it.
      if ((await this.verify(sha256)) === 'ok') {
        await this.fs.unlink(temp).catch(() => undefined);
        return { sha256, sizeBytes };
      }
      const target = this.pathOf(sha256);
      await this.fs.mkdir(path.dirname(target));
      await retryWhileBusy(() => this.fs.rename(temp, target));
      await syncFolder(this.fs, path.dirname(target));
      return { sha256, sizeBytes };
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await this.fs.unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Re-hashes the stored file: 'missing' when it is not there, 'changed' when its bytes no longer give its name. */
  async verify(sha256: string): Promise<VerifyOutcome> {
    const hash = createHash('sha256');
    try {
      for await (const chunk of this.read(this.pathOf(sha256))) hash.update(chunk);
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR') return 'missing';
      throw error;
    }
    return hash.digest('hex') === sha256 ? 'ok' : 'changed';
  }

  /** Every hash with a file in the store (temp files and anything else left aside), sorted. */
  async list(): Promise<string[]> {
    const hashes: string[] = [];
    for (const prefix of await this.readdirOrEmpty(this.root)) {
      if (!PREFIX_PATTERN.test(prefix)) continue;
      for (const name of await this.readdirOrEmpty(path.join(this.root, prefix))) {
        if (HASH_PATTERN.test(name) && name.startsWith(prefix)) hashes.push(name);
      }
    }
    return hashes.sort();
  }

  /** Removes temp files an interrupted add left behind. Only the holder of the data file's lock may call this. */
  async removeLeftovers(): Promise<void> {
    for (const name of await this.readdirOrEmpty(this.root)) {
      if (TEMP_PATTERN.test(name)) await this.fs.unlink(path.join(this.root, name)).catch(() => undefined);
    }
    await rm(this.viewsRoot, { recursive: true, force: true }).catch(() => undefined);
  }

  /**
   * A read-only copy of the stored file under its original name, for the system viewer: the
   * stored file has no extension (the viewer goes by it) and must never be edited in place.
   * Each copy gets a folder of its own, so two attachments with one name do not collide.
   */
  async viewCopy(sha256: string, originalName: string): Promise<string> {
    const folder = path.join(this.viewsRoot, randomBytes(8).toString('hex'));
    await mkdir(folder, { recursive: true });
    const copy = path.join(folder, safeFileName(originalName));
    await copyFile(this.pathOf(sha256), copy);
    await chmod(copy, 0o444).catch(() => undefined);
    return copy;
  }

  private async readdirOrEmpty(dir: string): Promise<string[]> {
    try {
      return await this.fs.readdir(dir);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return [];
      throw error;
    }
  }
}

/** The name without folders or characters Windows refuses, kept otherwise (Urdu stays). */
export function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/[<>:"|?*\u0000-\u001f]/g, '_')
    .replace(/[. ]+$/, '')
    .trim();
  return base === '' || base === '.' || base === '..' ? 'attachment' : base.slice(0, 200);
}
