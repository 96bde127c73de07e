import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, session, shell } from './fake-electron';
import { createFileOpener, createFolderDialog, createOpenDialog, createPdfPrinter, createSaveDialog, htmlToDataUrl, PRINT_CONTENT_SECURITY_POLICY, withPrintCsp } from '../../../electron/main/electron-platform';
import { MOU_SUMMARY_PRINT_LAYOUT } from '../../../shared/documents/print-layout';
import { SECURE_WEB_PREFERENCES } from '../../../electron/main/window';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  vi.clearAllMocks();
  BrowserWindow.instances.length = 0;
});

const HTML = '<!doctype html><html lang="ur"><title>MoU #1 — "Arfa" & co</title><h1>پارک</h1></html>';

describe('htmlToDataUrl', () => {
  it('round-trips any document, Urdu and markup characters included', () => {
    const url = htmlToDataUrl(HTML);
    expect(url).toMatch(/^data:text\/html;charset=utf-8;base64,[A-Za-z0-9+/=]+$/);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe(HTML);
  });
});

describe('createFileOpener', () => {
  it('opens a file and shows it in its folder through the shell, reporting what openPath says', async () => {
    const opener = createFileOpener();
    await expect(opener.openFile('/exports/MoU.pdf')).resolves.toBe('');
    opener.showInFolder('/exports/MoU.pdf');
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith('/exports/MoU.pdf');
    expect(shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/exports/MoU.pdf');
    shell.openPath.mockResolvedValueOnce('No application is associated with this file');
    await expect(opener.openFile('/exports/MoU.pdf')).resolves.toBe('No application is associated with this file');
  });
});

describe('createPdfPrinter', () => {
  it('prints in a hidden, script-less window without preload, then destroys it', async () => {
    const pdf = await createPdfPrinter().printHtmlToPdf(HTML);
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 fake');

    const win = BrowserWindow.instances[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ ...SECURE_WEB_PREFERENCES, javascript: false });
    expect(win.options.webPreferences).not.toHaveProperty('preload');
    expect(win.loadURL).toHaveBeenCalledWith(htmlToDataUrl(withPrintCsp(HTML)));
    expect(win.webContents.printToPDF).toHaveBeenCalledWith({
      pageSize: 'A4',
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
      displayHeaderFooter: false,
    });
    expect(win.destroy).toHaveBeenCalledOnce();
  });

  it('passes header and footer options through', async () => {
    await createPdfPrinter({ displayHeaderFooter: true, footerTemplate: '<span class="pageNumber"></span>' }).printHtmlToPdf(HTML);
    expect(BrowserWindow.instances[0]?.webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ displayHeaderFooter: true, footerTemplate: '<span class="pageNumber"></span>' }),
    );
  });

  it('prints summaries with "Page X of Y" in the footer and the shared margins, in inches', async () => {
    await createPdfPrinter(MOU_SUMMARY_PRINT_LAYOUT).printHtmlToPdf(HTML);
    const options = BrowserWindow.instances[0]!.webContents.printToPDF.mock.calls[0]![0] as { footerTemplate: string; margins: Record<string, number> };
    expect(options).toMatchObject({ pageSize: 'A4', generateTaggedPDF: true, generateDocumentOutline: true, displayHeaderFooter: true, headerTemplate: '<span></span>' });
    expect(options.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
    expect(options.margins.top!).toBeCloseTo(14 / 25.4);
    expect(options.margins.bottom!).toBeCloseTo(18 / 25.4);
    expect(options.margins.left!).toBeCloseTo(15 / 25.4);
  });

  it('destroys the window when printing fails', async () => {
    const printer = createPdfPrinter();
    const pending = printer.printHtmlToPdf(HTML);
    BrowserWindow.instances[0]!.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    await expect(pending).rejects.toThrow('printing failed');
    expect(BrowserWindow.instances[0]?.destroy).toHaveBeenCalledOnce();
  });

  it('refuses a document too large for a data: URL before opening a window', async () => {
    await expect(createPdfPrinter().printHtmlToPdf('x'.repeat(2 * 1024 * 1024))).rejects.toThrow(/too large/);
    expect(BrowserWindow.instances).toHaveLength(0);
  });
});

describe('the print window', () => {
  it('loads the document under a default-src none policy placed first in its head', async () => {
    expect(PRINT_CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(PRINT_CONTENT_SECURITY_POLICY).not.toMatch(/script-src|unsafe-eval|https?:/);
    const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`;
    expect(withPrintCsp('<!doctype html><html><head><title>t</title></head><body>x</body></html>')).toBe(`<!doctype html><html><head>${meta}<title>t</title></head><body>x</body></html>`);
    expect(withPrintCsp('<!DOCTYPE html><p>x</p>')).toBe(`<!DOCTYPE html><head>${meta}</head><p>x</p>`);
    expect(withPrintCsp('<p>x</p>')).toBe(`<head>${meta}</head><p>x</p>`);

    await createPdfPrinter().printHtmlToPdf(HTML);
    const url = BrowserWindow.instances[0]!.loadURL.mock.calls[0]![0];
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toContain(meta);
  });

  it('blocks navigation, new windows, <webview> and every permission, as the main window does', async () => {
    const printing = createPdfPrinter().printHtmlToPdf(HTML);
    const win = BrowserWindow.instances[0]!;
    for (const eventName of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of ['app://park-desk/index.html', 'https://example.com/', 'file:///etc/passwd']) {
        const event = { url, preventDefault: vi.fn() };
        win.webContents.emit(eventName, event);
        expect(event.preventDefault, `${eventName} ${url}`).toHaveBeenCalledOnce();
      }
    }
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalledOnce();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls.at(-1)?.[0] as (c: unknown, p: string, cb: (g: boolean) => void) => void;
    const callback = vi.fn();
    request({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    await printing;
    expect(shell.openExternal).toHaveBeenCalledWith('https://example.com/');
  });
});

describe('createSaveDialog', () => {
  const request = { title: 'Save MoU summary', defaultName: 'mou.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] };

  it('returns the chosen path, attached to the window', async () => {
    const win = new BrowserWindow({});
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/official/mou.pdf' });
    await expect(createSaveDialog(() => win as never).chooseSavePath(request)).resolves.toBe('/home/official/mou.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ title: request.title, defaultPath: 'mou.pdf', filters: request.filters }));
  });

  it('returns undefined when the official cancels', async () => {
    await expect(createSaveDialog(() => undefined).chooseSavePath(request)).resolves.toBeUndefined();
  });
});

describe('createFolderDialog', () => {
  const request = { title: 'Choose a folder', buttonLabel: 'Export here' };

  it('returns the chosen folder, attached to the window, allowing a new folder', async () => {
    const win = new BrowserWindow({});
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/official/summaries'] });
    await expect(createFolderDialog(() => win as never).chooseFolder(request)).resolves.toBe('/home/official/summaries');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, expect.objectContaining({ title: request.title, buttonLabel: 'Export here', properties: expect.arrayContaining(['openDirectory', 'createDirectory']) }));
  });

  it('returns undefined when the official cancels', async () => {
    await expect(createFolderDialog(() => undefined).chooseFolder(request)).resolves.toBeUndefined();
  });
});

describe('createOpenDialog', () => {
  const request = { title: 'Import Park Desk records', filters: [{ name: 'Park Desk export', extensions: ['json'] }] };

  it('returns the one chosen file, attached to the window', async () => {
    const win = new BrowserWindow({});
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/official/export.json'] });
    await expect(createOpenDialog(() => win as never).chooseOpenPath(request)).resolves.toBe('/home/official/export.json');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, { title: request.title, filters: request.filters, properties: ['openFile'] });
  });

  it('returns undefined when the official cancels', async () => {
    await expect(createOpenDialog(() => undefined).chooseOpenPath(request)).resolves.toBeUndefined();
  });
});
