import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { MOU_SUMMARY_PRINT_LAYOUT } from '../../shared/documents/print-layout';
import { openParkServices, type ParkServices } from '../services/park-services';
import { registerAppProtocol, registerAppScheme, START_URL } from './app-protocol';
import { resolveDataDir } from './data-dir';
import { isTrustedSenderFrame, registerIpcHandlers } from './ipc';
import { createFileOpener, createFolderDialog, createNotifier, createOpenDialog, createPdfPrinter, createSafeStorageSecretStore, createSaveDialog } from './electron-platform';
import { MENU_CHANNEL } from '../../shared/api/menu-commands';
import { installApplicationMenu } from './menu';
import { devServerUrl, trustedOrigins } from './origins';
import { createMainWindow } from './window';

// Relative to out/main/index.js, where electron-vite puts this file.
const here = path.dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = path.join(here, '../renderer');
const PRELOAD = path.join(here, '../preload/index.cjs');
// The renderer's public/fonts, copied there by the build; embedded into printed summaries.
const FONTS_DIR = path.join(RENDERER_DIR, 'fonts');

let mainWindow: BrowserWindow | undefined;

function showMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

async function start(dataDir: string): Promise<void> {
  let services: ParkServices;
  try {
    const getWindow = () => mainWindow;
    services = await openParkServices({
      dataDir,
      appVersion: app.getVersion(),
      fontsDir: FONTS_DIR,
      platform: {
        saveDialog: createSaveDialog(getWindow),
        openDialog: createOpenDialog(getWindow),
        folderDialog: createFolderDialog(getWindow),
        pdfPrinter: createPdfPrinter(MOU_SUMMARY_PRINT_LAYOUT),
        fileOpener: createFileOpener(),
        notifier: createNotifier(),
        secretStore: createSafeStorageSecretStore(dataDir),
      },
      // A click on a reminder brings the window forward on the due list.
      onReminderClick: () => {
        showMainWindow();
        mainWindow?.webContents.send(MENU_CHANNEL, 'go-due');
      },
    });
  } catch (error) {
    // Another process holds the data file (a damaged file opens the recovery screen instead).
    // Nothing has been written; this copy says who holds it and quits.
    // By name: the error may come from another copy of the module (tests reset modules).
    const title = error instanceof Error && error.name === 'DataFileInUseError' ? 'Park Desk is already using this data' : 'Park Desk cannot open its data';
    dialog.showErrorBox(title, error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }

  // The store is closed only once the quit is certain: will-quit comes after every window has
  // closed, whereas a window with unsaved changes may still refuse to close after before-quit
  // (File > Exit, then Keep editing), and its later saves need the store. The quit waits for
  // a save under way, so the last change reaches the disk.
  let storeClosed = false;
  let closing: Promise<void> | undefined;
  app.on('will-quit', (event) => {
    if (storeClosed) return;
    event.preventDefault();
    closing ??= services.close().finally(() => {
      storeClosed = true;
      app.quit();
    });
  });

  const devUrl = devServerUrl(process.env, app.isPackaged);
  const origins = trustedOrigins(devUrl);
  registerAppProtocol(protocol, RENDERER_DIR);
  registerIpcHandlers(ipcMain, services.dispatch, (frame) => isTrustedSenderFrame(frame, origins));
  installApplicationMenu(() => mainWindow);

  const openWindow = () => {
    mainWindow = createMainWindow({ url: devUrl ?? START_URL, preload: PRELOAD, allowedOrigins: origins });
    mainWindow.on('closed', () => (mainWindow = undefined));
  };
  openWindow();
  // macOS keeps the app running without windows; clicking the dock icon brings one back.
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

// Electron only honours scheme privileges registered before 'ready'.
registerAppScheme(protocol);

const { dataDir, explicit } = resolveDataDir({
  env: process.env,
  switchValue: app.commandLine.getSwitchValue('data-dir'),
  userDataDir: app.getPath('userData'),
});
// Chromium's single-instance lock lives in the profile folder. A data folder given by env
// or switch gets its own profile, so two such instances (e.g. parallel end-to-end tests)
// are independent, while two instances on one data folder still exclude each other.
if (explicit) app.setPath('userData', path.join(dataDir, 'electron-profile'));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => start(dataDir))
    .catch((error: unknown) => {
      dialog.showErrorBox('Park Desk could not start', error instanceof Error ? (error.stack ?? error.message) : String(error));
      app.exit(1);
    });
}
