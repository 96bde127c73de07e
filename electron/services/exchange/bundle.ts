import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';
import * as yazl from 'yazl';
import { attachmentPath, hashingStream, placeAttachment, SHA256_HEX, type AttachmentReference } from '../storage/attachment-files';
import { errorCode } from '../storage/storage-fs';
import { isolate } from '../../../shared/format/bidi';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/attachment';

/**
 * "Export everything" writes one zip (a `.parkdesk.zip` bundle):
 *   park-desk-export.json   the records, exactly as a plain JSON export holds them
 *   manifest.json           each attachment's sha256 and size
 *   attachments/<sha256>    the bytes of every attachment an exported record refers to
 *   change-log.jsonl        the exporting data folder's change log, every entry of its chain (see
 *                           change-log.ts); absent from bundles written before it was added
 * Attachments are stored, not deflated (PDFs and photos are compressed already), and streamed
 * one at a time: a bundle of many 50 MB scans never sits in memory.
 */
export const BUNDLE_DATA_ENTRY = 'park-desk-export.json';
export const BUNDLE_MANIFEST_ENTRY = 'manifest.json';
export const BUNDLE_ATTACHMENTS_DIR = 'attachments/';
export const BUNDLE_CHANGE_LOG_ENTRY = 'change-log.jsonl';
export const BUNDLE_FORMAT = 'park-desk-bundle';
export const BUNDLE_EXTENSION = '.parkdesk.zip';

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: 1;
  exportedAt: string;
  appVersion: string;
  attachments: { sha256: string; sizeBytes: number }[];
}

/** Attachments that could not be put in the bundle: not in the data folder, or not the bytes their hash names. */
export class BundleAttachmentsUnfit extends Error {
  constructor(
    readonly missing: AttachmentReference[],
    readonly changed: AttachmentReference[],
  ) {
    super(`${missing.length} attachment(s) missing and ${changed.length} changed in the data folder.`);
    this.name = 'BundleAttachmentsUnfit';
  }
}

/** A zip starts with a local file header ("PK\3\4"), or is an empty archive ("PK\5\6"). */
export function looksLikeZip(firstBytes: Uint8Array): boolean {
  return firstBytes.length >= 4 && firstBytes[0] === 0x50 && firstBytes[1] === 0x4b && ((firstBytes[2] === 3 && firstBytes[3] === 4) || (firstBytes[2] === 5 && firstBytes[3] === 6));
}

export async function fileLooksLikeZip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return looksLikeZip(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * Writes the bundle to `temp` (created new, readable by colleagues) and flushes it. Each
 * attachment is read from `storeRoot` and hashed on its way into the zip; a missing or changed
 * one fails the whole bundle with BundleAttachmentsUnfit, naming them, and the temp file is removed.
 */
export async function writeBundle(
  temp: string,
  {
    exportJson,
    changeLog,
    exportedAt,
    appVersion,
    attachments,
    storeRoot,
    mode,
  }: { exportJson: string; changeLog?: Uint8Array; exportedAt: string; appVersion: string; attachments: readonly AttachmentReference[]; storeRoot: string; mode: number },
): Promise<BundleManifest> {
  const distinct = [...new Map(attachments.map((a) => [a.sha256, a] as const)).values()];
  const missing: AttachmentReference[] = [];
  const sized: { ref: AttachmentReference; sizeBytes: number }[] = [];
  for (const ref of distinct) {
    const found = await stat(attachmentPath(storeRoot, ref.sha256)).catch(() => undefined);
    if (found?.isFile()) sized.push({ ref, sizeBytes: found.size });
    else missing.push(ref);
  }
  if (missing.length > 0) throw new BundleAttachmentsUnfit(missing, []);

  const mtime = new Date(exportedAt);
  const manifest: BundleManifest = { format: BUNDLE_FORMAT, formatVersion: 1, exportedAt, appVersion, attachments: sized.map(({ ref, sizeBytes }) => ({ sha256: ref.sha256, sizeBytes })) };
  const zip = new yazl.ZipFile();
  // yazl reports on the ZipFile, and a source's error does not travel down a pipe: both end the output.
  const fail = (error: unknown) => (zip.outputStream as unknown as Writable).destroy(error as Error);
  zip.on('error', fail);
  zip.addBuffer(Buffer.from(exportJson, 'utf8'), BUNDLE_DATA_ENTRY, { mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1), 'utf8'), BUNDLE_MANIFEST_ENTRY, { mtime });
  if (changeLog) zip.addBuffer(Buffer.from(changeLog), BUNDLE_CHANGE_LOG_ENTRY, { mtime });
  const changed: AttachmentReference[] = [];
  for (const { ref, sizeBytes } of sized) {
    // Opened only when yazl reaches it, so one attachment file is open at a time.
    zip.addReadStreamLazy(`${BUNDLE_ATTACHMENTS_DIR}${ref.sha256}`, { mtime, compress: false, size: sizeBytes }, (done) => {
      const hashing = hashingStream();
      hashing.on('end', () => {
        if (hashing.digest().sha256 !== ref.sha256) changed.push(ref);
      });
      const source = createReadStream(attachmentPath(storeRoot, ref.sha256));
      source.on('error', fail);
      done(null, source.pipe(hashing));
    });
  }
  zip.end();
  try {
    await pipeline(zip.outputStream, createWriteStream(temp, { flags: 'wx', mode }));
    if (changed.length > 0) throw new BundleAttachmentsUnfit([], changed);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    // yazl checks each stream's length against the size given: a file whose length changed is "changed".
    if (!(error instanceof BundleAttachmentsUnfit) && /unexpected number of bytes/i.test(String((error as Error)?.message))) throw new BundleAttachmentsUnfit([], distinct);
    throw error;
  }
  return manifest;
}

/** A temp name beside the chosen file, renamed over it once complete. */
export function bundleTempPath(target: string): string {
  return path.join(path.dirname(target), `.park-desk-${randomUUID()}.tmp`);
}

/** The bundle is not one Park Desk wrote, or not whole; the reason is for the official. */
export class BundleUnreadable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleUnreadable';
  }
}

/** What is found in a bundle: the export's text, its manifest, and each attachment entry as hashed. */
export interface BundleContents {
  exportText: string;
  manifest: BundleManifest;
  /** The change log's bytes, when the bundle has one. */
  changeLog?: Buffer;
  /** By the hash in the entry's name: the hash and size of its bytes as read. */
  entries: Map<string, { sha256: string; sizeBytes: number }>;
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** A Buffer's limit is far above it; years of saves at the stress size stay well below. */
const MAX_CHANGE_LOG_BYTES = 1024 * 1024 * 1024;

function bundleEntryKind(name: string): 'data' | 'manifest' | 'log' | 'folder' | { sha256: string } | undefined {
  if (name === BUNDLE_DATA_ENTRY) return 'data';
  if (name === BUNDLE_CHANGE_LOG_ENTRY) return 'log';
  if (name === BUNDLE_MANIFEST_ENTRY) return 'manifest';
  if (name === BUNDLE_ATTACHMENTS_DIR) return 'folder';
  if (name.startsWith(BUNDLE_ATTACHMENTS_DIR)) {
    const sha256 = name.slice(BUNDLE_ATTACHMENTS_DIR.length);
    if (SHA256_HEX.test(sha256)) return { sha256 };
  }
  return undefined;
}

async function readEntryBytes(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new BundleUnreadable(`Its part “${entry.fileName}” is far larger than Park Desk ever writes.`);
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<string> {
  return (await readEntryBytes(zip, entry, limit)).toString('utf8');
}

/** The plain words for what yauzl found wrong with the zip itself. */
function describeZipError(error: unknown): BundleUnreadable {
  const message = String((error as Error)?.message ?? error);
  const named = /(?:invalid relative path|absolute path|invalid characters in fileName): (.*)$/.exec(message);
  if (named) return new BundleUnreadable(`It holds a file named “${named[1]}”, which points outside the bundle; Park Desk never writes such a name.`);
  return new BundleUnreadable(`It is not a complete zip file (${message}).`);
}

/**
 * Reads a bundle: the export's text and manifest into memory, every attachment streamed through
 * SHA-256 and discarded (nothing is written anywhere). Names that Park Desk never writes, such
 * as `../x`, refuse the whole bundle. `onProgress` hears how many of the file's bytes are done.
 */
export async function readBundle(file: string, { exportLimit, onProgress }: { exportLimit: number; onProgress?: (bytesDone: number) => void }): Promise<BundleContents> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  } catch (error) {
    if (errorCode(error)) throw error;
    throw describeZipError(error);
  }
  try {
    let exportText: string | undefined;
    let manifestText: string | undefined;
    let changeLog: Buffer | undefined;
    const entries = new Map<string, { sha256: string; sizeBytes: number }>();
    let done = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        const kind = bundleEntryKind(entry.fileName);
        if (!kind) throw new BundleUnreadable(`It holds a file named “${entry.fileName}”, which Park Desk never puts in a bundle.`);
        if (kind === 'folder') continue;
        if (kind === 'data') {
          if (exportText !== undefined) throw new BundleUnreadable(`It holds “${entry.fileName}” twice.`);
          exportText = await readEntryText(zip, entry, exportLimit);
        } else if (kind === 'manifest') {
          if (manifestText !== undefined) throw new BundleUnreadable(`It holds “${entry.fileName}” twice.`);
          manifestText = await readEntryText(zip, entry, MAX_MANIFEST_BYTES);
        } else if (kind === 'log') {
          if (changeLog !== undefined) throw new BundleUnreadable(`It holds “${entry.fileName}” twice.`);
          changeLog = await readEntryBytes(zip, entry, MAX_CHANGE_LOG_BYTES);
        } else {
          if (entries.has(kind.sha256)) throw new BundleUnreadable(`It holds “${entry.fileName}” twice.`);
          if (entry.uncompressedSize > MAX_ATTACHMENT_BYTES) throw new BundleUnreadable(`Its part “${entry.fileName}” is larger than any attachment can be.`);
          const hashing = hashingStream();
          try {
            await pipeline(await zip.openReadStreamPromise(entry), hashing, new Writable({ write: (_chunk, _enc, next) => next() }));
            entries.set(kind.sha256, hashing.digest());
          } catch {
            // Cut short or not the length its header says: its bytes are not the ones exported.
            entries.set(kind.sha256, { sha256: '', sizeBytes: -1 });
          }
        }
        done += entry.compressedSize;
        onProgress?.(done);
      }
    } catch (error) {
      if (error instanceof BundleUnreadable || errorCode(error)) throw error;
      throw describeZipError(error);
    }
    if (exportText === undefined) throw new BundleUnreadable(`It has no “${BUNDLE_DATA_ENTRY}”: it is not a Park Desk bundle.`);
    return { exportText, manifest: parseManifest(manifestText), ...(changeLog ? { changeLog } : {}), entries };
  } finally {
    zip.close();
  }
}

function parseManifest(text: string | undefined): BundleManifest {
  if (text === undefined) throw new BundleUnreadable(`It has no “${BUNDLE_MANIFEST_ENTRY}”: it is not a Park Desk bundle.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BundleUnreadable(`Its “${BUNDLE_MANIFEST_ENTRY}” is garbled.`);
  }
  const m = json as Partial<BundleManifest>;
  if (m?.format !== BUNDLE_FORMAT || !Array.isArray(m.attachments) || !m.attachments.every((a) => typeof a?.sha256 === 'string' && SHA256_HEX.test(a.sha256) && Number.isSafeInteger(a.sizeBytes)))
    throw new BundleUnreadable(`Its “${BUNDLE_MANIFEST_ENTRY}” is not one Park Desk wrote.`);
  if (typeof m.formatVersion !== 'number' || m.formatVersion > 1) throw new BundleUnreadable('It was made by a newer version of Park Desk; install it to import this bundle.');
  return m as BundleManifest;
}

/**
 * What the bundle's attachments are worth, before any preview: every attachment listed in the
 * manifest or referred to by an incoming record must be in the bundle with exactly the bytes its
 * hash names, or (for a record's reference) already in this data folder (`haveHere`). Each problem
 * names the attachment and its record.
 */
export function checkBundleAttachments(
  contents: { manifest: Pick<BundleManifest, 'attachments'>; entries: BundleContents['entries'] },
  references: readonly AttachmentReference[],
  haveHere: ReadonlySet<string> = new Set(),
): { good: { sha256: string; sizeBytes: number }[]; problems: string[] } {
  const names = new Map<string, AttachmentReference>();
  for (const ref of references) if (!names.has(ref.sha256)) names.set(ref.sha256, ref);
  const describe = (sha256: string) => {
    const ref = names.get(sha256);
    return ref ? `The attachment “${isolate(ref.name)}” of ${isolate(ref.record)}` : `The attachment ${BUNDLE_ATTACHMENTS_DIR}${sha256}`;
  };
  const good: { sha256: string; sizeBytes: number }[] = [];
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const { sha256, sizeBytes } of contents.manifest.attachments) {
    if (listed.has(sha256)) continue;
    listed.add(sha256);
    const entry = contents.entries.get(sha256);
    if (!entry) problems.push(`${describe(sha256)} is missing from the bundle.`);
    else if (entry.sha256 !== sha256 || entry.sizeBytes !== sizeBytes) problems.push(`${describe(sha256)} was changed after the export: its bytes no longer match its SHA-256 (${sha256.slice(0, 12)}…).`);
    else good.push({ sha256, sizeBytes });
  }
  for (const [sha256] of contents.entries) if (!listed.has(sha256)) problems.push(`${describe(sha256)} is in the bundle but not in its manifest.`);
  for (const sha256 of names.keys())
    if (!listed.has(sha256) && !contents.entries.has(sha256) && !haveHere.has(sha256)) problems.push(`${describe(sha256)} is neither in the file nor in this data folder; import the bundle it was exported in.`);
  return { good, problems };
}

/**
 * Copies the bundle's attachments into the store at `storeRoot`, by hash: one already there is not
 * rewritten; each is hashed again as it is written (the bundle may have changed since the preview)
 * and put in place only if it matches. Returns how many files were written.
 */
export async function copyBundleAttachments(file: string, hashes: ReadonlySet<string>, storeRoot: string): Promise<number> {
  if (hashes.size === 0) return 0;
  const zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true });
  let written = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const kind = bundleEntryKind(entry.fileName);
      if (typeof kind !== 'object' || !hashes.has(kind.sha256)) continue;
      if (await placeAttachment(storeRoot, kind.sha256, () => zip.openReadStreamPromise(entry))) written += 1;
    }
  } finally {
    zip.close();
  }
  return written;
}
