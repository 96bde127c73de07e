import { z } from 'zod';
import { BackupInfoSchema } from '../../domain/backup';
import { NoInput } from './no-input';

const SampleRecordRowSchema = z.object({ id: z.string(), label: z.string() });

/**
 * Sample records an older Park Desk added to the register itself: those still exactly as added
 * (removable), and those changed since or linked to from a record that stays (kept).
 */
export const SampleRecordsSchema = z.object({
  loadedAt: z.string().optional(),
  removable: z.object({ proposals: z.array(SampleRecordRowSchema), mous: z.array(SampleRecordRowSchema) }),
  kept: z.array(SampleRecordRowSchema.extend({ reason: z.string() })),
});
export type SampleRecords = z.output<typeof SampleRecordsSchema>;

/**
 * Practice data: the sample parks live in a practice data folder of their own (loadSampleData,
 * an app call, opens it), never in the register; these calls lead back and clean up after older
 * versions that did put them in the register.
 */
export const practiceCalls = {
  returnToRegister: {
    input: NoInput,
    output: z.object({ practice: z.literal(false) }),
  },
  findSampleRecords: {
    input: NoInput,
    output: SampleRecordsSchema,
  },
  removeSampleRecords: {
    input: NoInput,
    output: z.object({ removedProposals: z.number(), removedMous: z.number(), kept: z.number(), safetyBackup: BackupInfoSchema }),
  },
} as const;
