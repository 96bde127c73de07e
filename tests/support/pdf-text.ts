import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
/** A long MoU prints to hundreds of pages: more text than execFile's default 1 MB buffer. */
const run = (command: string, args: string[]) => execFileAsync(command, args, { maxBuffer: 256 * 1024 * 1024 });

/** Bidi embedding marks (U+202A-U+202E) pdftotext itself wraps around right-to-left runs. */
const BIDI_MARKS = /[\u202a-\u202e]/g;

/** The PDF's text as pdftotext reads it; only whitespace is normalised, and pdftotext's own bidi marks dropped. */
export async function pdfText(file: string, page?: number): Promise<string> {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', [...pages, file, '-']);
  return stdout.replace(BIDI_MARKS, '').replace(/\s+/g, ' ');
}

/** The lines of the PDF laid out as printed (pdftotext -layout): one table row per line. */
export async function pdfLines(file: string, page?: number): Promise<string[]> {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const { stdout } = await run('pdftotext', ['-layout', ...pages, file, '-']);
  return stdout.split('\n').map((line) => line.replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim());
}

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
}

/** Printing takes seconds (more on a busy two-core machine); the notice comes when the file is written. */
export const PRINT_TIMEOUT = { timeout: 45_000 };

/** Page 1's size in points as pdfinfo gives it: A4 across is about 842 x 595. */
export async function pdfPageSize(file: string): Promise<{ width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [file]);
  const match = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout)!;
  return { width: Number(match[1]), height: Number(match[2]) };
}
