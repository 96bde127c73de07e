import { z } from 'zod';
import { ProposalSchema } from './proposal';
import { MouSchema } from './mou';
import { JournalMarkSchema } from './change-entry';

/** Bumped whenever the file's shape changes; the store migrates older files on load. */
export const CURRENT_SCHEMA_VERSION = 1;

export const SettingsSchema = z.strictObject({
  /** Recorded as "who" in every stage move and on exported summaries. */
  officialName: z.string().max(120),
  /** Set once the sample parks were loaded, so they are never added twice. */
  sampleDataLoadedAt: z.iso.datetime().optional(),
  /** How many operational parks the programme aims for; the dashboard shows progress against it. */
  operationalTarget: z.number().int().min(0).optional(),
  /** Days in one stage after which the dashboard counts a proposal as stuck (60 when unset). */
  stuckAfterDays: z.number().int().min(1).max(3650).optional(),
});
export type Settings = z.output<typeof SettingsSchema>;

export const DatabaseSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: SettingsSchema,
  proposals: z.array(ProposalSchema),
  mous: z.array(MouSchema),
  /**
   * The last change-log entry this file contains (its seq and hash): opening replays only the
   * journal's entries after it, and Verify history checks it against the chain. Absent in files
   * written before the change log, which count as holding no entry.
   */
  journal: JournalMarkSchema.optional(),
});
export type Database = z.output<typeof DatabaseSchema>;

export function emptyDatabase(): Database {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { officialName: '' }, proposals: [], mous: [] };
}
