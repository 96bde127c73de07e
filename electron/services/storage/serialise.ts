import { CURRENT_SCHEMA_VERSION, DatabaseSchema, type Database } from '../../../shared/domain/database';
import { migrate, MigrationGapError, MIGRATIONS, type JsonObject, type Migrations } from './migrations';

/**
 * Each record's JSON, kept with the record. The store never mutates a saved record (a change
 * makes a new object, see ParkStore.update), so a record's text stays valid as long as the
 * record lives, and a save re-serialises only what changed instead of every record.
 */
const recordJson = new WeakMap<object, string>();

function jsonOfRecord(record: object): string {
  let json = recordJson.get(record);
  if (json === undefined) {
    json = JSON.stringify(record);
    recordJson.set(record, json);
  }
  return json;
}

/** The record lists; everything else in the file is small and serialised whole. */
const RECORD_LISTS = new Set(['proposals', 'mous']);
/** About 1 MB of UTF-8 per piece: large enough to write fast, small enough not to stall main. */
const CHUNK_CHARS = 512 * 1024;

/**
 * The one place the database becomes text, as pieces written one after another, so that no
 * single step holds the main process for long. Joined, the pieces equal JSON.stringify(db).
 */
export function* databaseChunks(db: Database): Generator<string> {
  let piece = '{';
  let firstKey = true;
  for (const [key, value] of Object.entries(db)) {
    if (value === undefined) continue;
    piece += `${firstKey ? '' : ','}${JSON.stringify(key)}:`;
    firstKey = false;
    if (!RECORD_LISTS.has(key) || !Array.isArray(value)) {
      piece += JSON.stringify(value);
      continue;
    }
    piece += '[';
    for (let index = 0; index < value.length; index++) {
      piece += (index === 0 ? '' : ',') + jsonOfRecord(value[index] as object);
      if (piece.length >= CHUNK_CHARS) {
        yield piece;
        piece = '';
      }
    }
    piece += ']';
  }
  yield `${piece}}`;
}

export function stringifyDatabase(db: Database): string {
  return [...databaseChunks(db)].join('');
}

/**
 * Serialises every record ahead of the first save, a few hundred at a time between other
 * work, so the official's first save after opening costs no more than any other.
 */
export async function warmSerialisationCache(db: Database, isCancelled: () => boolean = () => false): Promise<void> {
  const BATCH = 250;
  const records = [...db.proposals, ...db.mous];
  for (let start = 0; start < records.length && !isCancelled(); start += BATCH) {
    for (const record of records.slice(start, start + BATCH)) jsonOfRecord(record);
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
