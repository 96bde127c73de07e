import { z } from 'zod';

/**
 * A token main hands out for a file it has just written (an exported PDF). The renderer
 * names the file only by this token, never by a path, so it can open nothing else.
 */
export const ExportedFileTokenSchema = z.string().regex(/^[0-9a-f-]{36}$/, { error: 'Not a valid exported file token.' });

/** Opening what was exported: the file itself, or its folder with the file selected. */
export const exportedFileCalls = {
  openExportedFile: {
    input: z.strictObject({ fileToken: ExportedFileTokenSchema }),
    output: z.object({ opened: z.literal(true) }),
  },
  showExportedFileInFolder: {
    input: z.strictObject({ fileToken: ExportedFileTokenSchema }),
    output: z.object({ shown: z.literal(true) }),
  },
} as const;
