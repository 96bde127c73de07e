import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents, type WebPreferences } from 'electron';
import { originOf } from './origins';
import { askDiscardUnsavedChanges } from './unsaved-changes';

/** Every window gets these; a window may only add a preload or turn JavaScript off. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // Chromium's spellchecker downloads dictionaries from Google; this app stays offline.
  spellcheck: false,
} as const satisfies WebPreferences;

export interface SecureWindowOptions {
  /** Origins this window's pages may navigate to; every other navigation is blocked. */
  allowedOrigins: readonly string[];
  preload?: string;
  /** Off for windows that only render trusted markup, such as the print window. */
  javascript?: boolean;
  window?: Omit<BrowserWindowConstructorOptions, 'webPreferences'>;
}

/** The one way this app makes a window, so no window can miss a rule. */
export function createSecureWindow(options: SecureWindowOptions): BrowserWindow {
  const webPreferences: WebPreferences = { ...SECURE_WEB_PREFERENCES, javascript: options.javascript ?? true };
  if (options.preload) webPreferences.preload = options.preload;

  const win = new BrowserWindow({ ...options.window, webPreferences });
  applySessionRules(win.webContents.session);
  guardWebContents(win.webContents, options.allowedOrigins);
  return win;
}

/** Nothing in the app needs a camera, notifications or the like, so nothing is granted. */
export function applySessionRules(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function guardWebContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  const blockForeign = (event: { url: string; preventDefault(): void }) => {
    const origin = originOf(event.url);
    if (origin === null || !allowedOrigins.includes(origin)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  // A subframe may show markup its own page supplied (<iframe srcdoc>: the MoU summary
  // preview); that loads nothing from anywhere. Everything else follows the origin rule.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && event.url === 'about:srcdoc') return;
    blockForeign(event);
  });
  contents.on('will-redirect', blockForeign);

  // A new window would escape these rules, and the app has no external links to hand to
  // the system browser: every window.open and target=_blank is refused.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));

  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowOptions {
  url: string;
  preload: string;
  allowedOrigins: readonly string[];
}

export function createMainWindow({ url, preload, allowedOrigins }: MainWindowOptions): BrowserWindow {
  const win = createSecureWindow({
    allowedOrigins,
    preload,
    window: {
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 640,
      title: 'Park Desk',
      backgroundColor: '#ffffff',
      // Shown once painted, so the official never sees an empty frame.
      show: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // A form with unsaved changes cancels the page's unload (App.tsx beforeunload). Electron
  // shows no prompt for that and would just keep the window open, so the X button or
  // File > Exit would seem to do nothing: ask, and let the unload go ahead on Discard.
  win.webContents.on('will-prevent-unload', (event) => {
    if (askDiscardUnsavedChanges(win)) event.preventDefault();
  });
  win.loadURL(url).catch((error: unknown) => console.error(`Could not load ${url}`, error));
  return win;
}
