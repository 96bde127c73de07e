import { open, rename } from 'node:fs/promises';
import path from 'node:path';

/** The floor for any durable save: the same bytes written, fsynced and renamed into place, folder fsynced. */
export async function writeBytesDurably(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.baseline-${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const folder = await open(path.dirname(file), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
