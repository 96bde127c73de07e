import { z } from 'zod';
import { optionalText } from '../validation/field-values';

/**
 * Attachments: documents kept with a proposal or an MoU. The bytes live once in the data
 * folder under their SHA-256 (`attachments/<2 hex>/<sha256>`, see attachment-store.ts); the
 * record keeps only what is below. A reference removed from a record leaves the file in the
 * store, because the record's history and older backups may still name it.
 */
export const ATTACHMENT_KINDS = ['offer-letter', 'site-visit', 'minutes', 'signed-mou', 'amendment', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  'offer-letter': 'Offer letter',
  'site-visit': 'Site-visit report or photo',
  minutes: 'Committee or Board minutes',
  'signed-mou': 'Signed MoU',
  amendment: 'Amendment',
  other: 'Other',
};

/** One file is at most 50 MB (decimal: 50,000,000 bytes), checked before it is read. */
export const MAX_ATTACHMENT_BYTES = 50 * 1000 * 1000;

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Not a SHA-256 in lowercase hex.' });

export const AttachmentSchema = z.strictObject({
  /** Not IdSchema from proposal.ts: proposal.ts imports this module. */
  id: z.uuid({ error: 'Not a valid attachment id.' }),
  kind: z.enum(ATTACHMENT_KINDS),
  /** The file's original name (Urdu allowed), without any folder. */
  name: z.string().min(1).max(255),
  sizeBytes: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES),
  sha256: Sha256Schema,
  /** From the name's extension (mediaTypeOf); application/octet-stream when unknown. */
  mediaType: z.string().max(120),
  /** The official's name, as other records carry it. */
  addedBy: z.string().max(120),
  addedAt: z.iso.datetime(),
  note: optionalText('Note', 2000),
});
export type Attachment = z.output<typeof AttachmentSchema>;

/** On ProposalSchema and MouSchema: optional, so older data files stay valid. */
export const AttachmentsFieldSchema = z.array(AttachmentSchema).max(2000).optional();

/** Extensions the system viewer opens (documents and images), with their media types. */
export const VIEWABLE_MEDIA_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xls: 'application/vnd.ms-excel',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

/** The file name's last extension, lower case, '' when none ("Scan.PDF" -> "pdf"). */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? '' : base.slice(dot + 1).toLowerCase();
}

export function mediaTypeOf(name: string): string {
  return VIEWABLE_MEDIA_TYPES[extensionOf(name)] ?? 'application/octet-stream';
}

/**
 * How "Open" treats an attachment: documents and images open in the system viewer, anything
 * else (an .exe, a .bat, a .lnk, a file without extension) is only shown in its folder, never run.
 * Decided by the extension of the stored name, since that is what the system viewer would go by.
 */
export function openPolicyOf(name: string): 'open' | 'show-in-folder' {
  return Object.hasOwn(VIEWABLE_MEDIA_TYPES, extensionOf(name)) ? 'open' : 'show-in-folder';
}

/** The kind the add dialog starts on: a PDF on an MoU is most likely its signed scan. */
export function guessAttachmentKind(name: string, on: 'proposal' | 'mou'): AttachmentKind {
  const lower = name.toLowerCase();
  if (/amend/.test(lower)) return 'amendment';
  if (/minute/.test(lower)) return 'minutes';
  if (/offer/.test(lower)) return 'offer-letter';
  if (/site|visit|photo/.test(lower) || ['jpg', 'jpeg', 'png', 'heic', 'gif', 'tif', 'tiff'].includes(extensionOf(lower))) return 'site-visit';
  if (on === 'mou' && extensionOf(lower) === 'pdf') return 'signed-mou';
  if (on === 'proposal' && extensionOf(lower) === 'pdf') return 'offer-letter';
  return 'other';
}

/** "820 bytes", "14 KB", "3.2 MB" (decimal units, as file managers on Windows show roughly). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1000 * 1000) return `${Math.round(bytes / 1000)} KB`;
  const mb = bytes / (1000 * 1000);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The plain message for a file over the limit, naming it and its size. */
export function tooLargeMessage(name: string, sizeBytes: number): string {
  const size = formatFileSize(sizeBytes);
  const limit = formatFileSize(MAX_ATTACHMENT_BYTES);
  return `${name} is ${size === limit ? `just over ${size}` : size}; attachments can be at most ${limit} each.`;
}

/** The first 12 hex of the hash, as the list shows it. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12);

/** What Verify attachments says about one reference whose file is not as it was added. */
export function verifyProblemMessage(name: string, recordLabel: string, outcome: 'missing' | 'changed'): string {
  return outcome === 'missing'
    ? `${name} on ${recordLabel}: the stored file is missing from the data folder.`
    : `${name} on ${recordLabel}: the stored file has changed since it was added.`;
}
