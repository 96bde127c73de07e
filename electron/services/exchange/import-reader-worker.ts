/**
 * Reads, parses and validates a file chosen for import, off the main process: at the stress size
 * (hundreds of MB) this is seconds of work that would otherwise freeze every window.
 * Messages out: { type: 'progress', phase, bytesRead, totalBytes }, then { type: 'done', reading }
 * or { type: 'failed', message }.
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
  parentPort!.postMessage({ type: 'done', reading: readExportText(text) });
}

run(workerData as ImportWorkerInput).catch((error: unknown) => {
  parentPort!.postMessage({ type: 'failed', message: (error as Error)?.message ?? String(error), code: (error as { code?: unknown })?.code });
});
