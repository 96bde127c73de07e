import type { MouFields } from '../domain/mou';
import { formatDate, todayInPakistan } from '../format/dates';

/** Characters Windows refuses in file names, plus control characters. */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Leaves room for a " (99)" suffix and the folder within Windows' 260-character path limit. */
const MAX_BASE_LENGTH = 120;

/** A piece of text made safe as (part of) a Windows file name; Urdu letters are kept. */
export function sanitizeFileNamePart(value: string): string {
  return value.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
}

/** The party the MoU is with: the first that is not PSEB (PSEB itself when all are). */
export function partnerName(fields: Pick<MouFields, 'parties'>): string {
  return (fields.parties.find((p) => p.type !== 'pseb') ?? fields.parties[0])?.name ?? '';
}

/** "MoU PSEB-STP-FSD-2021-01 - Sitara Chemical Industries.pdf" */
export function mouSummaryFileName(fields: Pick<MouFields, 'mouNumber' | 'parties'>): string {
  const number = sanitizeFileNamePart(fields.mouNumber);
  const partner = sanitizeFileNamePart(partnerName(fields));
  let base = [`MoU ${number}`.trim(), partner].filter(Boolean).join(' - ');
  if (base.length > MAX_BASE_LENGTH) base = base.slice(0, MAX_BASE_LENGTH).trim();
  // Windows drops trailing dots and spaces, which would change the name it writes.
  base = base.replace(/[. ]+$/, '');
  if (!base || RESERVED.test(base)) base = `MoU summary ${base}`.trim();
  return `${base}.pdf`;
}

/** "name.pdf" -> "name (2).pdf", for a file that must not overwrite one already there. */
export function numberedFileName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? `${fileName.slice(0, dot)} (${n})${fileName.slice(dot)}` : `${fileName} (${n})`;
}

/** "MoU summaries 27-Nov-2026.pdf": the pack for a meeting, named by the day it was made in Pakistan. */
export function combinedSummariesFileName(now: Date): string {
  return `MoU summaries ${formatDate(todayInPakistan(now))}.pdf`;
}
