import { z } from 'zod';
import { ATTACHMENT_KINDS, AttachmentSchema, Sha256Schema } from '../../domain/attachment';
import { IdSchema } from '../../domain/proposal';
import { optionalText } from '../../validation/field-values';
import { NoInput } from './no-input';

export const ATTACHMENT_RECORD_TYPES = ['proposal', 'mou'] as const;
const RecordRef = { recordType: z.enum(ATTACHMENT_RECORD_TYPES), recordId: IdSchema };

/** A file main was shown (chosen in its open dialog, or dropped), named to the renderer only by a token. */
export const StagedFileTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Not a valid file token.' });
export const StagedFileSchema = z.object({
  token: StagedFileTokenSchema,
  name: z.string(),
  sizeBytes: z.number(),
  /** Why it cannot be attached (over the size limit, a folder, unreadable); absent when it can. */
  problem: z.string().optional(),
});
export type StagedFile = z.output<typeof StagedFileSchema>;
const StagedFiles = z.object({ files: z.array(StagedFileSchema) });

export const AttachmentReferenceSchema = z.object({
  recordType: z.enum(ATTACHMENT_RECORD_TYPES),
  recordId: z.string(),
  /** "MoU PSEB/STP/2021/01", "proposal PSEB/STP/FSD/2020-03". */
  recordLabel: z.string(),
  attachmentId: z.string(),
  name: z.string(),
  sha256: z.string(),
  sizeBytes: z.number(),
});
export type AttachmentReference = z.output<typeof AttachmentReferenceSchema>;

/** Documents kept with proposals and MoUs (see shared/domain/attachment.ts). */
export const attachmentCalls = {
  /** The native open dialog (several files, documents and images); cancelled gives no files. */
  chooseAttachmentFiles: {
    input: z.strictObject({ recordType: z.enum(ATTACHMENT_RECORD_TYPES) }),
    output: StagedFiles,
  },
  /** Files dropped on a record: their paths come from the preload (webUtils.getPathForFile). */
  stageDroppedFiles: {
    input: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    output: StagedFiles,
  },
  /** Copies the staged files into the store and adds them to the record, in one save. */
  addAttachments: {
    input: z.strictObject({
      ...RecordRef,
      expectedUpdatedAt: z.iso.datetime(),
      files: z
        .array(z.strictObject({ token: StagedFileTokenSchema, kind: z.enum(ATTACHMENT_KINDS), note: optionalText('Note', 2000) }))
        .min(1)
        .max(100),
    }),
    output: z.object({ updatedAt: z.string(), attachments: z.array(AttachmentSchema) }),
  },
  /** Removes the reference only; the file stays in the store (history and backups may name it). */
  removeAttachment: {
    input: z.strictObject({ ...RecordRef, attachmentId: IdSchema, expectedUpdatedAt: z.iso.datetime() }),
    output: z.object({ updatedAt: z.string(), attachments: z.array(AttachmentSchema) }),
  },
  /** Opens a document or image in the system viewer; anything else is only shown in its folder. */
  openAttachment: {
    input: z.strictObject({ ...RecordRef, attachmentId: IdSchema }),
    output: z.object({ action: z.enum(['opened', 'shown-in-folder']) }),
  },
  showAttachmentInFolder: {
    input: z.strictObject({ ...RecordRef, attachmentId: IdSchema }),
    output: z.object({ shown: z.literal(true) }),
  },
  /** Every attachment every record refers to, for Verify attachments. */
  getAttachmentReferences: {
    input: NoInput,
    output: z.object({ references: z.array(AttachmentReferenceSchema) }),
  },
  /** Re-hashes stored files (the renderer asks a few at a time, to show progress). */
  verifyAttachmentFiles: {
    input: z.strictObject({ sha256: z.array(Sha256Schema).min(1).max(200) }),
    output: z.object({ outcomes: z.record(z.string(), z.enum(['ok', 'missing', 'changed'])) }),
  },
} as const;
