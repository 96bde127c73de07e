import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { appHandlers } from './app-handlers';
import { dashboardHandlers } from './dashboard';
import { createDispatcher, type Dispatch } from './dispatcher';
import { createDocumentFontCss } from './document-fonts';
import { mouSummaryHandlers } from './mou-summaries';
import { createProposalService, proposalHandlers } from './proposals';
import { createMouService, mouHandlers } from './mous';
import { ParkStore } from './storage/park-store';
import { systemClock, type Clock, type FolderDialog, type PdfPrinter, type SaveDialog } from './platform';

export const DATA_FILE_NAME = 'park-desk-data.json';

/** What the shell provides; Electron in the app, Node and Playwright in tests and the preview. */
export interface PlatformServices {
  saveDialog?: SaveDialog;
  pdfPrinter?: PdfPrinter;
  folderDialog?: FolderDialog;
}

export interface ParkServicesOptions {
  dataDir: string;
  appVersion: string;
  clock?: Clock;
  platform?: PlatformServices;
  /** The bundled fonts (out/renderer/fonts in the app), embedded into printed documents. */
  fontsDir?: string;
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
export async function openParkServices({ dataDir, appVersion, clock = systemClock, platform = {}, fontsDir }: ParkServicesOptions): Promise<ParkServices> {
  await mkdir(dataDir, { recursive: true });
  const dataFile = path.join(dataDir, DATA_FILE_NAME);
  const store = await ParkStore.open(dataFile);

  // Each feature answers its own calls; a contract entry without a handler is a compile error here.
  const handlers: Handlers = {
    ...appHandlers(store, clock, { appVersion, dataDir, dataFile }),
    ...proposalHandlers(createProposalService(store, clock)),
    ...mouSummaryHandlers({ store, clock, fontCss: createDocumentFontCss(fontsDir), ...platform }),
    ...dashboardHandlers(store, clock),
    ...mouHandlers(createMouService(store, clock)),
  };

  return { dispatch: createDispatcher(handlers), handlers, store, dataFile, close: () => store.close() };
}
