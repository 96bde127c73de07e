import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { COPIES_FOLDER_NAME, COPIES_KEPT, COPY_COMPLETE_FILE, copiesToRemove, uniqueCopyFolderName } from '../../../shared/domain/off-pc-copy';
import { errorCode, nodeStorageFs, type StorageFs } from './storage-fs';

/**
 * Writes a verified copy of the register (and its attachments) into a folder off the PC: a USB
 * stick or a network share, often FAT or exFAT. So it uses only what those file systems do:
 * plain files and folders, names valid on Windows, a rename within one folder; never hard links,
 * symbolic links or permission bits, and never a file's modification time (FAT keeps it to 2 s).
 *
 * Layout, inside the chosen folder:
 *   Park Desk copies/2026-11-27_143005/park-desk-data.json
 *   Park Desk copies/2026-11-27_143005/copy-complete.json   (written last, once all was verified)
 *   Park Desk copies/attachments/ab/ab12…(sha256)            (once, shared by every copy)
 * A copy without copy-complete.json is not a copy: interrupted (a stick pulled, a full disk,
 * the time limit at the end of a session), it is removed by a later copy; earlier copies are
 * never touched until a new one is complete.
 */

/** The file operations the copy makes: the store's seam, and removing an empty folder. */
export interface CopyFs extends StorageFs {
  rmdir(dir: string): Promise<void>;
}

export const nodeCopyFs: CopyFs = { ...nodeStorageFs, rmdir: (dir) => nodeFs.rmdir(dir) };

export const COPY_FORMAT = 'park-desk-off-pc-copy';
export const COPY_DATA_FILE = 'park-desk-data.json';
const ATTACHMENTS = 'attachments';
const PARTIAL = '.partial';
const HASH_NAME = /^[0-9a-f]{64}$/;

export type OffPcCopyOutcome = 'unreachable' | 'failed' | 'interrupted';

/** A copy that did not complete, with what to tell the official. Earlier copies are intact. */
export class OffPcCopyError extends Error {
  constructor(
    readonly outcome: OffPcCopyOutcome,
    message: string,
  ) {
    super(message);
    this.name = 'OffPcCopyError';
  }
}

export interface OffPcCopyProgress {
  phase: 'data' | 'attachments' | 'finishing';
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface OffPcCopyRequest {
  /** The folder the official chose. */
  folder: string;
  /** The data file's bytes as saved (ParkStore.savedBytes). */
  snapshot: Uint8Array;
  /** The data folder: its attachments/<2 hex>/<sha256> files are copied when there are any. */
  dataDir: string;
  now: Date;
  appVersion: string;
  /** The copy's file system (tests inject FAT-like and failing ones); Node's fs otherwise. */
  fs?: CopyFs;
  /** Where the attachments are read from; Node's fs otherwise. */
  sourceFs?: StorageFs;
  keep?: number;
  signal?: AbortSignal;
  onProgress?(progress: OffPcCopyProgress): void;
}

export interface OffPcCopyReport {
  name: string;
  dir: string;
  /** The data file and every attachment the copy holds. */
  bytes: number;
  files: number;
  attachmentsCopied: number;
  attachmentsAlreadyThere: number;
  /** Attachments in the data folder whose bytes no longer match their hash: not copied, named here. */
  damagedAttachments: string[];
  removedCopies: string[];
}

interface ManifestEntry {
  path: string;
  bytes: number;
  sha256: string;
}

export interface CopyManifest {
  format: typeof COPY_FORMAT;
  version: 1;
  madeAt: string;
  appVersion: string;
  dataFile: ManifestEntry;
  /** Paths relative to the copy's folder (../attachments/ab/…). */
  attachments: ManifestEntry[];
  totalBytes: number;
  files: number;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Codes a folder gone away gives: a stick pulled, a share dropped, a drive letter not there. */
const UNREACHABLE_CODES = new Set(['ENOENT', 'ENODEV', 'ENXIO', 'EIO', 'ENOTDIR', 'ENOTCONN', 'EHOSTDOWN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'ESTALE', 'ETIMEDOUT', 'EBADF']);

/** Why the copy could not be written, in words an official can act on. */
export function describeCopyFailure(error: unknown, folder: string): OffPcCopyError {
  if (error instanceof OffPcCopyError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new OffPcCopyError('interrupted', 'The copy was stopped before it was complete; the earlier copies are as they were.');
  const code = errorCode(error);
  if (UNREACHABLE_CODES.has(code ?? ''))
    return new OffPcCopyError('unreachable', `The folder ${folder} could not be reached. Plug in the USB stick (or connect to the shared folder) and choose Copy now; the earlier copies are as they were.`);
  const why =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the USB stick or shared folder is full. Free some space on it (or choose a bigger one) and choose Copy now'
      : code === 'EROFS'
        ? 'the USB stick or shared folder is read-only (some sticks have a lock switch). Make it writable and choose Copy now'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Windows (or the share) did not allow Park Desk to write there. Choose a folder you can write to'
          : code === 'ENAMETOOLONG'
            ? 'the folder path is too long. Choose a folder nearer the top of the stick'
            : `the computer reported "${(error as Error)?.message ?? String(error)}". Choose Copy now again, and if it keeps failing call IT`;
  return new OffPcCopyError('failed', `The copy could not be written: ${why}. The earlier copies are as they were.`);
}

interface SourceAttachment {
  hash: string;
  file: string;
  bytes: number;
}

/** The data folder's attachments: attachments/<first 2 hex>/<sha256>; anything else there is left out. */
async function sourceAttachments(dataDir: string, fs: StorageFs): Promise<SourceAttachment[]> {
  const root = path.join(dataDir, ATTACHMENTS);
  const shards = await fs.readdir(root).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return [] as string[];
    throw error;
  });
  const found: SourceAttachment[] = [];
  for (const shard of shards.filter((name) => /^[0-9a-f]{2}$/.test(name)).sort()) {
    const names = await fs.readdir(path.join(root, shard)).catch(() => [] as string[]);
    for (const name of names.filter((n) => HASH_NAME.test(n) && n.startsWith(shard)).sort()) {
      const file = path.join(root, shard, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat) found.push({ hash: name, file, bytes: stat.size });
    }
  }
  return found;
}

async function readdirOrEmpty(fs: CopyFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** Writes `bytes`, flushes them, reads them back and checks their SHA-256. */
async function writeVerified(fs: CopyFs, file: string, bytes: Uint8Array, expected: string): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  const back = await fs.readFile(file);
  if (back.length !== bytes.length || sha256(back) !== expected)
    throw new OffPcCopyError(
      'failed',
      `The copy could not be verified: ${path.basename(file)} read back from the USB stick or share did not match what was written. The stick may be failing: try another one. The earlier copies are as they were.`,
    );
}

async function readManifest(fs: CopyFs, copyDir: string): Promise<CopyManifest | undefined> {
  try {
    const manifest = JSON.parse((await fs.readFile(path.join(copyDir, COPY_COMPLETE_FILE))).toString('utf8')) as CopyManifest;
    return manifest?.format === COPY_FORMAT && manifest.dataFile && Array.isArray(manifest.attachments) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a copy's folder: its files (copies hold files only), then the folder. Best effort. */
async function removeCopyFolder(fs: CopyFs, dir: string): Promise<boolean> {
  try {
    for (const name of await readdirOrEmpty(fs, dir)) await fs.unlink(path.join(dir, name)).catch(() => undefined);
    await fs.rmdir(dir);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes one copy, verifies every byte written, and only then writes its manifest. Then keeps
 * the newest `keep` complete copies, removes older ones and interrupted leftovers, and the
 * attachments no kept copy lists. Throws OffPcCopyError, leaving earlier copies intact.
 */
export async function writeOffPcCopy(request: OffPcCopyRequest): Promise<OffPcCopyReport> {
  const { folder, snapshot, dataDir, now, appVersion, fs = nodeCopyFs, sourceFs = nodeStorageFs, keep = COPIES_KEPT, signal, onProgress } = request;
  const root = path.join(folder, COPIES_FOLDER_NAME);
  let copyDir: string | undefined;
  const partials: string[] = [];
  try {
    // The chosen folder itself is never created: when it is missing, the stick is not plugged in.
    await fs.stat(folder);
    await fs.mkdir(root);
    const attachmentsRoot = path.join(root, ATTACHMENTS);
    const sources = await sourceAttachments(dataDir, sourceFs);
    const present = new Map<string, number>();
    for (const shard of (await readdirOrEmpty(fs, attachmentsRoot)).filter((n) => /^[0-9a-f]{2}$/.test(n))) {
      for (const name of (await readdirOrEmpty(fs, path.join(attachmentsRoot, shard))).filter((n) => HASH_NAME.test(n))) {
        const stat = await fs.stat(path.join(attachmentsRoot, shard, name)).catch(() => undefined);
        if (stat) present.set(name, stat.size);
      }
    }
    // Already there (verified when it was written, under its final name only after that) and the same size: not copied again.
    const toCopy = sources.filter((a) => present.get(a.hash) !== a.bytes);
    const progress: OffPcCopyProgress = {
      phase: 'data',
      filesDone: 0,
      filesTotal: 1 + toCopy.length,
      bytesDone: 0,
      bytesTotal: snapshot.length + toCopy.reduce((sum, a) => sum + a.bytes, 0),
    };
    onProgress?.({ ...progress });

    const existing = new Set(await readdirOrEmpty(fs, root));
    const name = uniqueCopyFolderName(now, existing);
    copyDir = path.join(root, name);
    await fs.mkdir(copyDir);
    signal?.throwIfAborted();

    const dataHash = sha256(snapshot);
    await writeVerified(fs, path.join(copyDir, COPY_DATA_FILE), snapshot, dataHash);
    progress.filesDone += 1;
    progress.bytesDone += snapshot.length;
    progress.phase = 'attachments';
    onProgress?.({ ...progress });

    const damagedAttachments: string[] = [];
    for (const attachment of toCopy) {
      signal?.throwIfAborted();
      const bytes = await sourceFs.readFile(attachment.file);
      if (sha256(bytes) !== attachment.hash) {
        // Its bytes changed in the data folder: copying them under its name would spread the damage.
        damagedAttachments.push(attachment.hash);
      } else {
        const shardDir = path.join(attachmentsRoot, attachment.hash.slice(0, 2));
        await fs.mkdir(shardDir);
        const final = path.join(shardDir, attachment.hash);
        const partial = `${final}${PARTIAL}`;
        partials.push(partial);
        await writeVerified(fs, partial, bytes, attachment.hash);
        await fs.unlink(final).catch(() => undefined);
        await fs.rename(partial, final);
        partials.pop();
      }
      progress.filesDone += 1;
      progress.bytesDone += attachment.bytes;
      onProgress?.({ ...progress });
    }
    signal?.throwIfAborted();

    progress.phase = 'finishing';
    onProgress?.({ ...progress });
    const damaged = new Set(damagedAttachments);
    const listed = sources.filter((a) => !damaged.has(a.hash));
    const attachments = listed.map((a) => ({ path: `../${ATTACHMENTS}/${a.hash.slice(0, 2)}/${a.hash}`, bytes: a.bytes, sha256: a.hash }));
    const totalBytes = snapshot.length + attachments.reduce((sum, a) => sum + a.bytes, 0);
    const manifest: CopyManifest = {
      format: COPY_FORMAT,
      version: 1,
      madeAt: now.toISOString(),
      appVersion,
      dataFile: { path: COPY_DATA_FILE, bytes: snapshot.length, sha256: dataHash },
      attachments,
      totalBytes,
      files: 1 + attachments.length,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const manifestFile = path.join(copyDir, COPY_COMPLETE_FILE);
    partials.push(`${manifestFile}${PARTIAL}`);
    await writeVerified(fs, `${manifestFile}${PARTIAL}`, manifestBytes, sha256(manifestBytes));
    await fs.rename(`${manifestFile}${PARTIAL}`, manifestFile);
    partials.pop();
    const completeDir = copyDir;
    copyDir = undefined;

    // The copy is complete: only now are older copies and leftovers removed.
    const removedCopies = await tidy(fs, root, now, keep).catch(() => [] as string[]);
    return {
      name,
      dir: completeDir,
      bytes: totalBytes,
      files: manifest.files,
      attachmentsCopied: toCopy.length - damagedAttachments.length,
      attachmentsAlreadyThere: sources.length - toCopy.length,
      damagedAttachments,
      removedCopies,
    };
  } catch (error) {
    for (const partial of partials) await fs.unlink(partial).catch(() => undefined);
    if (copyDir) await removeCopyFolder(fs, copyDir);
    throw describeCopyFailure(error, folder);
  }
}

/** Keeps the newest complete copies; removes older ones, interrupted leftovers, and attachments no kept copy lists. */
async function tidy(fs: CopyFs, root: string, now: Date, keep: number): Promise<string[]> {
  const folders: { name: string; complete: boolean; manifest?: CopyManifest }[] = [];
  for (const name of await readdirOrEmpty(fs, root)) {
    if (name === ATTACHMENTS) continue;
    const manifest = await readManifest(fs, path.join(root, name));
    folders.push({ name, complete: manifest !== undefined, ...(manifest ? { manifest } : {}) });
  }
  const remove = new Set(copiesToRemove(folders, now, keep));
  const removed: string[] = [];
  for (const name of remove) if (await removeCopyFolder(fs, path.join(root, name))) removed.push(name);

  // Attachments are shared by the copies; those that no copy still standing (kept, or young and
  // unfinished, perhaps another PC's) lists are removed. With an unfinished copy about, none is.
  const standing = folders.filter((f) => !remove.has(f.name));
  if (standing.some((f) => !f.complete)) return removed;
  const listed = new Set(standing.flatMap((f) => f.manifest?.attachments.map((a) => a.sha256) ?? []));
  const attachmentsRoot = path.join(root, ATTACHMENTS);
  for (const shard of await readdirOrEmpty(fs, attachmentsRoot)) {
    const shardDir = path.join(attachmentsRoot, shard);
    const names = await readdirOrEmpty(fs, shardDir).catch(() => [] as string[]);
    for (const name of names) {
      const hash = name.endsWith(PARTIAL) ? name.slice(0, -PARTIAL.length) : name;
      if (!HASH_NAME.test(hash)) continue;
      if (name.endsWith(PARTIAL) || !listed.has(hash)) await fs.unlink(path.join(shardDir, name)).catch(() => undefined);
    }
    if ((await readdirOrEmpty(fs, shardDir).catch(() => ['?'])).length === 0) await fs.rmdir(shardDir).catch(() => undefined);
  }
  return removed;
}
