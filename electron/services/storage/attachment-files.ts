import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Database } from '../../../shared/domain/database';
import { syncFolder } from './durable-file';
import { errorCode, nodeStorageFs, retryWhileBusy } from './storage-fs';

/**
 * Attachment files are content-addressed: `<root>/<first 2 hex>/<sha256>`, written once, never
 * changed. The same layout serves the data folder's store (`<dataDir>/attachments`) and the
 * backups' shelf (`<dataDir>/backups/attachments`), so a file is found by its hash alone.
 */
export { ATTACHMENTS_FOLDER } from './attachment-store';
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function attachmentPath(root: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error(`Not an attachment hash: ${sha256}`);
  return path.join(root, sha256.slice(0, 2), sha256);
}

/** One attachment a record refers to, named the way the official knows it. */
export interface AttachmentReference {
  sha256: string;
  name: string;
  sizeBytes: number;
  /** The record's reference or MoU number and title. */
  record: string;
}

interface AttachmentLike {
  sha256?: unknown;
  name?: unknown;
  sizeBytes?: unknown;
}

/** A record's attachments, on the record or among its fields: read loosely, so old and new records both work. */
function attachmentsOf(record: unknown): AttachmentLike[] {
  const own = (record as { attachments?: unknown }).attachments;
  const inFields = (record as { fields?: { attachments?: unknown } }).fields?.attachments;
  return [own, inFields].flatMap((list) => (Array.isArray(list) ? (list as AttachmentLike[]) : []));
}

/** Every attachment the records refer to (a hash may appear more than once, on different records). */
export function referencedAttachments(data: Readonly<Database>): AttachmentReference[] {
  const found: AttachmentReference[] = [];
  const add = (record: string, list: AttachmentLike[]) => {
    for (const a of list) {
      if (typeof a.sha256 !== 'string' || !SHA256_HEX.test(a.sha256)) continue;
      found.push({ sha256: a.sha256, name: typeof a.name === 'string' ? a.name : a.sha256, sizeBytes: typeof a.sizeBytes === 'number' ? a.sizeBytes : 0, record });
    }
  };
  for (const p of data.proposals) add(`${p.fields.referenceNumber} — ${p.fields.title}`, attachmentsOf(p));
  for (const m of data.mous) add(`MoU ${m.fields.mouNumber}`, attachmentsOf(m));
  return found;
}

/** The distinct hashes the records refer to. */
export function referencedHashes(data: Readonly<Database>): Set<string> {
  return new Set(referencedAttachments(data).map((a) => a.sha256));
}

/** A pass-through that hashes and counts what flows through it. */
export function hashingStream(): Transform & { digest(): { sha256: string; sizeBytes: number } } {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  let digest: string | undefined;
  return Object.assign(stream, { digest: () => ({ sha256: (digest ??= hash.digest('hex')), sizeBytes }) });
}

/** The SHA-256 and size of a file, read as a stream; undefined when there is no such file. */
export async function hashFile(file: string): Promise<{ sha256: string; sizeBytes: number } | undefined> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      sizeBytes += (chunk as Buffer).length;
    }
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'EISDIR') return undefined;
    throw error;
  }
  return { sha256: hash.digest('hex'), sizeBytes };
}

/** Whether `<root>/<aa>/<sha256>` holds exactly those bytes: 'ok', 'missing' or 'changed'. */
export async function checkAttachment(root: string, sha256: string): Promise<'ok' | 'missing' | 'changed'> {
  const found = await hashFile(attachmentPath(root, sha256));
  return !found ? 'missing' : found.sha256 === sha256 ? 'ok' : 'changed';
}

/** An attachment whose bytes are not the ones its hash names; nothing was put in place. */
export class AttachmentHashMismatch extends Error {
  constructor(readonly sha256: string) {
    super(`The bytes given for attachment ${sha256} do not have that hash.`);
    this.name = 'AttachmentHashMismatch';
  }
}

/**
 * Puts `source`'s bytes at `<root>/<aa>/<sha256>` only if they hash to `sha256`: written to a temp
 * file beside it, flushed, checked, then renamed into place. A file already there (and whole) is
 * not rewritten, unless `replaceChanged` asks to mend one whose bytes have changed.
 * Returns whether a file was written. Plain files only: no links, no permission bits (FAT, exFAT).
 */
export async function placeAttachment(root: string, sha256: string, source: () => Readable | Promise<Readable>, { replaceChanged = false }: { replaceChanged?: boolean } = {}): Promise<boolean> {
  const target = attachmentPath(root, sha256);
  const there = await stat(target).catch(() => undefined);
  if (there && !(replaceChanged && (await checkAttachment(root, sha256)) === 'changed')) return false;
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`;
  const hashing = hashingStream();
  try {
    await pipeline(await source(), hashing, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    if (hashing.digest().sha256 !== sha256) throw new AttachmentHashMismatch(sha256);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await retryWhileBusy(() => rename(temp, target));
    await syncFolder(nodeStorageFs, path.dirname(target));
    return true;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
