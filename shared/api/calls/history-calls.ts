import { z } from 'zod';
import { ChangeEntrySchema, HistoryVerificationSchema, RECORD_KINDS } from '../../domain/change-entry';
import { NoInput } from './no-input';

/** Each record's field-level change history, and the auditor's check of the whole chain. */
export const historyCalls = {
  /** The change-log entries of one record, oldest first, across compactions. */
  recordHistory: {
    input: z.strictObject({ kind: z.enum(RECORD_KINDS), id: z.string().min(1).max(200) }),
    output: z.array(ChangeEntrySchema),
  },
  /** Recomputes the hash chain from its first entry; names the first entry that does not match. */
  verifyHistory: {
    input: NoInput,
    output: HistoryVerificationSchema,
  },
} as const;
