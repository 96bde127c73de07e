/**
 * Just enough of the 'electron' module for the shell's unit tests, recording what the
 * shell asked of it. Used as `vi.mock('electron', () => import('./fake-electron'))`.
 *
 * Closing and quitting follow Electron's documented order (electron.d.ts, Electron 45):
 * - `win.close()` emits the window's `close` (cancellable); then the page's beforeunload
 *   runs. Electron shows no prompt of its own: when the page cancels the unload it emits
 *   `will-prevent-unload` on the webContents, and only `event.preventDefault()` there lets
 *   the unload go ahead; otherwise the window stays open.
 * - `app.quit()` emits `before-quit` (cancellable), then tries to close every window; any
 *   window that stays open cancels the quit. Only when all closed does `will-quit` come
 *   (cancellable), then `quit`. `window-all-closed` is not emitted during such a quit.
 * - Closing the last window outside a quit emits `window-all-closed`; with no listener,
 *   the app quits.
 * - `loadURL` refuses URLs longer than Chromium's kMaxURLChars (2 MiB), as Chromium does.
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

/** Chromium's url/url_constants.h kMaxURLChars: longer URLs fail to load (ERR_INVALID_URL). */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeSession {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
}

export const session = { defaultSession: new FakeSession() };

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  session = session.defaultSession;
  windowOpenHandler: WindowOpenHandler | undefined;
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  send = vi.fn();
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake'));
  /** The page has unsaved changes: its beforeunload handler cancels the unload. */
  pageCancelsUnload = false;
  /** The HTML of the last document loaded from a file: URL (read at load time, as Chromium does). */
  loadedFileHtml: string | undefined;

  /** The page's beforeunload, then Electron's will-prevent-unload; true when the page may unload. */
  runBeforeUnload(): boolean {
    if (!this.pageCancelsUnload) return true;
    const event = fakeEvent();
    this.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = () => BrowserWindow.instances.filter((win) => !win.destroyed);

  webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn(async (url: string) => {
    if (url.length > MAX_URL_CHARS) throw new Error(`ERR_INVALID_URL (-300) loading '${url.slice(0, 40)}…'`);
    if (url.startsWith('file:')) this.webContents.loadedFileHtml = readFileSync(fileURLToPath(url), 'utf8');
  });
  loadFile = vi.fn(async (filePath: string) => {
    this.webContents.loadedFileHtml = readFileSync(filePath, 'utf8');
  });
  /** Asks the window to close, as the X button or File > Close does; the page may refuse. */
  close = vi.fn(() => {
    this.tryClose();
  });
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = () => this.destroyed;
  destroy = vi.fn(() => {
    this.destroyed = true;
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }

  /** Electron's close sequence; true when the window closed. */
  tryClose(): boolean {
    if (this.destroyed) return true;
    const close = fakeEvent();
    this.emit('close', close);
    if (close.defaultPrevented || !this.webContents.runBeforeUnload()) return false;
    this.destroyed = true;
    this.emit('closed');
    if (!app.quitting && BrowserWindow.getAllWindows().length === 0) {
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed');
      else app.quit();
    }
    return true;
  }
}

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => undefined),
};

/** Electron's Notification: records each shown; `supported` says what isSupported() answers. */
export class Notification extends EventEmitter {
  static supported = true;
  static instances: Notification[] = [];
  static isSupported(): boolean {
    return Notification.supported;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  /** Answers with the index of the button pressed; the cancel button unless a test says otherwise. */
  showMessageBoxSync: vi.fn((_window: unknown, options: { cancelId?: number; buttons?: string[] }) => options.cancelId ?? 0),
  showSaveDialog: vi.fn(async (): Promise<{ canceled: boolean; filePath: string }> => ({ canceled: true, filePath: '' })),
  showOpenDialog: vi.fn(async (): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const ipcMain = { handle: vi.fn() };

export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };

class FakeApp extends EventEmitter {
  isPackaged = false;
  commandLine = { getSwitchValue: vi.fn((_name: string) => '') };
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = vi.fn(() => Promise.resolve());
  getPath = vi.fn((_name: string) => '/fake/user-data');
  setPath = vi.fn();
  getVersion = vi.fn(() => '9.8.7');
  /** Between before-quit and the end of the window closing of a quit. */
  quitting = false;
  /** The process has ended: by app.exit, or a quit that got past will-quit. */
  exited = false;
  quit = vi.fn(() => {
    if (this.exited) return;
    const beforeQuit = fakeEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    try {
      for (const win of BrowserWindow.getAllWindows()) if (!win.tryClose()) return;
    } finally {
      this.quitting = false;
    }
    const willQuit = fakeEvent();
    this.emit('will-quit', willQuit);
    if (willQuit.defaultPrevented) return;
    this.exited = true;
    this.emit('quit', fakeEvent(), 0);
  });
  exit = vi.fn(() => {
    this.exited = true;
  });
}

export const app = new FakeApp();

/** Back to a fresh main process: no listeners, no windows, every mock at its default. */
export function resetFakeElectron(): void {
  vi.resetAllMocks();
  app.removeAllListeners();
  app.isPackaged = false;
  app.quitting = false;
  app.exited = false;
  BrowserWindow.instances.length = 0;
}

/**
 * safeStorage: "encrypts" by reversing the bytes behind a marker, so a test can tell what was
 * written from the plain secret. `backend` and `available` play a PC without a keyring.
 */
export const safeStorage = {
  available: true,
  backend: 'gnome_libsecret' as string,
  isEncryptionAvailable: () => safeStorage.available,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (plain: string) => Buffer.concat([Buffer.from('ENC1'), Buffer.from(plain, 'utf8').reverse()]),
  decryptString: (bytes: Buffer) => {
    if (bytes.subarray(0, 4).toString() !== 'ENC1') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(bytes.subarray(4)).reverse().toString('utf8');
  },
};
