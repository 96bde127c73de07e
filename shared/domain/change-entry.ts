import { z } from 'zod';

/**
 * One entry of the change log (the journal under the store, see electron/services/storage/journal.ts).
 *
 * A save that touches several records writes one entry per record, all appended with one write and
 * one fsync, so every entry names exactly one record and a record's history is the entries with its
 * kind and id. Entries are hash-chained: `prev` is the hash of the entry before (64 zeros for the
 * first), `hash` is SHA-256 (hex) over `canonicalEntryText(entry without hash)`.
 *
 * Record kinds: 'proposal' and 'mou' (recordId = the record's id), 'settings' (recordId
 * 'settings'), 'database' (recordId 'database' for a 'replace-all' — a restore, an import or a
 * fresh start — or the name of another top-level part of the data file that changed).
 */
export const RECORD_KINDS = ['proposal', 'mou', 'settings', 'database'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const CHANGE_OPS = ['create', 'update', 'delete', 'replace-all'] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** The hash an entry at the start of the chain names as its previous one. */
export const GENESIS_HASH = '0'.repeat(64);

const HexHash = z.string().regex(/^[0-9a-f]{64}$/, { error: 'Not a SHA-256 hash in hex.' });

/**
 * One field that changed. `field` is a dotted path inside the record: `fields.grossAreaSqFt`,
 * `fields.parties.<party id>.name` (items of lists whose items have an `id` are named by that id,
 * so the path means the same item whatever the list's order), `fields.parties.<party id>.signatories.0.name`
 * (lists without ids by position), `stageHistory.3` (an append-only history: each added item is one
 * change with only `after`). `before` absent = the field was not there; `after` absent = removed.
 */
export const FieldChangeSchema = z.strictObject({
  field: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type FieldChange = z.output<typeof FieldChangeSchema>;

export const ChangeEntrySchema = z.strictObject({
  /** 1, 2, 3…: one more than the entry before, across compactions. */
  seq: z.number().int().min(1),
  /** When the save happened (ISO instant). */
  at: z.iso.datetime(),
  /** Who saved it: the official's name from settings ('' when not yet set). */
  by: z.string().max(200),
  recordKind: z.enum(RECORD_KINDS),
  recordId: z.string().min(1).max(200),
  op: z.enum(CHANGE_OPS),
  changes: z.array(FieldChangeSchema),
  /**
   * The record as saved by a 'create' or 'update' (the settings object for 'settings', the part's
   * value for a 'database' part): what opening the data file replays, so replay never depends on
   * re-applying `changes`. Absent on 'delete' and 'replace-all' (whose data is the snapshot written
   * right after it). Covered by the hash like everything else.
   */
  record: z.unknown().optional(),
  /** Set on every entry of a save but its last: a save cut short mid-append is dropped whole on open. */
  more: z.literal(true).optional(),
  /** For a 'replace-all': what replaced the data (e.g. 'restore', 'import', 'fresh-start'). */
  reason: z.string().max(200).optional(),
  prev: HexHash,
  hash: HexHash,
});
export type ChangeEntry = z.output<typeof ChangeEntrySchema>;
export type UnhashedChangeEntry = Omit<ChangeEntry, 'hash'>;

/** Where a snapshot (the data file) stands in the chain: the last entry it already contains. */
export const JournalMarkSchema = z.strictObject({
  seq: z.number().int().min(0),
  hash: HexHash,
});
export type JournalMark = z.output<typeof JournalMarkSchema>;

/**
 * JSON with object keys in sorted order (UTF-16 code units, as RFC 8785 orders them), no
 * whitespace, `undefined` members left out: the same value always gives the same text, whatever
 * order its keys were built in. Numbers and strings as JSON.stringify writes them (RFC 8785's
 * forms for the values Park Desk stores).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** The text an entry's hash is computed over: the canonical JSON of the entry without `hash`. */
export function canonicalEntryText(entry: UnhashedChangeEntry | ChangeEntry): string {
  const { hash: _hash, ...rest } = entry as ChangeEntry;
  return canonicalJson(rest);
}

/** The outcome of recomputing the chain ("Verify history"). */
export const HistoryVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int(), lastHash: z.string() }),
  z.object({
    ok: z.literal(false),
    /** The first entry that does not match (0 when the problem is before any entry, e.g. the snapshot's mark). */
    seq: z.number().int(),
    at: z.string().optional(),
    recordKind: z.string().optional(),
    recordId: z.string().optional(),
    /** What is wrong, in a sentence for the official. */
    message: z.string(),
  }),
]);
export type HistoryVerification = z.output<typeof HistoryVerificationSchema>;
