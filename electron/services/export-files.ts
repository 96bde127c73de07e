import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { numberedFileName } from '../../shared/documents/export-file-name';
import { describeWriteFailure } from './storage/park-store';
import { errorCode, nodeStorageFs, retryWhileBusy, type StorageFs } from './storage/storage-fs';

/**
 * Exports are for colleagues too (a shared folder, a USB stick): 0o666 before the umask, so the
 * usual 0644 on Linux. Only the data file and its backups are owner-only.
 */
export const EXPORT_FILE_MODE = 0o666;

async function writeTemp(fs: StorageFs, folder: string, bytes: Uint8Array): Promise<string> {
  const temp = path.join(folder, `.park-desk-${randomUUID()}.tmp`);
  const handle = await fs.open(temp, 'wx', EXPORT_FILE_MODE);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Writes a temp file beside the target and renames it, so no half-written PDF is ever seen.
 * A target held open for a moment (an antivirus scanning it) is waited for; one open in a PDF
 * reader stays refused, which describeExportFailure puts in plain words.
 */
export async function writeFileAtomically(file: string, bytes: Uint8Array, fs: StorageFs = nodeStorageFs): Promise<void> {
  const temp = await writeTemp(fs, path.dirname(file), bytes);
  try {
    await retryWhileBusy(() => fs.rename(temp, file));
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes into `folder` under `fileName`, or "name (2).pdf", "name (3).pdf"... when taken:
 * a file already there is never overwritten. The name is claimed with an exclusive create,
 * which every drive supports (FAT32/exFAT sticks have no hard links), then the finished temp
 * file is renamed over the claim.
 */
export async function writeNewFile(folder: string, fileName: string, bytes: Uint8Array, fs: StorageFs = nodeStorageFs): Promise<string> {
  const temp = await writeTemp(fs, folder, bytes);
  try {
    for (let n = 1; n <= 999; n++) {
      const target = path.join(folder, numberedFileName(fileName, n));
      try {
        await (await fs.open(target, 'wx', EXPORT_FILE_MODE)).close();
      } catch (error) {
        if (errorCode(error) === 'EEXIST') continue;
        throw error;
      }
      try {
        await retryWhileBusy(() => fs.rename(temp, target));
      } catch (error) {
        await fs.unlink(target).catch(() => undefined);
        throw error;
      }
      return target;
    }
    throw new Error(`There are already 999 files named like ${fileName} in ${folder}.`);
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
}

/** Why an export could not be saved, in words an official can act on. */
export function describeExportFailure(file: string, error: unknown): string {
  const name = path.basename(file);
  switch (errorCode(error)) {
    case 'EPERM':
    case 'EBUSY':
      // What Windows answers when the file is open in Acrobat, Excel or a browser.
      return `${name} is open in another program; close it and export again.`;
    case 'ENOENT':
      return `The folder of ${name} is no longer there (a USB drive removed?); choose another place and export again.`;
    default:
      return `Could not save ${name}: ${describeWriteFailure(error)}.`;
  }
}
