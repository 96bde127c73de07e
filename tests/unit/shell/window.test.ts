import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, session, shell } from './fake-electron';
import { createMainWindow, createSecureWindow, SECURE_WEB_PREFERENCES } from '../../../electron/main/window';
import { APP_ORIGIN } from '../../../electron/main/origins';

vi.mock('electron', () => import('./fake-electron'));

const PRELOAD = '/app/out/preload/index.cjs';

function mainWindow(allowedOrigins: string[] = [APP_ORIGIN]) {
  createMainWindow({ url: `${APP_ORIGIN}/index.html`, preload: PRELOAD, allowedOrigins });
  const win = BrowserWindow.instances.at(-1);
  if (!win) throw new Error('no window was created');
  return win;
}

function navigate(win: BrowserWindow, eventName: string, url: string, isMainFrame = true): boolean {
  const event = { url, isMainFrame, preventDefault: vi.fn() };
  win.webContents.emit(eventName, event);
  return event.preventDefault.mock.calls.length > 0;
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  vi.clearAllMocks();
  BrowserWindow.instances.length = 0;
});

describe('the main window', () => {
  it('has the secure webPreferences and the preload', () => {
    const prefs = mainWindow().options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      javascript: true,
      preload: PRELOAD,
    });
  });

  it('has the agreed size, title and background and shows once ready', () => {
    const win = mainWindow();
    expect(win.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      title: 'Park Desk',
      backgroundColor: '#ffffff',
      show: false,
    });
    expect(win.loadURL).toHaveBeenCalledWith(`${APP_ORIGIN}/index.html`);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('lets the page set the window title (page-title-updated is left alone)', () => {
    expect(mainWindow().webContents.listenerCount('page-title-updated')).toBe(0);
    expect(BrowserWindow.instances[0]?.listenerCount('page-title-updated')).toBe(0);
  });
});

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])('%s stays within the app origin', (eventName) => {
    const win = mainWindow();
    expect(navigate(win, eventName, `${APP_ORIGIN}/index.html#/proposals`)).toBe(false);
    expect(navigate(win, eventName, `${APP_ORIGIN}/other.html`)).toBe(false);
    for (const foreign of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://other-host/index.html',
      'app://park-desk.evil.example/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>hi</h1>',
      'not a url',
    ]) {
      expect(navigate(win, eventName, foreign), foreign).toBe(true);
    }
  });

  it('lets a subframe show its page\'s own srcdoc markup (the summary preview), and nothing else', () => {
    const win = mainWindow();
    expect(navigate(win, 'will-frame-navigate', 'about:srcdoc', false)).toBe(false);
    // The top frame never becomes a srcdoc, and a subframe may not go anywhere foreign either.
    expect(navigate(win, 'will-frame-navigate', 'about:srcdoc', true)).toBe(true);
    expect(navigate(win, 'will-navigate', 'about:srcdoc')).toBe(true);
    for (const foreign of ['about:blank', 'https://example.com/', 'data:text/html,<h1>hi</h1>', 'javascript:alert(1)']) {
      expect(navigate(win, 'will-frame-navigate', foreign, false), foreign).toBe(true);
    }
  });

  it('allows the dev server origin only when it is listed', () => {
    const dev = mainWindow([APP_ORIGIN, 'http://localhost:5173']);
    expect(navigate(dev, 'will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(navigate(dev, 'will-navigate', 'http://localhost:5174/index.html')).toBe(true);
  });
});

describe('new windows and external links', () => {
  it('denies every window.open and sends nothing to the system browser, web links included', async () => {
    const win = mainWindow();
    const handler = win.webContents.windowOpenHandler;
    expect(handler).toBeDefined();

    const urls = ['https://pseb.org.pk/', 'http://example.com/a', 'javascript:alert(1)', 'file:///C:/Windows/system32/calc.exe', 'smb://server/share', 'ms-settings:', `${APP_ORIGIN}/index.html`, 'mailto:a@b.pk', 'not a url'];
    for (const url of urls) expect(handler?.({ url }), url).toEqual({ action: 'deny' });
    await flush();
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents <webview> from attaching', () => {
    const win = mainWindow();
    const event = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('permissions', () => {
  it('answers false to every permission request and check', () => {
    mainWindow();
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls.at(-1)?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const checkHandler = session.defaultSession.setPermissionCheckHandler.mock.calls.at(-1)?.[0] as (contents: unknown, permission: string) => boolean;

    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback);
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(checkHandler({}, permission), permission).toBe(false);
    }
  });
});

describe('createSecureWindow', () => {
  it('keeps every secure setting for a window without JavaScript or preload', () => {
    createSecureWindow({ allowedOrigins: [], javascript: false, window: { show: false } });
    const prefs = BrowserWindow.instances[0]?.options.webPreferences;
    expect(prefs).toMatchObject({ ...SECURE_WEB_PREFERENCES, javascript: false });
    expect(prefs).not.toHaveProperty('preload');
  });

  it('blocks all navigation when no origin is allowed', () => {
    createSecureWindow({ allowedOrigins: [] });
    const win = BrowserWindow.instances[0]!;
    expect(navigate(win, 'will-navigate', `${APP_ORIGIN}/index.html`)).toBe(true);
  });

  it('cannot be talked out of the secure settings by window options', () => {
    createSecureWindow({
      allowedOrigins: [],
      window: { webPreferences: { nodeIntegration: true } } as unknown as Parameters<typeof createSecureWindow>[0]['window'],
    });
    expect(BrowserWindow.instances[0]?.options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
  });
});
