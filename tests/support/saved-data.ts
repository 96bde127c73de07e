import { readFile } from 'node:fs/promises';
import { emptyDatabase, type Database } from '../../shared/domain/database';
import { historyPathOf, journalPathOf, readHistory, readJournal, replayEntries, verifyChain } from '../../electron/services/storage/journal';
import type { HistoryVerification } from '../../shared/domain/change-entry';
import { readDatabaseBytes } from '../../electron/services/storage/serialise';

const bytesIfAny = (file: string) => readFile(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));

/**
 * What is saved for a data file, as opening it would find it: the data file (the snapshot) with
 * the journal's entries after its mark replayed. Saves append to the journal, so the data file
 * alone is what the last compaction wrote. Throws when the data file exists and cannot be read,
 * and ENOENT when neither it nor a journal exists (nothing was ever saved there).
 */
export async function savedData(dataFile: string): Promise<Database> {
  const bytes = await bytesIfAny(dataFile);
  const journal = await bytesIfAny(journalPathOf(dataFile));
  // Nothing saved at all: as reading the data file alone would, say so (ENOENT).
  if (bytes === null && journal === null) return readFile(dataFile).then(() => emptyDatabase());
  let base = emptyDatabase();
  if (bytes !== null) {
    const reading = readDatabaseBytes(bytes);
    if (reading.kind !== 'ok') throw new Error(`${dataFile}: ${reading.kind}`);
    base = reading.data;
  }
  if (journal === null) return base;
  const mark = base.journal?.seq ?? 0;
  return replayEntries(base, readJournal(journal).entries.filter((entry) => entry.seq > mark));
}

/** Every byte saved for a data file (data file, journal, history archive): unchanged when nothing was saved. */
export async function savedBytes(dataFile: string): Promise<Buffer> {
  const parts = await Promise.all([dataFile, journalPathOf(dataFile), historyPathOf(dataFile)].map(bytesIfAny));
  return Buffer.concat(parts.flatMap((part, index) => [Buffer.from(`\n--${index}:${part === null ? 'none' : part.length}--\n`), part ?? Buffer.alloc(0)]));
}

/** The saved data without the change-log mark (for comparing with data built in a test). */
export async function savedRecords(dataFile: string): Promise<Omit<Database, 'journal'>> {
  const { journal: _mark, ...rest } = await savedData(dataFile);
  return rest;
}

/**
 * Verify history over what is on disk, as the store would after opening: the archive, then the
 * journal's entries after it (a cut-short last append left out, as opening drops it), checked
 * against the mark the data file records.
 */
export async function savedHistory(dataFile: string): Promise<HistoryVerification> {
  const history = readHistory((await bytesIfAny(historyPathOf(dataFile))) ?? Buffer.alloc(0));
  const last = history.at(-1)?.seq ?? 0;
  const journal = readJournal((await bytesIfAny(journalPathOf(dataFile))) ?? Buffer.alloc(0)).entries.filter((entry) => entry.seq > last);
  const bytes = await bytesIfAny(dataFile);
  const reading = bytes === null ? undefined : readDatabaseBytes(bytes);
  const mark = reading?.kind === 'ok' ? reading.data.journal : undefined;
  return verifyChain({ entries: [...history, ...journal], ...(mark ? { snapshotMark: mark } : {}) });
}
