import { z } from 'zod';

export const BACKUP_KINDS = ['session', 'daily', 'manual', 'before-restore', 'before-import', 'before-migration', 'before-removal'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_KIND_LABELS: Record<BackupKind, string> = {
  session: 'Start of a session',
  daily: 'Daily',
  manual: 'Backed up by hand',
  'before-restore': 'Before a restore',
  'before-import': 'Before an import',
  'before-migration': 'Before an upgrade',
  'before-removal': 'Before removing sample records',
};

/** park-desk-data.<kind>.<20261125T100000123Z>.<8 hex of its sha-256>.json: a bare file name, never a path. */
export const BACKUP_ID_PATTERN = /^park-desk-data\.([a-z-]{1,20})\.(\d{8}T\d{9}Z)\.([0-9a-f]{8})\.json$/;

export const BackupIdSchema = z.string().max(80).regex(BACKUP_ID_PATTERN, { error: 'Not a Park Desk backup.' });

export const BackupInfoSchema = z.object({
  /** The backup's file name inside the backups folder. */
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  takenAt: z.string(),
  sizeBytes: z.number(),
});
export type BackupInfo = z.output<typeof BackupInfoSchema>;
