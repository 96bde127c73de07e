import { CURRENT_SCHEMA_VERSION, DatabaseSchema, type Database } from '../../../shared/domain/database';
import { migrate, MigrationGapError, MIGRATIONS, type JsonObject, type Migrations } from './migrations';

/**
 * Each record's JSON as UTF-8 bytes, kept with the record. The store never mutates a saved
 * record (a change makes a new object, see ParkStore.update), so a record's bytes stay valid as
 * long as the record lives. A save then encodes only what changed and copies the rest: turning
 * 45 MB of text into UTF-8 again on every save would cost ten times the write itself.
 */
const recordBytes = new WeakMap<object, Buffer>();

function bytesOfRecord(record: object): Buffer {
  let bytes = recordBytes.get(record);
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(record), 'utf8');
    recordBytes.set(record, bytes);
  }
  return bytes;
}

/** The record lists; everything else in the file is small and serialised whole. */
const RECORD_LISTS = new Set(['proposals', 'mous']);
const COMMA = Buffer.from(',');
const OPEN_LIST = Buffer.from('[');
const CLOSE_LIST = Buffer.from(']');

/**
 * The one place the database becomes the file's bytes, as the list of pieces to write in order:
 * together exactly the UTF-8 of JSON.stringify(db). The pieces are the cached records' own
 * buffers, written with one gathered write, so a save allocates (and the OS maps) no new copy
 * of the whole file. Pauses (yields) after every RECORDS_PER_STEP records, so the pieces can be
 * gathered in slices between other work (see databasePartsInSlices).
 */
function* gatherParts(db: Database, parts: Buffer[]): Generator<void, Buffer[]> {
  let head = '{';
  for (const [key, value] of Object.entries(db)) {
    if (value === undefined) continue;
    head += `${head === '{' ? '' : ','}${JSON.stringify(key)}:`;
    if (!RECORD_LISTS.has(key) || !Array.isArray(value)) {
      head += JSON.stringify(value);
      continue;
    }
    parts.push(Buffer.from(head, 'utf8'), OPEN_LIST);
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) parts.push(COMMA);
      parts.push(bytesOfRecord(value[index] as object));
      if (index % RECORDS_PER_STEP === RECORDS_PER_STEP - 1) yield;
    }
    parts.push(CLOSE_LIST);
    head = '';
  }
  parts.push(Buffer.from(`${head}}`, 'utf8'));
  return parts;
}

const RECORDS_PER_STEP = 64;

export function databaseParts(db: Database): Buffer[] {
  const steps = gatherParts(db, []);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * databaseParts without holding the event loop more than about `sliceMs` at a time: records not
 * yet encoded are encoded a slice at a time, with a turn of the event loop between slices
 * (compaction writes the whole snapshot this way while saves and calls go on being answered).
 */
export async function databasePartsInSlices(db: Database, sliceMs = 4): Promise<Buffer[]> {
  const steps = gatherParts(db, []);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}

/** The whole file as one buffer (for backups and comparisons, not for every save). */
export function databaseBytes(db: Database): Buffer {
  return Buffer.concat(databaseParts(db));
}

export function stringifyDatabase(db: Database): string {
  return databaseBytes(db).toString('utf8');
}

/**
 * Encodes every record ahead of the first save, a few hundred at a time between other work,
 * so the official's first save after opening costs no more than any other.
 */
export async function warmSerialisationCache(db: Database, isCancelled: () => boolean = () => false): Promise<void> {
  const BATCH = 100;
  const records = [...db.proposals, ...db.mous];
  for (let start = 0; start < records.length && !isCancelled(); start += BATCH) {
    for (const record of records.slice(start, start + BATCH)) bytesOfRecord(record);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** What the bytes of a data file (or a backup, or an export's payload) turned out to be. */
export type DatabaseReading =
  | { kind: 'ok'; data: Database; migratedFrom?: number }
  /** Written by a newer Park Desk: left exactly as it is. */
  | { kind: 'too-new'; version: number }
  /** Cannot be read as a Park Desk database; `reason` is a sentence for the official. */
  | { kind: 'damaged'; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads already-parsed JSON: version check, migrations, then the full schema. */
export function readDatabaseJson(json: unknown, migrations: Migrations = MIGRATIONS): DatabaseReading {
  if (!isPlainObject(json)) {
    const what = json === null ? 'null' : Array.isArray(json) ? 'a list' : typeof json;
    return { kind: 'damaged', reason: `It holds ${what} instead of Park Desk's records.` };
  }
  const version = json.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { kind: 'damaged', reason: 'It has no valid data version, so it is not a Park Desk data file.' };
  }
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'too-new', version };

  let current: JsonObject = json;
  if (version < CURRENT_SCHEMA_VERSION) {
    try {
      current = migrate(json, version, CURRENT_SCHEMA_VERSION, migrations);
    } catch (error) {
      if (error instanceof MigrationGapError) return { kind: 'damaged', reason: error.message };
      return { kind: 'damaged', reason: `It could not be brought up to date from data version ${version}: ${(error as Error).message}` };
    }
  }
  const parsed = DatabaseSchema.safeParse(current);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
    return { kind: 'damaged', reason: `Its records do not pass Park Desk's checks${where}: ${first?.message ?? 'unknown problem'}` };
  }
  return version < CURRENT_SCHEMA_VERSION ? { kind: 'ok', data: parsed.data, migratedFrom: version } : { kind: 'ok', data: parsed.data };
}

/** Reads a data file's bytes. Empty, truncated, garbled or wrong-shaped files come back as damaged. */
export function readDatabaseBytes(bytes: Uint8Array, migrations: Migrations = MIGRATIONS): DatabaseReading {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { kind: 'damaged', reason: 'It is not text (it holds bytes that are not UTF-8).' };
  }
  // Notepad and some editors add a byte-order mark; it is not part of the JSON.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { kind: 'damaged', reason: 'It is empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'It is cut short or garbled: it is not complete JSON.' };
  }
  return readDatabaseJson(json, migrations);
}
