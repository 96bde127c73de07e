import { z } from 'zod';
import { LastOffPcCopySchema, OffPcCopyAttemptSchema } from '../../domain/off-pc-copy';
import { NoInput } from './no-input';

export const OffPcCopyStatusSchema = z.object({
  /** The chosen folder; unset until the official chooses one. */
  folder: z.string().optional(),
  /** Where the copies are, inside it. */
  copiesFolder: z.string().optional(),
  lastComplete: LastOffPcCopySchema.optional(),
  lastAttempt: OffPcCopyAttemptSchema.optional(),
  /** A copy being written now. */
  running: z
    .object({
      phase: z.enum(['data', 'attachments', 'finishing']),
      filesDone: z.number(),
      filesTotal: z.number(),
      bytesDone: z.number(),
      bytesTotal: z.number(),
    })
    .optional(),
  /** What the dashboard says (shared/domain/off-pc-copy.ts), when it says anything. */
  warning: z.string().optional(),
  /** True while the practice data is open: copies are of the register only. */
  practice: z.boolean(),
});
export type OffPcCopyStatus = z.output<typeof OffPcCopyStatusSchema>;

/** A copy of the register and its attachments off this PC: a USB stick or a network share. */
export const offPcCopyCalls = {
  getOffPcCopyStatus: {
    input: NoInput,
    output: OffPcCopyStatusSchema,
  },
  /** Asks for the folder (the platform's folder dialog); cancelled leaves the setting as it was. */
  chooseOffPcCopyFolder: {
    input: NoInput,
    output: z.object({ chosen: z.boolean(), status: OffPcCopyStatusSchema }),
  },
  /** Writes a copy now and verifies it; the answer says how it went (a failure is a status, not an error). */
  copyOffPcNow: {
    input: NoInput,
    output: OffPcCopyStatusSchema,
  },
  /** Forgets the folder: no more copies are made; those already made stay where they are. */
  stopOffPcCopy: {
    input: NoInput,
    output: OffPcCopyStatusSchema,
  },
} as const;
