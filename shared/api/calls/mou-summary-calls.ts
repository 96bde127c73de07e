import { z } from 'zod';
import { IdSchema } from '../../domain/proposal';
import { ExportedFileTokenSchema } from './exported-file-calls';
import { NoInput } from './no-input';

const ExportedFileSchema = z.object({
  /** Where main wrote it, for the notice; the renderer never sends a path back. */
  path: z.string(),
  fileName: z.string(),
  bytes: z.number(),
  /** Names the file for Open PDF / Show in folder. */
  fileToken: ExportedFileTokenSchema,
});

/** A token main hands out for a folder the official chose; the renderer never names a folder itself. */
const FolderTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Not a valid export folder token.' });

/** Print a blank to complete by hand for every field not recorded; left out by default. */
const BlankUnrecordedSchema = z.boolean().optional();

/** Preview and PDF export of MoU summaries. */
export const mouSummaryCalls = {
  /** The summary document, exactly as it prints, for the on-screen preview. */
  getMouSummaryHtml: {
    input: z.strictObject({ id: IdSchema, blankUnrecorded: BlankUnrecordedSchema }),
    output: z.object({ html: z.string(), mouNumber: z.string(), fileName: z.string() }),
  },
  /** Asks where to save (native dialog), prints, writes the file. */
  exportMouSummaryPdf: {
    input: z.strictObject({ id: IdSchema, blankUnrecorded: BlankUnrecordedSchema }),
    output: z.union([ExportedFileSchema.extend({ cancelled: z.literal(false) }), z.object({ cancelled: z.literal(true) })]),
  },
  /** Asks for a folder (native dialog) for a batch export. */
  chooseExportFolder: {
    input: NoInput,
    output: z.union([z.object({ cancelled: z.literal(false), folderToken: FolderTokenSchema, folder: z.string() }), z.object({ cancelled: z.literal(true) })]),
  },
  /** One MoU of a batch, into the chosen folder; an existing file gets a " (2)" sibling, never overwritten. */
  exportMouSummaryToFolder: {
    input: z.strictObject({ id: IdSchema, folderToken: FolderTokenSchema, blankUnrecorded: BlankUnrecordedSchema }),
    output: ExportedFileSchema,
  },
  /** Several MoUs as one PDF for a meeting: a contents page, then each summary on new pages; asks where to save. */
  exportCombinedMouSummariesPdf: {
    input: z.strictObject({
      ids: z.array(IdSchema).min(1, { error: 'Choose at least one MoU to export.' }).max(500, { error: 'A combined PDF takes at most 500 MoUs.' }),
      blankUnrecorded: BlankUnrecordedSchema,
    }),
    output: z.union([ExportedFileSchema.extend({ cancelled: z.literal(false), count: z.number() }), z.object({ cancelled: z.literal(true) })]),
  },
} as const;
