import { z } from 'zod';
import { BackupIdSchema, BackupInfoSchema } from '../../domain/backup';
import { NoInput } from './no-input';

export const RecoveryStateSchema = z.discriminatedUnion('needed', [
  z.object({ needed: z.literal(false) }),
  z.object({
    needed: z.literal(true),
    /**
     * damaged: unreadable, set aside; too-new: made by a newer Park Desk, left untouched;
     * missing: no data file, but backups of one (quarantined by an antivirus, a profile not synced).
     */
    kind: z.enum(['damaged', 'too-new', 'missing']),
    /** What happened, in a sentence or two. */
    message: z.string(),
    dataFile: z.string(),
    setAsideFile: z.string().optional(),
    backupsFolder: z.string(),
    backups: z.array(BackupInfoSchema),
    /** The newest backup that reads as a valid Park Desk file: what the screen offers first. */
    latestGoodBackupId: z.string().optional(),
  }),
]);
export type RecoveryState = z.output<typeof RecoveryStateSchema>;

/** What a restore found of the attachments its records refer to, each re-hashed. */
export const RestoredAttachmentsSchema = z.object({
  checked: z.number(),
  /** Missing or changed in the data folder, put back from the backups' copy. */
  copiedBack: z.number(),
  /** Neither in the data folder nor in the backups as they were added: named for the official. */
  problems: z.array(z.object({ name: z.string(), record: z.string(), sha256: z.string(), problem: z.enum(['missing', 'changed']) })),
});
export type RestoredAttachments = z.output<typeof RestoredAttachmentsSchema>;

/** Backups, restoring, and recovering from a data file that could not be read. */
export const dataSafetyCalls = {
  getRecoveryState: {
    input: NoInput,
    output: RecoveryStateSchema,
  },
  listBackups: {
    input: NoInput,
    output: z.object({
      folder: z.string(),
      backups: z.array(BackupInfoSchema),
      /** What the backups take together, and what they may take before the oldest are removed. */
      totalBytes: z.number(),
      budgetBytes: z.number(),
      /** An automatic backup that could not be taken this session, in words. */
      problem: z.string().optional(),
    }),
  },
  backUpNow: {
    input: NoInput,
    output: BackupInfoSchema,
  },
  /** Replaces all records with a backup's; a backup of the current data is taken first. */
  restoreBackup: {
    input: z.strictObject({ backupId: BackupIdSchema }),
    output: z.object({
      restored: BackupInfoSchema,
      /** The backup of what was there before, so the restore can be undone. */
      safetyBackup: BackupInfoSchema.optional(),
      setAsideFile: z.string().optional(),
      proposalCount: z.number(),
      mouCount: z.number(),
      /** Only when the restored records refer to attachments. */
      attachments: RestoredAttachmentsSchema.optional(),
    }),
  },
  /** Only while recovering: begins with no records; the unreadable file stays set aside. */
  startEmpty: {
    input: NoInput,
    output: z.object({ setAsideFile: z.string().optional() }),
  },
} as const;
