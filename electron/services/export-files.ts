import { randomUUID } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { numberedFileName } from '../../shared/documents/export-file-name';

async function writeTemp(folder: string, bytes: Uint8Array): Promise<string> {
  const temp = path.join(folder, `.park-desk-${randomUUID()}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/** Writes a temp file beside the target and renames it, so no half-written PDF is ever seen. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = await writeTemp(path.dirname(file), bytes);
  try {
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes into `folder` under `fileName`, or "name (2).pdf", "name (3).pdf"... when taken:
 * a file already there is never overwritten. A hard link claims the name atomically; where
 * the drive has no hard links (FAT USB sticks) it falls back to check-then-rename.
 */
export async function writeNewFile(folder: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const temp = await writeTemp(folder, bytes);
  try {
    for (let n = 1; n <= 999; n++) {
      const target = path.join(folder, numberedFileName(fileName, n));
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EXDEV') {
          const free = await firstFreeName(folder, fileName, n);
          await rename(temp, free);
          return free;
        }
        throw error;
      }
    }
    throw new Error(`There are already 999 files named like ${fileName} in ${folder}.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

async function firstFreeName(folder: string, fileName: string, from: number): Promise<string> {
  for (let n = from; n <= 999; n++) {
    const target = path.join(folder, numberedFileName(fileName, n));
    const taken = await open(target, 'r').then(
      async (h) => (await h.close(), true),
      () => false,
    );
    if (!taken) return target;
  }
  throw new Error(`There are already 999 files named like ${fileName} in ${folder}.`);
}
