import { z } from 'zod';
import { NoInput } from './no-input';

export const ImportReadingProgressSchema = z.object({
  /** reading: the file from disk (bytesRead of totalBytes); checking: parsing and validating it. */
  phase: z.enum(['reading', 'checking']),
  bytesRead: z.number(),
  totalBytes: z.number(),
});
export type ImportReadingProgress = z.output<typeof ImportReadingProgressSchema>;

/** While previewImport reads a large file (in a worker), how far it is, and a way to stop it. */
export const importReadingCalls = {
  getImportReadingProgress: {
    input: NoInput,
    output: z.discriminatedUnion('reading', [
      z.object({ reading: z.literal(false) }),
      ImportReadingProgressSchema.extend({ reading: z.literal(true), file: z.string() }),
    ]),
  },
  /** Stops the file being read; previewImport then answers { cancelled: true }. */
  cancelImportReading: {
    input: NoInput,
    output: z.object({ cancelled: z.boolean() }),
  },
} as const;
