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
import { practiceDataDir, practiceHandlers, type Workspace } from './practice-data';
import { loadSampleData } from './sample-data';
import { emptyDatabase } from '../../shared/domain/database';
import { createMouService, mouHandlers } from './mous';
import { searchHandlers } from './park-search';
import { occupancyHandlers } from './occupancy';
import { reportHandlers } from './reports/reports';
import { historyHandlers } from './history';
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
  /** Answers every call from the data the app is working on: the register, or the practice data. */
  dispatch: Dispatch;
  /** The register's handlers and store: the data folder that was opened. */
  handlers: Handlers;
  store: ParkStore;
  dataFile: string;
  /** The data being worked on now: the register, or the practice data once the sample parks are opened. */
  active(): DataSession;
  /** Waits for writes under way and lets go of the data folder (and the practice data, if open). */
  close(): Promise<void>;
}

/** One data folder opened: its store and every contract entry answered from it. */
export interface DataSession {
  dispatch: Dispatch;
  handlers: Handlers;
  store: ParkStore;
  dataDir: string;
  dataFile: string;
  practice: boolean;
}

/**
 * Opens the data folder and wires every contract entry to its service. A data file held by
 * another process throws DataFileInUseError; one that cannot be read opens the services in
 * recovery (store.problem set), where only the recovery calls answer.
 *
 * The sample parks never enter this register: "Load sample data" opens a practice data folder
 * inside it (a store of its own), and calls are answered from that one until the official returns
 * to the register, which stays open and locked meanwhile. The shell only ever sees `dispatch`.
 */
export async function openParkServices(options: ParkServicesOptions): Promise<ParkServices> {
  const { dataDir, clock = systemClock } = options;
  let practice: DataSession | undefined;
  /** One opening at a time: a second click while the first opens waits for it instead of opening the folder twice. */
  let opening: Promise<DataSession> | undefined;
  const openPracticeSession = async (): Promise<DataSession> => {
    const opened = await openDataSession(options, practiceDataDir(dataDir), true, workspace);
    try {
      // Practice data is there to be thrown away: an unreadable one starts afresh (its bytes are kept aside).
      if (opened.store.problem) await opened.store.replaceAll(emptyDatabase(), 'before-restore');
      const officialName = register.store.data.settings.officialName;
      if (!opened.store.data.settings.officialName && officialName) await opened.store.update((db) => void (db.settings.officialName = officialName));
      return opened;
    } catch (error) {
      await opened.store.close();
      throw error;
    }
  };
  const workspace: Workspace = {
    async openPractice() {
      if (!practice) {
        opening ??= openPracticeSession().finally(() => (opening = undefined));
        practice = await opening;
      }
      const loaded = await loadSampleData(practice.store, clock);
      active = practice;
      return loaded;
    },
    async returnToRegister() {
      active = register;
      const leaving = practice;
      practice = undefined;
      await leaving?.store.close();
    },
  };
  const register = await openDataSession(options, dataDir, false, workspace);
  let active = register;

  return {
    dispatch: (name, input) => active.dispatch(name, input),
    handlers: register.handlers,
    store: register.store,
    dataFile: register.dataFile,
    active: () => active,
    close: async () => {
      await practice?.store.close();
      await register.store.close();
    },
  };
}

async function openDataSession(
  { appVersion, clock = systemClock, platform = {}, storageFs, migrations, fontsDir }: ParkServicesOptions,
  dataDir: string,
  practice: boolean,
  workspace: Workspace,
): Promise<DataSession> {
  await mkdir(dataDir, { recursive: true });
  const dataFile = path.join(dataDir, DATA_FILE_NAME);
  const store = await ParkStore.open(dataFile, { clock, onUnreadable: 'recover', ...(storageFs ? { fs: storageFs } : {}), ...(migrations ? { migrations } : {}) });

  const exportedFiles = new ExportedFiles();
  // Each feature answers its own calls; a contract entry without a handler is a compile error here.
  const fontCss = createDocumentFontCss(fontsDir);
  const handlers: Handlers = {
    ...appHandlers(store, { appVersion, dataDir, dataFile, practice }),
    ...proposalHandlers(createProposalService(store, clock)),
    ...mouSummaryHandlers({ store, clock, fontCss, exportedFiles, ...platform, ...(storageFs ? { fs: storageFs } : {}) }),
    ...dashboardHandlers(store, clock),
    ...mouHandlers(createMouService(store, clock)),
    ...dataSafetyHandlers(store),
    ...exchangeHandlers({ store, clock, appVersion, ...platform, ...(storageFs ? { fs: storageFs } : {}) }),
    ...practiceHandlers(store, clock, workspace, practice),
    ...searchHandlers(store),
    ...occupancyHandlers(store, clock),
    ...reportHandlers({ store, clock, fontCss, ...platform }),
    ...exportedFileHandlers(exportedFiles, platform.fileOpener),
    ...historyHandlers(store),
  };

  const duringRecovery = (name: string) =>
    store.problem && !CALLS_DURING_RECOVERY.has(name)
      ? fail('storage', 'Park Desk could not read its data file. Restore a backup or start afresh on the recovery screen first.')
      : undefined;
  return { dispatch: createDispatcher(handlers, console.error, duringRecovery), handlers, store, dataDir, dataFile, practice };
}
