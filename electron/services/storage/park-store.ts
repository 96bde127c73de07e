import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { DatabaseSchema, emptyDatabase, type Database } from '../../../shared/domain/database';
import { ApiFailure } from '../../../shared/api/result';

/** The data file could not be read as a Park Desk database; nothing was written over it. */
export class DataFileError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataFileError';
  }
}

function parseDatabaseText(file: string, text: string): Database {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(file, `The data file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = DatabaseSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join('.')}: ` : '';
    throw new DataFileError(file, `The data file ${file} is not a Park Desk database (${where}${first?.message}).`);
  }
  return parsed.data;
}

/**
 * The one writer of the data file. Every change is made on a copy and becomes the store's
 * data only once it is on disk, so a failed save leaves memory and file as they were.
 */
export class ParkStore {
  private lastWrite: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly db: Low<Database>,
    readonly file: string,
  ) {}

  static async open(file: string): Promise<ParkStore> {
    // lowdb's JSONFile takes a file holding `null` for a missing one and never validates,
    // so the file is parsed and checked here; a missing file (null from read) starts empty.
    const adapter = new DataFile<Database>(file, {
      parse: (text) => parseDatabaseText(file, text),
      stringify: (data) => JSON.stringify(data),
    });
    const db = new Low<Database>(adapter, emptyDatabase());
    await db.read();
    return new ParkStore(db, file);
  }

  /** Resolves once the last write has finished; later writes are refused. */
  async close(): Promise<void> {
    this.closed = true;
    await this.lastWrite;
  }

  get data(): Readonly<Database> {
    return this.db.data;
  }

  /** Applies `change` to a copy, writes it, then makes it current. Returns what `change` returned. */
  async update<T>(change: (draft: Database) => T): Promise<T> {
    // Writes run one after another, so each starts from the data the previous one saved.
    const run = this.lastWrite.then(() => this.applyAndWrite(change));
    this.lastWrite = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async applyAndWrite<T>(change: (draft: Database) => T): Promise<T> {
    if (this.closed) throw new ApiFailure('storage', 'The data file is closed; nothing was saved.');
    const previous = this.db.data;
    const draft = structuredClone(previous);
    const result = change(draft);
    this.db.data = draft;
    try {
      await this.db.write();
    } catch (error) {
      this.db.data = previous;
      throw new ApiFailure('storage', `Could not save to ${this.file}: ${(error as Error).message}. Nothing was changed.`);
    }
    return result;
  }
}
