import { beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';

vi.mock('electron', () => import('./fake-electron'));
vi.mock('../../../electron/services/park-services', () => ({ openParkServices: vi.fn() }));

type Fake = typeof import('./fake-electron');
type Services = { openParkServices: ReturnType<typeof vi.fn> };

/** A fresh main process: new fake electron, new services mock, then electron/main/index runs. */
async function boot(setup: (electron: Fake, services: Services) => void = () => {}) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as Fake;
  electron.resetFakeElectron();
  const services = (await import('../../../electron/services/park-services')) as unknown as Services;
  services.openParkServices.mockResolvedValue({ dispatch: vi.fn(), handlers: {}, store: {}, dataFile: '/d/park-desk-data.json', close });
  setup(electron, services);
  await import('../../../electron/main/index');
  return { electron, services };
}

const close = vi.fn(async () => undefined);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  close.mockClear();
  delete process.env.PARK_DESK_DATA_DIR;
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('electron/main/index', () => {
  it('registers the app scheme before ready and opens the window from app://', async () => {
    const { electron, services } = await boot();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));

    expect(services.openParkServices).toHaveBeenCalledWith({
      dataDir: path.join('/fake/user-data', 'data'),
      appVersion: '9.8.7',
      // The fonts the build copies beside the renderer, found from the main bundle's own folder.
      fontsDir: expect.stringMatching(/renderer[\\/]fonts$/),
      platform: {
        saveDialog: expect.objectContaining({ chooseSavePath: expect.any(Function) }),
        openDialog: expect.objectContaining({ chooseOpenPath: expect.any(Function) }),
        folderDialog: expect.any(Object),
        pdfPrinter: expect.any(Object),
        fileOpener: expect.objectContaining({ openFile: expect.any(Function), showInFolder: expect.any(Function) }),
        notifier: expect.objectContaining({ notify: expect.any(Function) }),
        secretStore: expect.objectContaining({ read: expect.any(Function), write: expect.any(Function), remove: expect.any(Function) }),
      },
      onReminderClick: expect.any(Function),
    });
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const win = electron.BrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://park-desk/index.html');
    expect(String(win.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(electron.app.setPath).not.toHaveBeenCalled();
  });

  it('quits a second instance at once, before opening any data', async () => {
    const { electron, services } = await boot((e) => e.app.requestSingleInstanceLock.mockReturnValue(false));
    await settle();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(services.openParkServices).not.toHaveBeenCalled();
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const { electron } = await boot();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    const win = electron.BrowserWindow.instances[0]!;
    win.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance', {}, [], '/', {});
    expect(win.restore).toHaveBeenCalledOnce();
    expect(win.focus).toHaveBeenCalledOnce();
  });

  it('shows the data error and exits without a window or handlers when the data cannot be opened', async () => {
    const { electron } = await boot((_e, s) => s.openParkServices.mockRejectedValue(new Error('The data file /d/park-desk-data.json is not valid JSON')));
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce());
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(expect.any(String), 'The data file /d/park-desk-data.json is not valid JSON');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('says who holds the data file and quits, writing nothing, when another process has it', async () => {
    const { DataFileInUseError } = await import('../../../electron/services/storage/park-store');
    const inUse = new DataFileInUseError('/d/park-desk-data.json', '/d/park-desk-data.json.lock', { pid: 42, host: 'PSEB-PC-07', user: 'asad', since: '2026-11-25T09:00:00Z', token: 't' });
    const { electron } = await boot((_e, s) => s.openParkServices.mockRejectedValue(inUse));
    await vi.waitFor(() => expect(electron.dialog.showErrorBox).toHaveBeenCalledOnce());
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Park Desk is already using this data', expect.stringContaining('is in use by Park Desk on computer PSEB-PC-07 (user asad, process 42)'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('takes the data folder from PARK_DESK_DATA_DIR, with its own profile', async () => {
    const dataDir = path.resolve('/srv/park-desk-test');
    process.env.PARK_DESK_DATA_DIR = dataDir;
    const { electron, services } = await boot();
    await vi.waitFor(() => expect(services.openParkServices).toHaveBeenCalled());
    expect(services.openParkServices).toHaveBeenCalledWith(expect.objectContaining({ dataDir, appVersion: '9.8.7' }));
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron-profile'));
    // The profile must move before the lock is taken, as the lock lives in it.
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]!);
  });

  it('takes the data folder from --data-dir', async () => {
    const dataDir = path.resolve('/srv/switch-data');
    const { services } = await boot((e) => e.app.commandLine.getSwitchValue.mockImplementation((name) => (name === 'data-dir' ? dataDir : '')));
    await vi.waitFor(() => expect(services.openParkServices).toHaveBeenCalledWith(expect.objectContaining({ dataDir, appVersion: '9.8.7' })));
  });

  it('loads the dev server only in an unpackaged build', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    const dev = await boot();
    await vi.waitFor(() => expect(dev.electron.BrowserWindow.instances).toHaveLength(1));
    expect(dev.electron.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');

    const packaged = await boot((e) => (e.app.isPackaged = true));
    await vi.waitFor(() => expect(packaged.electron.BrowserWindow.instances).toHaveLength(1));
    expect(packaged.electron.BrowserWindow.instances[0]?.loadURL).toHaveBeenCalledWith('app://park-desk/index.html');
  });

  it('lets a save under way finish before quitting', async () => {
    const { electron } = await boot();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    let finishWrite = () => {};
    close.mockImplementationOnce(() => new Promise<undefined>((resolve) => (finishWrite = () => resolve(undefined))));

    electron.app.quit();
    expect(close).toHaveBeenCalledOnce();
    await settle();
    expect(electron.app.exited).toBe(false);

    finishWrite();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('closing with unsaved changes', () => {
  /** The main window, its page holding a form with unsaved changes, and the official's answer ready. */
  async function withUnsavedForm(answer: 'Discard changes' | 'Keep editing') {
    const booted = await boot();
    await vi.waitFor(() => expect(booted.electron.BrowserWindow.instances).toHaveLength(1));
    const win = booted.electron.BrowserWindow.instances[0]!;
    win.webContents.pageCancelsUnload = true;
    booted.electron.dialog.showMessageBoxSync.mockImplementation((_w, options: { buttons?: string[] }) => options.buttons?.indexOf(answer) ?? -1);
    return { ...booted, win };
  }

  it('asks on the window\'s X, and Keep editing leaves the window and the data file open', async () => {
    const { electron, win } = await withUnsavedForm('Keep editing');
    win.close();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledWith(win, expect.objectContaining({ message: 'Discard unsaved changes?', buttons: ['Discard changes', 'Keep editing'], cancelId: 1, defaultId: 1 }));
    await settle();
    expect(win.isDestroyed()).toBe(false);
    expect(close).not.toHaveBeenCalled();
    expect(electron.app.exited).toBe(false);
  });

  it('asks on the window\'s X, and Discard changes closes the window, then the data file, then quits', async () => {
    const { electron, win } = await withUnsavedForm('Discard changes');
    let windowOpenWhenStoreClosed: boolean | undefined;
    close.mockImplementationOnce(async () => {
      windowOpenWhenStoreClosed = !win.isDestroyed();
      return undefined;
    });
    win.close();
    expect(win.isDestroyed()).toBe(true);
    // Windows and Linux quit with the last window; macOS keeps the app (and its data file) open.
    if (process.platform === 'darwin') return;
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(windowOpenWhenStoreClosed).toBe(false);
  });

  it('File > Exit with Keep editing cancels the quit and keeps the data file open for the next save', async () => {
    const { electron, win } = await withUnsavedForm('Keep editing');
    electron.app.quit();
    expect(electron.dialog.showMessageBoxSync).toHaveBeenCalledOnce();
    await settle();
    expect(win.isDestroyed()).toBe(false);
    expect(close).not.toHaveBeenCalled();
    expect(electron.app.exited).toBe(false);

    // Saved, then File > Exit again: now nothing holds the window, and the quit goes through.
    win.webContents.pageCancelsUnload = false;
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(close).toHaveBeenCalledOnce();
  });

  it('File > Exit with Discard changes closes the window before the data file, and the data file once', async () => {
    const { electron, win } = await withUnsavedForm('Discard changes');
    let windowOpenWhenStoreClosed: boolean | undefined;
    close.mockImplementationOnce(async () => {
      windowOpenWhenStoreClosed = !win.isDestroyed();
      return undefined;
    });
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(windowOpenWhenStoreClosed).toBe(false);
    expect(close).toHaveBeenCalledOnce();
  });

  it('closes without asking when nothing is unsaved', async () => {
    const { electron } = await boot();
    await vi.waitFor(() => expect(electron.BrowserWindow.instances).toHaveLength(1));
    electron.app.quit();
    await vi.waitFor(() => expect(electron.app.exited).toBe(true));
    expect(electron.dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(close).toHaveBeenCalledOnce();
  });
});

describe('electron/main/index, windows', () => {
  it('quits when the last window closes, except on macOS', async () => {
    const { electron } = await boot();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });
});
