import type { PrintLayout } from '../../shared/documents/print-layout';

/**
 * What only the desktop shell can do, as small interfaces. Electron implements them in
 * electron/main; tests and the browser preview implement them with Node and Playwright.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Runs something again and again; the app uses setInterval, tests turn it by hand (no real waiting). */
export interface Timer {
  /** Calls `run` every `ms` milliseconds until the returned function is called. */
  every(ms: number, run: () => void): () => void;
}

export const systemTimer: Timer = {
  every(ms, run) {
    const handle = setInterval(run, ms);
    // A pending reminder never keeps the process alive on its own.
    handle.unref?.();
    return () => clearInterval(handle);
  },
};

/** Desktop notifications (the reminders). */
export interface Notifier {
  /**
   * Shows a notification; `onClick` runs when the official clicks it. Returns false where the
   * system cannot show notifications (nothing is shown then).
   */
  notify(notification: { title: string; body: string; onClick?: () => void }): boolean;
}

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

/**
 * Secrets (the sync password) kept by the OS's protected store: Electron's safeStorage in the
 * app, encrypted bytes in a file of their own, never in the data file, a backup, an export or a log.
 */
export interface SecretStore {
  /** The secret kept under `name`, or undefined when there is none (or it can no longer be read). */
  read(name: string): Promise<string | undefined>;
  /** Throws when this PC cannot protect a secret (no OS keyring). */
  write(name: string, secret: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/** Runs something later (automatic sync); tests drive it by hand. */
export interface Scheduler {
  /** Calls `run` after `ms`; the returned function cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const systemScheduler: Scheduler = {
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};
