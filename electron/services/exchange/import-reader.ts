import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ImportReadingProgress } from '../../../shared/api/calls/import-reading-calls';
import type { BundleManifest } from './bundle';
import type { ChangeLogCheck } from './change-log';
import type { readExportText } from './export-file';

/**
 * What reading an import file gives: the same as readExportText on its text; for a bundle, also
 * its manifest and each attachment entry's hash and size as read (by the hash in its name), and
 * what checking its change log found (a broken one comes as a 'damaged' reading without records).
 */
export type ImportReading = ReturnType<typeof readExportText> & {
  bundle?: { manifest: BundleManifest; entries: [string, { sha256: string; sizeBytes: number }][] };
  changeLog?: ChangeLogCheck;
};

/** The reading was cancelled by the official; nothing was read into Park Desk. */
export class ImportReadCancelled extends Error {
  constructor() {
    super('The import was cancelled.');
    this.name = 'ImportReadCancelled';
  }
}

/** The file itself could not be read (gone, no permission); `code` is Node's. */
export class ImportFileUnreadable extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ImportFileUnreadable';
  }
}

type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'checking'; bytesRead: number; totalBytes: number }
  | { type: 'records'; list: 'proposals' | 'mous'; records: unknown[] }
  | { type: 'done'; reading: ImportReading }
  | { type: 'failed'; message: string; code?: string };

/**
 * The worker as built (out/main/import-reader-worker.js, beside the bundled main) or, when the
 * services run from source (vitest, the browser bridge under tsx), its TypeScript through tsx.
 */
function startWorker(file: string): Worker {
  const bundled = new URL('./import-reader-worker.js', import.meta.url);
  if (existsSync(bundled)) return new Worker(bundled, { workerData: { file } });
  const source = new URL('./import-reader-worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { file } });
}

/**
 * Reads, parses and validates `file` in a worker thread. `onProgress` hears how far it is;
 * aborting `signal` stops the worker at once and rejects with ImportReadCancelled.
 */
export function readImportFile(file: string, { onProgress, signal }: { onProgress?: (progress: ImportReadingProgress) => void; signal?: AbortSignal } = {}): Promise<ImportReading> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ImportReadCancelled());
    const worker = startWorker(file);
    let settled = false;
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      done();
    };
    const onAbort = () => finish(() => reject(new ImportReadCancelled()));
    signal?.addEventListener('abort', onAbort);
    const records = { proposals: [] as unknown[], mous: [] as unknown[] };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.({ phase: message.phase, bytesRead: message.bytesRead, totalBytes: message.totalBytes });
      else if (message.type === 'records') {
        for (const record of message.records) records[message.list].push(record);
        setImmediate(() => settled || worker.postMessage('next'));
      }
      else if (message.type === 'done') {
        const { reading } = message;
        // The worker validated every record before sending it; here they are only put back in place.
        if (reading.kind === 'ok') Object.assign(reading.data, records);
        finish(() => resolve(reading));
      }
      else finish(() => reject(new ImportFileUnreadable(message.message, message.code)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The import reader stopped unexpectedly (exit code ${code}).`))));
  });
}

/**
 * The one import being read at a time, for the renderer to show its progress and cancel it.
 */
export class ImportReadingTracker {
  private current: { file: string; progress: ImportReadingProgress; abort: AbortController } | undefined;

  async read(file: string): Promise<ImportReading> {
    this.current?.abort.abort();
    const job: { file: string; progress: ImportReadingProgress; abort: AbortController } = { file, progress: { phase: 'reading', bytesRead: 0, totalBytes: 0 }, abort: new AbortController() };
    this.current = job;
    try {
      return await readImportFile(file, { signal: job.abort.signal, onProgress: (progress) => (job.progress = progress) });
    } finally {
      if (this.current === job) this.current = undefined;
    }
  }

  progress(): { reading: false } | ({ reading: true; file: string } & ImportReadingProgress) {
    return this.current ? { reading: true, file: this.current.file, ...this.current.progress } : { reading: false };
  }

  cancel(): { cancelled: boolean } {
    if (!this.current) return { cancelled: false };
    this.current.abort.abort();
    return { cancelled: true };
  }
}
