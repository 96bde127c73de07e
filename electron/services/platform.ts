import type { PrintLayout } from '../../shared/documents/print-layout';

/**
 * What only the desktop shell can do, as small interfaces. Electron implements them in
 * electron/main; tests and the browser preview implement them with Node and Playwright.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface SaveDialog {
  /** Asks where to save; undefined when the official cancels. */
  chooseSavePath(options: { title: string; defaultName: string; filters: { name: string; extensions: string[] }[] }): Promise<string | undefined>;
}

export interface OpenDialog {
  /** Asks which file to open; undefined when the official cancels. */
  chooseOpenPath(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string | undefined>;
  /** Asks for one or more files (attachments); undefined when the official cancels. */
  chooseOpenPaths?(options: { title: string; filters: { name: string; extensions: string[] }[] }): Promise<string[] | undefined>;
}

export interface PdfPrinter {
  /**
   * Renders a complete HTML document to PDF bytes (A4, tagged, with an outline), laid out as
   * `layout` says (landscape, footer) or, without one, as the printer was made.
   */
  printHtmlToPdf(html: string, layout?: PrintLayout): Promise<Uint8Array>;
}

export interface FolderDialog {
  /** Asks for a folder (one may be created); undefined when the official cancels. */
  chooseFolder(options: { title: string; buttonLabel: string }): Promise<string | undefined>;
}

export interface FileOpener {
  /** Opens a file the app wrote with the program the system uses for it; resolves to an error message, '' when it opened. */
  openFile(filePath: string): Promise<string>;
  /** Shows the file selected in the system's file manager. */
  showInFolder(filePath: string): void;
}
