import { beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, MAX_URL_CHARS, resetFakeElectron } from './fake-electron';

/** The fake electron must behave as Electron documents it, or the shell's tests prove nothing. */
describe('the fake electron follows Electron\'s documented close and quit order', () => {
  let events: string[];
  beforeEach(() => {
    resetFakeElectron();
    events = [];
    for (const name of ['before-quit', 'will-quit', 'quit', 'window-all-closed']) app.on(name, () => events.push(name));
  });
  const track = (win: BrowserWindow, label: string) => {
    win.on('close', () => events.push(`${label} close`));
    win.on('closed', () => events.push(`${label} closed`));
    win.webContents.on('will-prevent-unload', () => events.push(`${label} will-prevent-unload`));
  };

  it('app.quit(): before-quit, then every window closes, then will-quit and quit; no window-all-closed', () => {
    const a = new BrowserWindow({});
    const b = new BrowserWindow({});
    track(a, 'a');
    track(b, 'b');
    app.quit();
    expect(events).toEqual(['before-quit', 'a close', 'a closed', 'b close', 'b closed', 'will-quit', 'quit']);
    expect(app.exited).toBe(true);
  });

  it('a page that cancels its unload keeps its window, and the quit stops there, unless will-prevent-unload is prevented', () => {
    const win = new BrowserWindow({});
    track(win, 'w');
    win.webContents.pageCancelsUnload = true;
    app.quit();
    expect(events).toEqual(['before-quit', 'w close', 'w will-prevent-unload']);
    expect(win.isDestroyed()).toBe(false);
    expect(app.exited).toBe(false);

    events.length = 0;
    win.webContents.once('will-prevent-unload', (event: { preventDefault(): void }) => event.preventDefault());
    app.quit();
    expect(events).toEqual(['before-quit', 'w close', 'w will-prevent-unload', 'w closed', 'will-quit', 'quit']);
  });

  it('closing the last window outside a quit emits window-all-closed, and does not quit by itself when listened to', () => {
    const win = new BrowserWindow({});
    track(win, 'w');
    win.close();
    expect(events).toEqual(['w close', 'w closed', 'window-all-closed']);
    expect(app.exited).toBe(false);
  });

  it('will-quit prevented keeps the app running', () => {
    app.once('will-quit', (event: { preventDefault(): void }) => event.preventDefault());
    app.quit();
    expect(events).toEqual(['before-quit', 'will-quit']);
    expect(app.exited).toBe(false);
  });

  it('refuses to load a URL longer than Chromium allows', async () => {
    const win = new BrowserWindow({});
    await expect(win.loadURL(`data:text/html;base64,${'A'.repeat(MAX_URL_CHARS)}`)).rejects.toThrow(/ERR_INVALID_URL/);
  });
});
