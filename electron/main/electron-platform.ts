import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import { MM_PER_INCH } from '../../shared/documents/print-layout';
import type { FileOpener, FolderDialog, OpenDialog, PdfPrinter, SaveDialog } from '../services/platform';
import { createSecureWindow } from './window';

/** Native save dialog, attached to the window in use so it is modal to it. */
export function createSaveDialog(getWindow: () => BrowserWindow | undefined): SaveDialog {
  return {
    async chooseSavePath({ title, defaultName, filters }) {
      const options = { title, defaultPath: defaultName, filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const win = getWindow();
      const result = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
  };
}

/** Native folder picker for batch exports; the official may make a new folder in it. */
export function createFolderDialog(getWindow: () => BrowserWindow | undefined): FolderDialog {
  return {
    async chooseFolder({ title, buttonLabel }) {
      const options = { title, buttonLabel, properties: ['openDirectory' as const, 'createDirectory' as const, 'promptToCreate' as const] };
      const win = getWindow();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      return result.canceled ? undefined : result.filePaths[0];
    },
  };
}

/** Native open dialog for one existing file; main reads it itself, the renderer never names a path. */
export function createOpenDialog(getWindow: () => BrowserWindow | undefined): OpenDialog {
  return {
    async chooseOpenPath({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const win = getWindow();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseOpenPaths({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const, 'multiSelections' as const] };
      const win = getWindow();
      const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
      return result.canceled || result.filePaths.length === 0 ? undefined : result.filePaths;
    },
  };
}

/** Opens an exported file, or its folder, through the OS; services only pass paths they wrote themselves. */
export function createFileOpener(): FileOpener {
  return {
    openFile: (filePath) => shell.openPath(filePath),
    showInFolder: (filePath) => shell.showItemInFolder(filePath),
  };
}

export interface PdfPrinterOptions {
  landscape?: boolean;
  displayHeaderFooter?: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
  /** Page margins in millimetres (Electron takes inches). */
  marginsMm?: { top: number; right: number; bottom: number; left: number };
}

function marginsInInches({ top, right, bottom, left }: NonNullable<PdfPrinterOptions['marginsMm']>) {
  return { top: top / MM_PER_INCH, right: right / MM_PER_INCH, bottom: bottom / MM_PER_INCH, left: left / MM_PER_INCH };
}

/**
 * What the print window may load: nothing from anywhere, except the document's own inline
 * styles and data: images and fonts (the bundled Urdu font is embedded that way).
 */
export const PRINT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** Puts the policy first in the document's head, where Chromium honours a meta CSP. */
export function withPrintCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CONTENT_SECURITY_POLICY}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return `${doctype[0]}<head>${meta}</head>${html.slice(doctype[0].length)}`;
  return `<head>${meta}</head>${html}`;
}

/**
 * Prints in a hidden window of its own, with JavaScript off and no preload: the document
 * is markup the services built (escaped), and it never gets a way to call main.
 * The document is loaded from a private temp file, not a data: URL: Chromium refuses URLs
 * over 2 MiB, and the embedded fonts alone take a third of that, so a long MoU (the schema
 * allows 1,000 obligations of 2,000 characters) could be previewed but never printed.
 */
export function createPdfPrinter(defaults: PdfPrinterOptions = {}): PdfPrinter {
  return {
    async printHtmlToPdf(html, layout) {
      const options: PdfPrinterOptions = layout ?? defaults;
      const win = createSecureWindow({ allowedOrigins: [], javascript: false, window: { show: false, width: 794, height: 1123 } });
      let folder: string | undefined;
      try {
        // mkdtemp makes the folder owner-only; it and the document go as soon as printing ends.
        folder = await mkdtemp(path.join(tmpdir(), 'park-desk-print-'));
        const file = path.join(folder, 'document.html');
        await writeFile(file, withPrintCsp(html), { encoding: 'utf8', flag: 'wx' });
        await win.loadFile(file);
        const pdf = await win.webContents.printToPDF({
          pageSize: 'A4',
          ...(options.landscape ? { landscape: true } : {}),
          printBackground: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
          displayHeaderFooter: options.displayHeaderFooter ?? false,
          ...(options.headerTemplate === undefined ? {} : { headerTemplate: options.headerTemplate }),
          ...(options.footerTemplate === undefined ? {} : { footerTemplate: options.footerTemplate }),
          ...(options.marginsMm === undefined ? {} : { margins: marginsInInches(options.marginsMm) }),
        });
        return new Uint8Array(pdf);
      } finally {
        win.destroy();
        // On Windows the closing renderer or an antivirus scan may hold the file a moment: retry,
        // and never let a leftover in the temp folder turn a finished PDF into a failure.
        if (folder) await rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
      }
    },
  };
}
