import { createHash } from 'node:crypto';
import {
  canonicalEntryText,
  ChangeEntrySchema,
  GENESIS_HASH,
  type ChangeEntry,
  type HistoryVerification,
  type JournalMark,
  type UnhashedChangeEntry,
} from '../../../shared/domain/change-entry';
import { SettingsSchema, type Database } from '../../../shared/domain/database';
import { MouSchema } from '../../../shared/domain/mou';
import { ProposalSchema } from '../../../shared/domain/proposal';
import { recordChanges } from '../../../shared/domain/record-changes';

/**
 * The change log under the store: one line of JSON per entry (see shared/domain/change-entry.ts),
 * appended and fsynced before a save is acknowledged.
 *
 * Files, beside the data file `park-desk-data.json`:
 * - `park-desk-data.journal`: the entries since the last compaction (what opening replays onto
 *   the snapshot, after the snapshot's recorded seq).
 * - `park-desk-data.history`: every entry compaction has folded into a snapshot, appended there
 *   (never rewritten), so each record's history and the hash chain survive compaction.
 *
 * A save touching several records writes one entry per record in ONE append and ONE fsync; every
 * entry but the last of a save carries `more: true`, so a save cut short mid-append is recognised
 * on open and dropped whole (it was never acknowledged).
 */

export const EMPTY_MARK: JournalMark = { seq: 0, hash: GENESIS_HASH };

export function journalPathOf(dataFile: string): string {
  return `${dataFile.replace(/\.json$/, '')}.journal`;
}

export function historyPathOf(dataFile: string): string {
  return `${dataFile.replace(/\.json$/, '')}.history`;
}

/** SHA-256 (hex) over the canonical encoding of the entry without its hash. */
export function hashOfEntry(entry: UnhashedChangeEntry | ChangeEntry): string {
  return createHash('sha256').update(canonicalEntryText(entry), 'utf8').digest('hex');
}

/** The entry with its hash. */
export function sealEntry(entry: UnhashedChangeEntry): ChangeEntry {
  return { ...entry, hash: hashOfEntry(entry) };
}

const NEWLINE = 0x0a;

/** One entry as its journal line (JSON and a newline). */
export function entryLine(entry: ChangeEntry): Buffer {
  return Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
}

/** One line of a journal or history file, read. */
export interface JournalLine {
  /** Byte offset of the line in the file, and its length with its newline. */
  offset: number;
  length: number;
  entry?: ChangeEntry;
  /** Set when the line is not a valid entry, or its contents do not match its hash. */
  problem?: string;
}

/** Splits a file into its lines (empty lines are skipped); `tail` is bytes after the last newline (a cut-short append). */
export function readLines(bytes: Uint8Array): { lines: JournalLine[]; tail: { offset: number; length: number } | undefined } {
  const lines: JournalLine[] = [];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let start = 0;
  while (start < buffer.length) {
    const end = buffer.indexOf(NEWLINE, start);
    if (end < 0) return { lines, tail: { offset: start, length: buffer.length - start } };
    if (end > start) lines.push({ offset: start, length: end + 1 - start, ...readEntry(buffer.subarray(start, end)) });
    start = end + 1;
  }
  return { lines, tail: undefined };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readEntry(bytes: Uint8Array): { entry?: ChangeEntry; problem?: string } {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return { problem: 'it is not a complete entry (cut short or garbled)' };
  }
  const parsed = ChangeEntrySchema.safeParse(json);
  if (!parsed.success) return { problem: `it is not a valid entry (${parsed.error.issues[0]?.path.join('.') || 'shape'}: ${parsed.error.issues[0]?.message})` };
  const entry = parsed.data;
  if (hashOfEntry(entry) !== entry.hash) return { entry, problem: 'its contents do not match its hash: it was changed after it was written' };
  return { entry };
}

/**
 * The entries of one record in a journal or history file, without reading every line: the file is
 * searched for `"recordId":"<id>"` (how entryLine writes it) and only the lines holding it are
 * parsed. Entries whose hash does not match are still listed (Verify history names them).
 */
export function entriesOfRecord(bytes: Uint8Array, kind: string, id: string): ChangeEntry[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const needle = Buffer.from(`"recordId":${JSON.stringify(id)}`, 'utf8');
  const found: ChangeEntry[] = [];
  for (let at = buffer.indexOf(needle); at >= 0; ) {
    const start = buffer.lastIndexOf(NEWLINE, at) + 1;
    const end = buffer.indexOf(NEWLINE, at);
    if (end < 0) break; // a cut-short last line
    const { entry } = readEntry(buffer.subarray(start, end));
    if (entry && entry.recordKind === kind && entry.recordId === id) found.push(entry);
    at = buffer.indexOf(needle, end);
  }
  return found;
}

/** What opening makes of the journal file. */
export interface JournalReading {
  /** Entries that stand, in order (after dropping a cut-short last save). */
  entries: ChangeEntry[];
  /** Their lines' bytes, as they are in the file. */
  lines: Buffer[];
  /** Bytes of the file that were dropped (a torn last append), with why; undefined when none. */
  dropped?: { bytes: number; reason: string };
  /** A line before the end that cannot be read at all: the journal cannot be replayed past it. */
  damaged?: { line: number; reason: string };
}

/**
 * Reads the journal for replay. A cut-short last append (no newline, an entry that does not
 * parse or whose hash does not match, or a save whose `more: true` entries have no last entry)
 * is dropped: it was never acknowledged. An unreadable line with good lines after it is damage,
 * not a torn append. A line whose hash does not match but which reads is kept for replay (what
 * it says was saved): Verify history names it.
 */
export function readJournal(bytes: Uint8Array): JournalReading {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { lines, tail } = readLines(buffer);
  let keep = lines.length;
  let reason: string | undefined = tail ? 'the last change was cut short (no end of line)' : undefined;
  // The last line(s) may be a torn append: drop unreadable or unverifiable lines from the end.
  if (keep > 0 && lines[keep - 1]!.problem !== undefined) {
    reason = `the last change could not be verified: ${lines[keep - 1]!.problem}`;
    keep -= 1;
  }
  // A save is whole or not at all: drop the entries of a save whose last entry never arrived.
  while (keep > 0 && lines[keep - 1]!.entry?.more === true) {
    reason ??= 'the last save was cut short before all its changes were written';
    keep -= 1;
  }
  const kept = lines.slice(0, keep);
  const unreadable = kept.findIndex((line) => line.entry === undefined);
  const reading: JournalReading = {
    entries: kept.flatMap((line) => (line.entry ? [line.entry] : [])),
    lines: kept.map((line) => buffer.subarray(line.offset, line.offset + line.length)),
  };
  if (unreadable >= 0) reading.damaged = { line: unreadable + 1, reason: kept[unreadable]!.problem ?? 'unreadable' };
  const keptBytes = kept.length === 0 ? 0 : kept[kept.length - 1]!.offset + kept[kept.length - 1]!.length;
  if (keptBytes < buffer.length && reason) reading.dropped = { bytes: buffer.length - keptBytes, reason };
  return reading;
}

/**
 * Reads the history archive: every entry, in order. An unreadable line is skipped (a torn archive
 * append is always written again whole, starting on a new line); an entry already read (the same
 * seq again, from an archive append repeated after a crash) is skipped too. What is left is
 * checked by `verifyChain`, which names a missing entry.
 */
export function readHistory(bytes: Uint8Array): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  let last = 0;
  for (const line of readLines(bytes).lines) {
    if (!line.entry) continue;
    if (line.entry.seq <= last) continue;
    entries.push(line.entry);
    last = Math.max(last, line.entry.seq);
  }
  return entries;
}

export interface ChainInput {
  /** History archive entries then journal entries, in file order; `problems` holds hash mismatches by seq. */
  entries: readonly ChangeEntry[];
  /** The mark the data file (snapshot) records, if it records one. */
  snapshotMark?: JournalMark;
}

function describeEntry(entry: ChangeEntry): string {
  return `change ${entry.seq} (${entry.op} of ${entry.recordKind} ${entry.recordId}, ${entry.at})`;
}

function failure(entry: ChangeEntry | undefined, seq: number, message: string): HistoryVerification {
  return entry
    ? { ok: false, seq, at: entry.at, recordKind: entry.recordKind, recordId: entry.recordId, message }
    : { ok: false, seq, message };
}

/**
 * Recomputes the chain from the first entry: each entry's hash over its own contents, its `prev`
 * against the hash of the entry before, its seq one more than the one before; and the snapshot's
 * recorded mark against the entry with that seq. Names the first entry that does not match.
 */
export function verifyChain({ entries, snapshotMark }: ChainInput): HistoryVerification {
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  let markChecked = snapshotMark === undefined || snapshotMark.seq === 0;
  if (snapshotMark && snapshotMark.seq === 0 && snapshotMark.hash !== GENESIS_HASH)
    return failure(undefined, 0, 'The data file records a change-log position before any change, with a hash that is not the start of a chain.');
  for (const entry of entries) {
    if (entry.seq !== prevSeq + 1) {
      const missing = prevSeq + 1;
      return failure(entry.seq === missing ? entry : undefined, missing, `Change ${missing} is missing or cannot be read; the history jumps from change ${prevSeq} to change ${entry.seq}.`);
    }
    if (hashOfEntry(entry) !== entry.hash) return failure(entry, entry.seq, `The contents of ${describeEntry(entry)} do not match its hash: it was changed after it was written.`);
    if (entry.prev !== prevHash) return failure(entry, entry.seq, `${capitalise(describeEntry(entry))} does not follow the change before it (its previous-hash does not match).`);
    if (!markChecked && snapshotMark && entry.seq === snapshotMark.seq) {
      if (snapshotMark.hash !== entry.hash)
        return failure(entry, entry.seq, `The data file says it holds everything up to change ${entry.seq}, but the hash it records for that change does not match ${describeEntry(entry)}.`);
      markChecked = true;
    }
    prevHash = entry.hash;
    prevSeq = entry.seq;
  }
  if (!markChecked && snapshotMark)
    return failure(undefined, snapshotMark.seq, `The data file says it holds everything up to change ${snapshotMark.seq}, but the change log ends at change ${prevSeq}.`);
  return { ok: true, entries: entries.length, lastHash: prevHash };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Applies journal entries (in order) to the data a snapshot holds: a created or updated record
 * is put in place (a new one at the end of its list), a deleted one removed, settings and other
 * parts replaced. Each record is checked against its schema; a record that does not pass is a
 * damaged journal (throws with a sentence naming the entry).
 */
export function replayEntries(base: Database, entries: readonly ChangeEntry[]): Database {
  if (entries.length === 0) return base;
  const db: Record<string, unknown> & Database = { ...base, proposals: [...base.proposals], mous: [...base.mous] };
  const positions = {
    proposal: new Map(db.proposals.map((record, index) => [record.id, index])),
    mou: new Map(db.mous.map((record, index) => [record.id, index])),
  };
  for (const entry of entries) {
    switch (entry.recordKind) {
      case 'proposal':
      case 'mou': {
        const list = (entry.recordKind === 'proposal' ? db.proposals : db.mous) as { id: string }[];
        const index = positions[entry.recordKind];
        const at = index.get(entry.recordId);
        if (entry.op === 'delete') {
          if (at !== undefined) {
            list.splice(at, 1);
            index.clear();
            list.forEach((record, i) => index.set(record.id, i));
          }
          break;
        }
        const schema = entry.recordKind === 'proposal' ? ProposalSchema : MouSchema;
        const parsed = schema.safeParse(entry.record);
        if (!parsed.success || parsed.data.id !== entry.recordId) throw new Error(`change ${entry.seq} does not hold a valid ${entry.recordKind}`);
        if (at === undefined) {
          index.set(entry.recordId, list.length);
          list.push(parsed.data);
        } else list[at] = parsed.data;
        break;
      }
      case 'settings': {
        const parsed = SettingsSchema.safeParse(entry.record);
        if (!parsed.success) throw new Error(`change ${entry.seq} does not hold valid settings`);
        db.settings = parsed.data;
        break;
      }
      case 'database':
        if (entry.op === 'replace-all') throw new Error(`change ${entry.seq} replaced all records, but the data file does not hold them`);
        if (entry.op === 'delete') delete db[entry.recordId];
        else db[entry.recordId] = entry.record;
        break;
    }
  }
  return db;
}

/** One record's change, before it is numbered, chained and hashed. */
export type RecordChange = Pick<ChangeEntry, 'recordKind' | 'recordId' | 'op' | 'changes'> & { record?: unknown; reason?: string };

type Identified = { id: string };

function listChanges(kind: 'proposal' | 'mou', before: readonly Identified[], after: readonly Identified[], out: RecordChange[]): void {
  if (before === after) return;
  const found: RecordChange[] = [];
  const update = (old: Identified, next: Identified) => {
    const changes = recordChanges(old, next);
    if (changes.length > 0) found.push({ recordKind: kind, recordId: next.id, op: 'update', changes, record: next });
  };
  // Copy-on-write: a record the save did not touch is the same object, so a pass comparing
  // identities finds the touched ones without looking inside the others.
  const common = Math.min(before.length, after.length);
  let sameOrder = true;
  for (let i = 0; i < common; i += 1) {
    const old = before[i]!;
    const next = after[i]!;
    if (old === next) continue;
    if (old.id !== next.id) {
      sameOrder = false;
      break;
    }
    update(old, next);
  }
  if (sameOrder) {
    for (let i = common; i < after.length; i += 1) found.push({ recordKind: kind, recordId: after[i]!.id, op: 'create', changes: recordChanges(undefined, after[i]), record: after[i] });
    for (let i = common; i < before.length; i += 1) found.push({ recordKind: kind, recordId: before[i]!.id, op: 'delete', changes: recordChanges(before[i], undefined) });
    out.push(...found);
    return;
  }
  // Records removed or reordered: match by id.
  found.length = 0;
  const old = new Map(before.map((record) => [record.id, record]));
  const kept = new Set<string>();
  for (const next of after) {
    const previous = old.get(next.id);
    kept.add(next.id);
    if (previous === undefined) found.push({ recordKind: kind, recordId: next.id, op: 'create', changes: recordChanges(undefined, next), record: next });
    else if (previous !== next) update(previous, next);
  }
  for (const record of before) if (!kept.has(record.id)) found.push({ recordKind: kind, recordId: record.id, op: 'delete', changes: recordChanges(record, undefined) });
  out.push(...found);
}

/** Parts of the data file that are not records, settings, the version or the mark: kept whole. */
const OWN_KEYS = new Set(['schemaVersion', 'proposals', 'mous', 'settings', 'journal']);

/** The records a save changed, each with its field changes (an empty list when nothing changed). */
export function changesBetween(before: Database, after: Database): RecordChange[] {
  const out: RecordChange[] = [];
  listChanges('proposal', before.proposals, after.proposals, out);
  listChanges('mou', before.mous, after.mous, out);
  if (before.settings !== after.settings) {
    const changes = recordChanges(before.settings, after.settings);
    if (changes.length > 0) out.push({ recordKind: 'settings', recordId: 'settings', op: 'update', changes, record: after.settings });
  }
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (OWN_KEYS.has(key) || b[key] === a[key]) continue;
    const changes = recordChanges({ [key]: b[key] }, { [key]: a[key] });
    if (changes.length === 0) continue;
    out.push(a[key] === undefined ? { recordKind: 'database', recordId: key, op: 'delete', changes } : { recordKind: 'database', recordId: key, op: 'update', changes, record: a[key] });
  }
  return out;
}

/** Numbers, chains and hashes a save's record changes; every entry but the last is marked `more`. */
export function chainEntries(changes: readonly RecordChange[], from: JournalMark, at: string, by: string): ChangeEntry[] {
  const entries: ChangeEntry[] = [];
  let prev = from;
  changes.forEach((change, index) => {
    const unhashed: UnhashedChangeEntry = { seq: prev.seq + 1, at, by, ...change, prev: prev.hash };
    if (change.record === undefined) delete unhashed.record;
    if (change.reason === undefined) delete unhashed.reason;
    if (index < changes.length - 1) unhashed.more = true;
    const entry = sealEntry(unhashed);
    entries.push(entry);
    prev = { seq: entry.seq, hash: entry.hash };
  });
  return entries;
}
