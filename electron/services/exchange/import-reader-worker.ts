/**
 * Reads, parses and validates a file chosen for import, off the main process: at the stress size
 * (hundreds of MB) this is seconds of work that would otherwise freeze every window.
 * Messages out: { type: 'progress', phase, bytesRead, totalBytes }; for a readable file the records
 * in batches ({ type: 'records', list, records }); then { type: 'done', reading } (its lists empty,
 * to be filled from the batches) or { type: 'failed', message }.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportReading } from './import-reader';
import { BundleUnreadable, fileLooksLikeZip, readBundle } from './bundle';
import { checkChangeLog } from './change-log';
import { readExportText } from './export-file';

export interface ImportWorkerInput {
  file: string;
}

/** Larger than any export's records; the bundle's part holding them is refused beyond it. */
const MAX_EXPORT_TEXT_BYTES = 512 * 1024 * 1024;

async function run({ file }: ImportWorkerInput): Promise<void> {
  const totalBytes = (await stat(file)).size;
  if (await fileLooksLikeZip(file)) return runBundle(file, totalBytes);
  const chunks: Buffer[] = [];
  let bytesRead = 0;
  let lastReported = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    chunks.push(chunk as Buffer);
    bytesRead += (chunk as Buffer).length;
    // About a hundred reports over the file, not one per chunk.
    if (bytesRead - lastReported >= totalBytes / 100 || bytesRead === totalBytes) {
      lastReported = bytesRead;
      parentPort!.postMessage({ type: 'progress', phase: 'reading', bytesRead, totalBytes });
    }
  }
  parentPort!.postMessage({ type: 'progress', phase: 'checking', bytesRead, totalBytes });
  const text = Buffer.concat(chunks).toString('utf8');
  chunks.length = 0;
  await sendReading(readExportText(text));
}

/**
 * A `.parkdesk.zip` bundle: its records as from a JSON export, and every attachment hashed as
 * it is read (nothing extracted); what the hashes say goes to main with the reading.
 */
async function runBundle(file: string, totalBytes: number): Promise<void> {
  parentPort!.postMessage({ type: 'progress', phase: 'reading', bytesRead: 0, totalBytes });
  let lastReported = 0;
  let contents;
  try {
    contents = await readBundle(file, {
      exportLimit: MAX_EXPORT_TEXT_BYTES,
      onProgress: (bytesRead) => {
        if (bytesRead - lastReported < totalBytes / 100) return;
        lastReported = bytesRead;
        parentPort!.postMessage({ type: 'progress', phase: 'reading', bytesRead: Math.min(bytesRead, totalBytes), totalBytes });
      },
    });
  } catch (error) {
    if (error instanceof BundleUnreadable) return sendReading({ kind: 'damaged', reason: `It is a zip file, but not a Park Desk bundle that can be imported: ${error.message}` });
    throw error;
  }
  parentPort!.postMessage({ type: 'progress', phase: 'checking', bytesRead: totalBytes, totalBytes });
  const reading = readExportText(contents.exportText);
  const bundle = { manifest: contents.manifest, entries: [...contents.entries] };
  if (reading.kind !== 'ok' || !contents.changeLog) return sendReading({ ...reading, bundle, changeLog: { state: 'absent' } });
  // The change log is verified before any record goes to main: a broken one refuses the import.
  const changeLog = checkChangeLog(contents.changeLog, reading.chain, reading.data);
  if (changeLog.state === 'broken') return sendReading({ kind: 'damaged', reason: changeLog.message, changeLog });
  await sendReading({ ...reading, bundle, changeLog });
}

async function sendReading(reading: ImportReading): Promise<void> {
  if (reading.kind !== 'ok') return void parentPort!.postMessage({ type: 'done', reading });
  // The records go over in batches, one at a time: each is copied into the main process as its
  // own small task, so main keeps answering between them instead of one multi-second copy.
  const { proposals, mous, ...rest } = reading.data;
  for (const [list, records] of [
    ['proposals', proposals],
    ['mous', mous],
  ] as const) {
    for (let start = 0; start < records.length; start += RECORDS_PER_MESSAGE) {
      const taken = new Promise((resolve) => parentPort!.once('message', resolve));
      parentPort!.postMessage({ type: 'records', list, records: records.slice(start, start + RECORDS_PER_MESSAGE) });
      // Main asks for the next batch only after a turn of its event loop (Node would otherwise hand it every queued message at once).
      await taken;
    }
  }
  parentPort!.postMessage({ type: 'done', reading: { ...reading, data: { ...rest, proposals: [], mous: [] } } });
}

const RECORDS_PER_MESSAGE = 250;

run(workerData as ImportWorkerInput).catch((error: unknown) => {
  parentPort!.postMessage({ type: 'failed', message: (error as Error)?.message ?? String(error), code: (error as { code?: unknown })?.code });
});
