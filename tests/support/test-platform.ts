import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { MOU_SUMMARY_PRINT_LAYOUT } from '../../shared/documents/print-layout';
import type { PlatformServices } from '../../electron/services/park-services';
import type { PdfPrinter } from '../../electron/services/platform';

/**
 * Chromium's page.pdf with the options Electron's printToPDF gets in the app, in a context
 * of its own with JavaScript off and the network refused, like the app's print window.
 */
export function createPlaywrightPdfPrinter(browser: Browser): PdfPrinter {
  return {
    async printHtmlToPdf(html, layout = MOU_SUMMARY_PRINT_LAYOUT) {
      const { displayHeaderFooter, headerTemplate, footerTemplate, marginsMm, landscape = false } = layout;
      const context = await browser.newContext({ javaScriptEnabled: false });
      try {
        await context.route('**/*', (route) => route.abort('blockedbyclient'));
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          format: 'A4',
          landscape,
          printBackground: true,
          tagged: true,
          outline: true,
          displayHeaderFooter,
          headerTemplate,
          footerTemplate,
          margin: { top: `${marginsMm.top}mm`, right: `${marginsMm.right}mm`, bottom: `${marginsMm.bottom}mm`, left: `${marginsMm.left}mm` },
        });
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
  };
}

/** Dialogs a test answers: saves go into its export folder under the name the app proposed. */
export interface TestDialogs {
  exportDir: string;
  /** Every file name the app proposed in a save dialog, in order. */
  proposedNames: string[];
  /** The next dialog (save, open or folder) is cancelled, as if the official pressed Cancel. */
  cancelNextDialog(): void;
  /** Paths the next save dialogs answer, in order; when empty a save goes into exportDir. */
  savePaths: string[];
  /** Files the next open dialogs answer, in order; when empty the dialog is cancelled. */
  openPaths: string[];
  /** Answers for the next several-files open dialogs (attachments), in order; when empty one of openPaths answers. */
  openPathSets: string[][];
  /** Files the app asked the system to open, and to show in their folder, in order. */
  openedFiles: string[];
  shownInFolder: string[];
}

export function createTestPlatform(browser: Browser, exportDir: string): { platform: PlatformServices; dialogs: TestDialogs } {
  let cancelNext = false;
  const cancelled = () => {
    const was = cancelNext;
    cancelNext = false;
    return was;
  };
  const dialogs: TestDialogs = { exportDir, proposedNames: [], cancelNextDialog: () => (cancelNext = true), savePaths: [], openPaths: [], openPathSets: [], openedFiles: [], shownInFolder: [] };
  return {
    dialogs,
    platform: {
      pdfPrinter: createPlaywrightPdfPrinter(browser),
      saveDialog: {
        async chooseSavePath({ defaultName }) {
          dialogs.proposedNames.push(defaultName);
          if (cancelled()) return undefined;
          const scripted = dialogs.savePaths.shift();
          if (scripted) return scripted;
          await mkdir(exportDir, { recursive: true });
          return path.join(exportDir, defaultName);
        },
      },
      openDialog: {
        async chooseOpenPath() {
          if (cancelled()) return undefined;
          return dialogs.openPaths.shift();
        },
        async chooseOpenPaths() {
          if (cancelled()) return undefined;
          const set = dialogs.openPathSets.shift();
          if (set) return set;
          const one = dialogs.openPaths.shift();
          return one ? [one] : undefined;
        },
      },
      fileOpener: {
        async openFile(filePath) {
          dialogs.openedFiles.push(filePath);
          return '';
        },
        showInFolder(filePath) {
          dialogs.shownInFolder.push(filePath);
        },
      },
      folderDialog: {
        async chooseFolder() {
          if (cancelled()) return undefined;
          await mkdir(exportDir, { recursive: true });
          return exportDir;
        },
      },
    },
  };
}
