import { z } from 'zod';
import { BackupInfoSchema } from '../../domain/backup';
import { NoInput } from './no-input';

/** One record named the way officials know it: reference (or MoU number) and title. */
export const ImportRowSchema = z.object({ id: z.string(), label: z.string(), detail: z.string().optional() });
export const ImportConflictSchema = z.object({ id: z.string(), label: z.string(), reason: z.string() });

const ImportSideSchema = z.object({
  /** In the file, not on this computer: will be added. */
  added: z.array(ImportRowSchema),
  /** On both: what the file adds (history entries, obligations…) is merged in; `detail` says what. */
  merged: z.array(ImportRowSchema),
  /** The same on both, or nothing in the file that is not here already. */
  unchanged: z.number(),
  /** Cannot be imported (its number is used by a different record here): left as they are. */
  leftAlone: z.array(ImportConflictSchema),
});
export type ImportSide = z.output<typeof ImportSideSchema>;

/** One field that differs between this computer's copy of a record and the file's; the official chooses. */
export const ImportDifferenceSchema = z.object({
  /** Stable while the records stay as they are: the key of the choice sent with applyImport. */
  id: z.string(),
  kind: z.enum(['proposal', 'mou']),
  record: z.string(),
  field: z.string(),
  mine: z.string(),
  theirs: z.string(),
  mineUpdatedAt: z.string(),
  theirsUpdatedAt: z.string(),
});
export type ImportDifference = z.output<typeof ImportDifferenceSchema>;

export const ImportPreviewSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({
    cancelled: z.literal(false),
    /** Names the preview to apply; nothing changes until applyImport is called with it. */
    importId: z.uuid(),
    file: z.string(),
    exportedAt: z.string().optional(),
    /**
     * The file's change log, checked before this preview: verified (the chain recomputes and ends
     * where the file's records stand), or none to verify (an older bundle, a JSON export, a backup).
     * A bundle whose change log does not verify is refused instead of previewed.
     */
    changeLog: z.object({ verified: z.boolean(), entries: z.number().int().optional() }).optional(),
    proposals: ImportSideSchema,
    mous: ImportSideSchema,
    differences: z.array(ImportDifferenceSchema),
  }),
]);
export type ImportPreview = z.output<typeof ImportPreviewSchema>;

export const IMPORT_CHOICES = ['mine', 'theirs'] as const;
export type ImportChoice = (typeof IMPORT_CHOICES)[number];
const MAX_CHOICES = 100_000;

const SavedFileSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({ cancelled: z.literal(false), savedTo: z.string(), rows: z.number() }),
]);

/** Moving records between computers and into spreadsheets. Main asks where through its own dialogs. */
export const exchangeCalls = {
  exportAll: {
    input: NoInput,
    output: SavedFileSchema,
  },
  previewImport: {
    input: NoInput,
    output: ImportPreviewSchema,
  },
  applyImport: {
    input: z.strictObject({
      importId: z.uuid({ error: 'Not a valid import.' }),
      /** For each difference of the preview (by its id): keep this computer's value or take the file's. */
      choices: z
        .array(z.strictObject({ id: z.string().max(600), take: z.enum(IMPORT_CHOICES) }))
        .max(MAX_CHOICES)
        .default([]),
    }),
    output: z.object({ added: z.number(), changed: z.number(), safetyBackup: BackupInfoSchema }),
  },
  exportProposalsCsv: {
    input: NoInput,
    output: SavedFileSchema,
  },
  exportMousCsv: {
    input: NoInput,
    output: SavedFileSchema,
  },
} as const;
