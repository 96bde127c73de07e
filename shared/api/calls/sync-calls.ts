import { z } from 'zod';
import { NoInput } from './no-input';

/**
 * Replication through a CouchDB server (issue 16): the connection settings (the password goes to
 * the OS's protected store, never into the data file), the status line, "Sync now", and the
 * conflicts an official settles. Handlers: electron/services/sync/.
 */

/** Loopback names where plain http is allowed (a server on this PC, as in the tests). */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a server address is refused, or undefined when it is fine. Shared with the settings form. */
export function serverUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter the server address in full, e.g. https://couch.pseb.org.pk:6984.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The server address must start with https://.';
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) {
    return 'Use https:// for a server on another computer; plain http:// is allowed only for localhost.';
  }
  if (url.username || url.password) return 'Enter the user name and password in their own boxes, not in the address.';
  if (url.search || url.hash) return 'The server address cannot hold ? or #.';
  return undefined;
}

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export const SyncSettingsSchema = z.object({
  serverUrl: z.string().optional(),
  database: z.string().optional(),
  userName: z.string().optional(),
  /** A password is kept in the OS's protected store (it is never sent back to the screen). */
  hasPassword: z.boolean(),
});
export type SyncSettings = z.output<typeof SyncSettingsSchema>;

export const SaveSyncSettingsInput = z.strictObject({
  serverUrl: z
    .string()
    .trim()
    .min(1, { error: 'Enter the server address.' })
    .max(500, { error: 'The server address must be at most 500 characters.' })
    .superRefine((value, ctx) => {
      const problem = serverUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => value.replace(/\/+$/, '')),
  database: z
    .string()
    .trim()
    .min(1, { error: 'Enter the database name.' })
    .max(238, { error: 'The database name must be at most 238 characters.' })
    .regex(DATABASE_NAME, { error: 'A database name starts with a lower-case letter and holds only a-z, 0-9 and _$()+-/.' }),
  userName: z.string().trim().min(1, { error: 'Enter your user name on the server.' }).max(200, { error: 'The user name must be at most 200 characters.' }),
  /** Left out to keep the password already stored. */
  password: z.string().min(1, { error: 'Enter the password.' }).max(500, { error: 'The password must be at most 500 characters.' }).optional(),
});
export type SaveSyncSettings = z.output<typeof SaveSyncSettingsInput>;

export const SYNC_STATES = ['off', 'idle', 'syncing', 'unreachable', 'refused'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const SyncStatusSchema = z.object({
  /**
   * off: no server set; idle: connected, between syncs; syncing: a sync under way;
   * unreachable: the server did not answer (the next try is automatic); refused: the server
   * answered but refused (password, permissions, security) — `message` says what to do.
   */
  state: z.enum(SYNC_STATES),
  /** When the last complete sync finished (ISO). */
  lastSyncedAt: z.string().optional(),
  /** Records changed here that the server has not had yet. */
  waitingChanges: z.number().int().min(0),
  /** Conflicts waiting for an official to choose. */
  conflictCount: z.number().int().min(0),
  /** A sentence for the status line when unreachable or refused. */
  message: z.string().optional(),
});
export type SyncStatus = z.output<typeof SyncStatusSchema>;

const ConflictSideSchema = z.object({
  value: z.unknown(),
  /** Who set this value, and when (ISO), as far as the record says. */
  by: z.string(),
  at: z.string(),
});

export const SyncConflictSchema = z.object({
  id: z.string(),
  recordKind: z.enum(['proposal', 'mou']),
  recordId: z.string(),
  recordTitle: z.string(),
  /** Where in the record, e.g. `fields.grossAreaSqFt` or `obligations[id=…].dueOn`. */
  field: z.string(),
  /** This computer's value (kept in the record until someone chooses). */
  local: ConflictSideSchema,
  /** The value from the server (another PC). */
  remote: ConflictSideSchema,
});
export type SyncConflict = z.output<typeof SyncConflictSchema>;

export const syncCalls = {
  getSyncSettings: {
    input: NoInput,
    output: SyncSettingsSchema,
  },
  /** Checks the server (CouchDB, credentials, database security) before keeping anything. */
  saveSyncSettings: {
    input: SaveSyncSettingsInput,
    output: SyncSettingsSchema,
  },
  /** Stops syncing here and forgets the server and password (the records stay). */
  forgetSyncSettings: {
    input: NoInput,
    output: SyncSettingsSchema,
  },
  getSyncStatus: {
    input: NoInput,
    output: SyncStatusSchema,
  },
  /** Syncs now and answers the status after; an unreachable server is a state, not an error. */
  syncNow: {
    input: NoInput,
    output: SyncStatusSchema,
  },
  listSyncConflicts: {
    input: NoInput,
    output: z.array(SyncConflictSchema),
  },
  /** Keeps one side; the other stays in the record's history (a note), and the choice is pushed. */
  resolveSyncConflict: {
    input: z.strictObject({ id: z.string().min(1), keep: z.enum(['local', 'remote']) }),
    output: SyncStatusSchema,
  },
} as const;
