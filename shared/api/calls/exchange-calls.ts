import { z } from 'zod';
import { BackupInfoSchema } from '../../domain/backup';
import { NoInput } from './no-input';

/** One record named the way officials know it: reference (or MoU number) and title. */
export const ImportRowSchema = z.object({ id: z.string(), label: z.string() });
export const ImportConflictSchema = z.object({ id: z.string(), label: z.string(), reason: z.string() });

const ImportSideSchema = z.object({
  /** In the file, not on this computer: will be added. */
  added: z.array(ImportRowSchema),
  /** Newer in the file: this computer's copy will be replaced. */
  changed: z.array(ImportRowSchema),
  /** Newer on this computer: kept as it is. */
  keptNewer: z.array(ImportRowSchema),
  unchanged: z.number(),
  /** Cannot be merged safely: left as they are on this computer. */
  conflicts: z.array(ImportConflictSchema),
});
export type ImportSide = z.output<typeof ImportSideSchema>;

export const ImportPreviewSchema = z.discriminatedUnion('cancelled', [
  z.object({ cancelled: z.literal(true) }),
  z.object({
    cancelled: z.literal(false),
    /** Names the preview to apply; nothing changes until applyImport is called with it. */
    importId: z.uuid(),
    file: z.string(),
    exportedAt: z.string().optional(),
    proposals: ImportSideSchema,
    mous: ImportSideSchema,
  }),
]);
export type ImportPreview = z.output<typeof ImportPreviewSchema>;

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
    input: z.strictObject({ importId: z.uuid({ error: 'Not a valid import.' }) }),
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
