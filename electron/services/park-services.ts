import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { fail } from '../../shared/api/result';
import { appHandlers } from './app-handlers';
import { dashboardHandlers } from './dashboard';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createDocumentFontCss } from './document-fonts';
import { mouSummaryHandlers } from './mou-summaries';
import { CALLS_DURING_RECOVERY, dataSafetyHandlers } from './data-safety';
import { exchangeHandlers } from './exchange/exchange';
import { ExportedFiles, exportedFileHandlers } from './exported-files';
import { createProposalService, proposalHandlers } from './proposals';
import { createMouService, mouHandlers } from './mous';
import { ParkStore } from './storage/park-store';
import type { Migrations } from './storage/migrations';
import type { StorageFs } from './storage/storage-fs';
import { systemClock, type Clock, type FileOpener, type FolderDialog, type OpenDialog, type PdfPrinter, type SaveDialog } from './platform';

export const DATA_FILE_NAME = 'park-desk-data.json';

/** What the shell provides; Electron in the app, Node and Playwright in tests and the preview. */
export interface PlatformServices {
  saveDialog?: SaveDialog;
  openDialog?: OpenDialog;
  pdfPrinter?: PdfPrinter;
  folderDialog?: FolderDialog;
  fileOpener?: FileOpener;
}

export interface ParkServicesOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  platform?: PlatformServices;
  /** The bundled fonts (out/renderer/fonts in the app), embedded into printed documents. */
  fontsDir?: string;
  /** Tests inject failing file operations (ENOSPC, EROFS) here; the app uses Node's fs. */
  storageFs?: StorageFs;
  migrations?: Migrations;
}

export interface ParkServices {
  dispatch: Dispatch;
  handlers: Handlers;
  store: ParkStore;
  dataFile: string;
  /** Waits for writes under way and lets go of the data folder. */
  close(): Promise<void>;
}

/** Opens the data folder and wires every contract entry to its service. */
/**
 * Opens the data folder and wires every contract entry to its service. A data file held by
 * another process throws DataFileInUseError; one that cannot be read opens the services in
 * recovery (store.problem set), where only the recovery calls answer.
 */
export async function openParkServices({ dataDir, appVersion, clock = systemClock, platform = {}, storageFs, migrations, fontsDir }: ParkServicesOptions): Promise<ParkServices> {
  await mkdir(dataDir, { recursive: true });
  const dataFile = path.join(dataDir, DATA_FILE_NAME);
  const store = await ParkStore.open(dataFile, { clock, onUnreadable: 'recover', ...(storageFs ? { fs: storageFs } : {}), ...(migrations ? { migrations } : {}) });

  const exportedFiles = new ExportedFiles();
  // Each feature answers its own calls; a contract entry without a handler is a compile error here.
  const handlers: Handlers = {
    ...appHandlers(store, clock, { appVersion, dataDir, dataFile }),
    ...proposalHandlers(createProposalService(store, clock)),
    ...mouSummaryHandlers({ store, clock, fontCss: createDocumentFontCss(fontsDir), exportedFiles, ...platform }),
    ...dashboardHandlers(store, clock),
    ...mouHandlers(createMouService(store, clock)),
    ...dataSafetyHandlers(store),
    ...exchangeHandlers({ store, clock, appVersion, ...platform }),
    ...exportedFileHandlers(exportedFiles, platform.fileOpener),
  };

  const duringRecovery = (name: string) =>
    store.problem && !CALLS_DURING_RECOVERY.has(name)
      ? fail('storage', 'Park Desk could not read its data file. Restore a backup or start afresh on the recovery screen first.')
      : undefined;
  return { dispatch: createDispatcher(handlers, console.error, duringRecovery), handlers, store, dataFile, close: () => store.close() };
}
