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
import { readExportText } from './export-file';

export interface ImportWorkerInput {
  file: string;
}

async function run({ file }: ImportWorkerInput): Promise<void> {
  const totalBytes = (await stat(file)).size;
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
  const reading = readExportText(text);
  if (reading.kind !== 'ok') return parentPort!.postMessage({ type: 'done', reading });
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
