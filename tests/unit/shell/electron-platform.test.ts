import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, MAX_URL_CHARS, session, shell } from './fake-electron';
import { createFileOpener, createFolderDialog, createOpenDialog, createPdfPrinter, createSaveDialog, PRINT_CONTENT_SECURITY_POLICY, withPrintCsp } from '../../../electron/main/electron-platform';
import { createDocumentFontCss } from '../../../electron/services/document-fonts';
import { buildMouSummaryHtml } from '../../../shared/documents/mou-summary';
import { MOU_SUMMARY_PRINT_LAYOUT, PARK_REGISTER_PRINT_LAYOUT } from '../../../shared/documents/print-layout';
import { MouSchema } from '../../../shared/domain/mou';
import { SECURE_WEB_PREFERENCES } from '../../../electron/main/window';
import { faisalabadMou, faisalabadProposal, longUrduObligations } from '../../support/mou-data';

vi.mock('electron', () => import('./fake-electron'));

beforeEach(() => {
  vi.clearAllMocks();
  BrowserWindow.instances.length = 0;
});

const HTML = '<!doctype html><html lang="ur"><title>MoU #1 — "Arfa" & co</title><h1>پارک</h1></html>';

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
    // From a file, not a data: URL: the document arrives whole, Urdu and markup characters included.
    expect(win.webContents.loadedFileHtml).toBe(withPrintCsp(HTML));
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

  it('prints a report across the page with its own footer when the call gives a layout', async () => {
    await createPdfPrinter(MOU_SUMMARY_PRINT_LAYOUT).printHtmlToPdf(HTML, PARK_REGISTER_PRINT_LAYOUT);
    const options = BrowserWindow.instances[0]!.webContents.printToPDF.mock.calls[0]![0] as { landscape: boolean; footerTemplate: string };
    expect(options.landscape).toBe(true);
    expect(options.footerTemplate).toContain('Park register');
    expect(options.footerTemplate).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
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

  it('prints an MoU at the schema\'s limits: 300 obligations of 2,000 Urdu characters, fonts embedded', async () => {
    const mou = MouSchema.parse(faisalabadMou((f) => (f.obligations = longUrduObligations(300))));
    const html = buildMouSummaryHtml({
      mou,
      proposal: faisalabadProposal(),
      generatedBy: 'Ayesha Siddiqui',
      generatedAt: '2026-11-27T10:00:00.000Z',
      fontCss: await createDocumentFontCss(path.resolve(import.meta.dirname, '../../../renderer/public/fonts'))(),
    });
    // Far past what Chromium would take as a data: URL.
    expect(Buffer.byteLength(html) * (4 / 3)).toBeGreaterThan(MAX_URL_CHARS);

    await expect(createPdfPrinter(MOU_SUMMARY_PRINT_LAYOUT).printHtmlToPdf(html)).resolves.toBeInstanceOf(Uint8Array);
    const win = BrowserWindow.instances[0]!;
    expect(win.webContents.printToPDF).toHaveBeenCalledOnce();
    expect(win.webContents.loadedFileHtml).toBe(withPrintCsp(html));
    expect(win.webContents.loadedFileHtml).toContain(mou.fields.obligations[299]!.description);
  });

  it('leaves no copy of the document on disk, printed or failed', async () => {
    await createPdfPrinter().printHtmlToPdf(HTML);
    const [printed] = BrowserWindow.instances[0]!.loadFile.mock.calls[0]!;
    expect(existsSync(path.dirname(printed))).toBe(false);

    const failing = createPdfPrinter().printHtmlToPdf(HTML);
    BrowserWindow.instances[1]!.webContents.printToPDF.mockRejectedValueOnce(new Error('printing failed'));
    await expect(failing).rejects.toThrow('printing failed');
    const [failed] = BrowserWindow.instances[1]!.loadFile.mock.calls[0]!;
    expect(existsSync(path.dirname(failed))).toBe(false);
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
    expect(BrowserWindow.instances[0]!.webContents.loadedFileHtml).toContain(meta);
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
    expect(shell.openExternal).not.toHaveBeenCalled();
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

  it('returns every chosen file when several may be chosen (attachments)', async () => {
    const win = new BrowserWindow({});
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/official/scan.pdf', '/home/official/minutes.docx'] });
    await expect(createOpenDialog(() => win as never).chooseOpenPaths!(request)).resolves.toEqual(['/home/official/scan.pdf', '/home/official/minutes.docx']);
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(win, { title: request.title, filters: request.filters, properties: ['openFile', 'multiSelections'] });
    await expect(createOpenDialog(() => undefined).chooseOpenPaths!(request)).resolves.toBeUndefined();
  });
});
