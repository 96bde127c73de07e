import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../../shared/domain/attachment';
import { AttachmentStore, AttachmentTooLargeError, safeFileName, type ChunkReader } from '../../../electron/services/storage/attachment-store';
import { FaultyFs } from '../../support/faulty-fs';
import { useTempDataDir } from '../services/temp-data-dir';

const makeDir = useTempDataDir();
const sha = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Node's read stream, counting the bytes it hands out. */
function countingReader(): { read: ChunkReader; bytesRead: () => number } {
  let total = 0;
  return {
    bytesRead: () => total,
    read: async function* (file) {
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) {
        total += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
    },
  };
}

async function fileIn(dir: string, name: string, contents: string | Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, contents);
  return file;
}

/** Every file under the store's folder, relative to it. */
async function storeFiles(store: AttachmentStore): Promise<string[]> {
  return (await readdir(store.root, { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => path.relative(store.root, path.join(e.parentPath, e.name)));
}

describe('AttachmentStore', () => {
  it('stores the bytes under their SHA-256, in a folder named by its first two hex, without extension', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const bytes = Buffer.from('%PDF-1.4 signed MoU scan');
    const result = await store.add(await fileIn(dir, 'Signed MoU scan.pdf', bytes));
    expect(result).toEqual({ sha256: sha(bytes), sizeBytes: bytes.length });
    expect(store.pathOf(result.sha256)).toBe(path.join(dir, 'attachments', result.sha256.slice(0, 2), result.sha256));
    expect(await readFile(store.pathOf(result.sha256))).toEqual(bytes);
    expect(await store.has(result.sha256)).toBe(true);
    expect(await store.list()).toEqual([result.sha256]);
  });

  it('keeps the same bytes once, however often and under whatever name they are added, and does not rewrite the file', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const first = await store.add(await fileIn(dir, 'a.pdf', 'same bytes'));
    const before = await stat(store.pathOf(first.sha256));
    const second = await store.add(await fileIn(dir, 'معاہدہ.pdf', 'same bytes'));
    expect(second.sha256).toBe(first.sha256);
    expect(await storeFiles(store)).toEqual([path.join(first.sha256.slice(0, 2), first.sha256)]);
    expect((await stat(store.pathOf(first.sha256))).ino).toBe(before.ino);
  });

  it('verify: ok, missing, and changed after one byte differs', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const { sha256 } = await store.add(await fileIn(dir, 'minutes.docx', 'Board minutes 2021'));
    expect(await store.verify(sha256)).toBe('ok');
    const stored = await readFile(store.pathOf(sha256));
    stored[0] = stored[0]! ^ 1;
    await writeFile(store.pathOf(sha256), stored);
    expect(await store.verify(sha256)).toBe('changed');
    expect(await store.verify(sha('never added'))).toBe('missing');
  });

  it('repairs a damaged stored file when the original is added again', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const source = await fileIn(dir, 'scan.pdf', 'the signed scan');
    const { sha256 } = await store.add(source);
    await writeFile(store.pathOf(sha256), 'the signed scaN');
    expect(await store.verify(sha256)).toBe('changed');
    await store.add(source);
    expect(await store.verify(sha256)).toBe('ok');
    expect(await storeFiles(store)).toEqual([path.join(sha256.slice(0, 2), sha256)]);
  });

  it('refuses a file over 50 MB from its size, without reading it', async () => {
    const dir = await makeDir();
    const big = await fileIn(dir, 'site photos.tif', '');
    await truncate(big, MAX_ATTACHMENT_BYTES + 1); // sparse: no 50 MB written
    const reader = countingReader();
    const store = new AttachmentStore(dir, undefined, reader.read);
    const refused = store.add(big);
    await expect(refused).rejects.toBeInstanceOf(AttachmentTooLargeError);
    await expect(refused).rejects.toThrow('site photos.tif is just over 50 MB; attachments can be at most 50 MB each.');
    expect(reader.bytesRead()).toBe(0);
    expect(await storeFiles(store)).toEqual([]);
  });

  it('refuses a file that grows past the limit while it is read, keeping nothing of it', async () => {
    const dir = await makeDir();
    const reader = countingReader();
    const store = new AttachmentStore(dir, undefined, async function* (file) {
      yield* reader.read(file);
      yield Buffer.alloc(200); // the file grew after its size was checked
    }, 1000);
    await expect(store.add(await fileIn(dir, 'growing.txt', Buffer.alloc(900)))).rejects.toBeInstanceOf(AttachmentTooLargeError);
    expect(await storeFiles(store)).toEqual([]);
  });

  for (const step of ['open', 'write', 'sync', 'rename'] as const) {
    it(`leaves no partial file when the disk fails at ${step}`, async () => {
      const dir = await makeDir();
      const fs = new FaultyFs();
      const store = new AttachmentStore(dir, fs);
      fs.fault = { code: 'ENOSPC', step };
      await expect(store.add(await fileIn(dir, 'offer letter.pdf', Buffer.alloc(300_000, 7)))).rejects.toThrow('ENOSPC');
      expect(fs.raised).toBeGreaterThan(0);
      expect(await storeFiles(store)).toEqual([]);
      expect(await store.list()).toEqual([]);
      fs.fault = undefined;
      const { sha256 } = await store.add(await fileIn(dir, 'offer letter.pdf', Buffer.alloc(300_000, 7)));
      expect(await store.verify(sha256)).toBe('ok');
    });
  }

  it('removes the temp files an interrupted add left, and the viewer copies, at the next start', async () => {
    const dir = await makeDir();
    const store = new AttachmentStore(dir);
    const { sha256 } = await store.add(await fileIn(dir, 'a.txt', 'kept'));
    await writeFile(path.join(store.root, '0123456789abcdef.incoming'), 'half');
    const copy = await store.viewCopy(sha256, 'a.txt');
    expect(await readFile(copy, 'utf8')).toBe('kept');
    await store.removeLeftovers();
    expect(await storeFiles(store)).toEqual([path.join(sha256.slice(0, 2), sha256)]);
    await expect(stat(store.viewsRoot)).rejects.toThrow('ENOENT');
  });

  it('names stored files only by a SHA-256, so no path can be smuggled in', () => {
    const store = new AttachmentStore('/data');
    expect(() => store.pathOf('../../etc/passwd')).toThrow('Not a SHA-256');
    expect(() => store.pathOf('A'.repeat(64))).toThrow('Not a SHA-256');
  });

  it('opens a copy under the original name, made safe for any file system', async () => {
    expect(safeFileName('دستخط شدہ معاہدہ.pdf')).toBe('دستخط شدہ معاہدہ.pdf');
    expect(safeFileName('..\\..\\evil:name?.pdf')).toBe('evil_name_.pdf');
    expect(safeFileName('..')).toBe('attachment');
  });
});
